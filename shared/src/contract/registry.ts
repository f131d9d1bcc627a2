import * as z from 'zod/mini';
import './zod-chinese';
import { TOWN_CODES } from '../catalogue/county';
import { Uscc } from '../domain/uscc';
import { Cursor, IsoDate, MainlandMobile, PageLimit, SectorFilter, SeenVersion, TownFilter, typedCode } from './complaint';
import { multiLineText, singleLineText } from './text';
import { AreaType, CommitmentChoice, MerchantId, MerchantStatus, MerchantType, Sector } from './merchant';

/** A shop's application to join the campaign (参创), filed in the mini-program by its owner. */
export const MerchantApplication = z.object({
  name: singleLineText('店铺名称', 2, 50),
  type: MerchantType,
  uscc: Uscc,
  sector: Sector,
  townCode: z.enum(TOWN_CODES, { error: '请选择所在乡镇（街道）' }),
  areaType: AreaType,
  address: singleLineText('经营地址', 5, 100),
  contactName: singleLineText('联系人', 2, 20),
  contactPhone: MainlandMobile,
  commitments: z.array(CommitmentChoice).check(z.minLength(1, { error: '请至少选择一项承诺' }), z.maxLength(12, { error: '承诺最多 12 项' })),
});
export type MerchantApplication = z.input<typeof MerchantApplication>;

export const CreditFlag = z.object({
  /** Where the violation was found: 行政处罚, 抽检不合格, 消费者投诉查实… */
  source: singleLineText('来源', 2, 40),
  date: IsoDate('认定日期'),
  description: multiLineText('情况说明', 4, 500),
});
export type CreditFlag = z.infer<typeof CreditFlag>;

/** Resolving one of a shop's flags (信用修复): which (by when it was recorded) and why, for the record. */
export const ResolveCreditFlag = z.object({
  recordedAt: z.string({ error: '请选择要解除的违法违规记录' }).check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, { error: '请选择要解除的违法违规记录' })),
  resolution: multiLineText('解除理由', 4, 200),
});
export type ResolveCreditFlag = z.infer<typeof ResolveCreditFlag>;

/** What bureau staff see of a shop in the registry (full contact details: they need them). */
export const MerchantRegistryView = z.object({
  id: z.string(),
  name: z.string(),
  type: MerchantType,
  uscc: z.string(),
  sector: Sector,
  sectorLabel: z.string(),
  townCode: z.string(),
  townName: z.string(),
  areaType: AreaType,
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  status: MerchantStatus,
  statusLabel: z.string(),
  statusReason: z.optional(z.string()),
  badgeLabel: z.string(),
  // As stored: a flag recorded before today's date checks is read, never refused.
  creditFlags: z.array(z.object({ source: z.string(), date: z.string(), description: z.string(), recordedAt: z.string() })),
  /** Flags resolved (信用修复), for the record: no longer on the 联合惩戒 list. */
  resolvedCreditFlags: z.array(
    z.object({ source: z.string(), date: z.string(), description: z.string(), recordedAt: z.string(), resolvedAt: z.string(), resolution: z.string() }),
  ),
  commitments: z.array(z.object({ key: z.string(), title: z.string() })),
  commitmentsVersion: z.number().check(z.int()),
  commitmentsSince: z.string(),
  appliedAt: z.optional(z.string()),
});
export type MerchantRegistryView = z.infer<typeof MerchantRegistryView>;

export const RegistryPage = z.object({ items: z.array(MerchantRegistryView), nextCursor: z.optional(z.string()) });

export const RegistryQuery = z.object({
  status: z._default(MerchantStatus, 'pending'),
  town: z.optional(TownFilter),
  cursor: z.optional(Cursor),
  limit: PageLimit(),
});

export const ApplicationDecision = z.discriminatedUnion(
  'decision',
  [z.object({ decision: z.literal('approve') }), z.object({ decision: z.literal('reject'), reason: multiLineText('驳回理由', 4, 200) })],
  { error: '请选择通过或驳回' },
);

export const StatusChange = z.object({
  action: z.enum(['suspend', 'revoke', 'reinstate'], { error: '请选择操作' }),
  reason: multiLineText('理由', 4, 200),
  /** The status the staff member saw when choosing: another's change since then is 409, not overwritten. */
  seenStatus: z.enum(['pending', 'active', 'suspended', 'revoked', 'rejected'], { error: '缺少您看到的店铺状态，请刷新后再操作' }),
});

/** A one-time code that binds a WeChat user to a shop (owner) or invites a clerk. */
export const BindingCode = z.object({
  code: z.string(),
  role: z.enum(['owner', 'clerk']),
  merchantId: z.string(),
  expiresAt: z.string(),
});
export type BindingCode = z.infer<typeof BindingCode>;

export const RedeemBinding = z.object({
  code: z.pipe(
    typedCode('请输入绑定码'),
    z.pipe(
      z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{8}$/i, { error: '绑定码为 8 位字母数字，请核对后重新输入' })),
      z.transform((code) => code.toUpperCase()),
    ),
  ),
});

export const ShopPerson = z.object({ userId: z.string(), displayName: z.string(), role: z.enum(['owner', 'clerk']), since: z.string() });
export const ShopPeople = z.object({ items: z.array(ShopPerson) });

export const CommitmentsUpdate = z.object({
  commitments: z.array(CommitmentChoice).check(z.minLength(1, { error: '请至少选择一项承诺' }), z.maxLength(12, { error: '承诺最多 12 项' })),
  /** YYYY-MM-DD from which the new commitments apply; today or later. */
  effectiveFrom: IsoDate('生效日期'),
  /** The version the owner edited (`commitmentsVersion`): a stale one is 409, so two edits cannot both land. */
  version: SeenVersion(),
});

export const DirectoryQuery = z.object({
  sector: z.optional(SectorFilter),
  town: z.optional(z.enum(TOWN_CODES, { error: '未知的乡镇（街道）' })),
  areaType: z.optional(AreaType),
  cursor: z.optional(Cursor),
  limit: PageLimit(30),
});
export const DirectoryEntry = z.object({
  id: z.string(),
  name: z.string(),
  sectorLabel: z.string(),
  townName: z.string(),
  areaTypeLabel: z.string(),
  badge: z.object({ kind: z.enum(['participant', 'model']), label: z.string() }),
  commitmentTitles: z.array(z.string()),
});
export const DirectoryPage = z.object({ items: z.array(DirectoryEntry), nextCursor: z.optional(z.string()) });
export type DirectoryPage = z.infer<typeof DirectoryPage>;

export const ShopId = z.object({ id: MerchantId });

/** A shop's code for its poster: the mini-program code, or (fallback) a plain QR of an https link. */
export const ShopQrCode = z.object({
  kind: z.enum(['wxacode', 'link']),
  /** What the code opens with: the merchant id as `scene`, or the link carrying it as `?id=`. */
  scene: z.string(),
  link: z.optional(z.string()),
  pngBase64: z.string(),
});
export type ShopQrCode = z.infer<typeof ShopQrCode>;

/** A WeChat URL Link that opens the shop's page in the mini-program from a browser or an SMS (「在微信中打开」). */
export const WeChatLink = z.object({ url: z.string(), expiresAt: z.string() });
export type WeChatLink = z.infer<typeof WeChatLink>;
