import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, uploadConfig, weChatConfig } from './config';
import { smsConfig } from './sms/config';
import { createSmsClient, type SmsClient } from './sms/client';
import { createWeChatClient, type WeChatClient } from './wechat/client';

/**
 * Every client to a service outside the function, in one place, each created once per container (cold
 * start) and kept for the warm invocations that follow. DynamoDB is built at load (every function uses
 * it); the others on first use, so a function that never sends an SMS never builds the SMS client, and
 * esbuild leaves the clients a function does not call out of its bundle.
 */

/** The raw DynamoDB client. Tests reach its middleware stack to count requests; nothing else should. */
export const dynamoDbClient = new DynamoDBClient({
  region: config().region,
  ...(config().dynamodbEndpoint ? { endpoint: config().dynamodbEndpoint } : {}),
  // One retry budget for the whole product; the SDK's default (3) with jittered backoff.
  maxAttempts: 3,
});

export const documentClient = DynamoDBDocumentClient.from(dynamoDbClient, {
  marshallOptions: { removeUndefinedValues: true },
});

let s3Client: Promise<S3Client> | undefined;
/**
 * Complaint photos (presigned uploads and views). The S3 SDK is not bundled but taken from the Lambda
 * runtime (serverless.yml `custom.esbuild.exclude`), and loaded here on first use, so the functions that
 * touch no photo — and the cold start of those that do — never pay for it.
 */
export function s3(): Promise<S3Client> {
  const { s3Endpoint } = uploadConfig();
  s3Client ??= import('@aws-sdk/client-s3').then(
    ({ S3Client }) =>
      new S3Client({
        region: config().region,
        // A presigned URL carries no body, so a default checksum would be of nothing and the real upload would
        // fail it; checksums only where S3 requires them.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        ...(s3Endpoint
          ? // The local store (s3rver) verifies signatures against its own fixed development key.
            { endpoint: s3Endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
          : {}),
      }),
  );
  return s3Client;
}

let weChatClient: WeChatClient | undefined;
/** WeChat's server API (sign-in, access tokens, subscribe messages, content checks, shop codes). */
export function weChat(): WeChatClient {
  const { apiBase, appId, appSecret } = weChatConfig();
  weChatClient ??= createWeChatClient({ baseUrl: apiBase, appId, appSecret });
  return weChatClient;
}

let smsClient: { readonly client: SmsClient | undefined } | undefined;
/**
 * Tencent Cloud SMS, the notifications' fallback channel; undefined when the deployment has no SMS (then
 * the fallback is simply skipped).
 */
export function sms(): SmsClient | undefined {
  if (!smsClient) {
    const settings = smsConfig();
    smsClient = { client: settings ? createSmsClient(settings) : undefined };
  }
  return smsClient.client;
}
