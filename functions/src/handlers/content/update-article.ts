import { updateArticleRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { updateArticle } from '../../use-cases/content';

/** PUT /staff/content/articles/{id} — county admins — edit, publish or unpublish an article (audited). */
export const handler = httpRoute(updateArticleRoute, ({ pathParams, body, principal, now }) => updateArticle(pathParams.id, body, principal, now));
