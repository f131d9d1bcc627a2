import { runStandIn, UsageError } from '../common/run-standin';
import { startSmsStandIn } from './server';

/**
 * Runs the Tencent Cloud SMS stand-in on its own for the local product:
 *   npx tsx standins/sms/main.ts --port 4200 [--sdk-app-id 1400000000] [--sign-name 清河县市场监管]
 * The SecretId/SecretKey it verifies signatures with come from TENCENT_SMS_SECRET_ID and
 * TENCENT_SMS_SECRET_KEY (the same variables the functions read, so both sides agree), or from
 * --secret-id/--secret-key. Prints its URL on the first line of stdout (for scripts to read), then serves
 * until SIGINT/SIGTERM.
 */
runStandIn({
  flags: ['secret-id', 'secret-key', 'sdk-app-id', 'sign-name'],
  start: (port, flags) => {
    const secretId = flags['secret-id'] ?? process.env.TENCENT_SMS_SECRET_ID;
    const secretKey = flags['secret-key'] ?? process.env.TENCENT_SMS_SECRET_KEY;
    if (!secretId || !secretKey) {
      throw new UsageError('the SMS stand-in needs the SecretId and SecretKey to verify signatures: set TENCENT_SMS_SECRET_ID and TENCENT_SMS_SECRET_KEY');
    }
    const sdkAppId = flags['sdk-app-id'] ?? process.env.TENCENT_SMS_SDK_APP_ID;
    const signName = flags['sign-name'] ?? process.env.TENCENT_SMS_SIGN_NAME;
    return startSmsStandIn({
      port,
      secretId,
      secretKey,
      ...(sdkAppId ? { sdkAppId } : {}),
      ...(signName ? { signNames: [signName] } : {}),
    });
  },
  describe: (standIn) => `Tencent Cloud SMS stand-in for SecretId ${standIn.secretId}`,
});
