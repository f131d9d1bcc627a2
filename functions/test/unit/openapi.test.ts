import { readFileSync } from 'node:fs';
import { allRoutes, errorCodesOf } from '@fangxin/shared';
import { STATUS_BY_ERROR_CODE, buildOpenApiDocument } from '../../../shared/src/contract/openapi';
import { OPENAPI_FILE, renderOpenApi } from '../../../scripts/contract/openapi';

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema: { properties?: { code?: { enum?: string[] } } } }> }>; parameters?: Array<{ name: string; in: string }> };

describe('the published API document (docs/openapi.json)', () => {
  it('is current: regenerate it with `npm run openapi` after changing the contract', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderOpenApi());
  });

  const document = buildOpenApiDocument() as { paths: Record<string, Record<string, Operation>> };
  const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));

  it('has one operation per route', () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual(Object.keys(allRoutes).sort());
  });

  it.each(Object.entries(allRoutes))('%s lists exactly the error codes the route declares, each under its status', (name, route) => {
    const operation = operations.find((op) => op.operationId === name)!;
    const documented = Object.entries(operation.responses)
      .filter(([status]) => Number(status) >= 400)
      .flatMap(([status, response]) => {
        const codes = response.content?.['application/json']?.schema.properties?.code?.enum ?? [];
        for (const code of codes) expect(STATUS_BY_ERROR_CODE[code as keyof typeof STATUS_BY_ERROR_CODE]).toBe(Number(status));
        return codes;
      });
    expect(documented.sort()).toEqual(errorCodesOf(route).sort());
  });

  it('names every path parameter of every route', () => {
    for (const [name, route] of Object.entries(allRoutes)) {
      const operation = operations.find((op) => op.operationId === name)!;
      const declared = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)).toEqual(declared);
    }
  });
});
