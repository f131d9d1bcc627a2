import { shopPeopleRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { shopPeople } from '../../use-cases/registry';

/** GET /merchant/shops/{id}/people — the shop's people: who works there. */
export const handler = httpRoute(shopPeopleRoute, ({ pathParams, principal }) => shopPeople(pathParams.id, principal));
