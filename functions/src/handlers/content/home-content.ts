import { homeContentRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { homeContent } from '../../use-cases/content';

/** GET /content/home — anyone — the home page's banners, latest articles and recall notices. */
export const handler = httpRoute(homeContentRoute, ({ now }) => homeContent(now), { cacheControl: 'public, max-age=60' });
