import { MerchantPublicView, MerchantRegistryView, Session } from '@fangxin/shared';
import { handler as apply } from '../../src/handlers/registry/apply';
import { handler as listRegistry } from '../../src/handlers/registry/list';
import { handler as decide } from '../../src/handlers/registry/decide';
import { handler as redeem } from '../../src/handlers/registry/redeem';
import { handler as invite } from '../../src/handlers/registry/invite';
import { handler as people } from '../../src/handlers/registry/people';
import { handler as removeClerk } from '../../src/handlers/registry/remove-clerk';
import { handler as changeStatus } from '../../src/handlers/registry/status';
import { handler as violation } from '../../src/handlers/registry/violation';
import { handler as resolveViolation } from '../../src/handlers/registry/resolve-violation';
import { handler as creditList } from '../../src/handlers/registry/credit-list';
import { handler as creditListCsv } from '../../src/handlers/registry/credit-list-csv';
import { handler as commitments } from '../../src/handlers/registry/commitments';
import { handler as directory } from '../../src/handlers/registry/directory';
import { handler as getMerchant } from '../../src/handlers/merchants/get-merchant';
import { handler as fileComplaint } from '../../src/handlers/complaints/file-complaint';
import { handler as getComplaint } from '../../src/handlers/complaints/get-complaint';
import { handler as merchantQueue } from '../../src/handlers/merchant/merchant-queue';
import { issueToken } from '../../src/auth/token';
import { saveUser } from '../../src/store/users';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbClient } from '../../src/clients';
import { config } from '../../src/config';
import { saveRegistryChange } from '../../src/store/registry';
import { findMerchant } from '../../src/store/merchants';
import { apiGatewayEvent } from './support/api-gateway-event';
import { invoke } from './support/http';
import { countDynamoDbRequests } from './support/request-counter';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';
import { usccCheckCharacter } from '@fangxin/shared';

useFreshTable();
let staff: Record<Person, SignedIn>;

async function newUser(name: string): Promise<SignedIn> {
  const principal = { userId: `u-reg-${name}`, displayName: name, roles: { merchantIds: [] as string[] } };
  await saveUser(principal);
  return { userId: principal.userId, token: (await issueToken(principal, new Date())).token, principal };
}

/** A valid 统一社会信用代码 from its first 17 characters. */
const anotherUscc = (first17: string) => `${first17}${usccCheckCharacter(first17)}`;

const application = (overrides: Record<string, unknown> = {}) => ({
  name: '白鹿镇新开农家乐',
  type: 'individual',
  uscc: '９２１３０５２９０３００７９１９ｂｗ', // full-width, lower case: normalised
  sector: 'catering_lodging',
  townCode: 'bailu',
  areaType: 'scenic',
  address: '清河县白鹿镇湖滨路18号',
  contactName: '刘老板',
  contactPhone: '13905291234',
  commitments: [
    { kind: 'catalogue', code: 'quality' },
    { kind: 'catalogue', code: 'price_marking' },
  ],
  ...overrides,
});

beforeAll(async () => {
  staff = await setUpPeople();
});

describe('onboarding: apply → approve → bind → invite a clerk → remove the clerk', () => {
  it('takes a shop from application to a bound owner and a clerk who loses access when removed', async () => {
    const owner = await newUser('owner');
    const clerk = await newUser('clerk');

    const applied = await invoke(apply, { method: 'POST', routePath: '/merchant-applications', headers: { 'idempotency-key': newIdempotencyKey() }, token: owner.token, body: application() });
    expect(applied.status).toBe(201);
    const shop = MerchantRegistryView.parse(applied.body);
    expect(shop).toMatchObject({ status: 'pending', statusLabel: '待审核', uscc: '9213052903007919BW' });
    // Not public while pending.
    expect((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: shop.id } })).status).toBe(404);

    const pending = await invoke(listRegistry, { method: 'GET', routePath: '/staff/merchants', token: staff.adminCounty.token, query: { status: 'pending' } });
    expect(pending.body.items.map((m: { id: string }) => m.id)).toContain(shop.id);

    // Only a county admin decides.
    expect((await invoke(decide, { headers: { 'idempotency-key': newIdempotencyKey() }, method: 'POST', routePath: '/staff/merchants/{id}/decision', pathParameters: { id: shop.id }, token: staff.regulatorChengguan.token, body: { decision: 'approve' } })).status).toBe(403);
    const decided = await invoke(decide, { headers: { 'idempotency-key': newIdempotencyKey() }, method: 'POST', routePath: '/staff/merchants/{id}/decision', pathParameters: { id: shop.id }, token: staff.adminCounty.token, body: { decision: 'approve' } });
    expect(decided.status).toBe(200);
    expect(decided.body.merchant).toMatchObject({ status: 'active', badgeLabel: '放心消费参创单位' });
    const ownerCode = decided.body.binding.code as string;
    expect(ownerCode).toMatch(/^[0-9A-Z]{8}$/);

    const bound = await invoke(redeem, { method: 'POST', routePath: '/merchant/bindings', token: owner.token, body: { code: ownerCode.toLowerCase() } });
    expect(bound.status).toBe(200);
    const ownerSession = Session.parse(bound.body);
    expect(ownerSession.user.roles.merchantIds).toEqual([shop.id]);
    // A code works once.
    const again = await invoke(redeem, { method: 'POST', routePath: '/merchant/bindings', token: clerk.token, body: { code: ownerCode } });
    expect(again.status).toBe(400);
    expect(again.body.field).toBe('code');
    // The owner sending it again with the token they had before (the first answer was lost): the same shop, once.
    const resent = await invoke(redeem, { method: 'POST', routePath: '/merchant/bindings', token: owner.token, body: { code: ownerCode } });
    expect(resent.status).toBe(200);
    expect(Session.parse(resent.body).user.roles.merchantIds).toEqual([shop.id]);

    const inviteKey = newIdempotencyKey();
    const inviteOnce = () => invoke(invite, { method: 'POST', routePath: '/merchant/shops/{id}/invitations', headers: { 'idempotency-key': inviteKey }, pathParameters: { id: shop.id }, token: ownerSession.token });
    const invitation = await inviteOnce();
    expect(invitation.body).toMatchObject({ role: 'clerk', merchantId: shop.id });
    // Sent again with its key (a lost answer): the same code, not a second live one.
    expect((await inviteOnce()).body).toEqual(invitation.body);
    const clerkSession = Session.parse((await invoke(redeem, { method: 'POST', routePath: '/merchant/bindings', token: clerk.token, body: { code: invitation.body.code } })).body);
    // Once used, the key's replay no longer hands the code out.
    expect(await inviteOnce()).toMatchObject({ status: 409, body: { message: '这个绑定码已被使用或已过期，请重新生成' } });

    // The clerk cannot invite or remove; the owner sees both people.
    expect((await invoke(invite, { method: 'POST', routePath: '/merchant/shops/{id}/invitations', headers: { 'idempotency-key': newIdempotencyKey() }, pathParameters: { id: shop.id }, token: clerkSession.token })).status).toBe(403);
    const team = await invoke(people, { method: 'GET', routePath: '/merchant/shops/{id}/people', pathParameters: { id: shop.id }, token: ownerSession.token });
    expect(team.body.items.map((p: { role: string }) => p.role).sort()).toEqual(['clerk', 'owner']);

    // A complaint the clerk can see…
    const filed = await invoke(fileComplaint, {
      method: 'POST',
      routePath: '/complaints',
      token: staff.consumer.token,
      body: complaintBody({ merchantId: shop.id, commitmentKey: 'quality' }),
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
    const see = () => invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id: filed.body.id }, token: clerkSession.token });
    expect((await see()).status).toBe(200);

    // …until the owner removes them: at once, although their token still lists the shop.
    const removed = await invoke(removeClerk, { method: 'DELETE', routePath: '/merchant/shops/{id}/people/{userId}', pathParameters: { id: shop.id, userId: clerk.userId }, token: ownerSession.token });
    expect(removed.body.items.map((p: { role: string }) => p.role)).toEqual(['owner']);
    // Removed again (the owner's retry after a lost answer): the same list, not an error.
    const removedAgain = await invoke(removeClerk, { method: 'DELETE', routePath: '/merchant/shops/{id}/people/{userId}', pathParameters: { id: shop.id, userId: clerk.userId }, token: ownerSession.token });
    expect(removedAgain).toMatchObject({ status: 200, body: { items: [{ role: 'owner' }] } });
    expect((await see()).status).toBe(404);
    expect((await invoke(merchantQueue, { method: 'GET', routePath: '/merchant/complaints', token: clerkSession.token })).status).toBe(404);
    // Their used code does not bring them back.
    const rejoin = await invoke(redeem, { method: 'POST', routePath: '/merchant/bindings', token: clerk.token, body: { code: invitation.body.code } });
    expect(rejoin).toMatchObject({ status: 400, body: { field: 'code' } });
    expect(team.body.items).toHaveLength(2);
    expect((await invoke(people, { method: 'GET', routePath: '/merchant/shops/{id}/people', pathParameters: { id: shop.id }, token: ownerSession.token })).body.items).toHaveLength(1);
    // The owner cannot be removed as a clerk.
    expect((await invoke(removeClerk, { method: 'DELETE', routePath: '/merchant/shops/{id}/people/{userId}', pathParameters: { id: shop.id, userId: owner.userId }, token: ownerSession.token })).status).toBe(400);
  });

  it('rejects an application with a reason', async () => {
    const applicant = await newUser('rejected');
    // Another business (its own 统一社会信用代码): one business has one application at a time.
    const shop = (await invoke(apply, { method: 'POST', routePath: '/merchant-applications', headers: { 'idempotency-key': newIdempotencyKey() }, token: applicant.token, body: application({ name: '资料不全的小店', uscc: anotherUscc('92130529MA0000001') }) })).body;
    const rejected = await invoke(decide, { headers: { 'idempotency-key': newIdempotencyKey() }, method: 'POST', routePath: '/staff/merchants/{id}/decision', pathParameters: { id: shop.id }, token: staff.adminCounty.token, body: { decision: 'reject', reason: '营业执照照片不清晰' } });
    expect(rejected.body.merchant).toMatchObject({ status: 'rejected', statusReason: '营业执照照片不清晰' });
    expect(rejected.body.binding).toBeUndefined();
  });

  it.each([
    ['a wrong check character', { uscc: '9213052903007919BX' }, 'uscc', '校验位不正确'],
    ['a forbidden letter', { uscc: '9213052903007919OW' }, 'uscc', 'I、O、S、V、Z'],
    ['17 characters', { uscc: '9213052903007919B' }, 'uscc', '18 位'],
    ['no commitment', { commitments: [] }, 'commitments', '至少选择一项承诺'],
    ['an unknown town', { townCode: 'atlantis' }, 'townCode', '请选择所在乡镇'],
  ])('refuses an application with %s, naming the field', async (_, overrides, field, message) => {
    const applicant = await newUser(`bad-${field}`);
    const { status, body } = await invoke(apply, { method: 'POST', routePath: '/merchant-applications', headers: { 'idempotency-key': newIdempotencyKey() }, token: applicant.token, body: application(overrides) });
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(body.message).toContain(message);
  });
});

describe('status, credit flags and versioned commitments', () => {
  it('shows a suspended shop plainly and takes it out of the directory', async () => {
    const listed = async () =>
      (await invoke(directory, { method: 'GET', routePath: '/merchants', query: { town: 'chengguan' } })).body.items.map((i: { id: string }) => i.id);
    await saveRegistryChange({ before: undefined, after: { ...SHOP_A, id: 'QHSUSPEND1', name: '将被暂停的商店' }, directory: 'publish' });
    expect(await listed()).toContain('QHSUSPEND1');

    const suspended = await invoke(changeStatus, { method: 'POST', routePath: '/staff/merchants/{id}/status', pathParameters: { id: 'QHSUSPEND1' }, token: staff.regulatorChengguan.token, body: { action: 'suspend', reason: '多次拒不处理消费者投诉', seenStatus: 'active' } });
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: '多次拒不处理消费者投诉' });
    expect(await listed()).not.toContain('QHSUSPEND1');
    // The same change sent again (a lost answer): the shop as it stands; another suspension reason is refused.
    const suspendAgain = (reason: string) =>
      invoke(changeStatus, { method: 'POST', routePath: '/staff/merchants/{id}/status', pathParameters: { id: 'QHSUSPEND1' }, token: staff.regulatorChengguan.token, body: { action: 'suspend', reason, seenStatus: 'active' } });
    expect(await suspendAgain('多次拒不处理消费者投诉')).toMatchObject({ status: 200, body: { status: 'suspended', statusReason: '多次拒不处理消费者投诉' } });
    // Another suspension, or 摘牌, chosen on a screen that still showed the shop active: 409, nothing overwritten.
    expect(await suspendAgain('另一个理由，再暂停一次')).toMatchObject({ status: 409, body: { field: 'seenStatus', message: expect.stringContaining('已被他人改为「已暂停」（理由：多次拒不处理消费者投诉）') } });
    const revokeOnStaleScreen = await invoke(changeStatus, { method: 'POST', routePath: '/staff/merchants/{id}/status', pathParameters: { id: 'QHSUSPEND1' }, token: staff.adminCounty.token, body: { action: 'revoke', reason: '屡教不改，予以摘牌', seenStatus: 'active' } });
    expect(revokeOnStaleScreen).toMatchObject({ status: 409, body: { code: 'CONFLICT', field: 'seenStatus' } });
    expect(await findMerchant('QHSUSPEND1')).toMatchObject({ status: 'suspended', statusReason: '多次拒不处理消费者投诉' });
    // Seen as it is, a change the status does not allow is still 400 naming the action.
    const suspendTwice = { action: 'suspend', reason: '另一个理由，再暂停一次', seenStatus: 'suspended' };
    expect(await invoke(changeStatus, { method: 'POST', routePath: '/staff/merchants/{id}/status', pathParameters: { id: 'QHSUSPEND1' }, token: staff.regulatorChengguan.token, body: suspendTwice })).toMatchObject({ status: 400, body: { field: 'action' } });
    const page = MerchantPublicView.parse((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: 'QHSUSPEND1' } })).body);
    expect(page.statusNotice).toContain('暂停');
    // A regulator of another town cannot touch it.
    expect((await invoke(changeStatus, { method: 'POST', routePath: '/staff/merchants/{id}/status', pathParameters: { id: 'QHSUSPEND1' }, token: staff.regulatorLongquan.token, body: { action: 'reinstate', reason: '越权恢复', seenStatus: 'suspended' } })).status).toBe(404);
    // Two taps at once on 恢复: both answered with the shop reinstated, changed and audited once.
    const reinstate = () => invoke(changeStatus, { method: 'POST', routePath: '/staff/merchants/{id}/status', pathParameters: { id: 'QHSUSPEND1' }, token: staff.adminCounty.token, body: { action: 'reinstate', reason: '整改到位', seenStatus: 'suspended' } });
    const twins = await Promise.all([reinstate(), reinstate()]);
    expect(twins.map((answer) => [answer.status, answer.body.status])).toEqual([[200, 'active'], [200, 'active']]);
    expect(await listed()).toContain('QHSUSPEND1');
    const { Items: trail = [] } = await dynamoDbClient.send(
      new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `AUDIT#${staff.adminCounty.userId}` } } }),
    );
    expect(trail.filter((item) => item.action?.S === 'reinstate' && item.subjectId?.S === 'QHSUSPEND1')).toHaveLength(1);
  });

  it('a status change or violation on a shop the caller has no relation to is 404, as for an unknown id; a role that may not act in its own town is 403', async () => {
    const mediatorLongquan = { userId: 'u-test-mediator-longquan', displayName: '龙泉调解员', roles: { merchantIds: [] as string[], staff: { role: 'mediator' as const, jurisdiction: ['longquan'] } } };
    await saveUser({ ...mediatorLongquan, openid: 'o-test-mediator-longquan' });
    const token = (await issueToken(mediatorLongquan, new Date())).token;
    const status = (who: string, id: string) =>
      invoke(changeStatus, { method: 'POST', routePath: '/staff/merchants/{id}/status', pathParameters: { id }, token: who, body: { action: 'suspend', reason: '多次拒不处理消费者投诉', seenStatus: 'active' } });
    const flag = (who: string, id: string) =>
      invoke(violation, { headers: { 'idempotency-key': newIdempotencyKey() }, method: 'POST', routePath: '/staff/merchants/{id}/violations', pathParameters: { id }, token: who, body: { source: '行政处罚', date: '2026-10-15', description: '销售过期食品，已予行政处罚。' } });
    for (const call of [status, flag]) {
      // A mediator of 龙泉: 城关's shop answers as an unknown id does.
      expect(await call(token, SHOP_A.id)).toMatchObject({ status: 404, body: { message: '未找到该店铺' } });
      expect((await call(token, 'QHNOSUCH01')).status).toBe(404);
      // The county's mediator covers 城关, but a mediator may not do this: 403.
      expect((await call(staff.mediatorCounty.token, SHOP_A.id)).status).toBe(403);
      // Not staff at all: the same 403 for a real id and an unknown one.
      expect((await call(staff.consumer.token, SHOP_A.id)).status).toBe(403);
      expect((await call(staff.consumer.token, 'QHNOSUCH01')).status).toBe(403);
    }
    expect((await findMerchant(SHOP_A.id))!).toMatchObject({ status: 'active', creditFlags: [] });
  });

  it('puts a flagged shop on the 联合惩戒 list, its page and a CSV that no spreadsheet executes', async () => {
    await saveRegistryChange({ before: undefined, after: { ...SHOP_A, id: 'QHFLAGGED1', name: '=HYPERLINK("http://x")商店', badge: { kind: 'model', year: 2025 } }, directory: 'publish' });
    const badgeOf = async () => MerchantPublicView.parse((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: 'QHFLAGGED1' } })).body).badge.kind;
    const listing = async () =>
      (await invoke(directory, { method: 'GET', routePath: '/merchants', query: { town: 'chengguan' } })).body.items.find((item: { id: string }) => item.id === 'QHFLAGGED1');
    expect(await badgeOf()).toBe('model');
    expect((await listing()).badge).toMatchObject({ kind: 'model', label: expect.stringContaining('示范') });
    const flagged = await invoke(violation, { headers: { 'idempotency-key': newIdempotencyKey() },
      method: 'POST',
      routePath: '/staff/merchants/{id}/violations',
      pathParameters: { id: 'QHFLAGGED1' },
      token: staff.regulatorChengguan.token,
      body: { source: '行政处罚', date: '2026-10-15', description: '销售过期食品，已予行政处罚。' },
    });
    expect(flagged.body.creditFlags).toHaveLength(1);
    const list = await invoke(creditList, { method: 'GET', routePath: '/staff/credit-list', token: staff.mediatorCounty.token });
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain('QHFLAGGED1');
    expect((await invoke(creditList, { method: 'GET', routePath: '/staff/credit-list', token: staff.regulatorLongquan.token })).body.items).toEqual([]);

    const page = MerchantPublicView.parse((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: 'QHFLAGGED1' } })).body);
    expect(page.statusNotice).toContain('联合惩戒');
    // It keeps taking part, but its 示范 title is withheld on its page and in the directory.
    expect(page.badge).toEqual({ kind: 'participant', label: '放心消费参创单位' });
    expect((await listing()).badge).toEqual({ kind: 'participant', label: '放心消费参创单位' });

    const csv = await creditListCsv(apiGatewayEvent({ method: 'GET', routePath: '/staff/credit-list.csv', headers: { authorization: `Bearer ${staff.adminCounty.token}` } }));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(csv.body)).toContain(`"'=HYPERLINK(""http://x"")商店"`);
    expect(String(csv.body)).toContain('"行政处罚","2026-10-15"');
  });

  it('a flag is resolved (信用修复) with a reason, audited: the shop leaves the 联合惩戒 list, its page and its 示范 title come back, the flag stays on record', async () => {
    await saveRegistryChange({ before: undefined, after: { ...SHOP_A, id: 'QHREPAIRED', name: '信用修复的商店', badge: { kind: 'model', year: 2025 } }, directory: 'publish' });
    const flag = (description: string) =>
      invoke(violation, { headers: { 'idempotency-key': newIdempotencyKey() }, method: 'POST', routePath: '/staff/merchants/{id}/violations', pathParameters: { id: 'QHREPAIRED' }, token: staff.regulatorChengguan.token, body: { source: '行政处罚', date: '2026-03-15', description } });
    await flag('未明码标价，已责令改正。');
    const [first, second] = (await flag('价签与结算价不符，已予警告。')).body.creditFlags as Array<{ recordedAt: string }>;
    const resolve = (who: SignedIn, body: unknown) =>
      invoke(resolveViolation, { method: 'POST', routePath: '/staff/merchants/{id}/violations/resolutions', pathParameters: { id: 'QHREPAIRED' }, token: who.token, body });
    const onList = async () => (await invoke(creditList, { method: 'GET', routePath: '/staff/credit-list', token: staff.adminCounty.token })).body.items.some((m: { id: string }) => m.id === 'QHREPAIRED');
    const page = async () => MerchantPublicView.parse((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: 'QHREPAIRED' } })).body);

    // Who may, and what is refused (naming the field, changing nothing).
    expect((await resolve(staff.regulatorLongquan, { recordedAt: first!.recordedAt, resolution: '整改到位，予以信用修复。' })).status).toBe(404);
    expect((await resolve(staff.mediatorCounty, { recordedAt: first!.recordedAt, resolution: '整改到位，予以信用修复。' })).status).toBe(403);
    expect(await resolve(staff.adminCounty, { recordedAt: first!.recordedAt, resolution: '好' })).toMatchObject({ status: 400, body: { field: 'resolution' } });
    expect(await resolve(staff.adminCounty, { recordedAt: '2020-01-01T00:00:00.000Z', resolution: '整改到位，予以信用修复。' })).toMatchObject({ status: 404, body: { field: 'recordedAt' } });
    expect((await findMerchant('QHREPAIRED'))!.creditFlags).toHaveLength(2);

    // One of two resolved: still on the list.
    const once = await resolve(staff.regulatorChengguan, { recordedAt: first!.recordedAt, resolution: '已整改到位，予以信用修复。' });
    expect(once.status).toBe(200);
    expect(MerchantRegistryView.parse(once.body)).toMatchObject({ creditFlags: [{ recordedAt: second!.recordedAt }], resolvedCreditFlags: [{ recordedAt: first!.recordedAt, resolution: '已整改到位，予以信用修复。' }] });
    expect(await onList()).toBe(true);
    // Sent again with the same reason (a lost answer): the shop as it stands, resolved once; another reason: 409.
    const resent = await resolve(staff.regulatorChengguan, { recordedAt: first!.recordedAt, resolution: '已整改到位，予以信用修复。' });
    expect(resent).toMatchObject({ status: 200, body: { resolvedCreditFlags: [{ recordedAt: first!.recordedAt }] } });
    expect((await resolve(staff.regulatorChengguan, { recordedAt: first!.recordedAt, resolution: '另一个理由，再解除一次。' })).status).toBe(409);

    // Both: off the list, the page's notice gone and its title back.
    expect((await resolve(staff.adminCounty, { recordedAt: second!.recordedAt, resolution: '警告期满，未再发现问题。' })).status).toBe(200);
    expect(await onList()).toBe(false);
    expect((await page()).statusNotice ?? '').not.toContain('联合惩戒');
    expect((await page()).badge.kind).toBe('model');
    const { Items = [] } = await dynamoDbClient.send(
      new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `AUDIT#${staff.adminCounty.userId}` } } }),
    );
    expect(Items.some((item) => item.action?.S === 'resolve_violation' && item.subjectId?.S === 'QHREPAIRED')).toBe(true);
  });

  it('versions commitments: a complaint keeps what was in force when filed; the page shows the new set and its date', async () => {
    const before = await invoke(fileComplaint, {
      method: 'POST',
      routePath: '/complaints',
      token: staff.consumer.token,
      body: complaintBody(),
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
    const edited = await invoke(commitments, {
      method: 'PUT',
      routePath: '/merchant/shops/{id}/commitments',
      pathParameters: { id: SHOP_A.id },
      token: staff.ownerA.token,
      body: { commitments: [{ kind: 'catalogue', code: 'offline_no_reason_return', days: 30 }], version: 1 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.commitmentsVersion).toBe(2);
    // The same edit sent again (a lost answer, a second phone) is on a version no longer in force: 409, no third version.
    const again = await invoke(commitments, {
      method: 'PUT',
      routePath: '/merchant/shops/{id}/commitments',
      pathParameters: { id: SHOP_A.id },
      token: staff.ownerA.token,
      body: { commitments: [{ kind: 'catalogue', code: 'offline_no_reason_return', days: 30 }], version: 1 },
    });
    expect(again).toMatchObject({ status: 409, body: { message: '本店承诺已更新为第 2 版，请刷新后再修改' } });
    expect((await findMerchant(SHOP_A.id))!.commitmentsVersion).toBe(2);
    // Without the version read, the edit is refused naming it.
    expect(await invoke(commitments, { method: 'PUT', routePath: '/merchant/shops/{id}/commitments', pathParameters: { id: SHOP_A.id }, token: staff.ownerA.token, body: { commitments: [{ kind: 'catalogue', code: 'quality' }] } })).toMatchObject({
      status: 400,
      body: { field: 'version' },
    });
    // Clerks may not change the shop's public promises.
    expect((await invoke(commitments, { method: 'PUT', routePath: '/merchant/shops/{id}/commitments', pathParameters: { id: SHOP_A.id }, token: staff.clerkA.token, body: { commitments: [{ kind: 'catalogue', code: 'quality' }], version: 2 } })).status).toBe(403);

    const page = MerchantPublicView.parse((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: SHOP_A.id } })).body);
    expect(page.commitments.map((c) => c.title)).toEqual(['30天线下无理由退货']);
    expect(page.commitmentsSince).toBe(edited.body.commitmentsSince);
    expect(page.commitmentsVersion).toBe(2);

    const old = await invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id: before.body.id }, token: staff.consumer.token });
    expect(old.body.commitmentsInForce.map((c: { title: string }) => c.title)).toEqual(['三包', '先行赔付']);
  });
});

describe('who decides, and nothing lost between writers', () => {
  const staffUser = async (name: string, staffRole: { role: 'admin' | 'regulator'; jurisdiction: 'county' | string[] }): Promise<SignedIn> => {
    const principal = { userId: `u-reg-${name}`, displayName: name, roles: { merchantIds: [] as string[], staff: staffRole } };
    await saveUser(principal);
    return { userId: principal.userId, token: (await issueToken(principal, new Date())).token, principal };
  };
  const decideAs = (who: SignedIn, id: string) =>
    invoke(decide, { headers: { 'idempotency-key': newIdempotencyKey() }, method: 'POST', routePath: '/staff/merchants/{id}/decision', pathParameters: { id }, token: who.token, body: { decision: 'approve' } });

  it('only a county admin decides an application; an admin of other towns does not learn it exists', async () => {
    const applicant = await newUser('town-admin-case');
    const shop = (await invoke(apply, { method: 'POST', routePath: '/merchant-applications', headers: { 'idempotency-key': newIdempotencyKey() }, token: applicant.token, body: application({ name: '白鹿镇待审小店', uscc: anotherUscc('92130529MA0000002') }) })).body;
    const bailuAdmin = await staffUser('admin-bailu', { role: 'admin', jurisdiction: ['bailu'] });
    const chengguanAdmin = await staffUser('admin-chengguan', { role: 'admin', jurisdiction: ['chengguan'] });

    const elsewhere = await decideAs(chengguanAdmin, shop.id);
    expect(elsewhere.status).toBe(404);
    expect(JSON.stringify(elsewhere.body)).not.toContain(shop.name);
    const ownTown = await decideAs(bailuAdmin, shop.id);
    expect(ownTown.status).toBe(403);
    expect(ownTown.body.message).toContain('县联席会议办公室');
    // Still pending: neither refusal changed it, and the county admin decides it.
    const decided = await decideAs(staff.adminCounty, shop.id);
    expect(decided.status).toBe(200);
    expect(decided.body.merchant.status).toBe('active');
  });

  it('a decision or a violation sent again with its Idempotency-Key: the same decision, the owner’s code again, one flag', async () => {
    const applicant = await newUser('lost-answer');
    const shop = (await invoke(apply, { method: 'POST', routePath: '/merchant-applications', headers: { 'idempotency-key': newIdempotencyKey() }, token: applicant.token, body: application({ name: '答复丢失的小店', uscc: anotherUscc('92130529MA0000003') }) })).body;
    const key = newIdempotencyKey();
    const approve = () =>
      invoke(decide, { headers: { 'idempotency-key': key }, method: 'POST', routePath: '/staff/merchants/{id}/decision', pathParameters: { id: shop.id }, token: staff.adminCounty.token, body: { decision: 'approve' } });
    const first = await approve();
    const again = await approve();
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, body: { merchant: { status: 'active' }, binding: { code: first.body.binding.code } } });
    // Without the key's history, a second approval is refused: it was decided (409, with what stands).
    expect(await decideAs(staff.adminCounty, shop.id)).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: '该店铺当前状态为「参创单位」，无需审核' } });
    // Once the owner has used the code, a replay no longer hands it out.
    expect((await invoke(redeem, { method: 'POST', routePath: '/merchant/bindings', token: applicant.token, body: { code: first.body.binding.code } })).status).toBe(200);
    const afterUse = await approve();
    expect(afterUse.status).toBe(200);
    expect(afterUse.body.binding).toBeUndefined();

    const flagKey = newIdempotencyKey();
    const flag = { source: '行政处罚', date: '2026-10-18', description: '虚假宣传，已予行政处罚。' };
    const record = () => invoke(violation, { headers: { 'idempotency-key': flagKey }, method: 'POST', routePath: '/staff/merchants/{id}/violations', pathParameters: { id: shop.id }, token: staff.adminCounty.token, body: flag });
    expect((await record()).status).toBe(200);
    expect((await record()).body.creditFlags).toHaveLength(1);
    const other = await invoke(violation, { headers: { 'idempotency-key': flagKey }, method: 'POST', routePath: '/staff/merchants/{id}/violations', pathParameters: { id: shop.id }, token: staff.adminCounty.token, body: { ...flag, description: '另一件违法行为。' } });
    expect(other).toMatchObject({ status: 409, body: { field: 'Idempotency-Key' } });
    expect((await findMerchant(shop.id))!.creditFlags).toHaveLength(1);
  });

  it('a registry cursor is sealed: it names no shop, and works only for its own list, filters and person', async () => {
    for (const [index, town] of ['bailu', 'longquan', 'chengguan'].entries()) {
      await saveRegistryChange({ before: undefined, after: { ...SHOP_A, id: `QHCURSOR0${index}`, name: `翻页测试商店${index}`, townCode: town, status: 'pending' } });
    }
    const list = (who: SignedIn, query: Record<string, string>) => invoke(listRegistry, { method: 'GET', routePath: '/staff/merchants', token: who.token, query });
    const first = await list(staff.adminCounty, { status: 'pending', limit: '1' });
    expect(first.status).toBe(200);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toBeDefined();
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/QH|bailu|longquan|chengguan|MERCHANT/);
    expect((await list(staff.adminCounty, { status: 'pending', limit: '1', cursor })).status).toBe(200);
    for (const [who, query] of [
      [staff.regulatorChengguan, { status: 'pending', limit: '1', cursor }],
      [staff.adminCounty, { status: 'active', limit: '1', cursor }],
      [staff.adminCounty, { status: 'pending', town: 'bailu', limit: '1', cursor }],
    ] as const) {
      const refused = await list(who, query);
      expect(refused.status).toBe(400);
      expect(refused.body.field).toBe('cursor');
    }
  });

  it('a violation recorded while the owner edits commitments is kept: the stale write gets 409 and changes nothing', async () => {
    await saveRegistryChange({ before: undefined, after: { ...SHOP_A, id: 'QHRACE0001', name: '同时修改的商店' } });
    const read = (await findMerchant('QHRACE0001'))!;
    const flagged = await invoke(violation, { headers: { 'idempotency-key': newIdempotencyKey() },
      method: 'POST',
      routePath: '/staff/merchants/{id}/violations',
      pathParameters: { id: 'QHRACE0001' },
      token: staff.regulatorChengguan.token,
      body: { source: '行政处罚', date: '2026-10-16', description: '价格欺诈，已予行政处罚。' },
    });
    expect(flagged.status).toBe(200);
    // The owner's edit was read before the flag: written whole, it would erase it.
    await expect(
      saveRegistryChange({ before: read, after: { ...read, commitments: [{ kind: 'catalogue', code: 'quality' }], commitmentsVersion: read.commitmentsVersion + 1 }, commitmentsVersion: { editedBy: 'u-test-ownerA' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // And two violations at once: both kept, or one refused — never one silently lost.
    const at = (description: string) =>
      invoke(violation, { headers: { 'idempotency-key': newIdempotencyKey() }, method: 'POST', routePath: '/staff/merchants/{id}/violations', pathParameters: { id: 'QHRACE0001' }, token: staff.adminCounty.token, body: { source: '抽检不合格', date: '2026-10-17', description } });
    const answers = await Promise.all([at('抽检不合格一。'), at('抽检不合格二。')]);
    const accepted = answers.filter((answer) => answer.status === 200).length;
    expect(answers.every((answer) => answer.status === 200 || answer.status === 409)).toBe(true);
    const after = (await findMerchant('QHRACE0001'))!;
    expect(after.creditFlags).toHaveLength(1 + accepted);
    expect(after.commitments).toEqual(read.commitments);
  });
});

describe('directory', () => {
  it('lists badges first and costs one Query whatever the number of shops', async () => {
    for (let i = 0; i < 40; i++) {
      const id = `QHDIR${String(i).padStart(5, '0')}`;
      await saveRegistryChange({
        before: undefined,
        after: { ...SHOP_A, id, name: `南湖测试店${i}`, townCode: 'nanhu', townName: '南湖街道', sector: i % 2 ? 'retail' : 'tourism', badge: i === 7 ? { kind: 'model', year: 2025 } : { kind: 'participant' } },
        directory: 'publish',
      });
    }
    const requests = countDynamoDbRequests(dynamoDbClient);
    try {
      const first = await invoke(directory, { method: 'GET', routePath: '/merchants', query: { town: 'nanhu', limit: '10' } });
      expect(requests.commands).toEqual(['QueryCommand']);
      expect(first.body.items[0]).toMatchObject({ id: 'QHDIR00007', badge: { kind: 'model' } });
      expect(first.body.items).toHaveLength(10);
      requests.reset();
      const second = await invoke(directory, { method: 'GET', routePath: '/merchants', query: { town: 'nanhu', limit: '10', cursor: first.body.nextCursor } });
      expect(requests.commands).toEqual(['QueryCommand']);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      requests.reset();
      const filtered = await invoke(directory, { method: 'GET', routePath: '/merchants', query: { sector: 'tourism', town: 'nanhu', limit: '10' } });
      expect(requests.commands).toEqual(['QueryCommand']);
      expect(filtered.body.items.length).toBeGreaterThan(0);
      expect(filtered.body.items.every((i: { sectorLabel: string; townName: string }) => i.sectorLabel === '旅游出行' && i.townName === '南湖街道')).toBe(true);
      // A cursor from another query is refused plainly.
      const foreign = await invoke(directory, { method: 'GET', routePath: '/merchants', query: { sector: 'tourism', cursor: first.body.nextCursor } });
      expect(foreign.status).toBe(400);
      expect(foreign.body.field).toBe('cursor');
      // Even within one facet: a cursor from tourism in 南湖 is not a place to start tourism in 城关 (it would skip shops).
      const tourismNanhu = await invoke(directory, { method: 'GET', routePath: '/merchants', query: { sector: 'tourism', town: 'nanhu', limit: '2' } });
      expect(tourismNanhu.body.nextCursor).toEqual(expect.any(String));
      const otherTown = await invoke(directory, { method: 'GET', routePath: '/merchants', query: { sector: 'tourism', town: 'chengguan', cursor: tourismNanhu.body.nextCursor } });
      expect(otherTown).toMatchObject({ status: 400, body: { field: 'cursor' } });
    } finally {
      requests.detach();
    }
  });
});
