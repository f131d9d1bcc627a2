import { LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET } from '../../../../scripts/local/env';
import { startWeChatStandIn, type WeChatStandIn } from '../../../../standins/wechat/server';

/**
 * Gives the calling suite a WeChat stand-in of its own. The one globalSetup starts is shared by every
 * suite running at the same time, so a suite that counts the calls WeChat received, or injects faults,
 * would count and break its neighbours' calls too. Call it at the top of the suite, before anything that
 * reaches WeChat: the client reads its base URL once per worker.
 */
export function useOwnWeChatStandIn(): { readonly url: string } {
  let standIn: WeChatStandIn | undefined;
  beforeAll(async () => {
    standIn = await startWeChatStandIn({ appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET });
    process.env.WECHAT_API_BASE = standIn.url;
  });
  afterAll(async () => {
    await standIn?.stop();
  });
  return {
    get url() {
      if (!standIn) throw new Error('the WeChat stand-in starts in beforeAll');
      return standIn.url;
    },
  };
}
