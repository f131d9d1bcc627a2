import { export12315Route } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { export12315Csv } from '../../use-cases/export-12315';

/** GET /staff/complaints/12315.csv — bureau staff: accepted cases still missing their 12315 number, in their jurisdiction. */
export const handler = httpRoute(export12315Route, ({ principal, now }) => export12315Csv(principal, now));
