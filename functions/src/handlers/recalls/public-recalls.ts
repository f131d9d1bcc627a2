import { routes } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publicRecalls } from '../../use-cases/public-recalls';

/** GET /recalls — anyone — recall notices across the county, newest first. */
export const handler = httpRoute(routes.recalls, ({ query }) => publicRecalls(query));
