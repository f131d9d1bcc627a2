import { fileComplaintRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { fileComplaint } from '../../use-cases/file-complaint';

/** POST /complaints — signed-in users (consumers); `Idempotency-Key` required. */
export const handler = httpRoute(fileComplaintRoute, ({ body, principal, idempotencyKey, now }) =>
  fileComplaint(body, principal, idempotencyKey!, now),
);
