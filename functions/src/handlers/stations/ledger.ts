import { stationLedgerRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { stationLedger } from '../../use-cases/stations';

/** GET /station/ledger — station staff: their station's ledger (台账), newest first. */
export const handler = httpRoute(stationLedgerRoute, ({ query, principal }) => stationLedger(principal!, query));
