import { myScorecardRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { myScorecard } from '../../use-cases/assessment';

/** GET /merchant/shops/{id}/scorecard — the shop's people: its live scorecard for this year. */
export const handler = httpRoute(myScorecardRoute, ({ pathParams, principal, now }) => myScorecard(pathParams.id, principal, now));
