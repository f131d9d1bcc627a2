import { updateCommitmentsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { updateCommitments } from '../../use-cases/shop-commitments';

/** PUT /merchant/shops/{id}/commitments — the shop's owner: a new commitments version, in force from today. */
export const handler = httpRoute(updateCommitmentsRoute, ({ pathParams, body, principal, now }) => updateCommitments(pathParams.id, body.commitments, body.version, principal, now));
