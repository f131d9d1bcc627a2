import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { string } from 'dynamodb-toolbox/schema/string';
import { map } from 'dynamodb-toolbox/schema/map';
import { COUNTER_NAMES, Merchant, type CommitmentChoice, type Counters } from '@fangxin/shared';
import { MerchantEntity } from './merchant.entity';
import { MerchantCounterEntity } from './support.entities';
import { FangxinTable } from './table';
import { MERCHANT_KEY, MERCHANT_PROFILE, COUNTER_KEY, merchantCounterKey } from './keys';

export type MerchantItem = Parameters<PutItemCommand<typeof MerchantEntity>['item']>[0];

/**
 * Access pattern `merchant-by-id` (the QR scan): one GetItem, eventually consistent unless `consistent` (a
 * write that just lost to its twin reads what the twin wrote).
 */
export async function findMerchant(merchantId: string, options: { consistent?: boolean } = {}): Promise<Merchant | undefined> {
  const { Item } = await MerchantEntity.build(GetItemCommand).key({ merchantId }).options({ consistent: options.consistent === true }).send();
  return Item ? toMerchant(Item) : undefined;
}

export function toMerchant(Item: MerchantItem): Merchant {
  return Merchant.parse({
    id: Item.merchantId,
    name: Item.name,
    type: Item.type,
    sector: Item.sector,
    townCode: Item.townCode,
    townName: Item.townName,
    areaType: Item.areaType,
    address: Item.address,
    status: Item.status,
    badge: Item.badge,
    commitments: Item.commitments.map(fromStoredCommitment),
    commitmentsSince: Item.commitmentsSince,
    commitmentsVersion: Item.commitmentsVersion,
    uscc: Item.uscc,
    contactName: Item.contactName,
    contactPhone: Item.contactPhone,
    applicantUserId: Item.applicantUserId,
    appliedAt: Item.appliedAt,
    statusReason: Item.statusReason,
    creditFlags: Item.creditFlags,
    resolvedCreditFlags: Item.resolvedCreditFlags,
  });
}

/** Writes a merchant profile whole (demo data, tests); registry changes go through store/registry.ts. */
export async function saveMerchant(merchant: Merchant): Promise<void> {
  await MerchantEntity.build(PutItemCommand).item(toStoredMerchant(merchant)).send();
}

export function toStoredMerchant(merchant: Merchant): MerchantItem {
  return {
    merchantId: merchant.id,
    name: merchant.name,
    type: merchant.type,
    sector: merchant.sector,
    townCode: merchant.townCode,
    townName: merchant.townName,
    areaType: merchant.areaType,
    address: merchant.address,
    status: merchant.status,
    badge: merchant.badge,
    commitments: merchant.commitments.map(toStoredCommitment),
    commitmentsSince: merchant.commitmentsSince,
    commitmentsVersion: merchant.commitmentsVersion,
    uscc: merchant.uscc,
    contactName: merchant.contactName,
    contactPhone: merchant.contactPhone,
    applicantUserId: merchant.applicantUserId,
    appliedAt: merchant.appliedAt,
    statusReason: merchant.statusReason,
    creditFlags: merchant.creditFlags,
    resolvedCreditFlags: merchant.resolvedCreditFlags ?? [],
  };
}

type StoredCommitment = MerchantItem['commitments'][number];

function toStoredCommitment(choice: CommitmentChoice): StoredCommitment {
  return choice.kind === 'catalogue'
    ? { kind: 'catalogue', code: choice.code, days: choice.days }
    : { kind: 'custom', title: choice.title, text: choice.text };
}

function fromStoredCommitment(stored: StoredCommitment): unknown {
  return stored.kind === 'catalogue'
    ? { kind: 'catalogue', code: stored.code, ...(stored.days !== undefined ? { days: stored.days } : {}) }
    : { kind: 'custom', title: stored.title, text: stored.text };
}

/**
 * The shop's partition from its first counter of a month to its profile: `COMMITMENTS#` sorts before
 * `COUNTER#` and `STAFF#` after `PROFILE`, so this range holds exactly the counters and the profile.
 */
const merchantPage = FangxinTable.build(AccessPattern)
  .entities(MerchantEntity, MerchantCounterEntity)
  .schema(map({ merchantId: string().transform(MERCHANT_KEY), firstMonth: string() }))
  .pattern(({ merchantId, firstMonth }) => ({
    partition: merchantId,
    range: { between: [COUNTER_KEY.encode(merchantCounterKey.month(firstMonth)), MERCHANT_PROFILE] as [string, string] },
  }))
  .options({ showEntityAttr: true })
  .meta({ title: 'merchant-page' });

/**
 * Access pattern `merchant-page` (the QR scan): the profile and the shop's counters for the given months
 * in ONE Query on the shop's partition — `sk BETWEEN COUNTER#M#<first month> AND PROFILE` takes in the
 * monthly and per-commitment counters and the profile, and nothing else that lives there.
 */
export async function findMerchantPage(
  merchantId: string,
  months: readonly string[],
): Promise<
  { merchant: Merchant; months: Counters[]; commitments: Array<{ key: string; invoked?: number; honoured?: number }>; publicRecalls: number } | undefined
> {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) throw new Error('months must not be empty');
  const { Items = [] } = await merchantPage.query({ merchantId, firstMonth: first }).send();
  let merchant: Merchant | undefined;
  const monthly: Counters[] = [];
  const commitments: Array<{ key: string; invoked?: number; honoured?: number }> = [];
  let publicRecalls = 0;
  for (const item of Items as Array<Record<string, unknown> & { entity: string }>) {
    if (item.entity === 'Merchant') {
      merchant = toMerchant(item as unknown as MerchantItem);
      continue;
    }
    if (item.counterKey === merchantCounterKey.recalls) {
      publicRecalls = Math.max(0, Number(item.publicRecalls ?? 0));
      continue;
    }
    const { month, commitmentKey: commitment } = merchantCounterKey.parse(String(item.counterKey));
    if (month > last) continue;
    if (commitment) commitments.push({ key: commitment, invoked: item.invoked as number | undefined, honoured: item.honoured as number | undefined });
    else monthly.push(counterFields(item));
  }
  return merchant ? { merchant, months: monthly, commitments, publicRecalls } : undefined;
}

function counterFields(item: Record<string, unknown>): Counters {
  return Object.fromEntries(COUNTER_NAMES.filter((name) => typeof item[name] === 'number').map((name) => [name, item[name] as number]));
}
