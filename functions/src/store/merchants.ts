import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { Merchant, type CommitmentChoice } from '@fangxin/shared';
import { MerchantEntity } from './merchant.entity';

type MerchantItem = Parameters<PutItemCommand<typeof MerchantEntity>['item']>[0];

/** Access pattern `merchant-by-id` (the QR scan): one GetItem, eventually consistent. */
export async function findMerchant(merchantId: string): Promise<Merchant | undefined> {
  const { Item } = await MerchantEntity.build(GetItemCommand).key({ merchantId }).send();
  if (!Item) return undefined;
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
  });
}

/** Writes a merchant profile whole (registration, demo data). */
export async function saveMerchant(merchant: Merchant): Promise<void> {
  const stored: MerchantItem = {
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
  };
  await MerchantEntity.build(PutItemCommand).item(stored).send();
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
