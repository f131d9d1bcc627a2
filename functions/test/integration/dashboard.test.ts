import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DashboardView, FileComplaintRequest, formatShanghaiDate } from '@fangxin/shared';
import { ulid } from 'ulid';
import { handler as dashboardHandler } from '../../src/handlers/campaign/dashboard';
import { handler as putTargets } from '../../src/handlers/campaign/put-targets';
import { handler as targetsHandler } from '../../src/handlers/campaign/targets';
import { documentClient, dynamoDbClient } from '../../src/clients';
import { config } from '../../src/config';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { sendCommand } from '../../src/use-cases/send-command';
import { applyPendingCounts } from './support/counting';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, type Person, type SignedIn } from './support/people';
import { countDynamoDbRequests } from './support/request-counter';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

const now = new Date();
const year = Number(formatShanghaiDate(now).slice(0, 4));
const month = formatShanghaiDate(now).slice(0, 7);
const ask = (who: SignedIn, query: Record<string, string> = {}) =>
  invoke(dashboardHandler, { method: 'GET', routePath: '/staff/dashboard', token: who.token, query: { year: String(year), ...query } });

/**
 * Complaints as the store keeps them, written straight into the table with their counters, to make the
 * table big: open, with a deadline passed (so the overdue figure has plenty to find), in shop A's town.
 */
async function seedStored(count: number): Promise<void> {
  const due = new Date(now.getTime() - 86_400_000).toISOString();
  const batch = (size: number) =>
    Array.from({ length: size }, () => {
      const id = ulid();
      return {
        PutRequest: {
          Item: {
            pk: `COMPLAINT#${id}`, sk: 'PROFILE', _et: 'Complaint', _ct: now.toISOString(), _md: now.toISOString(), version: 1, status: 'submitted', consumerId: 'u-bulk', merchantId: SHOP_A.id,
            merchantName: SHOP_A.name, sector: SHOP_A.sector, areaType: SHOP_A.areaType, townCode: SHOP_A.townCode, category: 'quality',
            commitmentsInForce: [], description: '批量写入的投诉，用于测量仪表盘的请求数。', purchaseDate: '2026-01-01', wantedOutcome: 'refund', photos: [],
            sharePhoneWithMerchant: false, deadline: { kind: 'merchant_first_reply', dueAt: due }, filedAt: now.toISOString(),
            gsi1pk: `MERCHANT_QUEUE#${SHOP_A.id}`, gsi1sk: `0#${due}#${id}`, gsi2pk: 'CONSUMER#u-bulk', gsi2sk: `${now.toISOString()}#${id}`,
            gsi3pk: 'TRIAGE#inshop', gsi3sk: `${due}#${id}`,
          },
        },
      };
    });
  // Eight batches in flight at a time (a CI machine under load made 400 sequential round trips too slow),
  // and whatever the store leaves unprocessed is written again, so the table holds exactly `count`.
  const sizes = Array.from({ length: Math.ceil(count / 25) }, (_, index) => Math.min(25, count - index * 25));
  for (let start = 0; start < sizes.length; start += 8) {
    await Promise.all(
      sizes.slice(start, start + 8).map(async (size) => {
        let requests: Record<string, unknown>[] = batch(size);
        while (requests.length > 0) {
          const answer = await documentClient.send(new BatchWriteCommand({ RequestItems: { [config().tableName]: requests as never } }));
          requests = (answer.UnprocessedItems?.[config().tableName] ?? []) as Record<string, unknown>[];
        }
      }),
    );
  }
  const { CounterEntity } = await import('../../src/store/support.entities');
  const { UpdateItemCommand } = await import('dynamodb-toolbox/entity/actions/update');
  const { $add } = await import('dynamodb-toolbox/entity/actions/update/symbols');
  for (const scope of ['county#qinghe', `town#${SHOP_A.townCode}`, `sector#${SHOP_A.sector}`, `area#${SHOP_A.areaType}`]) {
    for (const period of [`M#${month}`, `Y#${year}`]) {
      await CounterEntity.build(UpdateItemCommand).item({ scope, period, received: $add(count) }).send();
    }
  }
}

describe('the dashboard reads counters, never complaints', () => {
  it('costs the same number of DynamoDB requests for 100 complaints as for 10,000', async () => {
    // 100 complaints through the real use cases: filed, half answered by the shop, the counts applied.
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, index) => {
          const filed = await fileComplaint(FileComplaintRequest.parse(complaintBody()), people.consumer.principal, newIdempotencyKey(), now);
          if (index % 2 === 0) await sendCommand(filed.id, { version: 1, command: { type: 'reply', text: '已收到，正在核实' } }, people.ownerA.principal, now);
        }),
      );
    }
    await applyPendingCounts();

    const requests = countDynamoDbRequests(dynamoDbClient);
    try {
      await ask(people.adminCounty); // warms the targets cache, as a running container has it
      requests.reset();
      const small = await ask(people.adminCounty);
      expect(small.status).toBe(200);
      const atHundred = [...requests.commands];
      expect(DashboardView.parse(small.body).total).toMatchObject({ received: 100, handled: 0 });

      await seedStored(9_900);
      // Seeding can outlast the container's targets cache on a busy machine: warm it again, as a running container has it.
      await ask(people.adminCounty);
      requests.reset();
      const large = await ask(people.adminCounty);
      const atTenThousand = [...requests.commands];
      const view = DashboardView.parse(large.body);
      expect(view.total.received).toBe(10_000);
      expect(view.overdue.more).toBe(true);
      expect(atTenThousand).toEqual(atHundred);
      // One Query for the months, one BatchGetItem for every breakdown, one bounded Query per waiting place.
      expect([...atHundred].sort()).toEqual(['BatchGetItemCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand']);
      console.log(JSON.stringify({ dashboardRequestsAt100: atHundred.length, dashboardRequestsAt10000: atTenThousand.length }));
    } finally {
      requests.detach();
    }
  }, 300_000);

  it('shows each indicator with what it was divided from, against the plan’s targets, month by month and by town', async () => {
    const view = DashboardView.parse((await ask(people.adminCounty)).body);
    expect(view.scope).toEqual({ kind: 'county', code: 'qinghe', label: '清河县' });
    expect(view.targets).toEqual({ handlingRate: 0.98, satisfactionRate: 0.9, settlementRate: 0.85, awarenessRate: 0.82 });
    expect(view.total.rates.handlingRate).toMatchObject({ numerator: 0, denominator: 10_000, text: '0.0%', meets: false });
    expect(view.total.rates.satisfactionRate).toMatchObject({ denominator: 0, value: null, text: '—', meets: null });
    expect(view.months).toHaveLength(12);
    expect(view.months.find((row) => row.code === month)?.received).toBe(10_000);
    expect(view.byTown.map((row) => row.code)).toEqual(['chengguan', 'longquan', 'bailu', 'shiqiao', 'nanhu']);
    expect(view.byTown.find((row) => row.code === 'chengguan')?.received).toBe(10_000);
    expect(view.bySector.find((row) => row.code === SHOP_A.sector)?.received).toBe(10_000);
    expect(view.total.medianFirstResponse).toBe('1 小时内');
  });
});

describe('who sees which scope', () => {
  it('a town regulator sees their own town only (county, sector, another town: 403)', async () => {
    const own = await ask(people.regulatorChengguan);
    expect(own.status).toBe(200);
    expect(DashboardView.parse(own.body)).toMatchObject({ scope: { kind: 'town', code: 'chengguan' }, bySector: [], byArea: [] });
    expect(DashboardView.parse(own.body).byTown.map((row) => row.code)).toEqual(['chengguan']);
    for (const scope of ['county', 'sector:retail', 'town:longquan']) {
      expect((await ask(people.regulatorChengguan, { scope })).status).toBe(403);
    }
  });

  it('unknown scopes are refused naming the field', async () => {
    expect(await ask(people.adminCounty, { scope: 'town:atlantis' })).toMatchObject({ status: 400, body: { field: 'scope' } });
    expect(await ask(people.adminCounty, { scope: 'planet:mars' })).toMatchObject({ status: 400, body: { field: 'scope' } });
    for (const scope of ['town:constructor', 'sector:__proto__', 'area:constructor', 'area:__proto__']) {
      expect(await ask(people.adminCounty, { scope })).toMatchObject({ status: 400, body: { field: 'scope' } });
    }
  });

  it('consumers and merchants are not staff (403)', async () => {
    expect((await ask(people.consumer)).status).toBe(403);
    expect((await ask(people.ownerA)).status).toBe(403);
  });
});

describe('a year’s targets', () => {
  const put = (who: SignedIn, body: unknown) =>
    invoke(putTargets, { method: 'PUT', routePath: '/staff/settings/targets/{year}', pathParameters: { year: String(year + 1) }, token: who.token, body });

  it('the plan’s until the office sets its own; only a county admin may; each is a fraction', async () => {
    const plan = await invoke(targetsHandler, { method: 'GET', routePath: '/staff/settings/targets/{year}', pathParameters: { year: String(year + 1) }, token: people.regulatorChengguan.token });
    expect(plan.body).toEqual({ year: year + 1, source: 'plan', version: 0, targets: { handlingRate: 0.98, satisfactionRate: 0.9, settlementRate: 0.85, awarenessRate: 0.82 } });
    const own = { handlingRate: 0.99, satisfactionRate: 0.92, settlementRate: 0.86, awarenessRate: 0.85 };
    expect((await put(people.regulatorChengguan, { ...own, version: 0 })).status).toBe(403);
    expect(await put(people.adminCounty, { ...own, version: 0, handlingRate: 98 })).toMatchObject({ status: 400, body: { field: 'handlingRate' } });
    expect(await put(people.adminCounty, own)).toMatchObject({ status: 400, body: { field: 'version', message: '缺少版本号，请刷新后重试' } });
    expect(await put(people.adminCounty, { ...own, version: 0 })).toMatchObject({ status: 200, body: { source: 'office', version: 1, targets: own } });
    const view = DashboardView.parse((await ask(people.adminCounty, { year: String(year + 1) })).body);
    expect(view.targets).toEqual(own);
  });

  it('two admins saving at once: one wins, the other gets 409 and its numbers are not written', async () => {
    const read = (await invoke(targetsHandler, { method: 'GET', routePath: '/staff/settings/targets/{year}', pathParameters: { year: String(year + 1) }, token: people.adminCounty.token })).body;
    const mine = { ...read.targets, satisfactionRate: 0.95, version: read.version };
    const theirs = { ...read.targets, satisfactionRate: 0.8, version: read.version };
    const answers = await Promise.all([put(people.adminCounty, mine), put(people.adminCounty, theirs)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.status === 200)!;
    const after = (await invoke(targetsHandler, { method: 'GET', routePath: '/staff/settings/targets/{year}', pathParameters: { year: String(year + 1) }, token: people.adminCounty.token })).body;
    expect(after).toEqual(winner.body);
    expect(after.version).toBe(read.version + 1);
  });
});
