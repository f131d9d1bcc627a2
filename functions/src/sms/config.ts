import { ConfigError } from '../config';

/**
 * Tencent Cloud SMS settings, for the fallback channel (a notification WeChat could not deliver goes out as
 * an SMS). SMS is optional: a deployment without `TENCENT_SMS_SDK_APP_ID` has no SMS and `smsConfig()` is
 * undefined. Once the app id is set, everything else must be set too — a half-configured channel fails at
 * start, not on the first notification that needs it weeks later.
 *
 * In local mode the endpoint must be the stand-in on loopback (http): nothing on this machine may reach
 * Tencent, and a real SecretKey must never sign a request from a laptop.
 */
export interface SmsConfig {
  /** `https://sms.tencentcloudapi.com` (or a regional `https://sms.<region>.tencentcloudapi.com`); the stand-in's `http://127.0.0.1:port` locally. */
  readonly endpoint: string;
  readonly secretId: string;
  readonly secretKey: string;
  /** An SMS region: ap-guangzhou, ap-beijing or ap-nanjing. */
  readonly region: string;
  /** The SMS application (SdkAppId, e.g. 1400006666). */
  readonly sdkAppId: string;
  /** The approved signature's text (签名内容), without 【】. */
  readonly signName: string;
  /** The approved body template the fallback notification uses (`SMS_TEMPLATE_TEXTS.progress`). */
  readonly templateId: string;
  /** The approved body template a station's claim code goes out with (`SMS_TEMPLATE_TEXTS.claim`). */
  readonly claimTemplateId: string;
}

/** Tencent's nearest-region endpoint; a request is signed for the service named by the host's first label (`sms`). */
export const TENCENT_SMS_DEFAULT_ENDPOINT = 'https://sms.tencentcloudapi.com';

const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?\/?$/;
/** The SDK derives the signing service from the host, so any other first label would fail every signature. */
const TENCENT_HTTPS = /^https:\/\/sms(\.[a-z0-9-]+)*\.tencentcloudapi\.com\/?$/;
/** Tencent: 签名只能由中英文、数字组成，要求 2–12 个字. */
const SIGN_NAME = /^[\p{Script=Han}A-Za-z0-9]{2,12}$/u;

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`environment variable ${name} is required when TENCENT_SMS_SDK_APP_ID is set`);
  return value;
}

/** Reads the SMS settings from `env`, uncached: undefined when SMS is not configured. */
export function readSmsConfig(env: NodeJS.ProcessEnv = process.env): SmsConfig | undefined {
  const sdkAppId = env.TENCENT_SMS_SDK_APP_ID?.trim();
  if (!sdkAppId) return undefined;
  if (!/^\d+$/.test(sdkAppId)) throw new ConfigError('TENCENT_SMS_SDK_APP_ID must be the numeric SdkAppId (e.g. 1400006666)');

  const local = env.FANGXIN_LOCAL === '1';
  const given = env.TENCENT_SMS_ENDPOINT?.trim();
  let endpoint: string;
  if (local) {
    if (!given) throw new ConfigError('local mode requires TENCENT_SMS_ENDPOINT (the SMS stand-in), so nothing reaches Tencent');
    if (!LOOPBACK_HTTP.test(given)) {
      throw new ConfigError(`local mode requires a loopback TENCENT_SMS_ENDPOINT (http://127.0.0.1:port), got ${given}`);
    }
    endpoint = given.replace(/\/$/, '');
  } else {
    endpoint = (given || TENCENT_SMS_DEFAULT_ENDPOINT).replace(/\/$/, '');
    if (!TENCENT_HTTPS.test(endpoint)) {
      throw new ConfigError(`TENCENT_SMS_ENDPOINT must be https://sms[.region].tencentcloudapi.com, got ${endpoint}`);
    }
  }

  const secretId = required(env, 'TENCENT_SMS_SECRET_ID');
  const secretKey = required(env, 'TENCENT_SMS_SECRET_KEY');
  const region = required(env, 'TENCENT_SMS_REGION');
  if (!/^[a-z]+-[a-z]+$/.test(region)) throw new ConfigError(`TENCENT_SMS_REGION must be a region like ap-guangzhou, got ${region}`);
  const signName = required(env, 'TENCENT_SMS_SIGN_NAME');
  if (!SIGN_NAME.test(signName)) {
    throw new ConfigError('TENCENT_SMS_SIGN_NAME must be the approved signature text: 2–12 Chinese characters, letters or digits, without 【】');
  }
  const templateId = required(env, 'TENCENT_SMS_TEMPLATE_ID');
  if (!/^\d+$/.test(templateId)) throw new ConfigError('TENCENT_SMS_TEMPLATE_ID must be the numeric template id');
  // A template's parameter count is fixed when Tencent approves it: the claim code cannot share the progress one.
  const claimTemplateId = required(env, 'TENCENT_SMS_CLAIM_TEMPLATE_ID');
  if (!/^\d+$/.test(claimTemplateId)) throw new ConfigError('TENCENT_SMS_CLAIM_TEMPLATE_ID must be the numeric template id');
  if (claimTemplateId === templateId) throw new ConfigError('TENCENT_SMS_CLAIM_TEMPLATE_ID must differ from TENCENT_SMS_TEMPLATE_ID (the two templates take different parameters)');

  return { endpoint, secretId, secretKey, region, sdkAppId, signName, templateId, claimTemplateId };
}

let cached: { readonly value: SmsConfig | undefined } | undefined;

/**
 * The SMS settings: read once per process from `process.env` (on first use, so tests can set the
 * environment first). Passing `env` reads that environment instead, uncached — for tests.
 */
export function smsConfig(env?: NodeJS.ProcessEnv): SmsConfig | undefined {
  if (env) return readSmsConfig(env);
  cached ??= { value: readSmsConfig(process.env) };
  return cached.value;
}
