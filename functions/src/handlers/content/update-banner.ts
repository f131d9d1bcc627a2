import { updateBannerRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { updateBanner } from '../../use-cases/content';

/** PUT /staff/content/banners/{id} — county admins — edit, publish or unpublish a banner (audited). */
export const handler = httpRoute(updateBannerRoute, ({ pathParams, body, principal, now }) => updateBanner(pathParams.id, body, principal, now));
