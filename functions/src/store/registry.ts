import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import type { Condition as EntityCondition } from 'dynamodb-toolbox/entity/actions/parseCondition';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from './transact';
import { $add, $delete } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { map } from 'dynamodb-toolbox/schema/map';
import { string } from 'dynamodb-toolbox/schema/string';
import { Conflict, Invalid, publicBadge, resolveCommitment, type Merchant, type MerchantStatus } from '@fangxin/shared';
import { MerchantEntity } from './merchant.entity';
import { toMerchant, toStoredMerchant, type MerchantItem } from './merchants';
import { BindingCodeEntity, CommitmentsVersionEntity, DirectoryListingEntity, ShopMemberEntity, UsccHolderEntity } from './registry.entities';
import { AuditEntity, UserEntity } from './support.entities';
import { readPage, type PageRequest } from './cursor';
import { FangxinTable } from './table';
import { claimWasTaken, claimWrite, type IdempotencyClaim } from './idempotency';
import { MERCHANT_KEY, MERCHANT_STATUS_KEY, CREDIT_FLAGGED_PARTITION, SHOP_MEMBER_KEY, DIRECTORY_KEY, directoryFacet } from './keys';
import { BINDING_CODE_REFUSED } from './binding-code-refusal';

const pad = (version: number) => String(version).padStart(6, '0');

/** The facets a shop is listed under in the directory. */
const facetsOf = (merchant: Merchant) => [
  directoryFacet.all(),
  directoryFacet.sector(merchant.sector),
  directoryFacet.town(merchant.townCode),
  directoryFacet.area(merchant.areaType),
];

/** Where a shop's listings live: one per facet, sorted by its award (示范 first) and then its name. */
function listingKeys(merchant: Merchant, rank: '0' | '1' = publicBadge(merchant).kind === 'model' ? '0' : '1'): Array<{ facet: string; rankKey: string }> {
  return facetsOf(merchant).map((facet) => ({ facet, rankKey: `${rank}#${merchant.name}#${merchant.id}` }));
}

/**
 * The directory writes of a change: publish (re)writes the shop's listings and deletes any it had under keys
 * that no longer apply (a new name, sector, town…); withdraw deletes them all.
 */
function directoryWrites(before: Merchant | undefined, after: Merchant, mode: 'publish' | 'withdraw') {
  const current = mode === 'publish' ? listingKeys(after) : [];
  const id = (key: { facet: string; rankKey: string }) => `${key.facet}|${key.rankKey}`;
  const kept = new Set(current.map(id));
  // A 示范 shop's listings may sit under either rank: a flag takes its title off, and listings written before
  // that rule ranked it first whatever its flags. Both are looked for, so none is left behind.
  const previous = before ? [...listingKeys(before), ...(before.badge?.kind === 'model' ? listingKeys(before, '0') : [])] : [];
  const stale = [...new Map(previous.map((key) => [id(key), key])).values()].filter((key) => !kept.has(id(key)));
  const badge = publicBadge(after);
  return [
    ...stale.map((key) => DirectoryListingEntity.build(DeleteTransaction).key(key)),
    ...current.map((key) =>
      DirectoryListingEntity.build(PutTransaction).item({
        ...key,
        merchantId: after.id,
        name: after.name,
        sector: after.sector,
        townCode: after.townCode,
        areaType: after.areaType,
        badge: { kind: badge.kind === 'model' ? 'model' : 'participant', label: badge.label },
        commitmentTitles: after.commitments.map((choice, index) => resolveCommitment(choice, index).title),
      }),
    ),
  ];
}

export interface RegistryAudit {
  staffUserId: string;
  role: string;
  action: string;
  detail?: string;
  at: string;
}

export interface RegistryChange {
  /** The shop as read; the write is conditioned on it being unchanged (`unchangedSince`). */
  before: Merchant | undefined;
  after: Merchant;
  /** Directory effect: list (or refresh) the shop, or take it off. */
  directory?: 'publish' | 'withdraw';
  binding?: { code: string; role: 'owner' | 'clerk'; issuedBy: string; expiresAt: number };
  /** A new commitments version to keep (onboarding, edits). */
  commitmentsVersion?: { editedBy: string };
  audit?: RegistryAudit;
  /** The business's registration: `hold` with a new application (refused if held), `release` when rejected. */
  uscc?: { hold: string } | { release: string };
  /** A staff action the app may send twice (a lost answer): its Idempotency-Key, claimed in the same transaction. */
  claim?: IdempotencyClaim;
}

/** Whether a business's code is held by an application or a shop (one GetItem); the write still checks it. */
export async function isUsccHeld(uscc: string): Promise<boolean> {
  const { Item } = await UsccHolderEntity.build(GetItemCommand).key({ uscc }).send();
  return Boolean(Item);
}

/** What a second application from the same business is told. */
export class AlreadyApplied extends Conflict {
  constructor(readonly merchantId: string | undefined) {
    super('该统一社会信用代码已有参创申请在审核中或已参创，请勿重复提交；如需修改请联系县消费者权益保护工作办公室', 'uscc');
  }
}

/**
 * The profile is written whole, so it must still be as read in every part another writer changes: its status
 * (staff), commitments (the owner), credit flags (staff recording a violation) and badge (the annual award).
 * A violation recorded while the owner edits commitments, or while the award runs, is never overwritten.
 */
function unchangedSince(before: Merchant): EntityCondition<typeof MerchantEntity> {
  const badge: EntityCondition<typeof MerchantEntity>[] = before.badge
    ? [{ attr: 'badge.kind', eq: before.badge.kind }, before.badge.kind === 'model' ? { attr: 'badge.year', eq: before.badge.year } : { attr: 'badge.year', exists: false }]
    : [{ attr: 'badge', exists: false }];
  return {
    and: [
      { attr: 'status', eq: before.status },
      { attr: 'commitmentsVersion', eq: before.commitmentsVersion },
      { size: 'creditFlags', eq: before.creditFlags.length },
      // A flag resolved moves from one list to the other: both sizes, so a record-then-resolve in between is seen.
      (before.resolvedCreditFlags ?? []).length > 0
        ? { size: 'resolvedCreditFlags', eq: (before.resolvedCreditFlags ?? []).length }
        : { or: [{ attr: 'resolvedCreditFlags', exists: false }, { size: 'resolvedCreditFlags', eq: 0 }] },
      ...badge,
    ],
  };
}

/**
 * One registry change, all or nothing: the profile (conditioned on what was read, so two staff acting at
 * once cannot both win), the directory listings, a binding code, a commitments version and the audit entry.
 */
export async function saveRegistryChange(change: RegistryChange): Promise<'saved' | 'replayed'> {
  const { before, after } = change;
  const profile = MerchantEntity.build(PutTransaction)
    .item(toStoredMerchant(after) as MerchantItem)
    .options({ condition: before ? unchangedSince(before) : { attr: 'merchantId', exists: false } });
  const writes = [profile, ...(change.directory ? directoryWrites(before, after, change.directory) : [])];
  const extra = [];
  if (change.binding) {
    extra.push(
      BindingCodeEntity.build(PutTransaction)
        .item({ code: change.binding.code, merchantId: after.id, role: change.binding.role, issuedBy: change.binding.issuedBy, expiresAt: change.binding.expiresAt })
        .options({ condition: { attr: 'code', exists: false } }),
    );
  }
  if (change.commitmentsVersion) {
    extra.push(
      CommitmentsVersionEntity.build(PutTransaction)
        .item({
          merchantId: after.id,
          versionKey: pad(after.commitmentsVersion),
          version: after.commitmentsVersion,
          commitments: after.commitments,
          effectiveFrom: after.commitmentsSince,
          editedBy: change.commitmentsVersion.editedBy,
        })
        .options({ condition: { attr: 'versionKey', exists: false } }),
    );
  }
  if (change.audit) {
    extra.push(
      AuditEntity.build(PutTransaction).item({
        staffUserId: change.audit.staffUserId,
        entry: `${change.audit.at}#${after.id}#${change.audit.action}`,
        action: change.audit.action,
        role: change.audit.role,
        subjectType: 'merchant',
        subjectId: after.id,
        ...(change.audit.detail ? { detail: change.audit.detail } : {}),
        at: change.audit.at,
      }),
    );
  }
  if (change.uscc && 'hold' in change.uscc) {
    extra.push(UsccHolderEntity.build(PutTransaction).item({ uscc: change.uscc.hold, merchantId: after.id }).options({ condition: { attr: 'merchantId', exists: false } }));
  } else if (change.uscc) {
    extra.push(UsccHolderEntity.build(DeleteTransaction).key({ uscc: change.uscc.release }).options({ condition: { or: [{ attr: 'merchantId', exists: false }, { attr: 'merchantId', eq: after.id }] } }));
  }
  // The registration hold, when there is one, is the last of `extra`; the claim goes after everything.
  const holdIndex = change.uscc && 'hold' in change.uscc ? writes.length + extra.length - 1 : -1;
  const all = [...writes, ...extra, ...(change.claim ? [claimWrite(change.claim, change.audit?.at ?? new Date().toISOString())] : [])];
  try {
    await execute(...all);
    return 'saved';
  } catch (error) {
    if (change.claim && claimWasTaken(error, all.length - 1)) return 'replayed';
    if (error instanceof TransactionCanceledException) {
      if (holdIndex >= 0 && error.CancellationReasons?.[holdIndex]?.Code === 'ConditionalCheckFailed') throw new AlreadyApplied(undefined);
      throw new Conflict('该店铺的信息刚刚被他人更新，请刷新后再操作');
    }
    throw error;
  }
}


/** Access pattern `registry`: shops by status, optionally in one town (sort keys are `<townCode>#<id>`). */
const merchantsByStatus = FangxinTable.build(AccessPattern)
  .entities(MerchantEntity)
  .schema(map({ status: string().transform(MERCHANT_STATUS_KEY), town: string().optional() }))
  .pattern(({ status, town }) => ({ index: 'gsi1', partition: status, ...(town ? { range: { beginsWith: `${town}#` } } : {}) }))
  .meta({ title: 'registry' });

/** Access pattern `credit-list` (联合惩戒): flagged shops by town (sparse index). */
const creditFlagged = FangxinTable.build(AccessPattern)
  .entities(MerchantEntity)
  .pattern(() => ({ index: 'gsi2', partition: CREDIT_FLAGGED_PARTITION }))
  .meta({ title: 'credit-list' });

/** Access pattern `directory`: one facet's listings, badges first, by name. */
const directoryListings = FangxinTable.build(AccessPattern)
  .entities(DirectoryListingEntity)
  .schema(string().transform(DIRECTORY_KEY))
  .pattern((partition) => ({ partition }))
  .meta({ title: 'directory' });

/** Access pattern `shop-people`: the owner and clerks, in the shop's partition. */
const shopPeople = FangxinTable.build(AccessPattern)
  .entities(ShopMemberEntity)
  .schema(string().transform(MERCHANT_KEY))
  .pattern((partition) => ({ partition, range: { beginsWith: SHOP_MEMBER_KEY.encode('') } }))
  .meta({ title: 'shop-people' });

export async function listMerchantsByStatus(status: MerchantStatus, town: string | undefined, page: PageRequest) {
  const read = await readPage(merchantsByStatus.query({ status, ...(town ? { town } : {}) }), page);
  return { ...read, items: read.items.map((item) => toMerchant(item as MerchantItem)) };
}

export async function listCreditFlagged(page: PageRequest) {
  const read = await readPage(creditFlagged.query(undefined), page);
  return { ...read, items: read.items.map((item) => toMerchant(item as MerchantItem)) };
}

/**
 * One page of the directory under its narrowest facet: sector, then town, then area type, else everything.
 * Further filters narrow the page in the use case.
 */
export function queryDirectory(filters: { sector?: string; town?: string; areaType?: string }, page: PageRequest) {
  const facet = filters.sector
    ? directoryFacet.sector(filters.sector)
    : filters.town
      ? directoryFacet.town(filters.town)
      : filters.areaType
        ? directoryFacet.area(filters.areaType)
        : directoryFacet.all();
  return readPage(directoryListings.query(facet), page);
}

export async function findBindingCode(code: string) {
  const { Item } = await BindingCodeEntity.build(GetItemCommand).key({ code }).options({ consistent: true }).send();
  return Item;
}

/**
 * Uses a binding code: marks it with the person (so it works once, even when two people race), records the
 * membership, and adds the shop to the person's roles — one transaction.
 */
export const ALREADY_MEMBER = '您已是该店人员，无需再次绑定；店员绑定码请交给要加入的店员使用';

export async function redeemBinding(
  binding: { code: string; merchantId: string; role: 'owner' | 'clerk' },
  person: { userId: string; displayName: string },
  at: string,
): Promise<void> {
  try {
    await execute(
      BindingCodeEntity.build(UpdateTransaction)
        .item({ code: binding.code, usedBy: person.userId })
        .options({ condition: { and: [{ attr: 'code', exists: true }, { attr: 'usedBy', exists: false }] } }),
      ShopMemberEntity.build(PutTransaction)
        .item({
          merchantId: binding.merchantId,
          userId: person.userId,
          role: binding.role,
          displayName: person.displayName,
          since: at,
        })
        // Nobody is demoted by a code: a clerk's code binds only newcomers, an owner's code newcomers or clerks.
        // (An owner redeeming their own clerk invitation would otherwise leave the shop without an owner.)
        .options({ condition: binding.role === 'clerk' ? { attr: 'role', exists: false } : { or: [{ attr: 'role', exists: false }, { attr: 'role', eq: 'clerk' }] } }),
      UserEntity.build(UpdateTransaction).item({ userId: person.userId, merchantIds: $add(new Set([binding.merchantId])) }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      // The whole transaction is undone: a code refused because of who redeems it stays usable by the right person.
      if (error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') throw new Conflict(ALREADY_MEMBER, 'code');
      throw new Invalid(BINDING_CODE_REFUSED, 'code');
    }
    throw error;
  }
}

/** Records a membership directly (demo data and tests; people join through `redeemBinding`). */
export async function addShopMember(merchantId: string, member: { userId: string; role: 'owner' | 'clerk'; displayName: string; since: string }): Promise<void> {
  await execute(ShopMemberEntity.build(PutTransaction).item({ merchantId, ...member }));
}

/** Whether this person still works for the shop (checked live on merchant requests). */
export async function isShopMember(merchantId: string, userId: string): Promise<boolean> {
  const { Item } = await ShopMemberEntity.build(GetItemCommand).key({ merchantId, userId }).send();
  return Item !== undefined;
}

export async function findShopMember(merchantId: string, userId: string) {
  const { Item } = await ShopMemberEntity.build(GetItemCommand).key({ merchantId, userId }).options({ consistent: true }).send();
  return Item;
}

/** The owner and clerks of a shop. */
export async function listShopMembers(merchantId: string) {
  const { Items = [] } = await shopPeople.query(merchantId).send();
  return Items;
}

/** Removes a clerk: membership gone and the shop out of their roles, together. */
export async function removeShopMember(merchantId: string, userId: string): Promise<void> {
  try {
    await execute(
      ShopMemberEntity.build(DeleteTransaction).key({ merchantId, userId }).options({ condition: { attr: 'role', eq: 'clerk' } }),
      UserEntity.build(UpdateTransaction).item({ userId, merchantIds: $delete(new Set([merchantId])) }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new Invalid('该人员不是本店店员', 'userId');
    throw error;
  }
}
