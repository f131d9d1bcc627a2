import { shopWeChatLinkRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { shopWeChatLink } from '../../use-cases/url-links';

/** GET /merchants/{id}/wechat-link — anyone: a WeChat URL Link to the shop's page (「在微信中打开」), cached per shop. */
export const handler = httpRoute(shopWeChatLinkRoute, ({ pathParams, now }) => shopWeChatLink(pathParams.id, now), { cacheControl: 'public, max-age=3600' });
