import { articlesRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publishedArticles } from '../../use-cases/content';

/** GET /content/articles — anyone — published 维权知识 articles, newest first. */
export const handler = httpRoute(articlesRoute, ({ query }) => publishedArticles(query));
