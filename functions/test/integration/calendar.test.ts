import { CalendarOverview, CalendarYearView, ComplaintView, FileComplaintRequest, type CalendarYearInput } from '@fangxin/shared';
import { handler as calendar } from '../../src/handlers/settings/calendar';
import { handler as calendarYear } from '../../src/handlers/settings/calendar-year';
import { handler as putCalendarYear } from '../../src/handlers/settings/put-calendar-year';
import { handler as getComplaint } from '../../src/handlers/complaints/get-complaint';
import { loadComplaint } from '../../src/store/complaints';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { recomputeDeadlines } from '../../src/use-cases/recompute-deadlines';
import { sendCommand } from '../../src/use-cases/send-command';
import { warnIfCalendarMissing } from '../../src/use-cases/calendar-watch';
import { calendarOverview, enterCalendarYear } from '../../src/use-cases/calendar';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../src/clients';
import { config } from '../../src/config';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

const at = (shanghaiLocal: string) => new Date(`${shanghaiLocal}+08:00`);
const iso = (shanghaiLocal: string) => at(shanghaiLocal).toISOString();

/** A schedule shaped like a State Council notice for 2027 (not the real one: staff enter that when published). */
const SCHEDULE_2027: CalendarYearInput = {
  version: 0,
  source: { title: '测试：2027年部分节假日安排', publishedOn: '2026-11-20' },
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
  ],
  makeUpWorkdays: [{ date: '2027-01-09', name: '元旦' }],
};

const put = (who: SignedIn, year: string, body: unknown) =>
  invoke(putCalendarYear, { method: 'PUT', routePath: '/staff/settings/calendar/{year}', pathParameters: { year }, token: who.token, body });
const overview = async (who: SignedIn = people.adminCounty) =>
  CalendarOverview.parse((await invoke(calendar, { method: 'GET', routePath: '/staff/settings/calendar', token: who.token })).body);

/**
 * The scenario runs on its own clock (the last days of 2026), through the use cases the routes call, so it
 * means the same whatever day the suite runs; the routes' own checks (who may, what is refused) run on the
 * real clock above.
 */
const SCENARIO_NOW = at('2026-12-30T12:00');
const minutesAfter = (minutes: number) => new Date(SCENARIO_NOW.getTime() + minutes * 60_000);

/** A complaint the shop declined on 2026-12-30: its accept-decision clock (7 working days) runs into 2027. */
async function declinedOn30December(): Promise<string> {
  const filed = await fileComplaint(FileComplaintRequest.parse(complaintBody()), people.consumer.principal, newIdempotencyKey(), at('2026-12-30T09:00'));
  await sendCommand(filed.id, { version: 1, command: { type: 'decline', text: '不同意消费者的说法' } }, people.ownerA.principal, at('2026-12-30T10:00'));
  return filed.id;
}

describe('entering a year of the calendar', () => {
  it('refuses a regulator (403) and a mediator: only a county admin enters the calendar; nothing is written', async () => {
    for (const who of [people.regulatorChengguan, people.mediatorCounty]) {
      const answer = await put(who, '2027', SCHEDULE_2027);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'FORBIDDEN', message: '只有县级管理员可以录入节假日安排' });
    }
    expect((await overview()).years.find((year) => year.year === 2027)).toMatchObject({ origin: 'estimated', version: 0 });
  });

  it.each([
    ['a date entered twice', { holidays: [...SCHEDULE_2027.holidays, { date: '2027-01-02', name: '元旦' }] }, 'holidays.3.date', '2027-01-02 已填写过（放假日期），同一天只能填写一次'],
    ['a make-up working day on a weekday', { makeUpWorkdays: [{ date: '2027-01-05', name: '元旦' }] }, 'makeUpWorkdays.0.date', '调休上班日应为周六或周日，2027-01-05 是周二'],
    ['a year with no holidays', { holidays: [] }, 'holidays', '请填写2027年的法定节假日放假日期（一年的安排不会没有节假日）'],
    ['a date of another year', { holidays: [{ date: '2026-12-31', name: '元旦' }] }, 'holidays.0.date', '2026-12-31 不在2027年内'],
    ['an impossible date', { holidays: [{ date: '2027-02-30', name: '春节' }] }, 'holidays.0.date', '日期不是有效日期'],
    ['no source', { source: undefined }, 'source', undefined],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, patch, field, message) => {
    const answer = await put(people.adminCounty, '2027', { ...SCHEDULE_2027, ...patch });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('INVALID');
    expect(answer.body.field).toBe(field);
    if (message) expect(answer.body.message).toBe(message);
    const now = await overview();
    expect(now.years.find((year) => year.year === 2027)?.origin).toBe('estimated');
    expect(now.recomputations).toEqual([]);
  });

  it('refuses a year outside 2000–2100 in the path', async () => {
    const answer = await put(people.adminCounty, '1999', SCHEDULE_2027);
    expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID', field: 'year' } });
  });
});

describe('a year entered: open deadlines are counted again (the 2026-12-30 case)', () => {
  let complaintId: string;

  it('before: the deadline counts 元旦 as a working day and says it is an estimate', async () => {
    complaintId = await declinedOn30December();
    const { body } = await invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id: complaintId }, token: people.consumer.token });
    const complaint = ComplaintView.parse(body);
    expect(complaint.deadline).toMatchObject({ kind: 'accept_decision', dueAt: iso('2027-01-08T23:59:59.999'), estimated: true, estimateNote: '预计，待国务院公布2027年节假日安排后更新' });
    expect(complaint.deadline?.text).toContain('（预计，待国务院公布2027年节假日安排后更新）');
    expect((await calendarOverview(SCENARIO_NOW)).coverage).toMatchObject({ nextYear: 2027, nextYearKnown: false, warn: true });
  });

  it('an admin enters 2027: kept with its version, audited; the coverage warning clears', async () => {
    const saved = await enterCalendarYear(2027, SCHEDULE_2027, people.adminCounty.principal, SCENARIO_NOW);
    expect(CalendarYearView.parse(saved)).toMatchObject({ year: 2027, origin: 'staff', version: 1, source: SCHEDULE_2027.source });
    const after = await calendarOverview(SCENARIO_NOW);
    expect(after.coverage).toMatchObject({ nextYear: 2027, nextYearKnown: true, warn: false });
    const { Items: audit = [] } = await documentClient.send(
      new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${people.adminCounty.userId}` } }),
    );
    expect(audit).toEqual([
      expect.objectContaining({ action: 'calendar_year_saved', subjectType: 'settings', subjectId: 'calendar-2027', role: 'admin', detail: '测试：2027年部分节假日安排（2026-11-20）：放假 3 天，调休上班 1 天' }),
    ]);
    expect(after.recomputations).toEqual([{ year: 2027, version: 1, state: 'pending', checked: 0, moved: 0 }]);
    const year = await invoke(calendarYear, { method: 'GET', routePath: '/staff/settings/calendar/{year}', pathParameters: { year: '2027' }, token: people.regulatorChengguan.token });
    expect(year.body).toMatchObject({ origin: 'staff', holidays: SCHEDULE_2027.holidays, makeUpWorkdays: SCHEDULE_2027.makeUpWorkdays });
  });

  it('a second entry with a stale version is 409, and nothing is lost', async () => {
    const answer = await put(people.adminCounty, '2027', { ...SCHEDULE_2027, holidays: SCHEDULE_2027.holidays.slice(0, 1) });
    expect(answer).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect((await overview()).years.find((year) => year.year === 2027)).toMatchObject({ version: 1, holidayDays: 3 });
  });

  it('the recount waits until every container’s cached calendar has expired', async () => {
    expect(await recomputeDeadlines(minutesAfter(4))).toEqual({ jobs: 0, checked: 0, moved: 0, finished: 0 });
  });

  it('the scheduled recount moves the deadline, with an event on the timeline saying why', async () => {
    const result = await recomputeDeadlines(minutesAfter(6));
    expect(result).toMatchObject({ jobs: 1, moved: 1, finished: 1 });
    const loaded = (await loadComplaint(complaintId))!;
    // 31 Dec, 4–8 Jan, Saturday 9 Jan worked in lieu: the seventh working day.
    expect(loaded.record.deadline).toMatchObject({ dueAt: iso('2027-01-09T23:59:59.999'), startedAt: iso('2026-12-30T10:00') });
    expect(loaded.record.deadline?.estimatedYears).toBeUndefined();
    const recount = loaded.events.filter((event) => event.type === 'recompute_deadline');
    expect(recount).toHaveLength(1);
    expect(recount[0]).toMatchObject({
      actor: { kind: 'system' },
      visibility: 'all',
      data: { text: expect.stringContaining('期限由 2027-01-08 23:59 调整为 2027-01-09 23:59'), fromDueAt: iso('2027-01-08T23:59:59.999') },
    });
    const { body } = await invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id: complaintId }, token: people.consumer.token });
    expect(ComplaintView.parse(body).timeline.at(-1)).toMatchObject({ type: 'recompute_deadline', title: '期限重新计算', actorLabel: '系统' });
    expect((await overview()).recomputations).toEqual([{ year: 2027, version: 1, state: 'done', checked: 1, moved: 1 }]);
  });

  it('a second run changes nothing', async () => {
    const before = (await loadComplaint(complaintId))!;
    expect(await recomputeDeadlines(minutesAfter(21))).toEqual({ jobs: 0, checked: 0, moved: 0, finished: 0 });
    const after = (await loadComplaint(complaintId))!;
    expect(after.record.version).toBe(before.record.version);
    expect(after.events).toHaveLength(before.events.length);
  });

  it('a correction of the year recounts again, and an unchanged deadline is left alone (no event)', async () => {
    const unchanged = { ...SCHEDULE_2027, version: 1, source: { ...SCHEDULE_2027.source, title: '测试：更正通知标题' } };
    expect((await put(people.adminCounty, '2027', unchanged)).status).toBe(200);
    const before = (await loadComplaint(complaintId))!;
    // The correction was saved on the real clock: the recount may start five minutes after that.
    const afterCorrection = new Date(Math.max(Date.now(), SCENARIO_NOW.getTime()) + 6 * 60_000);
    expect(await recomputeDeadlines(afterCorrection)).toMatchObject({ jobs: 1, checked: 1, moved: 0, finished: 1 });
    expect((await loadComplaint(complaintId))!.events).toHaveLength(before.events.length);
  });

  it('new deadlines are counted on the entered year at once, in the container that saved it', async () => {
    const id = await declinedOn30December();
    expect((await loadComplaint(id))!.record.deadline).toMatchObject({ dueAt: iso('2027-01-09T23:59:59.999') });
  });
});

describe('the coverage warning', () => {
  it('is logged once a day by the scheduled path while a year is missing', async () => {
    // 2028 is unknown to everyone: from 1 November 2027 the office is warned.
    const november = at('2027-11-02T09:00');
    expect(await warnIfCalendarMissing(november)).toBe(true);
    expect(await warnIfCalendarMissing(new Date(november.getTime() + 15 * 60_000))).toBe(false);
    expect(await warnIfCalendarMissing(at('2027-11-03T09:00'))).toBe(true);
    // Before November nothing is said.
    expect(await warnIfCalendarMissing(at('2027-10-15T09:00'))).toBe(false);
  });
});
