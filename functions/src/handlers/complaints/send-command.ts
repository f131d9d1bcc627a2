import { sendCommandRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { sendCommand } from '../../use-cases/send-command';

/** POST /complaints/{id}/commands — whoever the lifecycle allows (see allowedActions); 404 for unrelated users. */
export const handler = httpRoute(sendCommandRoute, ({ pathParams, body, principal, now }) =>
  sendCommand(pathParams.id, body, principal, now),
);
