import { requestUploadRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { requestUpload } from '../../use-cases/request-upload';

/** POST /uploads — signed-in users: a presigned upload for one complaint photo. */
export const handler = httpRoute(requestUploadRoute, ({ body, principal, now }) =>
  requestUpload(principal, body.contentType, body.size, now),
);
