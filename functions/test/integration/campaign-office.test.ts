import { BulletinView, FileComplaintRequest, YearTasksView, formatShanghaiDate } from '@fangxin/shared';
import { handler as bulletin } from '../../src/handlers/campaign/bulletin';
import { handler as putYearTasks } from '../../src/handlers/campaign/put-year-tasks';
import { handler as yearTasks } from '../../src/handlers/campaign/year-tasks';
import { handler as registerStation } from '../../src/handlers/stations/register-station';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { sendCommand } from '../../src/use-cases/send-command';
import { applyPendingCounts } from './support/counting';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_B, type Person, type SignedIn } from './support/people';
import { bulletin as bulletinUseCase } from '../../src/use-cases/bulletin';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
const today = formatShanghaiDate(new Date());
const year = Number(today.slice(0, 4));
const Y = String(year);

beforeAll(async () => {
  people = await setUpPeople();
});

const put = (who: SignedIn, body: unknown) => invoke(putYearTasks, { method: 'PUT', routePath: '/staff/tasks/{year}', pathParameters: { year: Y }, token: who.token, body });
const get = (who: SignedIn) => invoke(yearTasks, { method: 'GET', routePath: '/staff/tasks/{year}', pathParameters: { year: Y }, token: who.token });

const TASKS = [
  { assignee: { kind: 'town', code: 'chengguan' }, kind: 'shops_signed_up', target: 5 },
  { assignee: { kind: 'town', code: 'longquan' }, kind: 'shops_signed_up', target: 1 },
  { assignee: { kind: 'town', code: 'chengguan' }, kind: 'inspections', target: 4, note: '每季度一次' },
  { assignee: { kind: 'department', code: 'commerce' }, kind: 'shops_signed_up', target: 2 },
  { assignee: { kind: 'town', code: 'chengguan' }, kind: 'stations', target: 2 },
];

describe('the year’s tasks (创建任务分解)', () => {
  it('only a county admin sets them; a duplicate or a bad target is refused naming the field; nothing is written', async () => {
    expect((await put(people.regulatorChengguan, { version: 0, tasks: TASKS })).status).toBe(403);
    expect(await put(people.adminCounty, { version: 0, tasks: [TASKS[0], TASKS[0]] })).toMatchObject({ status: 400, body: { field: 'tasks.1.kind', message: '同一单位的同类任务已填写过' } });
    expect(await put(people.adminCounty, { version: 0, tasks: [{ ...TASKS[0], target: -1 }] })).toMatchObject({ status: 400, body: { field: 'tasks.0.target' } });
    expect(await put(people.adminCounty, { version: 0, tasks: [{ ...TASKS[0], assignee: { kind: 'town', code: 'atlantis' } }] })).toMatchObject({ status: 400, body: { field: 'tasks.0.assignee.code' } });
    expect(YearTasksView.parse((await get(people.adminCounty)).body)).toMatchObject({ version: 0, tasks: [] });
  });

  it('progress is counted from the data, never typed in', async () => {
    const saved = await put(people.adminCounty, { version: 0, tasks: TASKS });
    expect(saved.status).toBe(200);
    const view = YearTasksView.parse(saved.body);
    const byKey = (town: string, kind: string) => view.tasks.find((task) => task.assignee.code === town && task.kind === kind)!;
    // Shop A (retail, 城关) and shop B (catering, 龙泉) take part.
    expect(byKey('chengguan', 'shops_signed_up').progress).toMatchObject({ target: 5, done: 1, complete: false });
    expect(byKey('longquan', 'shops_signed_up').progress).toMatchObject({ target: 1, done: 1, complete: true, share: 1 });
    expect(byKey('commerce', 'shops_signed_up')).toMatchObject({ assigneeName: '县商务局', progress: { done: 2 } });
    expect(byKey('chengguan', 'inspections')).toMatchObject({ kindLabel: '明查暗访', unit: '次', note: '每季度一次', progress: { done: 0 } });
    expect(byKey('chengguan', 'stations').progress).toMatchObject({ target: 2, done: 0 });
  });

  it('a station registered in the town counts towards its stations task; one in another town does not', async () => {
    const station = { name: '城关农贸市场投诉站', townCode: 'chengguan', placeType: 'market', address: '城关镇农贸市场东门', contactName: '王站长', contactPhone: '0311-5551234' };
    const register = (body: unknown) =>
      invoke(registerStation, { method: 'POST', routePath: '/staff/stations', token: people.adminCounty.token, body, headers: { 'idempotency-key': newIdempotencyKey() } });
    expect((await register(station)).status).toBe(201);
    expect((await register({ ...station, name: '龙泉商场投诉站', townCode: 'longquan', placeType: 'mall' })).status).toBe(201);
    const task = YearTasksView.parse((await get(people.adminCounty)).body).tasks.find((entry) => entry.assignee.code === 'chengguan' && entry.kind === 'stations')!;
    expect(task.progress).toMatchObject({ target: 2, done: 1, complete: false });
  });

  it('a concurrent edit is 409, nothing lost', async () => {
    expect(await put(people.adminCounty, { version: 0, tasks: [] })).toMatchObject({ status: 409 });
    expect(YearTasksView.parse((await get(people.adminCounty)).body).tasks).toHaveLength(5);
  });

  it('town staff see their own towns’ tasks and the departments’', async () => {
    const mine = YearTasksView.parse((await get(people.regulatorChengguan)).body);
    expect(mine.tasks.map((task) => task.assignee.code).sort()).toEqual(['chengguan', 'chengguan', 'chengguan', 'commerce']);
  });
});

describe('the bulletin (通报)', () => {
  it('a month: the county’s indicators against targets, each town’s figures and tasks, and what they mean', async () => {
    const now = new Date();
    for (let index = 0; index < 2; index++) {
      const filed = await fileComplaint(FileComplaintRequest.parse(complaintBody()), people.consumer.principal, newIdempotencyKey(), now);
      await sendCommand(filed.id, { version: 1, command: { type: 'withdraw' } }, people.consumer.principal, now);
    }
    await applyPendingCounts();
    const answer = await invoke(bulletin, { method: 'GET', routePath: '/staff/bulletins/{period}', pathParameters: { period: today.slice(0, 7) }, token: people.adminCounty.token });
    expect(answer.status).toBe(200);
    const view = BulletinView.parse(answer.body);
    expect(view).toMatchObject({ kind: 'monthly', title: `清河县放心消费创建工作${year}年${Number(today.slice(5, 7))}月通报`, issuer: '清河县消费者权益保护工作联席会议办公室' });
    expect(view.county).toMatchObject({ received: 2, handled: 2, rates: { handlingRate: { text: '100.0%', meets: true }, settlementRate: { text: '—', meets: null } } });
    const chengguan = view.towns.find((town) => town.code === 'chengguan')!;
    expect(chengguan).toMatchObject({ received: 2, meetsTargets: true, tasks: { total: 3, complete: 0 } });
    expect(view.commendations).toContain('城关镇投诉处理各项指标均达到目标');
  });

  it('criticises only what the numbers can bear: not a month still running, not a rate of a few cases', async () => {
    const now = new Date();
    // 龙泉: one complaint, still open — 处理率 0% of 1, within its time limits.
    await fileComplaint(FileComplaintRequest.parse(complaintBody({ merchantId: SHOP_B.id, commitmentKey: undefined })), people.otherConsumer.principal, newIdempotencyKey(), now);
    await applyPendingCounts();
    const ask = async (period: string, at = now) => BulletinView.parse(await bulletinUseCase(period, people.adminCounty.principal, at));
    const running = await ask(today.slice(0, 7));
    expect(running.towns.find((town) => town.code === 'longquan')).toMatchObject({ received: 1, meetsTargets: false });
    expect(running.criticisms.filter((text) => text.startsWith('龙泉镇未达目标'))).toEqual([]);
    expect(running.notes).toEqual(['本期尚未结束，部分投诉仍在处理时限内，各乡镇（街道）指标仅供参考，期满后再作通报批评']);
    // The same month read once it is over: one case is too few to criticise.
    const nextMonth = new Date(now.getTime() + 32 * 86_400_000);
    const over = await ask(today.slice(0, 7), nextMonth);
    expect(over.criticisms.filter((text) => text.startsWith('龙泉镇未达目标'))).toEqual([]);
    expect(over.notes).toEqual(['受理或评价少于 10 件的指标，样本较少，不作通报批评']);
  });

  it('county-wide staff only; a malformed period names the field', async () => {
    expect((await invoke(bulletin, { method: 'GET', routePath: '/staff/bulletins/{period}', pathParameters: { period: Y }, token: people.regulatorChengguan.token })).status).toBe(403);
    expect(await invoke(bulletin, { method: 'GET', routePath: '/staff/bulletins/{period}', pathParameters: { period: '2026-13' }, token: people.adminCounty.token })).toMatchObject({ status: 400, body: { field: 'period' } });
    const annual = BulletinView.parse((await invoke(bulletin, { method: 'GET', routePath: '/staff/bulletins/{period}', pathParameters: { period: Y }, token: people.mediatorCounty.token })).body);
    expect(annual).toMatchObject({ kind: 'annual', title: `清河县放心消费创建工作${year}年度通报`, awards: { shops: [] } });
  });
});
