import { FileComplaintRequest } from '@fangxin/shared';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { sendCommand } from '../../src/use-cases/send-command';
import { getComplaint } from '../../src/use-cases/read-complaints';
import { sweepDeadlines } from '../../src/use-cases/sweep-deadlines';
import { handler as sweepHandler } from '../../src/handlers/scheduled/sweep-deadlines';
import { complaintBody, newIdempotencyKey, setUpPeople, type Person, type SignedIn, dueInDays } from './support/people';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const file = (at: Date) => fileComplaint(FileComplaintRequest.parse(complaintBody({ purchaseDate: '2026-01-05' })), people.consumer.principal, newIdempotencyKey(), at);
const statusOf = async (id: string) => (await getComplaint(id, people.adminCounty.principal, new Date())).status;

describe('the deadline sweeper', () => {
  it('escalates a complaint the shop left unanswered past its deadline, once, even when two sweeps race', async () => {
    // Long enough ago that the shop's working-day deadline has passed even across the longest holiday (春节, 8 days).
    const silent = await file(daysAgo(20));
    const fresh = await file(new Date());

    const [first, second] = await Promise.all([sweepDeadlines(new Date()), sweepDeadlines(new Date())]);

    expect(first.moved + second.moved).toBe(1);
    expect(await statusOf(silent.id)).toBe('escalated');
    expect(await statusOf(fresh.id)).toBe('submitted');
    const view = await getComplaint(silent.id, people.consumer.principal, new Date());
    expect(view.timeline.map((entry) => [entry.title, entry.actorLabel])).toEqual([
      ['提交投诉', '消费者'],
      ['期限届满，自动转办', '系统'],
    ]);
    expect(view.deadline?.kind).toBe('accept_decision');
    expect((await sweepDeadlines(new Date())).moved).toBe(0);
  });

  it('treats silence on a proposal as a rejection and escalates', async () => {
    // The consumer's 3 days to answer, moved past a holiday at most, ended well before today.
    const filed = await file(daysAgo(30));
    await sendCommand(
      filed.id,
      { version: 1, command: { type: 'propose', proposal: { outcome: 'refund', dueDate: dueInDays(1), text: '退款。' } } },
      people.ownerA.principal,
      daysAgo(29),
    );
    await sweepHandler();
    expect(await statusOf(filed.id)).toBe('escalated');
  });

  it('ends mediation that ran past its legal end', async () => {
    const filed = await file(daysAgo(100));
    await sendCommand(filed.id, { version: 1, command: { type: 'decline', text: '不同意。' } }, people.ownerA.principal, daysAgo(99));
    await sendCommand(filed.id, { version: 2, command: { type: 'accept' } }, people.regulatorChengguan.principal, daysAgo(98));
    await sweepDeadlines(new Date());
    expect(await statusOf(filed.id)).toBe('mediation_failed');
  });

  it('leaves complaints awaiting the bureau’s accept decision where they are', async () => {
    const filed = await file(daysAgo(30));
    await sendCommand(filed.id, { version: 1, command: { type: 'decline', text: '不同意。' } }, people.ownerA.principal, daysAgo(29));
    await sweepDeadlines(new Date());
    expect(await statusOf(filed.id)).toBe('escalated');
  });
});
