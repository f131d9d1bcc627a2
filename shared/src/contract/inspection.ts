import * as z from 'zod/mini';
import './zod-chinese';
import { CHECKLIST_ITEM_CODE, INSPECTION_CATEGORY_CODES } from '../catalogue/inspection-checklist';
import { TOWN_CODES } from '../catalogue/county';
import { FINDING_RESULTS, INSPECTION_MODES, RECTIFICATION_COMMANDS, RECTIFICATION_STATUSES } from '../domain/inspection';
import { IsoDate, ListQuery, PhotoKey, SeenVersion } from './complaint';
import { multiLineText } from './text';
import { MerchantId } from './merchant';

/**
 * Inspections (明查暗访) and rectification orders (整改通知) on the wire — docs/inspections.md. Free text follows
 * the contract's text rules (text.ts: multi-line, no emoji, bidi controls or invisible characters), photos
 * are upload keys (POST /uploads), at most 6 per item or answer. What the schemas cannot judge alone (the
 * checklist version's items, today's date) the domain checks (`checkInspection`), naming the field.
 */

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const MAX_PHOTOS = 6;

export const InspectionId = z.pipe(
  z.pipe(z.string({ error: '请提供检查记录编号' }), z.transform((id) => id.toUpperCase())),
  z.string().check(z.regex(ULID, { error: '检查记录编号格式不正确' })),
);

/** An order is one failed item of one inspection: `<inspection id>-<item code>`, e.g. `01J…-AQ01`. */
export const RectificationId = z.pipe(
  z.pipe(z.string({ error: '请提供整改通知编号' }), z.transform((id) => id.toUpperCase())),
  z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}-[A-Z]{2}\d{2}$/, { error: '整改通知编号格式不正确' })),
);

export const ChecklistItemCode = z.string({ error: '请选择检查项目' }).check(z.regex(CHECKLIST_ITEM_CODE, { error: '检查项目编号格式不正确' }));

const photos = (label: string) =>
  z._default(z.array(PhotoKey).check(z.maxLength(MAX_PHOTOS, { error: `${label}最多上传 ${MAX_PHOTOS} 张照片` })), []);

export const FindingInput = z.object({
  code: ChecklistItemCode,
  result: z.enum(FINDING_RESULTS, { error: '请选择检查结果（合格、不合格或不适用）' }),
  /** Required for a failed item (the domain says so, naming `findings.<n>.note`). */
  note: z.optional(multiLineText('检查情况说明', 1, 500)),
  photos: photos('每个检查项目'),
});

export const RectificationOrderInput = z.object({
  /** A failed item of this inspection. */
  code: ChecklistItemCode,
  requirements: multiLineText('整改要求', 4, 500),
  /** Today to 90 days on (Shanghai); the shop has until the end of that day. */
  deadline: IsoDate('整改期限'),
});

/** Staff record an inspection of a shop, with the rectification orders for its failed items. */
export const RecordInspectionRequest = z.object({
  merchantId: MerchantId,
  mode: z.enum(INSPECTION_MODES, { error: '请选择检查方式（明查或暗访）' }),
  inspectedOn: IsoDate('检查日期'),
  /** The checklist version the inspector filled in (GET /inspection-checklist). */
  checklistVersion: z.number({ error: '请提供检查表版本' }).check(z.int({ error: '检查表版本不正确' }), z.gte(1, { error: '检查表版本不正确' })),
  findings: z.array(FindingInput).check(z.minLength(1, { error: '请至少填写一个检查项目' }), z.maxLength(40, { error: '检查项目最多 40 项' })),
  rectifications: z._default(z.array(RectificationOrderInput).check(z.maxLength(40, { error: '整改通知最多 40 项' })), []),
  /** The inspector's overall remarks (staff only). */
  remarks: z.optional(multiLineText('检查总体情况', 1, 1000)),
});
export type RecordInspectionRequest = z.input<typeof RecordInspectionRequest>;

/** The shop answers an order: what it did, with photos of the result. */
export const AnswerRectificationRequest = z.object({
  /** The version the person saw; a stale one gets 409 and a reload. */
  version: SeenVersion(),
  text: multiLineText('整改情况说明', 4, 1000),
  photos: z
    .array(PhotoKey).check(z.minLength(1, { error: '请上传至少 1 张整改后的照片' }), z.maxLength(MAX_PHOTOS, { error: `整改照片最多上传 ${MAX_PHOTOS} 张` })),
});
export type AnswerRectificationRequest = z.input<typeof AnswerRectificationRequest>;

const recheckVersion = SeenVersion();

/** Staff re-check an answered order: it passes (closed), or fails and is issued again with a new deadline. */
export const RecheckRectificationRequest = z.discriminatedUnion(
  'result',
  [
    z.object({
      version: recheckVersion,
      result: z.literal('pass'),
      note: z.optional(multiLineText('复查情况说明', 1, 500)),
      photos: photos('复查'),
    }),
    z.object({
      version: recheckVersion,
      result: z.literal('fail'),
      note: multiLineText('复查情况说明', 1, 500),
      requirements: multiLineText('整改要求', 4, 500),
      deadline: IsoDate('整改期限'),
      photos: photos('复查'),
    }),
  ],
  { error: '请选择复查结果（通过或不通过）' },
);
export type RecheckRectificationRequest = z.input<typeof RecheckRectificationRequest>;

export const InspectionListQuery = z.extend(ListQuery, {
  /** One shop's inspections, newest first… */
  merchantId: z.optional(MerchantId),
  /** …or one town's inspections of a year (the year defaults to this year). */
  town: z.optional(z.enum(TOWN_CODES, { error: '未知的乡镇（街道）' })),
  year: z.optional(z.coerce.number({ error: '年份应为数字' }).check(
      z.int({ error: '年份应为整数' }),
      z.gte(2000, { error: '年份应在 2000 到 2100 之间' }),
      z.lte(2100, { error: '年份应在 2000 到 2100 之间' }),
    )),
}).check(z.superRefine((query, context) => {
  if (!query.merchantId === !query.town) {
    context.addIssue({ code: 'custom', path: query.merchantId ? ['town'] : ['merchantId'], message: '请选择一个店铺，或一个乡镇（街道）和年份' });
  }
}));

export const RectificationListQuery = z.extend(ListQuery, {
  /** `open`: not closed, by deadline; `overdue`: past the deadline; `shop`: one shop's orders (open first). */
  view: z._default(z.enum(['open', 'overdue', 'shop'], { error: '未知的整改列表' }), 'open'),
  merchantId: z.optional(MerchantId),
  town: z.optional(z.enum(TOWN_CODES, { error: '未知的乡镇（街道）' })),
}).check(z.superRefine((query, context) => {
  if (query.view === 'shop' && !query.merchantId) context.addIssue({ code: 'custom', path: ['merchantId'], message: '请选择店铺' });
  // A filter the chosen list does not use is refused, not silently ignored (the answer would look filtered).
  if (query.view !== 'shop' && query.merchantId) context.addIssue({ code: 'custom', path: ['merchantId'], message: '只有查看单个店铺的整改通知（view=shop）时才能选择店铺' });
  if (query.view === 'shop' && query.town) context.addIssue({ code: 'custom', path: ['town'], message: '查看单个店铺的整改通知时不能再按乡镇（街道）筛选' });
}));

export const MerchantRectificationQuery = z.extend(ListQuery, { merchantId: z.optional(MerchantId) });

// ---------------------------------------------------------------------------------------------------
// Answers

export const Photo = z.object({ key: z.string(), url: z.string() });

export const ChecklistItemView = z.object({
  code: z.string(),
  category: z.enum(INSPECTION_CATEGORY_CODES),
  categoryLabel: z.string(),
  label: z.string(),
  lookFor: z.string(),
  bottomLine: z.boolean(),
  basis: z.string(),
  sectors: z.optional(z.array(z.string())),
});

/** The checklist the app shows an inspector (and any shop that wants to check itself). */
export const ChecklistView = z.object({
  version: z.number().check(z.int()),
  current: z.boolean(),
  effectiveFrom: z.string(),
  categories: z.array(z.object({ code: z.enum(INSPECTION_CATEGORY_CODES), label: z.string() })),
  items: z.array(ChecklistItemView),
});
export type ChecklistView = z.infer<typeof ChecklistView>;

export const ChecklistQuery = z.object({
  /** An older version, to read an old inspection with; the current one by default. */
  version: z.optional(z.coerce.number({ error: '检查表版本应为数字' }).check(z.int({ error: '检查表版本应为整数' }), z.gte(1, { error: '检查表版本从 1 开始' }))),
});

const DeadlineFields = {
  /** `YYYY-MM-DD` of the round in force. */
  deadline: z.string(),
  overdue: z.boolean(),
};

export const RectificationStatusSchema = z.enum(RECTIFICATION_STATUSES);

/** An order in a list. */
export const RectificationSummary = z.object({
  id: z.string(),
  inspectionId: z.string(),
  merchant: z.object({ id: z.string(), name: z.string() }),
  townCode: z.string(),
  itemCode: z.string(),
  itemLabel: z.string(),
  categoryLabel: z.string(),
  bottomLine: z.boolean(),
  inspectedOn: z.string(),
  status: RectificationStatusSchema,
  statusLabel: z.string(),
  /** Whose turn it is: the shop's (answer) or staff's (re-check); absent once closed. */
  waitingFor: z.optional(z.enum(['merchant', 'staff'])),
  round: z.number().check(z.int()),
  ...DeadlineFields,
  closedAt: z.optional(z.string()),
  closedInTime: z.optional(z.boolean()),
});
export type RectificationSummary = z.infer<typeof RectificationSummary>;

export const RectificationPage = z.object({ items: z.array(RectificationSummary), nextCursor: z.optional(z.string()) });
export type RectificationPage = z.infer<typeof RectificationPage>;

/** An order in full: what was found, every round (order, answer, re-check), and what the caller may do now. */
export const RectificationView = z.extend(RectificationSummary, {
  version: z.number().check(z.int()),
  mode: z.enum(INSPECTION_MODES),
  modeLabel: z.string(),
  /** Who issued it, in words (the county's market regulation bureau); never a person's id. */
  issuer: z.string(),
  /** What the inspector found on the item. */
  finding: z.object({ note: z.optional(z.string()), photos: z.array(Photo) }),
  lookFor: z.string(),
  rounds: z.array(
    z.object({
      round: z.number().check(z.int()),
      issuedAt: z.string(),
      requirements: z.string(),
      deadline: z.string(),
      answer: z.optional(z.object({ text: z.string(), photos: z.array(Photo), at: z.string(), inTime: z.boolean() })),
      recheck: z.optional(z.object({ result: z.enum(['pass', 'fail']), resultLabel: z.string(), note: z.optional(z.string()), photos: z.array(Photo), at: z.string() })),
    }),
  ),
  allowedActions: z.array(z.enum(RECTIFICATION_COMMANDS)),
});
export type RectificationView = z.infer<typeof RectificationView>;

export const InspectionSummaryView = z.object({
  id: z.string(),
  merchant: z.object({ id: z.string(), name: z.string() }),
  townCode: z.string(),
  mode: z.enum(INSPECTION_MODES),
  modeLabel: z.string(),
  inspectedOn: z.string(),
  checklistVersion: z.number().check(z.int()),
  checked: z.number().check(z.int()),
  passed: z.number().check(z.int()),
  failed: z.number().check(z.int()),
  notApplicable: z.number().check(z.int()),
  bottomLineFailures: z.number().check(z.int()),
  rectifications: z.number().check(z.int()),
  recordedAt: z.string(),
});
export type InspectionSummaryView = z.infer<typeof InspectionSummaryView>;

export const InspectionPage = z.object({ items: z.array(InspectionSummaryView), nextCursor: z.optional(z.string()) });
export type InspectionPage = z.infer<typeof InspectionPage>;

/** An inspection in full, for staff: every finding with its item's words, and its orders as they stand now. */
export const InspectionView = z.extend(InspectionSummaryView, {
  inspector: z.object({ userId: z.string(), role: z.string(), roleLabel: z.string() }),
  remarks: z.optional(z.string()),
  findings: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      category: z.enum(INSPECTION_CATEGORY_CODES),
      categoryLabel: z.string(),
      bottomLine: z.boolean(),
      result: z.enum(FINDING_RESULTS),
      resultLabel: z.string(),
      note: z.optional(z.string()),
      photos: z.array(Photo),
    }),
  ),
  bottomLineCodes: z.array(z.string()),
  rectificationOrders: z.array(RectificationSummary),
});
export type InspectionView = z.infer<typeof InspectionView>;
