import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './serverless-functions';

/**
 * Which secrets a function needs, read from its code: least privilege for the deployment's environment.
 * From the handler file, every module it imports at run time (type-only imports do not count) is read for
 * the calls that take a secret. The edge `http/route.ts` is left out: it verifies tokens only on routes that
 * are not public, which the route's `access` says. A module is the unit: a function that imports a module
 * for one export is given what the module's other exports use too (an over-estimate, never an under-one).
 */
export const SECRET_GROUPS = {
  /** Our session tokens' HMAC key: verifying and issuing tokens, upload folders. */
  jwt: ['JWT_SECRET'],
  /** The mini-program's AppSecret: code2Session and the access token behind every WeChat server call. */
  wechat: ['WECHAT_APP_SECRET'],
  /** Tencent Cloud API keys: the SMS fallback and claim codes. */
  sms: ['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY'],
} as const;
export type SecretGroup = keyof typeof SECRET_GROUPS;
export const SECRET_NAMES: readonly string[] = Object.values(SECRET_GROUPS).flat();

/** The calls that read each group's secret (their definitions in config.ts, clients.ts and sms/config.ts aside). */
const USES: Record<SecretGroup, RegExp> = {
  jwt: /\b(authConfig|issueToken|verifyToken)\(/,
  wechat: /\b(weChat|weChatConfig|withAccessToken)\(/,
  sms: /\b(sms|smsConfig)\(/,
};
const DEFINITIONS = new Set(['functions/src/config.ts', 'functions/src/clients.ts', 'functions/src/sms/config.ts', 'functions/src/http/route.ts']);

/** Relative imports that run: `import x from`, `import { a, type B } from`, `export … from`, `import('…')`; not `import type`. */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?\sfrom\s+'(\.{1,2}\/[^']+)'/g)) {
    if (!match[2]) found.push(match[3]!);
  }
  for (const match of source.matchAll(/(?:^|\n)\s*import\s+'(\.{1,2}\/[^']+)'/g)) found.push(match[1]!);
  for (const match of source.matchAll(/\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) found.push(match[1]!);
  return found;
}

/** Code without its comments: a comment that names `sms()` uses no secret. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

function resolveModule(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(path.join(REPO_ROOT, fromFile)), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate)) return path.relative(REPO_ROOT, candidate).split(path.sep).join('/');
  }
  return undefined;
}

/**
 * The modules a handler runs, with their source: its run-time import graph inside `functions/`. The edge's
 * own imports (`http/route.ts`) are not followed: what it uses depends on the route's `access`, said apart.
 */
function runtimeModules(handlerFile: string): Map<string, string> {
  const modules = new Map<string, string>();
  const queue = [handlerFile];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    const source = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    modules.set(file, source);
    if (file === 'functions/src/http/route.ts') continue;
    for (const specifier of runtimeImports(source)) {
      const resolved = resolveModule(file, specifier);
      if (resolved && resolved.startsWith('functions/')) queue.push(resolved);
    }
  }
  return modules;
}

/** The secret groups a function needs: what its modules call, plus `jwt` on routes that are not public. */
export function secretsNeededBy(handlerFile: string, access: string | undefined): Set<SecretGroup> {
  const needs = new Set<SecretGroup>();
  if (access !== undefined && access !== 'public') needs.add('jwt');
  for (const [file, source] of runtimeModules(handlerFile)) {
    if (DEFINITIONS.has(file)) continue;
    const code = withoutComments(source);
    for (const [group, pattern] of Object.entries(USES) as Array<[SecretGroup, RegExp]>) if (pattern.test(code)) needs.add(group);
  }
  return needs;
}

/**
 * Whether a function's code can reach the photo bucket (store/photos.ts, the one module that signs or deletes
 * photo objects). The others run under `TableOnlyRole` in serverless.yml: the table, and no bucket at all.
 */
export const reachesPhotoBucket = (handlerFile: string): boolean => runtimeModules(handlerFile).has('functions/src/store/photos.ts');

/** The name of the environment set (in serverless.yml `custom.secretEnv`) holding exactly these groups. */
export function secretSetName(groups: ReadonlySet<SecretGroup>): string {
  const names = (Object.keys(SECRET_GROUPS) as SecretGroup[]).filter((group) => groups.has(group));
  return names.length === 0 ? 'none' : names.join('_');
}
