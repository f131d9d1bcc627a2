import { ConfigError } from './config';

/**
 * The rate limits' defaults and the deployment's overrides (`FANGXIN_RATE_LIMITS`), apart from the store so the
 * configuration is read and tested without a table. docs/security.md lists the limits with their reasons;
 * store/rate-limits.ts counts hits against them.
 */
export const RATE_LIMITS = {
  /** Complaints one person files per hour: a consumer with a real dispute files one or two. */
  filingPerPerson: { limit: 5, windowSeconds: 3_600, message: '您提交投诉过于频繁，请一小时后再试；紧急情况请拨打 12315' },
  /** Complaints one person files against one shop per day: one dispute is one complaint (add to it instead). */
  filingPerPersonShop: { limit: 3, windowSeconds: 86_400, message: '您今天已对该店铺提交过投诉，请在「我的投诉」中跟进或补充说明' },
  /** Complaints against one shop per day, from everyone: far above a busy shop's 3·15, low enough to stop a flood of accounts. */
  filingPerShop: { limit: 100, windowSeconds: 86_400, message: '该店铺今日收到的投诉异常多，系统暂停接收，请明日再试或拨打 12315' },
  /** Complaints one station's staff member files per hour, for walk-in and phone consumers. */
  stationFiling: { limit: 60, windowSeconds: 3_600, message: '代为登记过于频繁，请稍后再试' },
  /** Merchant applications (参创申请) per person per day. */
  application: { limit: 3, windowSeconds: 86_400, message: '今日提交的参创申请过多，请明日再试' },
  /** Shop binding-code tries (店员/店主绑定) per person per hour: the code cannot be guessed at this rate. */
  bindingCode: { limit: 10, windowSeconds: 3_600, message: '绑定尝试过于频繁，请一小时后再试' },
  /** Photo upload tickets per person per hour (6 photos a complaint, several complaints' worth, retries). */
  upload: { limit: 60, windowSeconds: 3_600, message: '上传过于频繁，请稍后再试' },
  /** Quiz attempts per signed-in person per hour (graded ones included: each is a request to grade). */
  quizAttempt: { limit: 20, windowSeconds: 3_600, message: '答题过于频繁，请稍后再试' },
  /** Survey submissions per signed-in person per hour. */
  surveyResponse: { limit: 20, windowSeconds: 3_600, message: '提交过于频繁，请稍后再试' },
  /** Claim-code tries per signed-in person per hour: 8 digits cannot be guessed at this rate (docs/stations.md). */
  claimCode: { limit: 10, windowSeconds: 3_600, message: '认领尝试过于频繁，请一小时后再试' },
  /** New claim codes for one station-filed case per day, whoever asks: each voids the last and may text the consumer. */
  claimCodeReissue: { limit: 3, windowSeconds: 86_400, message: '该投诉今天已多次重发认领码，请明日再试，或将回执上的认领码当面、电话告知消费者' },
  /** Actions one person takes on one case per hour: each text is checked and the other side notified. */
  commandPerCase: { limit: 30, windowSeconds: 3_600, message: '对该投诉的操作过于频繁，请稍后再试' },
  /** Recall notices one shop publishes per day (each goes on its public page after a content check). */
  recallPublish: { limit: 10, windowSeconds: 86_400, message: '本店今日发布的召回信息过多，请明日再试' },
  /** Commitment changes one shop saves per day (each is a public, versioned record). */
  commitmentsUpdate: { limit: 20, windowSeconds: 86_400, message: '本店今日修改承诺次数过多，请明日再试' },
  /**
   * Requests whose own commitments go to WeChat's content check, per person per day. Never given back, unlike
   * the application's and the commitment change's own counts: WeChat's check allowance is the whole app's, and a
   * request refused for its words would otherwise cost nothing to send again.
   */
  commitmentWordsCheck: { limit: 30, windowSeconds: 86_400, message: '今日提交安全检查的承诺内容过多，请明日再试' },
  /**
   * Mini-program codes one person draws for one shop per day: each asks WeChat (wxacode, whose per-minute limit
   * the whole app shares). The shop page draws its poster on every visit, so the limit is far above a busy
   * owner's day. Past it the person gets the plain link QR, which asks WeChat nothing: never a refusal, and one
   * account drawing in a loop neither spends WeChat's limit nor keeps the shop's other people from theirs.
   */
  shopQrCode: { limit: 50, windowSeconds: 86_400, message: '今日生成小程序码的次数过多，已改用链接二维码' },
  /** Clerk binding codes one shop issues per day. */
  clerkInvite: { limit: 20, windowSeconds: 86_400, message: '本店今日发放的店员绑定码过多，请明日再试' },
  /** Binding codes issued for one station per day: each is a live key to the station's consumers' phones. */
  stationInvite: { limit: 20, windowSeconds: 86_400, message: '该投诉站今日发放的绑定码过多，请明日再试' },
  /** Texts one phone number receives per day, from every source (the fallback notices, claim codes). */
  smsPerPhone: { limit: 10, windowSeconds: 86_400, message: '该号码今日短信已达上限' },
  /**
   * Texts one consumer account's complaints cause per day, to whatever numbers they gave. The number a consumer
   * types is not verified, so without this one account filing with other people's numbers could text each of
   * them up to `smsPerPhone` a day, at the bureau's cost. A consumer with a dispute or two needs a handful.
   */
  smsPerAccount: { limit: 20, windowSeconds: 86_400, message: '该用户的投诉今日短信已达上限' },
  /**
   * Claim codes one station staff member's filings and reissues text per day. A station types the numbers it
   * is given, unverified, as a consumer does; a busy counter on 3·15 takes a few dozen walk-ins a day.
   */
  claimCodeSmsPerStaff: { limit: 100, windowSeconds: 86_400, message: '您今日代发的认领码短信已达上限' },
  /**
   * Spreadsheet exports (12315, 联合惩戒, exclusions, a station's ledger) one person takes per hour: each reads
   * every page of its list, and a person at a desk takes a few.
   */
  fileExport: { limit: 30, windowSeconds: 3_600, message: '导出过于频繁，请稍后再试' },
  /**
   * WeChat URL Links made for one target (a page and its query) per hour. A link lives a month and is cached, so
   * a target needs one; more means WeChat is refusing, or cold requests racing. The shop's link route is public.
   */
  urlLinkMint: { limit: 6, windowSeconds: 3_600, message: '暂时无法生成「在微信中打开」的链接，请稍后再试' },
  /** Station binding-code tries per signed-in person per hour. */
  stationCode: { limit: 10, windowSeconds: 3_600, message: '绑定尝试过于频繁，请一小时后再试' },
} as const;
export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * `FANGXIN_RATE_LIMITS`, read once, at the first limited request: positive integers for known names. A bad value
 * is a ConfigError naming the variable (logged; the request answers 500) — never a silently ignored limit.
 */
export function rateLimitOverrides(env: NodeJS.ProcessEnv = process.env): Partial<Record<RateLimitName, number>> {
  const text = env.FANGXIN_RATE_LIMITS?.trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('FANGXIN_RATE_LIMITS must be JSON, e.g. {"filingPerPerson":10}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError('FANGXIN_RATE_LIMITS must be a JSON object');
  for (const [name, limit] of Object.entries(parsed)) {
    if (!(name in RATE_LIMITS)) throw new ConfigError(`FANGXIN_RATE_LIMITS names an unknown limit: ${name}`);
    if (!Number.isInteger(limit) || (limit as number) < 1) throw new ConfigError(`FANGXIN_RATE_LIMITS.${name} must be a positive integer`);
  }
  return parsed as Partial<Record<RateLimitName, number>>;
}

