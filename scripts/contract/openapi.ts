import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../../shared/src/contract/openapi';
import { REPO_ROOT } from './serverless-functions';

/** `npm run openapi`: writes docs/openapi.json from the wire contract (a unit test checks it is current). */
export const OPENAPI_FILE = path.join(REPO_ROOT, 'docs', 'openapi.json');
export const renderOpenApi = () => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (require.main === module) {
  writeFileSync(OPENAPI_FILE, renderOpenApi());
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}
