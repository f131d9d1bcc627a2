import { createArticleRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { createArticle } from '../../use-cases/content';

/** POST /staff/content/articles — county admins — write an article (audited). */
export const handler = httpRoute(createArticleRoute, ({ body, principal, now }) => createArticle(body, principal, now));
