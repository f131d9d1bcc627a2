import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

/**
 * serverless.yml's functions as data, for the checks that tie the deployment to the wire contract (every
 * route deployed, nothing else exposed) and to the files it names. CloudFormation's short tags (!GetAtt,
 * !Join, !Ref) are read as plain values: these checks never need what they resolve to.
 */
const CLOUDFORMATION_TAGS = ['GetAtt', 'Ref', 'Sub'].map((tag) => new yaml.Type(`!${tag}`, { kind: 'scalar', construct: (data: string) => ({ [tag]: data }) }))
  .concat(['Join', 'Select', 'GetAtt', 'Sub'].map((tag) => new yaml.Type(`!${tag}`, { kind: 'sequence', construct: (data: unknown[]) => ({ [tag]: data }) })));
const SCHEMA = yaml.Schema.create(CLOUDFORMATION_TAGS);

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface DeployedFunction {
  name: string;
  /** `functions/src/handlers/…/file.handler` */
  handler: string;
  /** The TypeScript file the handler lives in, relative to the repository root. */
  handlerFile: string;
  http?: { method: string; path: string };
  schedule?: string;
  stream?: { filterPatterns?: unknown[] };
  environment?: Record<string, string>;
  raw: Record<string, unknown>;
}

interface RawFunction {
  handler: string;
  environment?: Record<string, string>;
  events?: Array<{ httpApi?: { method: string; path: string }; schedule?: string; stream?: { filterPatterns?: unknown[] } }>;
}

/** The parsed serverless.yml (functions, provider, resources…). */
export function readServerlessConfig(): Record<string, unknown> {
  return yaml.load(readFileSync(path.join(REPO_ROOT, 'serverless.yml'), 'utf8'), { schema: SCHEMA }) as Record<string, unknown>;
}

export function deployedFunctions(): DeployedFunction[] {
  const functions = readServerlessConfig().functions as Record<string, RawFunction>;
  return Object.entries(functions).map(([name, fn]) => {
    const http = fn.events?.find((event) => event.httpApi)?.httpApi;
    const schedule = fn.events?.find((event) => event.schedule)?.schedule;
    const stream = fn.events?.find((event) => event.stream)?.stream;
    return {
      name,
      handler: fn.handler,
      handlerFile: `${fn.handler.replace(/\.[^./]+$/, '')}.ts`,
      ...(http ? { http: { method: http.method.toUpperCase(), path: http.path } } : {}),
      ...(schedule ? { schedule } : {}),
      ...(stream ? { stream } : {}),
      ...(fn.environment ? { environment: fn.environment } : {}),
      raw: fn as unknown as Record<string, unknown>,
    };
  });
}
