import { reviewRecallRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { reviewRecall } from '../../use-cases/recalls';

/** POST /staff/recalls/{id}/review — regulators and admins — release or block a held recall text (audited). */
export const handler = httpRoute(reviewRecallRoute, ({ pathParams, body, principal, now }) => reviewRecall(pathParams.id, body, principal, now));
