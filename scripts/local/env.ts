/**
 * The environment every local process runs with: dummy credentials, a region, loopback endpoints and the
 * metadata guard, so the AWS SDK can never reach AWS or probe 169.254.169.254 from this machine.
 */
export const LOCAL_REGION = 'cn-north-1';

export function localAwsEnv(dynamodbEndpoint: string, tableName: string): Record<string, string> {
  return {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    // The Lambda runtime is nodejs22.x; Node 20 here is known and fine, so skip the SDK's nag.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    FANGXIN_LOCAL: '1',
    DYNAMODB_ENDPOINT: dynamodbEndpoint,
    TABLE_NAME: tableName,
  };
}

/** Applies the local environment to this process (before any module that reads config is imported). */
export function applyLocalEnv(env: Record<string, string>): void {
  Object.assign(process.env, env);
}
