import { inspectionChecklistRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { checklistView } from '../../use-cases/inspection-views';

/** GET /inspection-checklist — public: the inspection checklist along the five 放心 (a version changes only with a deployment). */
export const handler = httpRoute(inspectionChecklistRoute, async ({ query }) => checklistView(query.version), { cacheControl: 'public, max-age=3600' });
