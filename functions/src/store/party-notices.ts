import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $remove } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import type { NoticeKind } from '@fangxin/shared';
import { readPage, type Page, type PageRequest } from './cursor';
import { NOTICE_UNSENT_PARTITION } from './keys';
import { PartyNoticeEntity } from './party-notice.entity';
import { FangxinTable } from './table';

export interface PartyNoticeRecord {
  complaintId: string;
  kind: NoticeKind;
  issuedAt: string;
  sendBy: string;
  townCode: string;
  merchantId: string;
  merchantName: string;
  consumerReachedAt?: string;
  consumerReachedBy?: 'message' | 'opened';
  merchantReachedAt?: string;
  merchantReachedBy?: 'message' | 'opened';
}

export type NoticeParty = 'consumer' | 'merchant';

/** The notice's write in the transaction of the decision that issues it (never overwrites one). */
export function partyNoticeWrite(notice: PartyNoticeRecord) {
  return PartyNoticeEntity.build(PutTransaction).item(notice).options({ condition: { attr: 'complaintId', exists: false } });
}

const STORAGE_ONLY = ['record', 'unsentKey', 'unsentSort', 'entity'];
export function toNoticeRecord(item: Record<string, unknown>): PartyNoticeRecord {
  const rest = { ...item };
  for (const key of STORAGE_ONLY) delete rest[key];
  return rest as unknown as PartyNoticeRecord;
}

/**
 * Records that a party was reached (first time only: a later message or a second opening changes nothing),
 * and takes the notice off the unsent list once both were. Each step is one conditional UpdateItem.
 */
export async function markNoticeReached(complaintId: string, party: NoticeParty, at: string, by: 'message' | 'opened'): Promise<void> {
  const reachedAt = party === 'consumer' ? 'consumerReachedAt' : 'merchantReachedAt';
  const reachedBy = party === 'consumer' ? 'consumerReachedBy' : 'merchantReachedBy';
  let after: Record<string, unknown> | undefined;
  try {
    const { Attributes } = await PartyNoticeEntity.build(UpdateItemCommand)
      .item({ complaintId, [reachedAt]: at, [reachedBy]: by } as never)
      .options({
        condition: { and: [{ attr: 'complaintId', exists: true }, { attr: reachedAt as 'consumerReachedAt', exists: false }] },
        returnValues: 'ALL_NEW',
      })
      .send();
    after = Attributes as Record<string, unknown> | undefined;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as { name?: string }).name === 'ConditionalCheckFailedException') return;
    throw error;
  }
  if (after?.consumerReachedAt && after?.merchantReachedAt) {
    await PartyNoticeEntity.build(UpdateItemCommand)
      .item({ complaintId, unsentKey: $remove(), unsentSort: $remove() } as never)
      .options({ condition: { attr: 'complaintId', exists: true } })
      .send();
  }
}

/** Access pattern `notices-unsent`: notices not yet known to have reached both parties, the most urgent first. */
const unsentNotices = FangxinTable.build(AccessPattern)
  .entities(PartyNoticeEntity)
  .pattern(() => ({ index: 'gsi1', partition: NOTICE_UNSENT_PARTITION }))
  .meta({ title: 'notices-unsent' });

export async function listUnsentNotices(page: PageRequest): Promise<Page<PartyNoticeRecord>> {
  const read = await readPage(unsentNotices.query(undefined), page);
  return { ...read, items: read.items.map((item) => toNoticeRecord(item as Record<string, unknown>)) };
}
