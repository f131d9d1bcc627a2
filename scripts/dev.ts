/**
 * `npm start`: the whole product on this machine, offline. Ctrl-C stops everything.
 * Ports can be moved with FANGXIN_{DYNAMODB,API,H5}_PORT when the defaults are taken.
 */
import qrcode from 'qrcode-terminal';
import path from 'node:path';
import { DEMO_SHOP_ID, DEMO_SUSPENDED_SHOP_ID } from './demo/demo-merchants';
import { portInUse } from './local/ports';
import { repoRoot, shopPageUrl, startLocalProduct } from './local/product';

function port(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number(value) : fallback;
}

async function main(): Promise<void> {
  const ports = {
    dynamodb: port('FANGXIN_DYNAMODB_PORT', 8000),
    api: port('FANGXIN_API_PORT', 3000),
    apiLambda: port('FANGXIN_API_LAMBDA_PORT', 3002),
    h5: port('FANGXIN_H5_PORT', 10086),
    weChat: port('FANGXIN_WECHAT_PORT', 4100),
    s3: port('FANGXIN_S3_PORT', 4569),
    sms: port('FANGXIN_SMS_PORT', 4200),
  };
  for (const [name, value] of Object.entries(ports)) {
    if (await portInUse(value)) {
      throw new Error(`port ${value} (${name}) is taken: stop what uses it, or set FANGXIN_${name.toUpperCase()}_PORT`);
    }
  }

  console.log('放心消费 local product starting… (first start builds the H5 app, ~30 s)');
  const product = await startLocalProduct({
    ports,
    tableName: 'fangxin-local',
    dataDir: path.join(repoRoot, '.local'),
    buildH5: true,
    quiet: true,
    sweepEveryMs: 60_000,
    dispatchEveryMs: 15_000,
  });

  const shopUrl = shopPageUrl(product.h5Url, DEMO_SHOP_ID);
  console.log(`
放心消费 本地产品已启动 / local product is up
  DynamoDB Local  ${product.dynamodbEndpoint}   (data in .local/${product.seeded ? ', demo data written' : ', kept from last run'})
  微信模拟服务     ${product.weChatUrl}   (stand-in for api.weixin.qq.com)
  短信模拟服务     ${product.smsUrl}   (stand-in for Tencent Cloud SMS)
  照片存储 (S3)    ${product.s3Endpoint}
  已发送的通知 / messages sent: ${product.weChatUrl}/__control/messages
  API             ${product.apiUrl}              e.g. ${product.apiUrl}/merchants/${DEMO_SHOP_ID}
  小程序 H5 预览   ${product.h5Url}
  演示登录 / demo sign-in: ${product.h5Url}/#/pages/login/index  (消费者、商家店主/店员、监管员、调解员、管理员)

  示范店铺页 / demo shop page:
  ${shopUrl}
  暂停参创店铺 / suspended shop: ${shopPageUrl(product.h5Url, DEMO_SUSPENDED_SHOP_ID)}
`);
  qrcode.generate(shopUrl, { small: true }, (code: string) => console.log(code));
  console.log('按 Ctrl-C 停止 / press Ctrl-C to stop');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await product.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
