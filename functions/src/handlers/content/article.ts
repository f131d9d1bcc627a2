import { routes } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publishedArticle } from '../../use-cases/content';

/** GET /content/articles/{id} — anyone — one published article. */
export const handler = httpRoute(routes.article, ({ pathParams }) => publishedArticle(pathParams.id));
