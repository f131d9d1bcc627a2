import { freePort } from '../../../../scripts/local/ports';
import { startDynamoDbLocal } from '../../../../scripts/local/dynamodb-local';
import { applyLocalEnv, LOCAL_UPLOAD_BUCKET, LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET, localAwsEnv } from '../../../../scripts/local/env';
import { startObjectStore } from '../../../../scripts/local/object-store';
import { startWeChatStandIn } from '../../../../standins/wechat/server';

/**
 * One in-memory DynamoDB Local for the integration project; each suite makes its own table in it
 * (fresh-table-name.ts), so suites never see each other's data. The environment set here is inherited
 * by the jest workers, which start after this.
 */
export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const weChat = await startWeChatStandIn({ port: await freePort(), appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET });
  const objects = await startObjectStore({ port: await freePort(), bucket: LOCAL_UPLOAD_BUCKET });
  (globalThis as { __fangxinIntegration?: Array<{ stop(): Promise<void> }> }).__fangxinIntegration = [dynamo, weChat, objects];
  applyLocalEnv(
    localAwsEnv({ dynamodbEndpoint: dynamo.endpoint, tableName: 'unset-use-fresh-table', weChatApiBase: weChat.url, s3Endpoint: objects.endpoint }),
  );
}
