/**
 * How notifications are delivered, as plain rules: when to retry, when to give up, and how a message's
 * values are fitted to WeChat's subscribe-message limits. The dispatcher (functions/) applies them; the
 * design and its guarantees are in docs/notifications.md.
 */

export interface DeliveryPolicy {
  /** Wait after the first failed attempt; doubled after each further one. */
  readonly firstRetryMs: number;
  /** No wait grows beyond this. */
  readonly maxRetryMs: number;
  /** Attempts (claims) before an item is dead-lettered for staff. */
  readonly maxAttempts: number;
  /**
   * How long a claim keeps other dispatchers off an item. A dispatcher stops sending when less than
   * `sendReserveMs` of it remains, so the lease can only run out while it is not sending.
   */
  readonly leaseMs: number;
  readonly sendReserveMs: number;
}

/** 30 s, 1, 2, 4, 8, 16, 30, 30 min…: 8 attempts span about 1½ hours of outage before staff are asked to call. */
export const DELIVERY_POLICY: DeliveryPolicy = {
  firstRetryMs: 30_000,
  maxRetryMs: 30 * 60_000,
  maxAttempts: 8,
  leaseMs: 120_000,
  sendReserveMs: 20_000,
};

/**
 * The wait before the next attempt after `attempts` failed ones, with "full jitter" in the upper half
 * (`jitter` in [0, 1)) so items that failed together do not all come back in the same second.
 */
export function retryDelayMs(attempts: number, jitter: number, policy: DeliveryPolicy = DELIVERY_POLICY): number {
  const exponent = Math.max(0, attempts - 1);
  const base = Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** Math.min(exponent, 30));
  const clampedJitter = Math.min(Math.max(jitter, 0), 0.999999);
  return Math.round(base / 2 + (base / 2) * clampedJitter);
}

/** After a failed attempt: try again later, or give up and ask staff to follow up. */
export function afterFailedAttempt(attempts: number, policy: DeliveryPolicy = DELIVERY_POLICY): 'retry' | 'dead' {
  return attempts >= policy.maxAttempts ? 'dead' : 'retry';
}

/**
 * Where an item goes after one attempt. `reached`: WeChat (or SMS) took it for someone; `unreachable`:
 * everyone said no for good (43101…) or there was nobody; `transient`: the attempt was cut short by a
 * failure that may pass. An item that reached someone at the shop counts as delivered even when the last
 * attempt for the others ran out.
 */
export function settlementAfter(
  outcome: 'reached' | 'unreachable' | 'transient',
  attempts: number,
  someoneReached: boolean,
  policy: DeliveryPolicy = DELIVERY_POLICY,
): 'delivered' | 'undeliverable' | 'retry' | 'dead' {
  if (outcome === 'reached') return 'delivered';
  if (outcome === 'unreachable') return 'undeliverable';
  if (afterFailedAttempt(attempts, policy) === 'retry') return 'retry';
  return someoneReached ? 'delivered' : 'dead';
}

// ---------------------------------------------------------------------------------------------------
// Fitting values to WeChat's subscribe-message limits (else WeChat answers 47003 and nothing is sent).

/** Characters as a person sees them: an emoji, a flag or a letter with accents is one. */
export function graphemes(value: string): string[] {
  const Segmenter = (Intl as { Segmenter?: new (locale: string, options: { granularity: 'grapheme' }) => { segment(input: string): Iterable<{ segment: string }> } }).Segmenter;
  if (!Segmenter) return Array.from(value); // code points: still never splits a surrogate pair
  return Array.from(new Segmenter('zh', { granularity: 'grapheme' }).segment(value), (part) => part.segment);
}

const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/gu;
const ELLIPSIS = '…';

/** Shortens to `max` characters, ending in … when cut, never inside an emoji or a combined character. */
export function truncateText(value: string, max: number): string {
  const parts = graphemes(value.replace(CONTROL_OR_FORMAT, '').replace(/\s+/g, ' ').trim());
  if (parts.length <= max) return parts.join('');
  return parts.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
}

/** `thing`: ≤ 20 characters of any kind. */
export const fitThing = (value: string, fallback = '—'): string => truncateText(value, 20) || fallback;

/** `name`: ≤ 10 characters. */
export const fitName = (value: string, fallback = '—'): string => truncateText(value, 10) || fallback;

/** `phrase`: ≤ 5 Chinese characters and nothing else — a cut phrase would mislead, so fall back instead. */
export function fitPhrase(value: string, fallback = '进度更新'): string {
  const han = value.replace(/[^\p{Script=Han}]/gu, '');
  return han.length > 0 && han.length <= 5 ? han : fallback;
}

/** `character_string`: ≤ 32 printable ASCII characters. */
export function fitCharacterString(value: string): string {
  const printable = value.replace(/[^\x21-\x7e]/g, '');
  return printable.slice(0, 32) || '-';
}

/** `time`: WeChat's "2026-11-27 09:30", on Beijing time whatever the server's zone. */
export function formatMessageTime(at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${beijing.getUTCFullYear()}-${pad(beijing.getUTCMonth() + 1)}-${pad(beijing.getUTCDate())} ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`;
}

// ---------------------------------------------------------------------------------------------------
// The message itself.

export type Audience = 'consumer' | 'merchant' | 'staff';

export function audienceOf(recipientKind: string): Audience {
  if (recipientKind === 'consumer') return 'consumer';
  if (recipientKind === 'merchant') return 'merchant';
  return 'staff';
}

/**
 * What a message is about: a complaint (every lifecycle message), or a rectification order (整改通知, from an
 * inspection — docs/inspections.md). The outbox item says which; complaint items carry no subject.
 */
export type MessageSubject = 'complaint' | 'rectification';

/** Where a rectification message opens, by audience (consumers never receive one). */
const RECTIFICATION_PAGES: Record<Audience, string> = {
  merchant: 'merchant/pages/rectification/index',
  staff: 'admin/pages/rectification/index',
  consumer: 'pages/index/index',
};

/** The page each audience's message opens (the pages in miniapp/src/app.config.ts). */
export function messagePage(audience: Audience, subjectId: string, subject: MessageSubject = 'complaint'): string {
  const id = encodeURIComponent(subjectId);
  if (subject === 'rectification') return `${RECTIFICATION_PAGES[audience]}?id=${id}`;
  if (audience === 'merchant') return `merchant/pages/handle/index?id=${id}`;
  if (audience === 'staff') return `admin/pages/case/index?id=${id}`;
  return `pages/complaint/index?id=${id}`;
}

/**
 * Where an audience finds all its messages: what an SMS opens when the message's own page has no link to
 * hand (WeChat could not make one just now), since the lists' links are kept ready by the sweeper.
 */
export const MESSAGE_LIST_PAGES: Record<Audience, string> = {
  consumer: 'pages/complaints/index',
  merchant: 'merchant/pages/queue/index',
  staff: 'admin/pages/triage/index',
};

/**
 * Hints of the rectification messages (整改通知), by headline; complaint headlines never collide with these. A
 * Map, not an object: a headline is any text, and `toString` must not find Object.prototype's.
 */
const RECTIFICATION_HINTS: ReadonlyMap<string, string> = new Map([
  ['整改通知', '请在整改期限内整改，并在小程序中答复'],
  ['再次整改', '复查未通过，请按新期限整改后答复'],
  ['整改通过', '整改已通过复查'],
  ['整改答复', '商家已答复整改，请复查'],
]);

const HINTS: Record<Audience, (headline: string) => string> = {
  merchant: (headline) => RECTIFICATION_HINTS.get(headline) ?? (headline === '新投诉' ? '请尽快联系消费者，在店内协商解决' : '点击查看并处理'),
  consumer: () => '点击查看处理进度',
  staff: (headline) => RECTIFICATION_HINTS.get(headline) ?? (headline === '待受理' ? '请在7个工作日内决定是否受理' : '点击查看案件'),
};

export interface ProgressMessageInput {
  /** The complaint's id, or a rectification order's (the template's 编号 field carries either). */
  complaintId: string;
  merchantName?: string;
  headline: string;
  at: Date;
  audience: Audience;
}

/** The template values by meaning (see PROGRESS_TEMPLATE_FIELDS for the keys), each fitted to its limit. */
export function progressMessage(input: ProgressMessageInput): { complaintNo: string; merchantName: string; progress: string; time: string; hint: string } {
  return {
    complaintNo: fitCharacterString(input.complaintId),
    merchantName: fitThing(input.merchantName ?? '', '本县商家'),
    progress: fitPhrase(input.headline),
    time: formatMessageTime(input.at),
    hint: fitThing(HINTS[input.audience](input.headline)),
  };
}

/** Why a notification could not reach anyone, as staff read it on their follow-up list. */
export function undeliverableReason(audience: Audience, cause: 'refused' | 'nobody'): string {
  const who = audience === 'merchant' ? '商家' : audience === 'consumer' ? '消费者' : '监管人员';
  if (cause === 'refused') return `${who}未订阅通知`;
  return audience === 'merchant' ? '商家未绑定小程序' : `${who}无法接收通知`;
}

export const RECIPIENT_LABELS: Record<Audience, string> = { merchant: '商家', consumer: '消费者', staff: '监管人员' };
