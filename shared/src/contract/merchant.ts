import * as z from 'zod/mini';
import './zod-chinese';
import { AREA_TYPE_CODES, MERCHANT_TYPE_CODES, SECTOR_CODES } from '../catalogue/sectors';
import { CATALOGUE_COMMITMENT_CODES } from '../catalogue/commitments';
import { multiLineText, singleLineText, typedCode } from './text';

/**
 * A merchant id is also the `scene` of the shop's mini-program code, which WeChat caps at 32 visible
 * characters; we use a 10-character Crockford base32 key, accepted case-insensitively.
 */
export const MerchantId = z.pipe(
  // Typed by hand on the home page or a station's form it may come full-width or spaced (see `typedCode`).
  z.pipe(
    typedCode('请提供商户编号'),
    z.string().check(
      z.minLength(1, { error: '请提供商户编号' }),
      z.maxLength(32, { error: '商户编号过长，请重新扫描店铺二维码' }),
      z.regex(/^[0-9A-Za-z]+$/, { error: '商户编号只能包含字母和数字，请重新扫描店铺二维码' }),
    ),
  ),
  z.transform((id) => id.toUpperCase()),
);
export type MerchantId = z.infer<typeof MerchantId>;

export const MerchantStatus = z.enum(['pending', 'active', 'suspended', 'revoked', 'rejected'], { error: '未知的店铺状态' });
export type MerchantStatus = z.infer<typeof MerchantStatus>;

export const Sector = z.enum(SECTOR_CODES, { error: '请选择所属行业' });
export const AreaType = z.enum(AREA_TYPE_CODES, { error: '请选择所在区域类型' });
export const MerchantType = z.enum(MERCHANT_TYPE_CODES, { error: '请选择经营者类型（企业或个体户）' });

/** The award a shop holds: every active shop is a 参创单位; the annual assessment may make it 示范. */
export const Badge = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant') }),
  z.object({ kind: z.literal('model'), year: z.number().check(z.int(), z.gte(2000), z.lte(2100)) }),
]);
export type Badge = z.infer<typeof Badge>;

/** A commitment as a merchant chose it: a catalogue entry (with its parameter) or their own words. */
export const CommitmentChoice = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('catalogue'),
    code: z.enum(CATALOGUE_COMMITMENT_CODES, { error: '所选承诺不在承诺目录中，请重新选择' }),
    days: z.optional(z.number({ error: '退货天数应为 1 到 90 之间的整数' }).check(z.int({ error: '退货天数应为整数' }), z.gte(1, { error: '退货天数至少 1 天' }), z.lte(90, { error: '退货天数最多 90 天' }))),
  }),
  z.object({
    kind: z.literal('custom'),
    /** Shown on the public shop page: the text rules apply (no emoji, bidi controls or invisible characters). */
    title: singleLineText('承诺标题', 2, 20),
    text: multiLineText('承诺内容', 4, 200),
  }),
], { error: '每条承诺应为目录中的承诺（catalogue）或自定义承诺（custom）' });
export type CommitmentChoice = z.infer<typeof CommitmentChoice>;

/** A commitment as the public reads it, resolved from the catalogue. */
export const PublicCommitment = z.object({
  key: z.string(),
  title: z.string(),
  explanation: z.string(),
  legalBasis: z.optional(z.string()),
  custom: z.boolean(),
});
export type PublicCommitment = z.infer<typeof PublicCommitment>;

/** The shop's public record over the last 12 months, from counters. Rates are null when there is nothing to divide. */
export const PublicTrackRecord = z.object({
  complaints: z.number().check(z.int()),
  settledInShopShare: z.nullable(z.number()),
  medianFirstResponse: z.nullable(z.string()),
  satisfaction: z.nullable(z.number()),
  rated: z.number().check(z.int()),
  summary: z.string(),
  /** For each commitment in force: complaints that invoked it, and how many of those the shop made good. */
  perCommitment: z.array(z.object({ key: z.string(), title: z.string(), invoked: z.number().check(z.int()), honoured: z.number().check(z.int()) })),
});
export type PublicTrackRecord = z.infer<typeof PublicTrackRecord>;

/** What anyone sees after scanning a shop's code: `GET /merchants/{id}`. No personal data. */
export const MerchantPublicView = z.object({
  id: z.string(),
  name: z.string(),
  type: MerchantType,
  typeLabel: z.string(),
  sector: Sector,
  sectorLabel: z.string(),
  townName: z.string(),
  areaType: AreaType,
  areaTypeLabel: z.string(),
  address: z.string(),
  status: MerchantStatus,
  /** One line that says plainly whether the shop is in good standing, e.g. 「本店已暂停参创」. */
  statusNotice: z.optional(z.string()),
  badge: z.object({ kind: z.enum(['participant', 'model', 'none']), label: z.string() }),
  commitments: z.array(PublicCommitment),
  /** Date (YYYY-MM-DD, Asia/Shanghai) from which the listed commitments are in force. */
  commitmentsSince: z.string(),
  /** Which version of the shop's commitments these are (1, 2, …): the owner's edit is saved on the version read. */
  commitmentsVersion: z.number().check(z.int()),
  /** How many of the shop's recall notices (召回/退市) the public sees now; the page loads them only when > 0. */
  recallsInForce: z.number().check(z.int(), z.nonnegative()),
  trackRecord: PublicTrackRecord,
});
export type MerchantPublicView = z.infer<typeof MerchantPublicView>;
