import type { Session, StationView } from '@fangxin/shared';
import { handler as registerStation } from '../../../src/handlers/stations/register-station';
import { handler as inviteStaff } from '../../../src/handlers/stations/invite-station-staff';
import { handler as redeemCode } from '../../../src/handlers/stations/redeem-station-code';
import { issueToken } from '../../../src/auth/token';
import { saveUser } from '../../../src/store/users';
import { invoke } from './http';
import { newIdempotencyKey, type SignedIn } from './people';

export const TEST_STATION = { name: '城关农贸市场消费维权服务站', townCode: 'chengguan', placeType: 'market', address: '城关镇农贸市场管理办公室', contactName: '李站长', contactPhone: '0311-5551234' };

/**
 * A station registered by `admin`, and a new person (`name`) joined to it with the code the admin issues —
 * through the routes, as in the app — signed in with the session the join answers.
 */
export async function stationWithStaff(admin: SignedIn, name: string): Promise<{ station: StationView; staff: SignedIn }> {
  const registered = await invoke<StationView>(registerStation, { method: 'POST', routePath: '/staff/stations', token: admin.token, headers: { 'idempotency-key': newIdempotencyKey() }, body: TEST_STATION });
  const station = registered.body;
  const principal = { userId: `u-test-${name}`, displayName: name, roles: { merchantIds: [] as string[] } };
  await saveUser({ ...principal, openid: `o-test-${name}` });
  const invitation = await invoke(inviteStaff, { method: 'POST', routePath: '/staff/stations/{id}/invitations', headers: { 'idempotency-key': newIdempotencyKey() }, pathParameters: { id: station.id }, token: admin.token });
  const joined = await invoke<Session>(redeemCode, { method: 'POST', routePath: '/station/bindings', token: (await issueToken(principal, new Date())).token, body: { code: invitation.body.code } });
  return { station, staff: { userId: principal.userId, token: joined.body.token, principal: { ...principal, roles: joined.body.user.roles } } };
}
