import { stationsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { stationsFor } from '../../use-cases/stations';

/** GET /staff/stations — bureau staff: the complaint stations in their jurisdiction. */
export const handler = httpRoute(stationsRoute, ({ principal }) => stationsFor(principal!));
