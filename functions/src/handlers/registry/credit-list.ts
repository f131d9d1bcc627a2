import { creditListRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { creditList } from '../../use-cases/registry';

/** GET /staff/credit-list — bureau staff: the 联合惩戒 list in their jurisdiction. */
export const handler = httpRoute(creditListRoute, ({ query, principal }) => creditList(principal, query.cursor, query.limit));
