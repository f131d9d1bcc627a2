import * as z from 'zod/mini';
import './zod-chinese';
import { STATION_CHANNEL_CODES, STATION_PLACE_TYPE_CODES } from '../catalogue/stations';
import { TOWN_CODES } from '../catalogue/county';
import { ComplaintView, FileComplaintRequest, ListQuery, MainlandMobile, typedCode } from './complaint';
import { singleLineText } from './text';

/**
 * What became of a claim code's SMS. `sending`: a twin of this request (a double tap, a retry while the first
 * was still on its way) is texting it right now; the code is the same, and the text is not sent twice.
 */
export const CLAIM_CODE_SMS_OUTCOMES = ['sent', 'sending', 'failed', 'over_limit', 'not_configured', 'not_requested'] as const;

export const StationId = z.string().check(z.regex(/^STN[0-9A-Z]{6,26}$/, { error: '投诉站编号格式不正确' }));

/** The office registers a station (联席会议办公室, county admins). */
export const RegisterStationRequest = z.object({
  name: singleLineText('投诉站名称', 2, 40),
  townCode: z.enum(TOWN_CODES, { error: '请选择所在乡镇（街道）' }),
  placeType: z.enum(STATION_PLACE_TYPE_CODES, { error: '请选择设站场所类型' }),
  address: singleLineText('地址', 4, 80),
  contactName: singleLineText('联系人', 2, 20),
  contactPhone: z.pipe(
    typedCode('请填写联系电话'),
    z.string().check(z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { error: '联系电话应为手机号或带区号的座机号' })),
  ),
});
export type RegisterStationRequest = z.input<typeof RegisterStationRequest>;

export const StationView = z.object({
  id: z.string(),
  name: z.string(),
  townCode: z.string(),
  townName: z.string(),
  placeType: z.string(),
  placeTypeLabel: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  registeredAt: z.string(),
});
export type StationView = z.infer<typeof StationView>;
export const StationList = z.object({ items: z.array(StationView) });
export type StationList = z.infer<typeof StationList>;

/** A one-time code a new station staff member redeems in the mini-program to join the station. */
export const StationInvitation = z.object({ code: z.string(), stationId: z.string(), expiresAt: z.string() });
export type StationInvitation = z.infer<typeof StationInvitation>;
/** As the shop's binding code: the letters the code is made of (Crockford's), in either case as typed. */
export const RedeemStationCode = z.object({
  code: z.pipe(
    typedCode('请输入绑定码'),
    z.pipe(
      z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{10}$/i, { error: '绑定码为 10 位字母数字，请核对后重新输入' })),
      z.transform((code) => code.toUpperCase()),
    ),
  ),
});

/**
 * A complaint a station files for a consumer who walked in or called: the consumer's own form, plus how it
 * came in, the consumer's name and phone (required: the station must be able to call back and send the claim
 * code), and the consumer's spoken consent to the processing of their personal information.
 */
export const StationFileComplaintRequest = z.extend(z.omit(FileComplaintRequest, { phone: true, privacyConsent: true }), {
  channel: z.enum(STATION_CHANNEL_CODES, { error: '请选择受理方式（现场或电话）' }),
  consumerName: singleLineText('消费者姓名', 1, 20),
  consumerPhone: MainlandMobile,
  /** The station read the 个人信息保护说明 to the consumer and they agreed (recorded as spoken consent). */
  spokenConsent: z.literal(true, { error: '请向消费者说明个人信息处理规则并取得其口头同意' }),
  /** Send the claim code by SMS as well as printing it on the receipt slip. */
  sendClaimCodeBySms: z._default(z.boolean(), true),
});
export type StationFileComplaintRequest = z.input<typeof StationFileComplaintRequest>;

/** What the station gets back: the complaint and the code for the consumer's slip. */
export const StationFiled = z.object({
  complaint: ComplaintView,
  /**
   * Only its hash is stored. The same request sent again (same Idempotency-Key) is answered the same code while
   * it is the case's live one; absent once it was claimed or replaced.
   */
  claimCode: z.optional(z.string()),
  claimCodeExpiresAt: z.optional(z.string()),
  claimCodeSms: z.optional(z.enum(CLAIM_CODE_SMS_OUTCOMES)),
});
export type StationFiled = z.infer<typeof StationFiled>;
export const ClaimCodeIssued = z.object({ claimCode: z.string(), claimCodeExpiresAt: z.string(), claimCodeSms: z.enum(CLAIM_CODE_SMS_OUTCOMES) });
export type ClaimCodeIssued = z.infer<typeof ClaimCodeIssued>;
export const ReissueClaimCode = z.object({ sendBySms: z._default(z.boolean(), true) });

/** The consumer claims a station-filed complaint with the code on their slip or SMS. */
export const ClaimComplaintRequest = z.object({
  code: z.pipe(
    z.pipe(z.string({ error: '请输入认领码' }), z.transform((value) => value.normalize('NFKC').replace(/\s/g, ''))),
    z.string().check(z.regex(/^\d{8}$/, { error: '认领码为 8 位数字' })),
  ),
});

/** One line of the station's ledger (台账): what it took in and where each case stands. */
export const LedgerLine = z.object({
  complaintId: z.string(),
  filedAt: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  /** Masked for the ledger: 王** and 138****8000. */
  consumerName: z.string(),
  consumerPhone: z.string(),
  merchantName: z.string(),
  categoryLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  claimed: z.boolean(),
  rated: z.boolean(),
});
export type LedgerLine = z.infer<typeof LedgerLine>;
export const LedgerPage = z.object({ station: StationView, items: z.array(LedgerLine), nextCursor: z.optional(z.string()) });
export type LedgerPage = z.infer<typeof LedgerPage>;
export const LedgerQuery = ListQuery;

/** A 回访 due: a closed case nobody has rated N days after it closed. */
export const FollowUpItem = z.object({
  complaintId: z.string(),
  merchantName: z.string(),
  townCode: z.string(),
  statusLabel: z.string(),
  closedAt: z.string(),
  dueAt: z.string(),
  /** The number to call (the viewer is the bureau or the station that took the case in). */
  phone: z.optional(z.string()),
  stationName: z.optional(z.string()),
  attempts: z.number().check(z.int()),
  lastOutcome: z.optional(z.string()),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;
export const FollowUpPage = z.object({ items: z.array(FollowUpItem), nextCursor: z.optional(z.string()) });
export const FollowUpQuery = LedgerQuery;
