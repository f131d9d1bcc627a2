import { moderationQueueRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { moderationQueue } from '../../use-cases/moderate-content';

/** GET /staff/moderation — bureau staff: texts held by content security in their jurisdiction, oldest first. */
export const handler = httpRoute(moderationQueueRoute, ({ query, principal }) => moderationQueue(principal, query.cursor, query.limit));
