import { FileComplaintRequest } from '@fangxin/shared';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { sendCommand } from '../../src/use-cases/send-command';
import { triageQueue } from '../../src/use-cases/read-complaints';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, SHOP_B, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';

/**
 * The bureau's overdue list spans every waiting place (in the shop, awaiting acceptance, in mediation…), each
 * read oldest deadline first. It pages like every list: a town's staff follow `nextCursor` through the county's
 * overdue cases to every one of their own, none twice, none of another town's.
 */
useFreshTable();
let people: Record<Person, SignedIn>;
const filedIn: Record<'chengguan' | 'longquan', string[]> = { chengguan: [], longquan: [] };
// Far enough ahead that every open complaint's deadline has passed.
const later = new Date(Date.now() + 400 * 24 * 3_600_000);

beforeAll(async () => {
  people = await setUpPeople();
  const now = new Date();
  for (let index = 0; index < 7; index++) {
    for (const shop of [SHOP_A, SHOP_B]) {
      const filed = await fileComplaint(FileComplaintRequest.parse(complaintBody({ merchantId: shop.id })), people.consumer.principal, newIdempotencyKey(), now);
      filedIn[shop.townCode as 'chengguan' | 'longquan'].push(filed.id);
      // Some move on to another waiting place: the shop declines, and the case waits for the bureau.
      if (index % 3 === 0) {
        const owner = shop.id === SHOP_A.id ? people.ownerA : people.ownerB;
        await sendCommand(filed.id, { version: filed.version, command: { type: 'decline', text: '不同意退货，商品无质量问题。' } }, owner.principal, now);
      }
    }
  }
});

async function everyPage(who: SignedIn, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await triageQueue(who.principal, { view: 'overdue' }, cursor, limit, later);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return { ids, pages };
}

describe('the overdue list pages across waiting places', () => {
  it('a town’s regulator, two at a time, gets every overdue case of the town once, and none of another town', async () => {
    const { ids, pages } = await everyPage(people.regulatorChengguan, 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...filedIn.chengguan].sort());
    expect(pages).toBeGreaterThan(1);
  });

  it('the county’s admin gets all of them, oldest deadline first within each page', async () => {
    const { ids } = await everyPage(people.adminCounty, 3);
    expect([...ids].sort()).toEqual([...filedIn.chengguan, ...filedIn.longquan].sort());
    const first = await triageQueue(people.adminCounty.principal, { view: 'overdue' }, undefined, 5, later);
    const due = first.items.map((item) => item.deadline!.dueAt);
    expect(due).toEqual([...due].sort());
  });

  it('its cursor is the caller’s own: another person or another view cannot use it', async () => {
    const first = await triageQueue(people.regulatorChengguan.principal, { view: 'overdue' }, undefined, 2, later);
    await expect(triageQueue(people.regulatorLongquan.principal, { view: 'overdue' }, first.nextCursor, 2, later)).rejects.toMatchObject({ field: 'cursor' });
    await expect(triageQueue(people.regulatorChengguan.principal, { view: 'escalated' }, first.nextCursor, 2, later)).rejects.toMatchObject({ field: 'cursor' });
  });
});
