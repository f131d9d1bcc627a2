import fc from 'fast-check';
import Sign from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/sign';
import { tc3Headers } from '../../src/sms/tencent-api';

/** Our TC3-HMAC-SHA256 signer (functions/src/sms/tencent-api.ts) against Tencent's own SDK, as the oracle. */
describe('tc3Headers signs as Tencent’s SDK does', () => {
  const credentials = { secretId: 'AKIDexampleexampleexample', secretKey: 'secretKeyExampleExample12345678' };

  function sdkAuthorization(payload: object, timestamp: number, secretKey = credentials.secretKey): string {
    return Sign.sign3({
      method: 'POST',
      url: 'https://sms.tencentcloudapi.com/',
      payload,
      timestamp,
      service: 'sms',
      secretId: credentials.secretId,
      secretKey,
      multipart: false,
      boundary: '',
      headers: { 'Content-Type': 'application/json' },
    });
  }

  const request = (payload: object, timestamp: number) => ({
    service: 'sms',
    host: 'sms.tencentcloudapi.com',
    action: 'SendSms',
    version: '2021-01-11',
    region: 'ap-guangzhou',
    payload: JSON.stringify(payload),
    timestamp,
  });

  it('gives the same Authorization for a SendSms body in Chinese', () => {
    const payload = { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400000000', SignName: '放心消费', TemplateId: '1000001', TemplateParamSet: ['城关镇放心超市', '受理'] };
    const headers = tc3Headers(credentials, request(payload, 1_764_000_000));
    expect(headers.Authorization).toBe(sdkAuthorization(payload, 1_764_000_000));
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      Host: 'sms.tencentcloudapi.com',
      'X-TC-Action': 'SendSms',
      'X-TC-Version': '2021-01-11',
      'X-TC-Region': 'ap-guangzhou',
      'X-TC-Timestamp': '1764000000',
    });
  });

  it('agrees on any body and any moment (the date in the scope is UTC)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()))), fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }), (payload, timestamp) => {
        expect(tc3Headers(credentials, request(payload, timestamp)).Authorization).toBe(sdkAuthorization(payload, timestamp));
      }),
    );
  });

  it('differs when the secret differs', () => {
    const payload = { TemplateId: '1' };
    expect(tc3Headers(credentials, request(payload, 1_764_000_000)).Authorization).not.toBe(sdkAuthorization(payload, 1_764_000_000, 'another-secret-key-000000000000'));
  });
});
