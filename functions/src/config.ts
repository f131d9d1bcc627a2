/**
 * Configuration, read once per cold start. Anything production depends on must be set: a missing value
 * fails here, at start, not later with a confusing AWS error (and never falls back to a guess).
 *
 * In local mode (`FANGXIN_LOCAL=1`, set by the dev orchestrator, the tests and `serverless offline`) the
 * AWS SDK must be kept from ever reaching AWS: without an endpoint and credentials it would probe the EC2
 * metadata address. So local mode refuses to start unless the guards are in place.
 */
export interface Config {
  readonly tableName: string;
  readonly region: string;
  readonly local: boolean;
  /** DynamoDB Local's URL in local mode; undefined in AWS, where the SDK resolves the regional endpoint. */
  readonly dynamodbEndpoint?: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`environment variable ${name} is required`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const local = env.FANGXIN_LOCAL === '1';
  const tableName = required(env, 'TABLE_NAME');
  const region = required(env, 'AWS_REGION');
  if (!local) return { tableName, region, local };

  if (env.AWS_EC2_METADATA_DISABLED !== 'true') {
    throw new ConfigError('local mode requires AWS_EC2_METADATA_DISABLED=true so the AWS SDK never probes the metadata address');
  }
  required(env, 'AWS_ACCESS_KEY_ID');
  required(env, 'AWS_SECRET_ACCESS_KEY');
  const dynamodbEndpoint = required(env, 'DYNAMODB_ENDPOINT');
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(dynamodbEndpoint)) {
    throw new ConfigError(`local mode requires a loopback DYNAMODB_ENDPOINT, got ${dynamodbEndpoint}`);
  }
  return { tableName, region, local, dynamodbEndpoint };
}

let cached: Config | undefined;
/** The process-wide configuration; read on first use so tests can set the environment first. */
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
