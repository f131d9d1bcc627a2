import { answerRectificationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { answerRectification } from '../../use-cases/rectifications';

/** POST /merchant/rectifications/{id}/answer — the shop's people: what was done, with photos of the result. */
export const handler = httpRoute(answerRectificationRoute, ({ pathParams, body, principal, now }) => answerRectification(pathParams.id, body, principal, now));
