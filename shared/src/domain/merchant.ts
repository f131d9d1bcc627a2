import * as z from 'zod/mini';
import { COMMITMENT_CATALOGUE } from '../catalogue/commitments';
import { AREA_TYPES, MERCHANT_TYPES, SECTORS } from '../catalogue/sectors';
import type { TrackRecord } from './track-record';
import {
  AreaType,
  Badge,
  CommitmentChoice,
  MerchantStatus,
  MerchantType,
  Sector,
  type MerchantPublicView,
  type PublicCommitment,
} from '../contract/merchant';

/**
 * A commitment as stored: the wire's {@link CommitmentChoice} without its text rules on a custom one. The rules
 * guard what comes in; a text stored before a rule existed (or was tightened) is still read, so the shop's
 * page keeps working.
 */
export const StoredCommitmentChoice = z.discriminatedUnion('kind', [
  CommitmentChoice.def.options[0],
  z.object({ kind: z.literal('custom'), title: z.string(), text: z.string() }),
]);

/** A merchant as the domain knows it; the store maps its items to and from this shape. */
export const Merchant = z.object({
  id: z.string(),
  name: z.string(),
  type: MerchantType,
  sector: Sector,
  townCode: z.string(),
  townName: z.string(),
  areaType: AreaType,
  address: z.string(),
  status: MerchantStatus,
  badge: z.optional(Badge),
  commitments: z.array(StoredCommitmentChoice),
  commitmentsSince: z.string(),
  /** Version of the commitments in force; each edit adds one (older versions are kept). */
  commitmentsVersion: z._default(z.number().check(z.int(), z.gte(1)), 1),
  /** Registry facts, seen by bureau staff only. Demo shops registered before onboarding may lack them. */
  uscc: z.optional(z.string()),
  contactName: z.optional(z.string()),
  contactPhone: z.optional(z.string()),
  applicantUserId: z.optional(z.string()),
  appliedAt: z.optional(z.string()),
  /** Why the shop was rejected, suspended or revoked; shown to the shop and staff. */
  statusReason: z.optional(z.string()),
  /** Violations recorded by staff (联合惩戒): a flagged shop cannot be awarded or recommended. */
  creditFlags: z._default(z.array(z.object({ source: z.string(), date: z.string(), description: z.string(), recordedAt: z.string() })), []),
  /**
   * Flags staff have since resolved (信用修复: put right, or the punishment period over), kept as history with
   * who resolved them, when and why. Only `creditFlags`, the unresolved, put a shop on the 联合惩戒 list.
   */
  resolvedCreditFlags: z.optional(
    z.array(z.object({ source: z.string(), date: z.string(), description: z.string(), recordedAt: z.string(), resolvedAt: z.string(), resolvedBy: z.string(), resolution: z.string() })),
  ),
});
export type Merchant = z.infer<typeof Merchant>;
export type MerchantInput = z.input<typeof Merchant>;

/** Whether the shop may be awarded 示范 or recommended (文明单位…): active and without credit flags. */
export const mayBeAwarded = (merchant: Pick<Merchant, 'status' | 'creditFlags'>) =>
  merchant.status === 'active' && merchant.creditFlags.length === 0;

/** Statuses whose shop page is public at all; the others do not exist for the public. */
const PUBLIC_STATUSES: ReadonlySet<MerchantStatus> = new Set(['active', 'suspended', 'revoked']);

export function isPubliclyVisible(merchant: Pick<Merchant, 'status'>): boolean {
  return PUBLIC_STATUSES.has(merchant.status);
}

export function resolveCommitment(choice: CommitmentChoice, index: number): PublicCommitment {
  if (choice.kind === 'custom') {
    return { key: `custom-${index}`, title: choice.title, explanation: choice.text, custom: true };
  }
  const entry = COMMITMENT_CATALOGUE[choice.code];
  const days = choice.days ?? entry.days?.default;
  const title = entry.days && days !== undefined ? `${days}天${entry.title}` : entry.title;
  return {
    key: choice.code,
    title,
    explanation: entry.explanation.replace('{days}', String(days)),
    legalBasis: entry.legalBasis,
    custom: false,
  };
}

/**
 * The badge a consumer sees. A suspended or revoked shop shows no award, whatever it held before:
 * the plan says such shops cannot be presented as 放心消费 units. A shop on the 联合惩戒 list keeps taking
 * part but shows no 示范 title, nor is it listed first for one: it cannot be awarded or recommended.
 */
export function publicBadge(merchant: Pick<Merchant, 'status' | 'badge' | 'type' | 'creditFlags'>): MerchantPublicView['badge'] {
  if (merchant.status !== 'active') return { kind: 'none', label: '' };
  if (merchant.badge?.kind === 'model' && merchant.creditFlags.length === 0) {
    const who = merchant.type === 'individual' ? '个体户' : '企业';
    return { kind: 'model', label: `${merchant.badge.year}年度放心消费示范${who}` };
  }
  return { kind: 'participant', label: '放心消费参创单位' };
}

export const MERCHANT_STATUS_LABELS: Record<MerchantStatus, string> = {
  pending: '待审核',
  active: '参创单位',
  suspended: '已暂停',
  revoked: '已摘牌',
  rejected: '未通过',
};

const STATUS_NOTICES: Partial<Record<MerchantStatus, string>> = {
  suspended: '该店已被暂停放心消费参创资格，以下承诺仅供参考。如遇消费纠纷，可向市场监管部门投诉。',
  revoked: '该店已被取消（摘牌）放心消费参创资格。如遇消费纠纷，可向市场监管部门投诉。',
};

export function toPublicView(merchant: Merchant, record: TrackRecord, recallsInForce = 0): MerchantPublicView {
  const notice =
    STATUS_NOTICES[merchant.status] ??
    (merchant.creditFlags.length > 0 ? '该店存在经查实的违法违规记录，已列入联合惩戒名单。' : undefined);
  const commitments = merchant.commitments.map(resolveCommitment);
  const counts = new Map(record.perCommitment.map((entry) => [entry.key, entry]));
  return {
    id: merchant.id,
    name: merchant.name,
    type: merchant.type,
    typeLabel: MERCHANT_TYPES[merchant.type],
    sector: merchant.sector,
    sectorLabel: SECTORS[merchant.sector],
    townName: merchant.townName,
    areaType: merchant.areaType,
    areaTypeLabel: AREA_TYPES[merchant.areaType],
    address: merchant.address,
    status: merchant.status,
    ...(notice ? { statusNotice: notice } : {}),
    badge: publicBadge(merchant),
    commitments,
    commitmentsSince: merchant.commitmentsSince,
    commitmentsVersion: merchant.commitmentsVersion,
    recallsInForce,
    trackRecord: {
      complaints: record.complaints,
      settledInShopShare: record.settledInShopShare,
      medianFirstResponse: record.medianFirstResponse,
      satisfaction: record.satisfaction,
      rated: record.rated,
      summary: record.summary,
      perCommitment: commitments.map(({ key, title }) => ({
        key,
        title,
        invoked: counts.get(key)?.invoked ?? 0,
        honoured: counts.get(key)?.honoured ?? 0,
      })),
    },
  };
}

/**
 * A new commitments version: numbered one past the current, in force from `today` (Shanghai date). The old
 * version is kept by the store, so complaints filed under it still say what was promised then.
 */
export function withNewCommitments<M extends Pick<Merchant, 'commitments' | 'commitmentsVersion' | 'commitmentsSince'>>(
  merchant: M,
  commitments: CommitmentChoice[],
  today: string,
): M {
  return { ...merchant, commitments, commitmentsVersion: merchant.commitmentsVersion + 1, commitmentsSince: today };
}

/**
 * The most shops one person's lists read together when no shop is named (their queue, their 整改通知): the
 * server's cursor holds a place per shop. A larger chain's lists show one shop at a time.
 */
export const MAX_SHOPS_MERGED = 20;
