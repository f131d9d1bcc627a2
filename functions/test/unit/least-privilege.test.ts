import { allRoutes } from '@fangxin/shared';
import { deployedFunctions, readServerlessConfig } from '../../../scripts/contract/serverless-functions';
import { SECRET_GROUPS, SECRET_NAMES, reachesPhotoBucket, secretSetName, secretsNeededBy, type SecretGroup } from '../../../scripts/contract/function-secrets';
// The plugin is plain CommonJS, as Serverless loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dropLocalOnlyFunctions } = require('../../../scripts/serverless/local-only-functions.js') as {
  dropLocalOnlyFunctions: (service: { custom?: { localOnlyFunctions?: string[] }; functions: Record<string, unknown> }, stage: string) => string[];
};

/**
 * Least privilege in the deployment: no secret in the environment every function shares; each function is
 * given exactly the secrets its code reads (computed from its run-time imports), a public function none it
 * does not use; the demo sign-in is never deployed.
 */
const config = readServerlessConfig() as {
  provider: { environment: Record<string, string> };
  custom: { secretEnv: Record<string, Record<string, string>>; localOnlyFunctions: string[] };
  functions: Record<string, unknown>;
};
const accessOf = (name: string) => (allRoutes as Record<string, { access: string }>)[name]?.access;

describe('secrets reach only the functions that use them', () => {
  it('the shared provider environment holds no secret', () => {
    for (const name of SECRET_NAMES) expect(Object.keys(config.provider.environment)).not.toContain(name);
  });

  it('each environment set holds exactly the secrets of its groups', () => {
    for (const [set, environment] of Object.entries(config.custom.secretEnv)) {
      const groups = set.split('_') as SecretGroup[];
      expect(Object.keys(environment).sort()).toEqual(groups.flatMap((group) => [...SECRET_GROUPS[group]]).sort());
    }
  });

  it.each(deployedFunctions().map((fn) => [fn.name, fn] as const))('%s gets the secrets its code uses, no more', (name, fn) => {
    const needed = secretSetName(secretsNeededBy(fn.handlerFile, fn.http ? accessOf(name) : undefined));
    const given = fn.raw.environment === undefined ? 'none' : /^\$\{self:custom\.secretEnv\.(\w+)\}$/.exec(String(fn.raw.environment))?.[1];
    expect(given).toBe(needed);
  });

  it('the scan page, the directory, public statistics and the campaign content carry no secret at all', () => {
    const bare = deployedFunctions().filter((fn) => fn.raw.environment === undefined).map((fn) => fn.name);
    expect(bare).toEqual(expect.arrayContaining(['getMerchant', 'directory', 'publicStatistics', 'openDataCsv', 'homeContent', 'articles', 'recalls', 'shopRecalls']));
  });

  it('the analysis finds what a function really reads (sign-in: tokens and the AppSecret; the dispatcher: WeChat and SMS)', () => {
    const find = (name: string) => deployedFunctions().find((fn) => fn.name === name)!;
    expect(secretSetName(secretsNeededBy(find('login').handlerFile, 'public'))).toBe('jwt_wechat');
    expect(secretSetName(secretsNeededBy(find('dispatchNotifications').handlerFile, undefined))).toBe('wechat_sms');
    expect(secretSetName(secretsNeededBy(find('getMerchant').handlerFile, 'public'))).toBe('none');
  });
});

describe('the demo sign-in is local only', () => {
  it('is listed as local-only', () => {
    expect(config.custom.localOnlyFunctions).toEqual(['demoLogin']);
    expect(config.functions.demoLogin).toBeDefined();
  });

  it('is taken out of every stage but local before packaging', () => {
    for (const stage of ['prod', 'dev', 'ci']) {
      const service = { custom: { localOnlyFunctions: ['demoLogin'] }, functions: { demoLogin: {}, login: {} } };
      expect(dropLocalOnlyFunctions(service, stage)).toEqual(['demoLogin']);
      expect(Object.keys(service.functions)).toEqual(['login']);
    }
    const local = { custom: { localOnlyFunctions: ['demoLogin'] }, functions: { demoLogin: {}, login: {} } };
    expect(dropLocalOnlyFunctions(local, 'local')).toEqual([]);
    expect(Object.keys(local.functions)).toEqual(['demoLogin', 'login']);
  });
});

describe('the photo bucket is reachable only by the functions that use it', () => {
  const resources = (config as unknown as { resources: { Resources: Record<string, { Properties: { Policies: Array<{ PolicyDocument: { Statement: Array<{ Action: string[] }> } }> } }> } })
    .resources.Resources;

  it('TableOnlyRole grants table actions and nothing on S3', () => {
    const actions = resources.TableOnlyRole!.Properties.Policies.flatMap((policy) => policy.PolicyDocument.Statement.flatMap((statement) => statement.Action));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((action) => action.startsWith('dynamodb:'))).toBe(true);
  });

  it.each(deployedFunctions().map((fn) => [fn.name, fn] as const))('%s: no bucket unless its code signs or deletes photos', (_name, fn) => {
    const tableOnly = fn.raw.role === 'TableOnlyRole';
    if (fn.stream) expect(tableOnly).toBe(false); // stream consumers keep the role Serverless gives stream permissions to
    else expect(tableOnly).toBe(!reachesPhotoBucket(fn.handlerFile));
  });

  it('most functions run without the bucket', () => {
    expect(deployedFunctions().filter((fn) => fn.raw.role === 'TableOnlyRole').length).toBeGreaterThan(60);
  });
});
