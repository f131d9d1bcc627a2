import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readServerlessConfig, REPO_ROOT } from '../scripts/contract/serverless-functions';
import { LOCAL_SMS, LOCAL_WECHAT_APP_SECRET, localAwsEnv } from '../scripts/local/env';

/**
 * No secret reaches the app's bundle (docs/security.md). The H5 build that `npm test` makes before
 * this tier runs is read file by file, as bytes, for the local product's secrets: they stand for a
 * deployment's, which never exist where the app is built, so finding one would mean server code or the local
 * environment was compiled into the app. `.ci/run` checks the WeChat build (miniapp/dist/weapp) the same way.
 * No browser: the bundle is only read.
 */
const H5_DIST = path.join(REPO_ROOT, 'miniapp', 'dist', 'h5');

/** Every file under `dir`, at any depth. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The default a serverless.yml parameter falls back to: `${env:NAME, 'default'}`. */
function localParamDefault(name: string): string {
  const params = (readServerlessConfig().params as { local: Record<string, string> }).local;
  const value = /^\$\{env:\w+, '([^']+)'\}$/.exec(params[name] ?? '')?.[1];
  if (!value) throw new Error(`serverless.yml params.local.${name} has no default in the form \${env:NAME, '…'}`);
  return value;
}

/** The values the local product signs and authenticates with (scripts/local/env.ts, serverless.yml params.local). */
const env = localAwsEnv({ dynamodbEndpoint: 'http://127.0.0.1:8000', tableName: 'unused' });
const SECRETS: Array<[string, string]> = [
  ['the JWT signing key the local product runs with (JWT_SECRET)', env.JWT_SECRET!],
  ['the JWT signing key serverless.yml defaults to locally (params.local.jwtSecret)', localParamDefault('jwtSecret')],
  ['the WeChat AppSecret (LOCAL_WECHAT_APP_SECRET)', LOCAL_WECHAT_APP_SECRET],
  ['the WeChat AppSecret serverless.yml defaults to locally (params.local.weChatAppSecret)', localParamDefault('weChatAppSecret')],
  ['the Tencent Cloud SMS SecretKey (LOCAL_SMS.secretKey)', LOCAL_SMS.secretKey],
  ['the Tencent Cloud SMS SecretId (LOCAL_SMS.secretId)', LOCAL_SMS.secretId],
];

/**
 * Names that only server code holds. Not secrets themselves, but any of them in the app means a server module
 * (config.ts, the WeChat or SMS client) was bundled: `session_key` is the code2Session answer's field, which
 * the server reads and never passes on (the app never calls code2Session: `jscode2session`), and the secrets'
 * environment variables are read by functions/src only.
 * Plain words are not listed: "secret" is in React's own code, and a notice could explain what an AppSecret is.
 */
const SERVER_ONLY_NAMES = ['session_key', 'jscode2session', 'JWT_SECRET', 'WECHAT_APP_SECRET', 'TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY'];

describe('no secret reaches the H5 build (miniapp/dist/h5)', () => {
  let files: Array<{ name: string; bytes: Buffer }> = [];

  beforeAll(() => {
    if (!existsSync(H5_DIST)) {
      throw new Error('miniapp/dist/h5 is missing: build it first with `npm run build:h5` (`npm test` builds it before running jest)');
    }
    files = filesUnder(H5_DIST).map((file) => ({ name: path.relative(H5_DIST, file), bytes: readFileSync(file) }));
  });

  it('reads a real build: an index page and scripts that carry the shared contract’s own messages', () => {
    expect(files.map((file) => file.name)).toContain('index.html');
    expect(files.filter((file) => file.name.endsWith('.js')).length).toBeGreaterThan(10);
    // Part of the text rules' messages (shared/src/contract/text.ts, 「…中不能包含…」): the app validates with the
    // shared schemas, and its strings are stored as plain UTF-8, so a search for bytes finds what is there.
    expect(files.some((file) => file.bytes.includes('中不能包含'))).toBe(true);
  });

  it('has the secrets to look for, each long enough that finding it is no accident', () => {
    for (const [what, value] of SECRETS) expect({ what, long: value.length >= 16 }).toEqual({ what, long: true });
  });

  it.each(SECRETS)('holds no copy of %s', (_what, secret) => {
    expect(files.filter((file) => file.bytes.includes(secret)).map((file) => file.name)).toEqual([]);
  });

  it.each(SERVER_ONLY_NAMES)('holds no server-only name: %s', (name) => {
    expect(files.filter((file) => file.bytes.includes(name)).map((file) => file.name)).toEqual([]);
  });
});
