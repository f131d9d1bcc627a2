import { recallsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publicRecalls } from '../../use-cases/public-recalls';

/** GET /recalls — anyone — recall notices across the county, newest first. */
export const handler = httpRoute(recallsRoute, ({ query }) => publicRecalls(query));
