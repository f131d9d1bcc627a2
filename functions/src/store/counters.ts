import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { BatchGetCommand, execute } from 'dynamodb-toolbox/table/actions/batchGet';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { map } from 'dynamodb-toolbox/schema/map';
import { string } from 'dynamodb-toolbox/schema/string';
import { COUNTER_NAMES, type Counters } from '@fangxin/shared';
import { COUNTER_KEY, MERCHANT_KEY, counterPeriod, merchantCounterKey } from './keys';
import { CounterEntity, MerchantCounterEntity } from './support.entities';
import { FangxinTable } from './table';

/**
 * Reading the indicator counters (written from the events, store/counting.ts). Every read here is a fixed
 * number of requests whatever the number of complaints: one Query for a scope's months of a year, one
 * BatchGetItem for many scopes' years — the dashboard's cost does not grow with the data.
 */

const countersOf = (item: Record<string, unknown> | undefined): Counters =>
  Object.fromEntries(COUNTER_NAMES.filter((name) => typeof item?.[name] === 'number').map((name) => [name, item![name] as number]));

/** Access pattern `counter-months`: a scope's monthly counters of one year (sort keys `M#<yyyy>-<mm>`). */
const counterMonths = FangxinTable.build(AccessPattern)
  .entities(CounterEntity)
  .schema(map({ scope: string().transform(COUNTER_KEY), year: string() }))
  .pattern(({ scope, year }) => ({ partition: scope, range: { beginsWith: counterPeriod.month(year) } }))
  .meta({ title: 'counter-months' });

/** The twelve months of `year` for a scope, `YYYY-MM` → counters (months with nothing counted are absent). */
export async function monthlyCounters(scope: string, year: number): Promise<Map<string, Counters>> {
  const { Items = [] } = await counterMonths.query({ scope, year: String(year) }).send();
  return new Map(Items.map((item) => [item.period.slice(2), countersOf(item as Record<string, unknown>)]));
}

/** Each scope's counters for `year`, in the order asked (one BatchGetItem per 100 distinct scopes). */
export function yearlyCounters(scopes: readonly string[], year: number): Promise<Counters[]> {
  return periodCounters(scopes, counterPeriod.year(String(year)));
}

/** Each scope's counters for one month (`YYYY-MM`), in the order asked. */
export function monthCounters(scopes: readonly string[], month: string): Promise<Counters[]> {
  return periodCounters(scopes, counterPeriod.month(month));
}

async function periodCounters(scopes: readonly string[], period: string): Promise<Counters[]> {
  // BatchGetItem refuses a key asked twice: ask each once, answer in the order asked.
  const distinct = [...new Set(scopes)];
  const byScope = new Map<string, Counters>();
  for (let start = 0; start < distinct.length; start += 100) {
    const chunk = distinct.slice(start, start + 100);
    const command = FangxinTable.build(BatchGetCommand).requests(
      ...chunk.map((scope) => CounterEntity.build(BatchGetRequest).key({ scope, period })),
    );
    const { Responses } = await execute({ maxAttempts: 5 }, command);
    const [items = []] = Responses as unknown as Array<Array<Record<string, unknown> | undefined>>;
    chunk.forEach((scope, index) => byScope.set(scope, countersOf(items[index])));
  }
  return scopes.map((scope) => byScope.get(scope) ?? {});
}

/** Access pattern `shop-counter-year`: a shop's monthly counters of one year, in its own partition. */
const shopYear = FangxinTable.build(AccessPattern)
  .entities(MerchantCounterEntity)
  .schema(map({ merchantId: string().transform(MERCHANT_KEY), year: string() }))
  .pattern(({ merchantId, year }) => ({
    partition: merchantId,
    range: { between: [COUNTER_KEY.encode(merchantCounterKey.month(`${year}-01`)), COUNTER_KEY.encode(merchantCounterKey.month(`${year}-12~`))] as [string, string] },
  }))
  .meta({ title: 'shop-counter-year' });

/** A shop's counters for a year (its months added up; the per-commitment counters left out). One Query. */
export async function shopCountersOfYear(merchantId: string, year: number): Promise<Counters> {
  const { Items = [] } = await shopYear.query({ merchantId, year: String(year) }).send();
  const total: Counters = {};
  for (const item of Items) {
    if (merchantCounterKey.parse(String(item.counterKey)).commitmentKey) continue;
    for (const [name, value] of Object.entries(countersOf(item as Record<string, unknown>)) as Array<[keyof Counters, number]>) total[name] = (total[name] ?? 0) + value;
  }
  return total;
}

/**
 * Many scopes' counters for many months at once: one BatchGetItem per 100 (scope, month) keys, in the order
 * asked — the open-data file's whole read (towns and sectors × the months of a year), whatever the volume.
 */
export async function countersOfScopeMonths(keys: ReadonlyArray<{ scope: string; month: string }>): Promise<Counters[]> {
  const out: Counters[] = [];
  for (let start = 0; start < keys.length; start += 100) {
    const chunk = keys.slice(start, start + 100);
    const command = FangxinTable.build(BatchGetCommand).requests(
      ...chunk.map(({ scope, month }) => CounterEntity.build(BatchGetRequest).key({ scope, period: counterPeriod.month(month) })),
    );
    const { Responses } = await execute({ maxAttempts: 5 }, command);
    const [items = []] = Responses as unknown as Array<Array<Record<string, unknown> | undefined>>;
    chunk.forEach((_, index) => out.push(countersOf(items[index])));
  }
  return out;
}
