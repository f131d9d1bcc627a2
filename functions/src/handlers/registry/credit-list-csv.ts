import { creditListCsvRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { creditListCsv } from '../../use-cases/registry';

/** GET /staff/credit-list.csv — bureau staff: the 联合惩戒 list as a spreadsheet, safe against formula injection. */
export const handler = httpRoute(creditListCsvRoute, ({ principal, now }) => creditListCsv(principal, now));
