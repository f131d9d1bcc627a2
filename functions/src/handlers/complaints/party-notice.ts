import { partyNoticeRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { readPartyNotice } from '../../use-cases/party-notices';

/** GET /complaints/{id}/notice — the complainant, the shop's people, staff with jurisdiction; 404 for anyone else. */
export const handler = httpRoute(partyNoticeRoute, ({ pathParams, principal, now }) => readPartyNotice(pathParams.id, principal, now));
