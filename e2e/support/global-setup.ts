import { freePort } from '../../scripts/local/ports';
import { startLocalProduct } from '../../scripts/local/product';

/**
 * The whole local product, as `npm start` runs it but in memory and on free ports: DynamoDB Local, the
 * table and demo data, serverless-offline from serverless.yml, the H5 build with /api forwarded, and
 * notification delivery.
 */
export default async function globalSetup(): Promise<void> {
  // The in-process dispatcher's routine lines would bury the test report; warnings and errors stay.
  process.env.LOG_LEVEL ??= 'warn';
  // The journeys file many complaints as the demo consumer against the demo shop in one day: the filing
  // limits are raised for them, as a deployment may (FANGXIN_RATE_LIMITS); the hostile suite tests the defaults.
  process.env.FANGXIN_RATE_LIMITS ??= JSON.stringify({ filingPerPerson: 10_000, filingPerPersonShop: 10_000, filingPerShop: 10_000, stationFiling: 10_000, upload: 10_000 });
  const product = await startLocalProduct({
    ports: {
      dynamodb: await freePort(),
      api: await freePort(),
      apiLambda: await freePort(),
      h5: await freePort(),
      weChat: await freePort(),
      s3: await freePort(),
    },
    tableName: 'fangxin-e2e',
    buildH5: false,
    quiet: true,
    // Notifications are delivered as in AWS (stream + schedule); the deadline sweeper stays off so the
    // demo complaints keep the states the journeys expect.
    dispatchEveryMs: 2_000,
  });
  (globalThis as { __fangxinE2eProduct?: typeof product }).__fangxinE2eProduct = product;
  process.env.FANGXIN_E2E_H5_URL = product.h5Url;
  process.env.FANGXIN_E2E_API_URL = product.apiUrl;
  process.env.FANGXIN_E2E_WECHAT_URL = product.weChatUrl;
}
