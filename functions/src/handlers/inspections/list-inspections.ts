import { inspectionsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { listInspections } from '../../use-cases/inspections';

/** GET /staff/inspections — bureau staff: a shop's inspections, or a town's of a year, newest first. */
export const handler = httpRoute(inspectionsRoute, ({ query, principal, now }) => listInspections(query, principal, now));
