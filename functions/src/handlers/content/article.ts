import { articleRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publishedArticle } from '../../use-cases/content';

/** GET /content/articles/{id} — anyone — one published article. */
export const handler = httpRoute(articleRoute, ({ pathParams }) => publishedArticle(pathParams.id));
