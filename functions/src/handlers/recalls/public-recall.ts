import { recallRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publicRecall } from '../../use-cases/public-recalls';

/** GET /recalls/{id} — anyone — one recall notice in force. */
export const handler = httpRoute(recallRoute, ({ pathParams }) => publicRecall(pathParams.id));
