import * as z from 'zod/mini';
import './zod-chinese';
import {
  COMPLAINT_CATEGORY_CODES,
  FOLLOW_UP_OUTCOME_CODES,
  OUTCOME_CODES,
  RATING_CODES,
  REFERRAL_CODES,
  REFUSAL_GROUND_CODES,
  TERMINATION_GROUND_CODES,
} from '../catalogue/complaints';
import { TOWN_CODES } from '../catalogue/county';
import { SECTOR_CODES } from '../catalogue/sectors';
import { COMMAND_TYPES, COMPLAINT_STATUSES } from '../domain/lifecycle';
import { MerchantId } from './merchant';
import { multiLineText, typedCode } from './text';

export { typedCode } from './text';

/** The text rules live in text.ts; `freeText` is re-exported here, where the contract's modules first found it. */
export { freeText } from './text';

const isRealDate = (value: string) => {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
/** A date, picked or typed: typed on a phone it may come in full-width digits or with spaces (see `typedCode`). */
export const IsoDate = (label: string) =>
  z.pipe(
    typedCode(`请选择${label}`),
    z.string().check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 年-月-日` }),
      z.refine(isRealDate, { error: `${label}不是有效日期` }),
      // Every date the product records falls in the campaign's century; a year 0100 or 9999 is a slip.
      z.refine((date) => date >= '2000-01-01' && date <= '2100-12-31', { error: `${label}应在 2000 年至 2100 年之间` }),
    ),
  );


/** Yuan with up to two decimals, as a string so it never passes through a float. */
export const Amount = z.pipe(
  typedCode('请填写金额'),
  z.string().check(
      z.regex(/^(0|[1-9]\d{0,7})(\.\d{1,2})?$/, { error: '金额应为数字，最多两位小数，例如 128.50' }),
      z.refine((value) => Number(value) > 0, { error: '金额应大于 0' }),
    ),
);

export const MainlandMobile = z.pipe(
  typedCode('请填写手机号码'),
  z.string().check(z.regex(/^1[3-9]\d{9}$/, { error: '请填写 11 位手机号码，例如 13800138000' })),
);

/** A commitment's key on a shop's list: a catalogue code (`quality`) or `custom-<n>`; the use case checks it is the shop's. */
export const CommitmentKey = z.string().check(z.regex(/^[a-z0-9_-]{1,40}$/, { error: '所选承诺无效，请重新选择' }));

/** A user's id (`u` + hash, or a staff id): letters, digits, `-` and `_`. */
export const UserId = z.pipe(typedCode('请选择人员'), z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '人员编号格式不正确' })));

/** A town code as a filter (`chengguan`): one of the county's, as on every list that filters by town. */
export const TownFilter = z.enum(TOWN_CODES, { error: '未知的乡镇（街道）' });
/** A sector code as a filter (`retail`): one of the catalogue's, as on every list that filters by sector. */
export const SectorFilter = z.enum(SECTOR_CODES, { error: '未知的行业' });

/** How many items a page holds, from a query string: an integer from 1 to `max`, 20 when not given. */
export const PageLimit = (max = 50) => {
  const message = `每页条数应为 1 到 ${max} 之间的整数`;
  return z._default(z.coerce.number({ error: message }).check(z.int({ error: message }), z.gte(1, { error: message }), z.lte(max, { error: message })), 20);
};

/** The version of a record the person saw (a stale one gets 409 and a reload); always sent by the app. */
export const SeenVersion = (min = 1) => {
  const message = '版本号无效，请刷新后重试';
  return z.number({ error: '缺少版本号，请刷新后重试' }).check(z.int({ error: message }), z.gte(min, { error: message }));
};

/** A pagination cursor as the previous page gave it: opaque, base64url. */
export const Cursor = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,2000}$/, { error: '分页参数无效，请从第一页重新加载' }));

/** An uploaded photo, by the object key the upload route issued. */
export const PhotoKey = z
  .string().check(z.regex(/^uploads\/[A-Za-z0-9_-]{1,64}\/[0-9A-HJKMNP-TV-Z]{26}\.(jpg|png)$/, { error: '照片上传信息无效，请重新上传' }));

/**
 * Filing a complaint (docs/lifecycle.md). The purchase date is checked against today in Shanghai by the
 * server (and the app) with `purchaseDateNotInFuture`, since "today" is not the schema's to know.
 */
export const FileComplaintRequest = z.object({
  merchantId: MerchantId,
  category: z.enum(COMPLAINT_CATEGORY_CODES, { error: '请选择投诉类别' }),
  /** Key of the commitment the consumer says was breached, from the shop's own list (a catalogue code or `custom-<n>`). */
  commitmentKey: z.optional(CommitmentKey),
  description: multiLineText('问题描述', 10, 1000),
  purchaseDate: IsoDate('购买日期'),
  amount: z.optional(Amount),
  wantedOutcome: z.enum(OUTCOME_CODES, { error: '请选择您的诉求' }),
  photos: z._default(z.array(PhotoKey).check(z.maxLength(6, { error: '最多上传 6 张照片' })), []),
  phone: z.optional(MainlandMobile),
  /** Show the phone number to the merchant (otherwise masked for them). */
  sharePhoneWithMerchant: z._default(z.boolean(), false),
  privacyConsent: z.literal(true, { error: '请阅读并同意《个人信息保护说明》后再提交' }),
});
export type FileComplaintRequest = z.input<typeof FileComplaintRequest>;

/** True when `date` (YYYY-MM-DD) is not after `today` (YYYY-MM-DD, Asia/Shanghai). */
export const purchaseDateNotInFuture = (date: string, today: string) => date <= today;

const Text = (label: string) => multiLineText(label, 1, 1000);

/**
 * The case's number on the national 12315 platform, where Order 121 routes complaint handling: recorded by
 * staff once the case is registered there. Digits and letters, 12–32 of them (spaces and full-width forms
 * typed by hand are folded away first).
 */
export const Case12315Number = z.pipe(
  z.pipe(
    z.string({ error: '请填写12315平台的投诉编号' }),
    z.transform((value) => value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase()),
  ),
  z.string().check(z.regex(/^[0-9A-Z]{12,32}$/, { error: '12315编号应为 12–32 位数字或字母，请对照12315平台核对' })),
);

/** The commands a person can send, with their arguments; `expire` is the sweeper's alone. */
export const CommandInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), text: Text('答复内容') }),
  z.object({
    type: z.literal('propose'),
    proposal: z.object({
      outcome: z.enum(OUTCOME_CODES, { error: '请选择处理方式' }),
      amount: z.optional(Amount),
      dueDate: IsoDate('履行日期'),
      text: Text('方案说明'),
    }),
  }),
  z.object({ type: z.literal('decline'), text: Text('拒绝理由') }),
  z.object({ type: z.literal('fulfil'), text: z.optional(multiLineText('履行说明', 1, 500)) }),
  z.object({ type: z.literal('accept_proposal') }),
  z.object({ type: z.literal('reject_proposal'), text: z.optional(multiLineText('不接受的理由', 1, 500)) }),
  z.object({ type: z.literal('escalate'), text: z.optional(multiLineText('申请说明', 1, 500)) }),
  z.object({ type: z.literal('withdraw'), text: z.optional(multiLineText('撤回原因', 1, 200)) }),
  z.object({
    type: z.literal('rate'),
    rating: z.enum(RATING_CODES, { error: '请选择满意度' }),
    comment: z.optional(multiLineText('评价', 1, 300)),
  }),
  z.object({ type: z.literal('claim') }),
  z.object({ type: z.literal('assign'), assigneeId: UserId }),
  z.object({ type: z.literal('accept'), text: z.optional(multiLineText('受理说明', 1, 500)) }),
  z.object({
    type: z.literal('not_accept'),
    /** A ground of the order in force (Order 121 art. 16 by default); the domain refuses another order's. */
    reason: z.enum(REFUSAL_GROUND_CODES, { error: '请选择不予受理的依据' }),
    text: z.optional(multiLineText('补充说明', 1, 500)),
  }),
  z.object({
    type: z.literal('record_mediation'),
    text: Text('调解记录'),
    party: z.enum(['consumer', 'merchant', 'both'], { error: '请选择联系对象' }),
  }),
  z.object({ type: z.literal('close_mediated'), text: Text('调解协议内容') }),
  z.object({
    type: z.literal('end_mediation'),
    /** A ground of the order in force (Order 121 art. 23 by default). */
    ground: z.enum(TERMINATION_GROUND_CODES, { error: '请选择终止调解的依据' }),
    referral: z.enum(REFERRAL_CODES, { error: '请选择后续途径' }),
    guidance: Text('给消费者的指引'),
  }),
  z.object({ type: z.literal('note'), text: Text('内部备注') }),
  z.object({ type: z.literal('record_12315'), caseNumber: Case12315Number }),
  z
    .object({
      type: z.literal('follow_up'),
      /** Whether the consumer was reached on the phone. */
      outcome: z.enum(FOLLOW_UP_OUTCOME_CODES, { error: '请选择回访结果' }),
      /** The satisfaction the consumer stated on the phone (only when reached). */
      rating: z.optional(z.enum(RATING_CODES, { error: '请选择消费者在电话中表示的满意度' })),
      note: z.optional(multiLineText('回访记录', 1, 500)),
    }).check(z.superRefine((command, context) => {
      if (command.outcome === 'reached' && !command.rating) {
        context.addIssue({ code: 'custom', path: ['rating'], message: '已联系上消费者时，请记录其表示的满意度' });
      }
      if (command.outcome !== 'reached' && command.rating) {
        context.addIssue({ code: 'custom', path: ['rating'], message: '未联系上消费者，不能记录满意度' });
      }
    })),
], { error: '未知的操作，请刷新后重试' });
export type CommandInput = z.infer<typeof CommandInput>;

export const CommandRequest = z.object({
  /** The version the person saw; a stale one gets 409 and a reload. */
  version: SeenVersion(),
  command: CommandInput,
});
export type CommandRequest = z.infer<typeof CommandRequest>;

export const ComplaintStatusSchema = z.enum(COMPLAINT_STATUSES);

export const DeadlineView = z.object({
  kind: z.string(),
  dueAt: z.string(),
  /** In words, e.g. 「商家须在 10月9日（周五）24:00 前答复，还剩 2 天」; an estimate says so. */
  text: z.string(),
  overdue: z.boolean(),
  /** Counted partly on Monday–Friday because a year's holidays are not yet known: it may still move. */
  estimated: z.boolean(),
  /** For an estimate, why, e.g. 「预计，待国务院公布2027年节假日安排后更新」. */
  estimateNote: z.optional(z.string()),
});

/**
 * Content security (docs/access-patterns.md, "Content security"): what WeChat's msgSecCheck and the bureau's
 * reviewers made of a person's text. `pass` and `released` texts are shown to everyone who may see them;
 * `held` (WeChat found it risky or wants review) and `unchecked` (WeChat could not be asked: held until a
 * recheck) are shown to their author and staff only; `blocked` texts never reach the other party.
 */
export const MODERATION_STATES = ['pass', 'held', 'unchecked', 'released', 'blocked'] as const;
export const ModerationState = z.enum(MODERATION_STATES);
export type ModerationState = z.infer<typeof ModerationState>;

/**
 * The flag on a text that is not simply clean: for its author ("under review, the other side cannot see
 * it yet"), for staff (the state, with WeChat's label), and for the other party next to the placeholder
 * that stands in for the text. Clean texts carry no flag.
 */
export const TextModerationView = z.object({
  state: ModerationState,
  /** In words, for the person looking, e.g. 「正在审核，审核通过后对方才能看到」. */
  note: z.string(),
  /** WeChat's label (20006 违法犯罪…), for staff only. */
  label: z.optional(z.number().check(z.int())),
});
export type TextModerationView = z.infer<typeof TextModerationView>;

export const TimelineEntry = z.object({
  type: z.string(),
  at: z.string(),
  /** Who, in words: 「消费者」「商家」「城关市场监管所 监管员」「系统」. */
  actorLabel: z.string(),
  /** What happened, in words. */
  title: z.string(),
  text: z.optional(z.string()),
  internal: z.boolean(),
  /** Only when the entry's text is not simply clean (see TextModerationView). */
  moderation: z.optional(TextModerationView),
  /**
   * The person viewing made this step. A form whose answer was lost tells from it that its own earlier try went
   * through — not a colleague's of the same side, who is named alike (two clerks are both 「商家」).
   */
  byViewer: z.optional(z.literal(true)),
});

export const ComplaintView = z.object({
  id: z.string(),
  version: z.number(),
  merchant: z.object({ id: z.string(), name: z.string() }),
  townCode: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  breachedCommitment: z.optional(z.object({ key: z.string(), title: z.string() })),
  commitmentsInForce: z.array(z.object({ key: z.string(), title: z.string() })),
  /** The consumer's text; for the shop a placeholder while it is under review or blocked. */
  description: z.string(),
  descriptionModeration: z.optional(TextModerationView),
  purchaseDate: z.string(),
  amount: z.optional(z.string()),
  wantedOutcome: z.string(),
  wantedOutcomeLabel: z.string(),
  photos: z.array(z.object({ key: z.string(), url: z.string() })),
  /**
   * Full for the complainant and bureau staff, for the station that took it in until the consumer claims it, or
   * for the merchant when the consumer shared it; masked otherwise.
   */
  phone: z.optional(z.string()),
  status: ComplaintStatusSchema,
  statusLabel: z.string(),
  deadline: z.optional(DeadlineView),
  proposal: z.optional(z.object({ outcome: z.string(), outcomeLabel: z.string(), amount: z.optional(z.string()), dueDate: z.string(), text: z.string() })),
  rating: z.optional(z.object({
      rating: z.string(),
      ratingLabel: z.string(),
      comment: z.optional(z.string()),
      /** Stated by the consumer on a 回访 call and recorded by whoever called ("电话回访"). */
      sourceLabel: z.optional(z.string()),
    })),
  /** How it came in, for staff and the station: a station files for walk-in and phone consumers. */
  intake: z.optional(z.object({ channel: z.string(), channelLabel: z.string(), stationId: z.optional(z.string()), consumerName: z.optional(z.string()), spokenConsent: z.optional(z.boolean()) })),
  fulfilledAt: z.optional(z.string()),
  assigneeId: z.optional(z.string()),
  /** The case's number on the 12315 platform, once staff recorded it. */
  case12315: z.optional(z.string()),
  /** The written notice of a refusal or of the end of mediation, when there is one (GET …/notice opens it). */
  notice: z.optional(z.object({
      title: z.string(),
      /** For staff: by when it must reach both parties, and whether each was reached. */
      sendBy: z.optional(z.string()),
      reached: z.optional(z.object({ consumer: z.optional(z.string()), merchant: z.optional(z.string()) })),
      overdue: z.optional(z.boolean()),
    })),
  filedAt: z.string(),
  timeline: z.array(TimelineEntry),
  allowedActions: z.array(z.enum(COMMAND_TYPES)),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

export const ComplaintSummary = z.object({
  id: z.string(),
  merchantName: z.string(),
  townCode: z.string(),
  sector: z.string(),
  categoryLabel: z.string(),
  excerpt: z.string(),
  status: ComplaintStatusSchema,
  statusLabel: z.string(),
  filedAt: z.string(),
  deadline: z.optional(DeadlineView),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummary>;

export const ComplaintPage = z.object({
  items: z.array(ComplaintSummary),
  /** Opaque; pass back as `cursor` for the next page. */
  nextCursor: z.optional(z.string()),
});
export type ComplaintPage = z.infer<typeof ComplaintPage>;

export const ListQuery = z.object({
  cursor: z.optional(Cursor),
  limit: PageLimit(),
});

export const TriageQuery = z.extend(ListQuery, {
  /** `missing12315`: cases with the bureau (accepted, in mediation) not yet given their 12315 number. */
  view: z._default(z.enum(['escalated', 'accepted', 'mediating', 'overdue', 'missing12315'], { error: '未知的队列' }), 'escalated'),
  town: z.optional(TownFilter),
  sector: z.optional(SectorFilter),
  /** Only complaints filed at least this many days ago. */
  minAgeDays: z.optional(z.coerce.number({ error: '受理天数应为 0 到 3650 之间的整数' }).check(z.int({ error: '受理天数应为 0 到 3650 之间的整数' }), z.gte(0, { error: '受理天数应为 0 到 3650 之间的整数' }), z.lte(3650, { error: '受理天数应为 0 到 3650 之间的整数' }))),
});

export const UploadRequest = z.object({
  contentType: z.enum(['image/jpeg', 'image/png'], { error: '只能上传 JPG 或 PNG 图片' }),
  size: z.number({ error: '请提供照片大小（字节数）' }).check(z.int({ error: '照片大小应为整数字节' }), z.gte(1, { error: '照片是空的，请重新选择' }), z.lte(10 * 1024 * 1024, { error: '单张照片不能超过 10MB' })),
});
export const UploadTicket = z.object({
  key: z.string(),
  uploadUrl: z.string(),
  /** Headers the PUT must carry (the signature covers them). */
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

/** Which text of a complaint a moderation decision is about: its description, or the text of one event. */
export const ModerationTarget = z.string().check(z.regex(/^(description|event-\d{6})$/, { error: '审核对象格式不正确' }));

/** A held text, as the bureau's reviewers see it in their queue. */
export const ModerationItem = z.object({
  complaintId: z.string(),
  /** `description` or `event-<seq>`: the path segment of the decision route. */
  target: z.string(),
  /** What the text is, in words: 「投诉描述」「商家答复」「和解方案说明」… */
  targetLabel: z.string(),
  townCode: z.string(),
  merchant: z.object({ id: z.string(), name: z.string() }),
  /** Whose words: 「消费者」 or 「商家」. */
  authorLabel: z.string(),
  text: z.string(),
  state: ModerationState,
  stateLabel: z.string(),
  /** Why it is held, in words: WeChat's verdict and label, or that it could not be checked. */
  reason: z.string(),
  label: z.optional(z.number().check(z.int())),
  writtenAt: z.string(),
  heldAt: z.optional(z.string()),
  decidedAt: z.optional(z.string()),
});
export type ModerationItem = z.infer<typeof ModerationItem>;

export const ModerationPage = z.object({
  items: z.array(ModerationItem),
  /** Opaque; pass back as `cursor` for the next page. */
  nextCursor: z.optional(z.string()),
});
export type ModerationPage = z.infer<typeof ModerationPage>;

export const ModerationDecision = z.object({
  /** `release` shows the text to the other party; `block` keeps it from them for good. */
  decision: z.enum(['release', 'block'], { error: '请选择放行或屏蔽' }),
});
export type ModerationDecision = z.infer<typeof ModerationDecision>;

/** The written notice to the parties (不予受理告知书 / 终止调解告知书): a page to open, read and keep. */
export const PartyNoticeView = z.object({
  complaintId: z.string(),
  kind: z.enum(['refusal', 'termination']),
  title: z.string(),
  decidedOn: z.string(),
  merchantName: z.string(),
  case12315: z.optional(z.string()),
  ground: z.object({ code: z.string(), label: z.string(), article: z.optional(z.string()) }),
  note: z.optional(z.string()),
  issuer: z.string(),
  nextSteps: z.array(z.string()),
});
export type PartyNoticeView = z.infer<typeof PartyNoticeView>;

/** A notice not yet known to have reached both parties, for staff to follow up. */
export const UnsentNotice = z.object({
  complaintId: z.string(),
  title: z.string(),
  merchant: z.object({ id: z.string(), name: z.string() }),
  townCode: z.string(),
  issuedAt: z.string(),
  sendBy: z.string(),
  overdue: z.boolean(),
  reached: z.object({ consumer: z.optional(z.string()), merchant: z.optional(z.string()) }),
});
export const UnsentNoticePage = z.object({ items: z.array(UnsentNotice), nextCursor: z.optional(z.string()) });
export type UnsentNoticePage = z.infer<typeof UnsentNoticePage>;
