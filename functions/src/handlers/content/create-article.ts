import { createArticleRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { createArticle } from '../../use-cases/content';

/** POST /staff/content/articles — county admins — write an article (audited); `Idempotency-Key` required. */
export const handler = httpRoute(createArticleRoute, ({ body, principal, idempotencyKey, now }) => createArticle(body, principal, idempotencyKey!, now));
