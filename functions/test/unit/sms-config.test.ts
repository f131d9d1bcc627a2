import { ConfigError } from '../../src/config';
import { readSmsConfig, smsConfig, TENCENT_SMS_DEFAULT_ENDPOINT } from '../../src/sms/config';

const production = {
  TENCENT_SMS_SECRET_ID: 'AKIDexample000000000000000000000000',
  TENCENT_SMS_SECRET_KEY: 'example-secret-key-000000000000000',
  TENCENT_SMS_REGION: 'ap-guangzhou',
  TENCENT_SMS_SDK_APP_ID: '1400006666',
  TENCENT_SMS_SIGN_NAME: '清河县市场监管',
  TENCENT_SMS_TEMPLATE_ID: '1000001',
  TENCENT_SMS_CLAIM_TEMPLATE_ID: '1000002',
};
const local = { ...production, FANGXIN_LOCAL: '1', TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:4200' };

describe('SMS configuration', () => {
  it('is off (undefined) when no SdkAppId is set, whatever else is', () => {
    expect(readSmsConfig({})).toBeUndefined();
    expect(readSmsConfig({ ...production, TENCENT_SMS_SDK_APP_ID: '' })).toBeUndefined();
    expect(readSmsConfig({ FANGXIN_LOCAL: '1', TENCENT_SMS_SECRET_KEY: 'x' })).toBeUndefined();
  });

  it('reads a production configuration with Tencent’s endpoint by default', () => {
    expect(readSmsConfig(production)).toEqual({
      endpoint: TENCENT_SMS_DEFAULT_ENDPOINT,
      secretId: production.TENCENT_SMS_SECRET_ID,
      secretKey: production.TENCENT_SMS_SECRET_KEY,
      region: 'ap-guangzhou',
      sdkAppId: '1400006666',
      signName: '清河县市场监管',
      templateId: '1000001',
      claimTemplateId: '1000002',
    });
  });

  it('accepts a regional Tencent endpoint', () => {
    expect(readSmsConfig({ ...production, TENCENT_SMS_ENDPOINT: 'https://sms.ap-guangzhou.tencentcloudapi.com' })?.endpoint).toBe(
      'https://sms.ap-guangzhou.tencentcloudapi.com',
    );
  });

  it.each(['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_REGION', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_ID', 'TENCENT_SMS_CLAIM_TEMPLATE_ID'])(
    'refuses to start with an SdkAppId but no %s, naming it',
    (name) => {
      const env: Record<string, string | undefined> = { ...production, [name]: undefined };
      expect(() => readSmsConfig(env)).toThrow(ConfigError);
      expect(() => readSmsConfig(env)).toThrow(name);
    },
  );

  it('refuses an endpoint the SDK would sign for the wrong service, or plain http in production', () => {
    expect(() => readSmsConfig({ ...production, TENCENT_SMS_ENDPOINT: 'https://example.com' })).toThrow(ConfigError);
    expect(() => readSmsConfig({ ...production, TENCENT_SMS_ENDPOINT: 'http://sms.tencentcloudapi.com' })).toThrow(ConfigError);
    expect(() => readSmsConfig({ ...production, TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:4200' })).toThrow(ConfigError);
  });

  it('refuses values Tencent would refuse on every send', () => {
    expect(() => readSmsConfig({ ...production, TENCENT_SMS_SDK_APP_ID: 'app-1' })).toThrow(/SdkAppId/);
    expect(() => readSmsConfig({ ...production, TENCENT_SMS_SIGN_NAME: '【清河县市场监管】' })).toThrow(/TENCENT_SMS_SIGN_NAME/);
    expect(() => readSmsConfig({ ...production, TENCENT_SMS_TEMPLATE_ID: 'progress' })).toThrow(/TENCENT_SMS_TEMPLATE_ID/);
    expect(() => readSmsConfig({ ...production, TENCENT_SMS_CLAIM_TEMPLATE_ID: 'claim' })).toThrow(/TENCENT_SMS_CLAIM_TEMPLATE_ID/);
    // One template cannot serve both: their parameters differ, and Tencent fixes a template's count.
    expect(() => readSmsConfig({ ...production, TENCENT_SMS_CLAIM_TEMPLATE_ID: '1000001' })).toThrow(/differ/);
    expect(() => readSmsConfig({ ...production, TENCENT_SMS_REGION: 'guangzhou' })).toThrow(/TENCENT_SMS_REGION/);
  });

  describe('in local mode', () => {
    it('uses the loopback stand-in', () => {
      expect(readSmsConfig(local)?.endpoint).toBe('http://127.0.0.1:4200');
    });

    it('refuses to start without an endpoint rather than reach Tencent', () => {
      expect(() => readSmsConfig({ ...local, TENCENT_SMS_ENDPOINT: undefined })).toThrow(/TENCENT_SMS_ENDPOINT/);
    });

    it.each(['https://sms.tencentcloudapi.com', 'http://10.0.0.5:4200', 'http://sms.tencentcloudapi.com', 'http://127.0.0.1.example.com:4200'])(
      'refuses the non-loopback endpoint %s',
      (endpoint) => {
        expect(() => readSmsConfig({ ...local, TENCENT_SMS_ENDPOINT: endpoint })).toThrow(/loopback/);
      },
    );
  });

  it('reads a given environment uncached, and the process environment once', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, local);
      const first = smsConfig();
      expect(first?.endpoint).toBe('http://127.0.0.1:4200');

      process.env.TENCENT_SMS_ENDPOINT = 'http://127.0.0.1:4300';
      expect(smsConfig()).toBe(first);
      expect(smsConfig({ ...local, TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:4300' })?.endpoint).toBe('http://127.0.0.1:4300');
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
