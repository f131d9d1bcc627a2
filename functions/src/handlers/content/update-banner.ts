import { contentRoutes } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { updateBanner } from '../../use-cases/content';

/** PUT /staff/content/banners/{id} — county admins — edit, publish or unpublish a banner (audited). */
export const handler = httpRoute(contentRoutes.updateBanner, ({ pathParams, body, principal, now }) => updateBanner(pathParams.id, body, principal, now));
