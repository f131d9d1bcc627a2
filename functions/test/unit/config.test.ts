import { PERSONAL_DATA_RETENTION_DAYS } from '@fangxin/shared';
import { ConfigError, readConfig, readRetentionConfig } from '../../src/config';

const localEnv = {
  FANGXIN_LOCAL: '1',
  TABLE_NAME: 'fangxin-local',
  AWS_REGION: 'cn-north-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
};

describe('config', () => {
  it('reads a complete local configuration', () => {
    expect(readConfig(localEnv)).toEqual({
      tableName: 'fangxin-local',
      region: 'cn-north-1',
      local: true,
      dynamodbEndpoint: 'http://127.0.0.1:8000',
    });
  });

  it('needs no endpoint in AWS, where the SDK resolves the regional one', () => {
    expect(readConfig({ TABLE_NAME: 't', AWS_REGION: 'cn-northwest-1' })).toEqual({
      tableName: 't',
      region: 'cn-northwest-1',
      local: false,
    });
  });

  it.each(['TABLE_NAME', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'DYNAMODB_ENDPOINT'])(
    'refuses to start locally without %s',
    (name) => {
      const env: Record<string, string | undefined> = { ...localEnv, [name]: undefined };
      expect(() => readConfig(env)).toThrow(new ConfigError(`environment variable ${name} is required`));
    },
  );

  it('refuses local mode unless the EC2 metadata probe is disabled', () => {
    expect(() => readConfig({ ...localEnv, AWS_EC2_METADATA_DISABLED: undefined })).toThrow(/AWS_EC2_METADATA_DISABLED=true/);
  });

  it('refuses a local endpoint that is not on loopback', () => {
    expect(() => readConfig({ ...localEnv, DYNAMODB_ENDPOINT: 'http://10.0.0.5:8000' })).toThrow(/loopback/);
    expect(() => readConfig({ ...localEnv, DYNAMODB_ENDPOINT: 'https://dynamodb.cn-north-1.amazonaws.com.cn' })).toThrow(/loopback/);
  });
});

describe('retention period (FANGXIN_RETENTION_DAYS)', () => {
  it('is the period the privacy notice states when unset or empty', () => {
    expect(readRetentionConfig({})).toEqual({ days: PERSONAL_DATA_RETENTION_DAYS });
    expect(readRetentionConfig({ FANGXIN_RETENTION_DAYS: ' ' })).toEqual({ days: PERSONAL_DATA_RETENTION_DAYS });
    expect(PERSONAL_DATA_RETENTION_DAYS).toBe(1095);
  });

  it('takes a whole number of days', () => {
    expect(readRetentionConfig({ FANGXIN_RETENTION_DAYS: '730' })).toEqual({ days: 730 });
  });

  it.each(['3', '179', '2.5', 'three years', '-1095'])('refuses %p rather than wipe recent cases', (value) => {
    expect(() => readRetentionConfig({ FANGXIN_RETENTION_DAYS: value })).toThrow(ConfigError);
  });
});
