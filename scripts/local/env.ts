import { LOCAL_SUBSCRIBE_TEMPLATE_ID } from '../../shared/src/catalogue/subscribe-template';
import { SMS_TEMPLATE_TEXTS } from '../../functions/src/sms/templates';
/**
 * The environment every local process runs with: dummy credentials, a region, loopback endpoints and the
 * metadata guard, so the AWS SDK can never reach AWS or probe 169.254.169.254 from this machine.
 */
export const LOCAL_REGION = 'cn-north-1';

export interface LocalServices {
  dynamodbEndpoint: string;
  tableName: string;
  /** The stand-in WeChat server (code2Session, tokens, messages, wxacode). */
  weChatApiBase?: string;
  /** The S3-compatible object store for photos. */
  s3Endpoint?: string;
  /** The stand-in Tencent Cloud SMS API; without it SMS fallback is off, as in a deployment that has no SMS. */
  smsEndpoint?: string;
}

/** Local-only values; no production secret ever lives here. */
export const LOCAL_WECHAT_APP_ID = 'wx0000000000000000';
export const LOCAL_WECHAT_APP_SECRET = 'f00dfacecafe5ec7e7000000000057a1';
export const LOCAL_UPLOAD_BUCKET = 'fangxin-local-uploads';
/** The fallback QR's link; a real deployment sets its own registered domain (业务域名). */
export const LOCAL_QR_LINK_BASE = 'https://fangxin.example.cn/m';
/** The demo admin comes from "deployment config", as the first admin does in production. */
export const LOCAL_BOOTSTRAP_ADMIN_OPENIDS = 'demo-openid-admin';
/** Tencent Cloud SMS values for the stand-in; the secret key signs requests (TC3-HMAC-SHA256) as in production. */
export const LOCAL_SMS = {
  secretId: 'AKIDlocal0000000000000000000000000000',
  secretKey: 'local-sms-secret-key-0000000000000',
  region: 'ap-guangzhou',
  sdkAppId: '1400000000',
  signName: '清河县市场监管',
  templateId: '1000001',
  claimTemplateId: '1000002',
} as const;
/** The stand-in's approved templates: a message whose parameters do not fit its template is refused, as Tencent does. */
export const LOCAL_SMS_TEMPLATES = { [LOCAL_SMS.templateId]: SMS_TEMPLATE_TEXTS.progress, [LOCAL_SMS.claimTemplateId]: SMS_TEMPLATE_TEXTS.claim };

export function localAwsEnv(services: LocalServices): Record<string, string> {
  const { dynamodbEndpoint, tableName } = services;
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
    JWT_SECRET: 'local-only-signing-key-never-used-in-production',
    WECHAT_APP_ID: LOCAL_WECHAT_APP_ID,
    WECHAT_APP_SECRET: LOCAL_WECHAT_APP_SECRET,
    WECHAT_CODE_ENV_VERSION: 'develop',
    QR_LINK_BASE: LOCAL_QR_LINK_BASE,
    UPLOAD_BUCKET: LOCAL_UPLOAD_BUCKET,
    BOOTSTRAP_ADMIN_OPENIDS: LOCAL_BOOTSTRAP_ADMIN_OPENIDS,
    ...(services.weChatApiBase ? { WECHAT_API_BASE: services.weChatApiBase } : {}),
    WECHAT_SUBSCRIBE_TEMPLATE_ID: LOCAL_SUBSCRIBE_TEMPLATE_ID,
    ...(services.s3Endpoint ? { S3_ENDPOINT: services.s3Endpoint } : {}),
    ...(services.smsEndpoint ? localSmsEnv(services.smsEndpoint) : {}),
  };
}

/** Applies the local environment to this process (before any module that reads config is imported). */
export function applyLocalEnv(env: Record<string, string>): void {
  Object.assign(process.env, env);
}

/** The SMS settings a deployment with SMS has, pointed at the local stand-in. */
export function localSmsEnv(endpoint: string): Record<string, string> {
  return {
    TENCENT_SMS_ENDPOINT: endpoint,
    TENCENT_SMS_SECRET_ID: LOCAL_SMS.secretId,
    TENCENT_SMS_SECRET_KEY: LOCAL_SMS.secretKey,
    TENCENT_SMS_REGION: LOCAL_SMS.region,
    TENCENT_SMS_SDK_APP_ID: LOCAL_SMS.sdkAppId,
    TENCENT_SMS_SIGN_NAME: LOCAL_SMS.signName,
    TENCENT_SMS_TEMPLATE_ID: LOCAL_SMS.templateId,
    TENCENT_SMS_CLAIM_TEMPLATE_ID: LOCAL_SMS.claimTemplateId,
  };
}
