import { routes } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { export12315Csv } from '../../use-cases/export-12315';

/** GET /staff/complaints/12315.csv — bureau staff: accepted cases still missing their 12315 number, in their jurisdiction. */
export const handler = httpRoute(routes.export12315, ({ principal, now }) => export12315Csv(principal, now));
