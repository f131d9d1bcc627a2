import { CLOCK_PRESETS, ComplaintView, DEFAULT_CLOCK_RULES } from '@fangxin/shared';
import { handler as getRules } from '../../src/handlers/settings/get-clock-rules';
import { handler as putRules } from '../../src/handlers/settings/put-clock-rules';
import { handler as fileComplaint } from '../../src/handlers/complaints/file-complaint';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

const put = (who: SignedIn, body: unknown) => invoke(putRules, { method: 'PUT', routePath: '/staff/settings/clock-rules', token: who.token, body });

describe('clock rules (configuration, not code)', () => {
  it('defaults to the Order 121 preset', async () => {
    const { status, body } = await invoke(getRules, { method: 'GET', routePath: '/staff/settings/clock-rules', token: people.mediatorCounty.token });
    expect(status).toBe(200);
    expect(body).toEqual({ ...DEFAULT_CLOCK_RULES, version: 0 });
    expect(body.preset).toBe('samr_order_121');
  });

  it('lets only a county admin change them', async () => {
    expect((await put(people.regulatorChengguan, { ...CLOCK_PRESETS.samr_order_20, version: 0 })).status).toBe(403);
    expect((await invoke(getRules, { method: 'GET', routePath: '/staff/settings/clock-rules', token: people.consumer.token })).status).toBe(403);
  });

  it('rejects a bad number with the field named', async () => {
    const { status, body } = await put(people.adminCounty, { ...DEFAULT_CLOCK_RULES, version: 0, merchantFirstReply: { amount: 0, unit: 'working_days' } });
    expect(status).toBe(400);
    expect(body.field).toBe('merchantFirstReply.amount');
  });

  it('applies an admin’s change to complaints filed afterwards', async () => {
    const rules = { ...DEFAULT_CLOCK_RULES, preset: 'custom', merchantFirstReply: { amount: 2, unit: 'hours' as const } };
    const saved = await put(people.adminCounty, { ...rules, version: 0 });
    expect(saved).toMatchObject({ status: 200, body: { ...rules, version: 1 } });
    // The cache in this container is bypassed by the write itself.
    const filed = await invoke(fileComplaint, {
      method: 'POST',
      routePath: '/complaints',
      token: people.consumer.token,
      body: complaintBody(),
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
    const view = ComplaintView.parse(filed.body);
    const hours = (Date.parse(view.deadline!.dueAt) - Date.parse(view.filedAt)) / 3_600_000;
    expect(hours).toBeCloseTo(2, 5);
  });

  it('two admins changing them at once: one wins, the other gets 409 and nothing of theirs is written', async () => {
    const current = (await invoke(getRules, { method: 'GET', routePath: '/staff/settings/clock-rules', token: people.adminCounty.token })).body;
    const answers = await Promise.all([
      put(people.adminCounty, { ...current, preset: 'custom', consumerAnswer: { amount: 5, unit: 'days' } }),
      put(people.adminCounty, { ...current, preset: 'custom', consumerAnswer: { amount: 7, unit: 'days' } }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const loser = answers.find((answer) => answer.status === 409)!;
    expect(loser.body.message).toContain('刚刚已被他人修改');
    const winner = answers.find((answer) => answer.status === 200)!;
    const after = (await invoke(getRules, { method: 'GET', routePath: '/staff/settings/clock-rules', token: people.adminCounty.token })).body;
    expect(after).toEqual(winner.body);
    expect(after.version).toBe(current.version + 1);
    // A change on the version read before the winner's is stale too.
    expect((await put(people.adminCounty, { ...current, preset: 'custom' })).status).toBe(409);
  });
});
