import { parseArgs } from 'node:util';
import { startSmsStandIn } from './server';

/**
 * Runs the Tencent Cloud SMS stand-in on its own for the local product:
 *   npx tsx standins/sms/main.ts --port 4200 [--sdk-app-id 1400000000] [--sign-name 清河县市场监管]
 * The SecretId/SecretKey it verifies signatures with come from TENCENT_SMS_SECRET_ID and
 * TENCENT_SMS_SECRET_KEY (the same variables the functions read, so both sides agree), or from
 * --secret-id/--secret-key. Prints its URL on the first line of stdout (for scripts to read), then serves
 * until SIGINT/SIGTERM.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'secret-id': { type: 'string' },
    'secret-key': { type: 'string' },
    'sdk-app-id': { type: 'string' },
    'sign-name': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
const secretId = values['secret-id'] ?? process.env.TENCENT_SMS_SECRET_ID;
const secretKey = values['secret-key'] ?? process.env.TENCENT_SMS_SECRET_KEY;
if (!secretId || !secretKey) {
  console.error('the SMS stand-in needs the SecretId and SecretKey to verify signatures: set TENCENT_SMS_SECRET_ID and TENCENT_SMS_SECRET_KEY');
  process.exit(2);
}
const sdkAppId = values['sdk-app-id'] ?? process.env.TENCENT_SMS_SDK_APP_ID;
const signName = values['sign-name'] ?? process.env.TENCENT_SMS_SIGN_NAME;

async function main(): Promise<void> {
  const standIn = await startSmsStandIn({
    port,
    secretId: secretId!,
    secretKey: secretKey!,
    ...(sdkAppId ? { sdkAppId } : {}),
    ...(signName ? { signNames: [signName] } : {}),
  });
  console.log(standIn.url);
  console.error(`Tencent Cloud SMS stand-in for SecretId ${standIn.secretId} on ${standIn.url} (control API under /__control/)`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void standIn.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
