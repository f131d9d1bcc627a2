import { runStandIn } from '../common/run-standin';
import { startWeChatStandIn } from './server';

/**
 * Runs the WeChat stand-in on its own for the local product:
 *   npx tsx standins/wechat/main.ts --port 4100 [--app-id wx…] [--app-secret …]
 * Prints its base URL on the first line of stdout (for scripts to read), then serves until SIGINT/SIGTERM.
 */
runStandIn({
  flags: ['app-id', 'app-secret'],
  start: (port, flags) =>
    startWeChatStandIn({
      port,
      ...(flags['app-id'] ? { appId: flags['app-id'] } : {}),
      ...(flags['app-secret'] ? { appSecret: flags['app-secret'] } : {}),
    }),
  describe: (standIn) => `WeChat stand-in for appid ${standIn.appId}`,
});
