import { stationLedgerCsvRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { stationLedgerCsv } from '../../use-cases/stations';

/** GET /station/ledger.csv — station staff: the ledger as a spreadsheet (masked, formula-safe). */
export const handler = httpRoute(stationLedgerCsvRoute, ({ principal, now }) => stationLedgerCsv(principal!, now));
