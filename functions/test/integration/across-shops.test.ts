import { ComplaintPage, RecordInspectionRequest, RectificationPage, addDays, shanghaiToday } from '@fangxin/shared';
import { handler as fileComplaint } from '../../src/handlers/complaints/file-complaint';
import { handler as merchantQueueRoute } from '../../src/handlers/merchant/merchant-queue';
import { handler as merchantRectificationsRoute } from '../../src/handlers/inspections/merchant-rectifications';
import { removeShopMember } from '../../src/store/registry';
import { saveMerchant } from '../../src/store/merchants';
import { recordInspection } from '../../src/use-cases/inspections';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, signInAnother, SHOP_A, SHOP_B, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';

/**
 * A person who works for two shops: with no shop named, the queue and the rectification orders are both
 * shops' lists read as one, in the order each shop's own list is kept, paged without gaps or repeats.
 */
useFreshTable();
let people: Record<Person, SignedIn>;
let twoShops: SignedIn;
const filed: Record<string, string[]> = { [SHOP_A.id]: [], [SHOP_B.id]: [] };

const signInWorkingFor = (userId: string, merchantIds: string[]) => signInAnother(userId, { merchantIds });

async function file(who: SignedIn, merchantId: string): Promise<void> {
  const { status, body } = await invoke(fileComplaint, {
    method: 'POST',
    routePath: '/complaints',
    token: who.token,
    body: complaintBody({ merchantId }),
    headers: { 'idempotency-key': newIdempotencyKey() },
  });
  expect(status).toBe(201);
  filed[merchantId]!.push((body as { id: string }).id);
}

const queue = (who: SignedIn, query: Record<string, string> = {}) => invoke(merchantQueueRoute, { method: 'GET', routePath: '/merchant/complaints', token: who.token, query });
const orders = (who: SignedIn, query: Record<string, string> = {}) =>
  invoke(merchantRectificationsRoute, { method: 'GET', routePath: '/merchant/rectifications', token: who.token, query });

/** Every page of a list, `limit` at a time: the ids in order, and how many items each page held. */
async function walk(read: (query: Record<string, string>) => Promise<{ status: number; body: unknown }>, limit: number) {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await read({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(status).toBe(200);
    const page = body as { items: Array<{ id: string }>; nextCursor?: string };
    ids.push(...page.items.map((item) => item.id));
    sizes.push(page.items.length);
    cursor = page.nextCursor;
  } while (cursor && sizes.length < 20);
  return { ids, sizes };
}

beforeAll(async () => {
  people = await setUpPeople();
  twoShops = await signInWorkingFor('u-test-two-shops', [SHOP_A.id, SHOP_B.id]);
  // Five complaints, interleaved between the shops (a consumer may file five an hour).
  await file(people.consumer, SHOP_A.id);
  await file(people.consumer, SHOP_B.id);
  await file(people.consumer, SHOP_A.id);
  await file(people.otherConsumer, SHOP_B.id);
  await file(people.otherConsumer, SHOP_A.id);
});

describe('the queue of a person working for two shops', () => {
  it('holds both shops’ complaints, each once, in each shop’s own order, page after page', async () => {
    const single = async (merchantId: string) => (await walk((query) => queue(twoShops, { ...query, merchantId }), 50)).ids;
    const [ofA, ofB] = [await single(SHOP_A.id), await single(SHOP_B.id)];
    expect(new Set(ofA)).toEqual(new Set(filed[SHOP_A.id]));
    expect(new Set(ofB)).toEqual(new Set(filed[SHOP_B.id]));

    for (const limit of [1, 2, 3, 50]) {
      const { ids, sizes } = await walk((query) => queue(twoShops, query), limit);
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
      expect(sizes.every((size) => size <= limit)).toBe(true);
      // Each shop's complaints keep the order that shop's own queue gives them.
      expect(ids.filter((id) => ofA.includes(id))).toEqual(ofA);
      expect(ids.filter((id) => ofB.includes(id))).toEqual(ofB);
    }
  });

  it('is in deadline order across the shops', async () => {
    const { body } = await queue(twoShops);
    const dueAts = ComplaintPage.parse(body).items.map((item) => item.deadline?.dueAt ?? '');
    expect(dueAts.every(Boolean)).toBe(true);
    expect(dueAts).toEqual([...dueAts].sort());
  });

  it('a one-shop person’s queue is unchanged: their own shop only', async () => {
    const { ids } = await walk((query) => queue(people.ownerB, query), 2);
    expect(new Set(ids)).toEqual(new Set(filed[SHOP_B.id]));
  });

  it('a cursor is this person’s and this list’s: another person or the orders list refuses it, naming cursor', async () => {
    const { body } = await queue(twoShops, { limit: '1' });
    const cursor = ComplaintPage.parse(body).nextCursor!;
    const otherTwoShops = await signInWorkingFor('u-test-two-shops-too', [SHOP_A.id, SHOP_B.id]);
    for (const refused of [await queue(otherTwoShops, { cursor }), await orders(twoShops, { cursor }), await queue(twoShops, { cursor: `${cursor.slice(0, -2)}AA` })]) {
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ field: 'cursor' });
    }
  });

  it('leaves out a shop the person no longer works for, though the token still names it; none left is 404', async () => {
    const leaving = await signInWorkingFor('u-test-leaving', [SHOP_A.id, SHOP_B.id]);
    const { body } = await queue(leaving, { limit: '1' });
    const cursorFromBefore = ComplaintPage.parse(body).nextCursor!;
    await removeShopMember(SHOP_A.id, leaving.userId);

    const { ids } = await walk((query) => queue(leaving, query), 50);
    expect(new Set(ids)).toEqual(new Set(filed[SHOP_B.id]));
    // The shop set changed under the cursor: start again, rather than go on with a removed shop's place.
    expect((await queue(leaving, { cursor: cursorFromBefore })).status).toBe(400);

    await removeShopMember(SHOP_B.id, leaving.userId);
    expect((await queue(leaving)).status).toBe(404);
    expect((await orders(leaving)).status).toBe(404);
  });
});

describe('a chain: many shops, one person', () => {
  it('pages through eight shops’ queues with a cursor that stays short; past twenty shops, one is to be chosen (400 naming merchantId)', async () => {
    const branches = Array.from({ length: 8 }, (_, index) => ({ ...SHOP_A, id: `QHCHAIN${String(index).padStart(3, '0')}`, name: `连锁门店${index + 1}` }));
    for (const branch of branches) await saveMerchant(branch);
    const owner = await signInAnother('u-test-chain-owner', { merchantIds: branches.map((branch) => branch.id) }, 'owner');
    const consumers = [people.consumer, people.otherConsumer];
    for (const [index, branch] of branches.entries()) {
      for (let n = 0; n < 2; n++) {
        const { status } = await invoke(fileComplaint, {
          method: 'POST',
          routePath: '/complaints',
          token: consumers[n]!.token,
          body: complaintBody({ merchantId: branch.id, description: `连锁门店${index + 1}的第${n + 1}件投诉，要求退货。` }),
          headers: { 'idempotency-key': newIdempotencyKey() },
        });
        expect(status).toBe(201);
      }
    }
    const cursors: string[] = [];
    const { ids } = await walk(async (query) => {
      const answer = await queue(owner, query);
      const next = (answer.body as { nextCursor?: string }).nextCursor;
      if (next) cursors.push(next);
      return answer;
    }, 3);
    expect(ids).toHaveLength(16);
    expect(new Set(ids).size).toBe(16);
    expect(Math.max(...cursors.map((cursor) => cursor.length))).toBeLessThan(2000);

    const many = Array.from({ length: 21 }, (_, index) => ({ ...SHOP_A, id: `QHMANY${String(index).padStart(4, '0')}`, name: `门店${index + 1}` }));
    for (const shop of many) await saveMerchant(shop);
    const bigChain = await signInAnother('u-test-big-chain', { merchantIds: many.map((shop) => shop.id) }, 'owner');
    expect(await queue(bigChain)).toMatchObject({ status: 400, body: { field: 'merchantId', message: expect.stringContaining('超过 20 家') } });
    expect((await queue(bigChain, { merchantId: many[0]!.id })).status).toBe(200);
  }, 60_000);
});

describe('the rectification orders of a person working for two shops', () => {
  it('holds both shops’ orders, each once, open ones by deadline, page after page', async () => {
    const today = shanghaiToday(new Date());
    const inspect = async (merchantId: string, inspector: Person, code: string, days: number) => {
      const inspection = await recordInspection(
        RecordInspectionRequest.parse({
          merchantId,
          mode: 'open',
          inspectedOn: today,
          checklistVersion: 1,
          findings: [{ code, result: 'fail', note: '检查发现的问题', photos: [] }],
          rectifications: [{ code, requirements: '按要求整改并上传照片', deadline: addDays(today, days) }],
        }),
        people[inspector].principal,
        newIdempotencyKey(),
        new Date(),
      );
      return `${inspection.id}-${code}`;
    };
    // Deadlines interleaved between the shops: B's order falls between A's two.
    const expected = [await inspect(SHOP_A.id, 'regulatorChengguan', 'JG01', 3), await inspect(SHOP_B.id, 'regulatorLongquan', 'WQ02', 5), await inspect(SHOP_A.id, 'regulatorChengguan', 'WQ01', 7)];

    for (const limit of [1, 2, 50]) {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const { status, body } = await orders(twoShops, { limit: String(limit), ...(cursor ? { cursor } : {}) });
        expect(status).toBe(200);
        const page = RectificationPage.parse(body);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids).toEqual(expected);
    }
    // Naming a shop still narrows to it.
    expect(RectificationPage.parse((await orders(twoShops, { merchantId: SHOP_B.id })).body).items.map((item) => item.id)).toEqual([expected[1]]);
  });
});
