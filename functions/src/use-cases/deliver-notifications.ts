import {
  DELIVERY_POLICY,
  messagePage,
  progressMessage,
  PROGRESS_TEMPLATE_FIELDS,
  retryDelayMs,
  settlementAfter,
  undeliverableReason,
  Unavailable,
  type Audience,
  type DeliveryPolicy,
} from '@fangxin/shared';
import { notificationConfig } from '../config';
import { logger } from '../observability/log';
import { smsConfig } from '../sms/config';
import { sms } from '../clients';
import { fitTemplateParam, SmsError } from '../sms/client';
import {
  claimOutboxItem,
  listDueOutboxIds,
  recordRefused,
  recordSent,
  recordSmsSent,
  rescheduleOutboxItem,
  settleOutboxItem,
  subjectOf,
  type OutboxItem,
} from '../store/outbox';
import { WeChatError, WeChatUnavailable } from '../wechat/errors';
import { resolveRecipients, type Recipients } from './notification-recipients';
import { weChat } from '../clients';
import { withAccessToken } from './wechat-access';
import { accountTextNotSent, mayTextForAccount, mayTextPhone, textNotSent } from './sms-allowance';
import { smsLinkToken } from './url-links';
import { markNoticeReached } from '../store/party-notices';

/**
 * The dispatcher: delivers outbox items (docs/notifications.md). Fed by the table's stream (new items, at
 * once) and by a schedule (retries that came due, and anything the stream path missed); both call
 * `deliverOutboxItem`, whose conditional claim makes it safe for any number of them to run at once.
 *
 * Per item: claim it → resolve who must hear → send a subscribe message to each person not yet reached,
 * recording each acknowledgement at once → settle: delivered, retry later with backoff, dead-lettered
 * after the last attempt, or undeliverable when WeChat said no for good (43101) and no SMS could go.
 */

export type DeliveryResult = 'skipped' | 'delivered' | 'retry' | 'undeliverable' | 'dead' | 'claim_lost';
/** In a batch, an item whose attempt threw (the store failing): its claim lapses and a later pass retries it. */
export type BatchResult = DeliveryResult | 'error';

export interface DeliveryOptions {
  readonly now?: () => Date;
  /** In [0, 1), for the retry jitter. */
  readonly random?: () => number;
  readonly policy?: DeliveryPolicy;
  /**
   * When the invocation will be stopped (epoch ms, by the wall clock: Lambda's timeout, not `now`): no send
   * starts that could not be recorded before it, as none starts that could outlive the lease. A send cut off
   * mid-way would go unrecorded and be made again by the next dispatcher.
   */
  readonly runEndsAt?: number;
}

/** How long the invocation has left (the wall clock), or forever where no end is given. */
const runLeftOf = (options: DeliveryOptions) => () => (options.runEndsAt === undefined ? Number.POSITIVE_INFINITY : options.runEndsAt - Date.now());

/** A failure that says nothing about the message for this person: try again later. */
class Transient {
  constructor(readonly reason: string) {}
}

export async function deliverOutboxItem(outboxId: string, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? DELIVERY_POLICY;
  const claimedAt = now();
  // Too late in the invocation to send anything: left unclaimed for the next run.
  if (runLeftOf(options)() < policy.sendReserveMs) return 'skipped';
  const item = await claimOutboxItem(outboxId, claimedAt, policy.leaseMs);
  if (!item) return 'skipped';
  // Sending stops while there is still time to record it: the lease must not run out mid-send, or a
  // second dispatcher could claim the item and send the same message again.
  const runLeft = runLeftOf(options);
  const leaseLeft = () => Math.min(claimedAt.getTime() + policy.leaseMs - now().getTime(), runLeft());

  const recipients = await resolveRecipients(item);
  const outcome = await sendToEveryone(item, recipients, leaseLeft, policy, now);

  const kind = outcome instanceof Transient ? 'transient' : outcome === 'reached' ? 'reached' : 'unreachable';
  const settlement = settlementAfter(kind, item.attempts, item.sentTo.size > 0, policy);
  if (settlement === 'delivered' && item.notice && item.complaintId && (item.recipient.kind === 'consumer' || item.recipient.kind === 'merchant')) {
    // The message carried a written notice: it has reached this party (the notice's own clock stops for them).
    // Marked before the item is settled: should this write fail, the item is still claimed, its lease runs
    // out and a later pass marks it (the people already reached are not sent to again).
    await markNoticeReached(item.complaintId, item.recipient.kind, now().toISOString(), 'message');
  }
  const reason = typeof outcome === 'string' ? undefined : outcome.reason;
  let stored: boolean;
  if (settlement === 'retry') {
    const dueAt = new Date(now().getTime() + retryDelayMs(item.attempts, (options.random ?? Math.random)(), policy));
    stored = await rescheduleOutboxItem(item, dueAt, reason ?? '');
  } else {
    stored = await settleOutboxItem(item, settlement, now(), settlement === 'dead' ? `已重试${item.attempts}次仍未送达：${reason}` : reason);
  }
  const result: DeliveryResult = stored ? settlement : 'claim_lost';
  const about = item.subject === 'rectification' ? { rectificationId: item.rectificationId } : { complaintId: item.complaintId };
  logger.info('outbox.delivery', { outboxId, ...about, recipient: item.recipient.kind, attempt: item.attempts, result });
  return result;
}

type SendOutcome = 'reached' | { reason: string } | Transient;

async function sendToEveryone(
  item: OutboxItem,
  recipients: Recipients,
  leaseLeft: () => number,
  policy: DeliveryPolicy,
  now: () => Date,
): Promise<SendOutcome> {
  const { templateId, miniprogramState } = notificationConfig();
  const { subject, id: subjectId } = subjectOf(item);
  const values = progressMessage({
    complaintId: subjectId,
    headline: item.headline,
    at: new Date(item.createdAt ?? item.dueAt),
    audience: recipients.audience,
    ...(item.merchantName ? { merchantName: item.merchantName } : {}),
  });
  const data = Object.fromEntries(Object.entries(PROGRESS_TEMPLATE_FIELDS).map(([meaning, key]) => [key, values[meaning as keyof typeof values]]));

  for (const person of recipients.people) {
    const { openid } = person;
    if (!openid || item.sentTo.has(openid) || item.refusedBy.has(openid)) continue;
    if (leaseLeft() < policy.sendReserveMs) return new Transient('本轮处理时间用尽');
    try {
      await withAccessToken(
        (token) => weChat().sendSubscribeMessage(token, { touser: openid, templateId, page: messagePage(recipients.audience, subjectId, subject), data, miniprogramState }),
        now(),
      );
    } catch (error) {
      const verdict = classifyWeChatFailure(error);
      if (verdict instanceof Transient) return verdict;
      item.refusedBy.add(openid);
      await recordRefused(item.outboxId, openid, verdict);
      continue;
    }
    item.sentTo.add(openid);
    await recordSent(item.outboxId, openid);
  }
  if (item.sentTo.size > 0) return 'reached';

  // Nobody could be reached on WeChat: the SMS fallback, when this deployment has it.
  const cause = item.refusedBy.size > 0 ? 'refused' : 'nobody';
  const viaSms = await sendSms(item, recipients, leaseLeft, policy, now());
  if (viaSms === 'sent') return 'reached';
  if (viaSms instanceof Transient) return viaSms;
  return { reason: withSmsNote(undeliverableReason(recipients.audience, cause), viaSms) };
}

/**
 * What a WeChat failure means for this person: a reason it will never work for them (recorded against them),
 * or Transient. Only two answers are about the person: 43101 (no subscription, or refused) and 40003 (an
 * openid WeChat does not know). Anything else — the token's AppID or secret (40013, 40125), the server's IP
 * (40164), the template (40037), the page (41030), a field (47003) — is the deployment's and would fail for
 * every recipient alike: retried with backoff (so fixing the configuration delivers what waited) and, when
 * the attempts run out, dead with the code for staff, never put down as the person's refusal.
 */
function classifyWeChatFailure(error: unknown): string | Transient {
  if (error instanceof WeChatError) {
    if (error.endpoint === 'subscribe_send' && error.errcode === 43101) return '未订阅或已拒收（微信 43101）';
    if (error.endpoint === 'subscribe_send' && error.errcode === 40003) return '微信用户标识无效（微信 40003）';
    // 40001/42001 here means the one refresh withAccessToken allows did not help: a token problem, not the person's.
    if (error.retryable || error.errcode === 40001 || error.errcode === 42001) return new Transient(`微信 ${error.errcode}`);
    const where = error.endpoint === 'stable_token' ? '获取接口凭证' : '发送订阅消息';
    return new Transient(`微信${where}失败（${error.errcode}），与接收人无关，请检查小程序配置`);
  }
  if (error instanceof WeChatUnavailable) return new Transient(`微信服务不可用（${error.reason}${error.status ? ` ${error.status}` : ''}）`);
  throw error;
}

type SmsOutcome = 'sent' | 'not_configured' | 'no_phone' | { failed: string } | Transient;

async function sendSms(item: OutboxItem, recipients: Recipients, leaseLeft: () => number, policy: DeliveryPolicy, now: Date): Promise<SmsOutcome> {
  if (item.smsSentTo) return 'sent';
  // The SMS template is worded for complaints (「您有投诉{1}：{2}」): a rectification order does not go by SMS.
  if (item.subject === 'rectification') return 'not_configured';
  const client = sms();
  if (!client || recipients.audience === 'staff') return 'not_configured';
  const phone = await recipients.fallbackPhone();
  if (!phone) return 'no_phone';
  if (leaseLeft() < policy.sendReserveMs) return new Transient('本轮处理时间用尽');
  const { subject, id } = subjectOf(item);
  let link: string;
  try {
    link = await smsLinkToken(messagePage(recipients.audience, id, subject), recipients.audience, now);
  } catch (error) {
    // No link at all (WeChat down since before any list link was made): the SMS waits rather than go out broken.
    if (error instanceof Unavailable) return new Transient('暂时无法生成短信中的小程序链接');
    throw error;
  }
  // Counted just before the send: a try that stops earlier spends nothing of the number's or the account's allowance.
  const account = recipients.audience === 'consumer' ? item.recipient.userId : undefined;
  if (account && !(await mayTextForAccount(account, now))) return { failed: '该用户的投诉今日短信已达上限' };
  if (!(await mayTextPhone(phone, now))) {
    if (account) await accountTextNotSent(account, now);
    return { failed: '该号码今日短信已达上限' };
  }
  let maskedPhone: string;
  try {
    ({ maskedPhone } = await client.send({
      phone,
      templateId: smsConfig()!.templateId,
      params: [...smsParams(item, recipients.audience), link],
      sessionContext: item.outboxId,
    }));
  } catch (error) {
    if (error instanceof SmsError) {
      await textNotSent(phone, now);
      if (account) await accountTextNotSent(account, now);
      return error.retryable ? new Transient(`短信 ${error.code}`) : { failed: error.code };
    }
    throw error;
  }
  await recordSmsSent(item.outboxId, maskedPhone);
  return 'sent';
}

/** The SMS template's first two values (`SMS_TEMPLATE_TEXTS.progress`): which complaint (its last 8 characters) and what happened. */
function smsParams(item: OutboxItem, audience: Audience): string[] {
  const { id } = subjectOf(item);
  const progress = progressMessage({ complaintId: id, headline: item.headline, at: new Date(), audience }).progress;
  return [fitTemplateParam(id.slice(-8)), fitTemplateParam(progress)];
}

function withSmsNote(reason: string, sms: Exclude<SmsOutcome, 'sent' | Transient>): string {
  if (sms === 'not_configured') return reason;
  if (sms === 'no_phone') return `${reason}，且无联系电话可发短信`;
  return `${reason}，短信也未发出（${sms.failed}）`;
}

export interface DispatchSummary {
  readonly examined: number;
  readonly results: Partial<Record<BatchResult, number>>;
}

/**
 * Delivers the given items (from stream records), a few at a time. `takeUntil` (epoch ms, wall clock): no new
 * item is started after it — the caller's own budget, softer than the invocation's end (`runEndsAt`).
 */
export async function deliverMany(outboxIds: readonly string[], options: DeliveryOptions & { concurrency?: number; takeUntil?: number } = {}): Promise<DispatchSummary> {
  const results: Partial<Record<BatchResult, number>> = {};
  const queue = [...outboxIds];
  const runLeft = runLeftOf(options);
  const reserve = (options.policy ?? DELIVERY_POLICY).sendReserveMs;
  const mayTake = () => runLeft() >= reserve && (options.takeUntil === undefined || Date.now() < options.takeUntil);
  let started = 0;
  const worker = async () => {
    // Checked before each item, not each page: a page of slow sends must not outlast the run.
    for (let id = queue.shift(); id !== undefined && mayTake(); id = queue.shift()) {
      started++;
      let result: BatchResult;
      try {
        result = await deliverOutboxItem(id, options);
      } catch (error) {
        // One item's trouble must not stop the others in the batch.
        logger.warn('outbox.delivery_failed', { outboxId: id, error: (error as Error).name });
        result = 'error';
      }
      results[result] = (results[result] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return { examined: started, results };
}

/**
 * The scheduled pass: every pending item whose time has come, oldest first, page by page, until none are
 * left or the time budget (below the function's timeout) is spent. What it does not reach, the next run does.
 */
export async function dispatchDue(options: DeliveryOptions & { budgetMs?: number; concurrency?: number; pageSize?: number } = {}): Promise<DispatchSummary> {
  const now = options.now ?? (() => new Date());
  const started = now().getTime();
  const budgetMs = options.budgetMs ?? 45_000;
  // No item is started after the budget, whatever page it is on; sends stop earlier if the invocation ends sooner.
  const takeUntil = Date.now() + budgetMs;
  const runLeft = runLeftOf(options);
  const reserve = (options.policy ?? DELIVERY_POLICY).sendReserveMs;
  const totals: Partial<Record<BatchResult, number>> = {};
  let examined = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await listDueOutboxIds(now(), options.pageSize ?? 50, cursor);
    const summary = await deliverMany(page.ids, { ...options, takeUntil });
    examined += summary.examined;
    for (const [result, count] of Object.entries(summary.results)) totals[result as BatchResult] = (totals[result as BatchResult] ?? 0) + count;
    cursor = page.next;
  } while (cursor && now().getTime() - started < budgetMs && Date.now() < takeUntil && runLeft() >= reserve);
  return { examined, results: totals };
}
