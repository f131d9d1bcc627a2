import { parseArgs } from 'node:util';
import { startWeChatStandIn } from './server';

/**
 * Runs the WeChat stand-in on its own for the local product:
 *   npx tsx standins/wechat/main.ts --port 4100 [--app-id wx…] [--app-secret …]
 * Prints its base URL on the first line of stdout (for scripts to read), then serves until SIGINT/SIGTERM.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'app-id': { type: 'string' },
    'app-secret': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const standIn = await startWeChatStandIn({
    port,
    ...(values['app-id'] ? { appId: values['app-id'] } : {}),
    ...(values['app-secret'] ? { appSecret: values['app-secret'] } : {}),
  });
  console.log(standIn.url);
  console.error(`WeChat stand-in for appid ${standIn.appId} on ${standIn.url} (control API under /__control/)`);

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
