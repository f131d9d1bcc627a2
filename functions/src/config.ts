import { MIN_RETENTION_DAYS, PERSONAL_DATA_RETENTION_DAYS } from '@fangxin/shared';

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

export interface AuthConfig {
  /** HMAC key for our own session tokens (HS256); at least 32 characters. */
  readonly jwtSecret: Uint8Array;
  /** Lifetime of a session token. */
  readonly tokenTtlSeconds: number;
  /** WeChat openids that are county admins from deployment (the first admin; README, 角色与演示登录). */
  readonly bootstrapAdminOpenids: readonly string[];
  /** Demo sign-ins exist only in the local product. */
  readonly demoLogins: boolean;
}

export interface WeChatConfig {
  readonly apiBase: string;
  readonly appId: string;
  readonly appSecret: string;
  /** Which build of the mini-program the shop codes open (`release` in production). */
  readonly codeEnvVersion: 'release' | 'trial' | 'develop';
  /** https link the fallback QR carries (扫普通链接二维码打开小程序), e.g. https://fx.example.gov.cn/m — `?id=` is added. */
  readonly qrLinkBase: string;
}

export interface UploadConfig {
  readonly bucket: string;
  /** S3-compatible local store in local mode; undefined in AWS. */
  readonly s3Endpoint?: string;
}

const loopback = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/.*)?$/;

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const secret = required(env, 'JWT_SECRET');
  if (secret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
  return {
    jwtSecret: new TextEncoder().encode(secret),
    tokenTtlSeconds: 2 * 60 * 60,
    bootstrapAdminOpenids: (env.BOOTSTRAP_ADMIN_OPENIDS ?? '').split(',').map((id) => id.trim()).filter(Boolean),
    demoLogins: readConfig(env).local,
  };
}

export function readWeChatConfig(env: NodeJS.ProcessEnv = process.env): WeChatConfig {
  const apiBase = required(env, 'WECHAT_API_BASE');
  if (readConfig(env).local && !loopback.test(apiBase)) {
    throw new ConfigError(`local mode requires a loopback WECHAT_API_BASE (the stand-in server), got ${apiBase}`);
  }
  const codeEnvVersion = required(env, 'WECHAT_CODE_ENV_VERSION');
  if (codeEnvVersion !== 'release' && codeEnvVersion !== 'trial' && codeEnvVersion !== 'develop') {
    throw new ConfigError('WECHAT_CODE_ENV_VERSION must be release, trial or develop');
  }
  const qrLinkBase = required(env, 'QR_LINK_BASE');
  if (!/^https:\/\//.test(qrLinkBase)) throw new ConfigError('QR_LINK_BASE must be an https URL (WeChat only opens https links)');
  return { apiBase, appId: required(env, 'WECHAT_APP_ID'), appSecret: required(env, 'WECHAT_APP_SECRET'), codeEnvVersion, qrLinkBase };
}

export function readUploadConfig(env: NodeJS.ProcessEnv = process.env): UploadConfig {
  const bucket = required(env, 'UPLOAD_BUCKET');
  if (!readConfig(env).local) return { bucket };
  const s3Endpoint = required(env, 'S3_ENDPOINT');
  if (!loopback.test(s3Endpoint)) throw new ConfigError(`local mode requires a loopback S3_ENDPOINT, got ${s3Endpoint}`);
  return { bucket, s3Endpoint };
}

export interface NotificationConfig {
  /** The 投诉处理进度提醒 template's id on this mini-program account (layout: PROGRESS_TEMPLATE_FIELDS). */
  readonly templateId: string;
  /** Which build a message opens: formal in production, developer/trial for test builds. */
  readonly miniprogramState: 'formal' | 'trial' | 'developer';
}

export function readNotificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const templateId = required(env, 'WECHAT_SUBSCRIBE_TEMPLATE_ID');
  const version = readWeChatConfig(env).codeEnvVersion;
  return { templateId, miniprogramState: version === 'release' ? 'formal' : version === 'trial' ? 'trial' : 'developer' };
}

let cachedAuth: AuthConfig | undefined;
let cachedWeChat: WeChatConfig | undefined;
let cachedUpload: UploadConfig | undefined;
export const authConfig = (): AuthConfig => (cachedAuth ??= readAuthConfig());
export const weChatConfig = (): WeChatConfig => (cachedWeChat ??= readWeChatConfig());
export const uploadConfig = (): UploadConfig => (cachedUpload ??= readUploadConfig());
let cachedNotification: NotificationConfig | undefined;
export const notificationConfig = (): NotificationConfig => (cachedNotification ??= readNotificationConfig());

export interface RetentionConfig {
  /** Days after closing before a complaint's photos are deleted and its phone and name masked (docs/privacy.md). */
  readonly days: number;
}

/**
 * `FANGXIN_RETENTION_DAYS`, or the period the privacy notice states (PERSONAL_DATA_RETENTION_DAYS) when unset:
 * that default is the published policy, not a guess. A value that is not a whole number of days, or shorter
 * than MIN_RETENTION_DAYS, fails the run loudly rather than wiping recent cases.
 */
export function readRetentionConfig(env: NodeJS.ProcessEnv = process.env): RetentionConfig {
  const raw = env.FANGXIN_RETENTION_DAYS?.trim();
  if (!raw) return { days: PERSONAL_DATA_RETENTION_DAYS };
  if (!/^\d+$/.test(raw)) throw new ConfigError(`FANGXIN_RETENTION_DAYS must be a whole number of days, got ${raw}`);
  const days = Number(raw);
  if (days < MIN_RETENTION_DAYS) throw new ConfigError(`FANGXIN_RETENTION_DAYS must be at least ${MIN_RETENTION_DAYS} days, got ${days}`);
  return { days };
}

let cachedRetention: RetentionConfig | undefined;
export const retentionConfig = (): RetentionConfig => (cachedRetention ??= readRetentionConfig());
