import { createBannerRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { createBanner } from '../../use-cases/content';

/** POST /staff/content/banners — county admins — a 3·15 banner with its dates (audited); `Idempotency-Key` required. */
export const handler = httpRoute(createBannerRoute, ({ body, principal, idempotencyKey, now }) => createBanner(body, principal, idempotencyKey!, now));
