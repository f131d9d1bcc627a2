import { weChatConfig } from '../config';
import { logger } from '../observability/log';
import { findUser } from '../store/users';
import { createWeChatClient, type TextVerdict, type WeChatClient } from '../wechat/client';
import { WeChatError, WeChatUnavailable } from '../wechat/errors';
import { withAccessToken } from './wechat-access';

/**
 * Content security: a consumer's or a merchant's own text is shown to the other party only after WeChat's
 * msgSecCheck (v2) passed it. This module asks WeChat, within a short budget, and never fails the caller:
 * anything but a clean verdict holds the text back — `held` when WeChat found it risky or wants it
 * reviewed, `unchecked` when WeChat could not be asked (down, slow, the user unknown to it), to be
 * rechecked later (recheck-content.ts). The complaint or the reply itself is always accepted.
 */

/** msgSecCheck scene 2 (评论): comments and replies under a post — the nearest to a complaint's texts. */
const SCENE = 2;
/** For WeChat's answer to the check itself: a user is waiting for their submission. */
const CHECK_TIMEOUT_MS = 1500;
/** For everything, a token refresh included; past it the text is stored unchecked and rechecked later. */
const CHECK_BUDGET_MS = 2500;

export type TextCheck =
  | { state: 'pass'; label: number; checkedAt: string }
  | { state: 'held'; suggest: 'review' | 'risky'; label: number; checkedAt: string }
  /** `final`: asking again will not help (no openid, the user has not used the mini-program for 2 hours). */
  | { state: 'unchecked'; failure: string; final: boolean };

/**
 * WeChat answers these for an openid it will not check now: 40003 invalid openid, 43104 appid and openid
 * do not match, 61010 the user has not used the mini-program in the last 2 hours. None gets better by
 * retrying soon.
 */
const FINAL_ERRCODES: ReadonlySet<number> = new Set([40003, 43104, 61010]);

let checkClient: WeChatClient | undefined;
/** A client of its own for msgSecCheck, with a timeout short enough for a request a person waits on. */
function client(): WeChatClient {
  const { apiBase, appId, appSecret } = weChatConfig();
  checkClient ??= createWeChatClient({ baseUrl: apiBase, appId, appSecret, timeoutMs: CHECK_TIMEOUT_MS });
  return checkClient;
}

async function askWeChat(content: string, openid: string, now: Date): Promise<TextVerdict> {
  return withAccessToken((token) => client().checkText(token, { content, openid, scene: SCENE }), now);
}

/**
 * Openids by user id. A user id is derived from the openid (auth/user-id.ts), so a known openid never
 * changes and is kept for the container's life; "no openid" is kept for a few minutes only (a user who
 * signs in gets one). A stale "none" only means a text waits for the recheck, which reads afresh.
 */
const openids = new Map<string, { openid?: string; until: number }>();
const NO_OPENID_REUSE_MS = 5 * 60 * 1000;
const OPENID_MEMO_MAX = 10_000;

export async function openidOf(userId: string, options: { fresh?: boolean } = {}): Promise<string | undefined> {
  const known = openids.get(userId);
  if (!options.fresh && known && (known.openid || known.until > Date.now())) return known.openid;
  const user = await findUser(userId);
  if (openids.size >= OPENID_MEMO_MAX) openids.clear();
  openids.set(userId, user?.openid ? { openid: user.openid, until: Number.POSITIVE_INFINITY } : { until: Date.now() + NO_OPENID_REUSE_MS });
  return user?.openid;
}

class CheckTimeout extends Error {
  override readonly name = 'CheckTimeout';
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  // The abandoned call may still fail later: that must not become an unhandled rejection.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no verdict within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function failureOf(error: unknown): { failure: string; final: boolean } {
  if (error instanceof WeChatError) return { failure: `wechat ${error.errcode}`, final: FINAL_ERRCODES.has(error.errcode) };
  if (error instanceof WeChatUnavailable) return { failure: `wechat unavailable (${error.reason})`, final: false };
  if (error instanceof CheckTimeout) return { failure: 'timeout', final: false };
  return { failure: error instanceof Error ? error.name : 'error', final: false };
}

/** WeChat's verdict on `text` written by the user with this openid (none: it cannot be checked). */
export async function checkTextAs(text: string, openid: string | undefined, now: Date): Promise<TextCheck> {
  if (!openid) return { state: 'unchecked', failure: 'no openid', final: true };
  try {
    const verdict = await within(askWeChat(text, openid, now), CHECK_BUDGET_MS);
    const checkedAt = now.toISOString();
    return verdict.suggest === 'pass'
      ? { state: 'pass', label: verdict.label, checkedAt }
      : { state: 'held', suggest: verdict.suggest, label: verdict.label, checkedAt };
  } catch (error) {
    const failed = failureOf(error);
    const known = error instanceof WeChatError || error instanceof WeChatUnavailable || error instanceof CheckTimeout;
    // Fail closed and go on: the text is stored unchecked. Unknown errors are ours to look at.
    logger[known ? 'warn' : 'error']('content_check.unchecked', { failure: failed.failure, final: failed.final });
    return { state: 'unchecked', ...failed };
  }
}

/**
 * Checks a text its author is about to store, before the write transaction, so the verdict is stored
 * with the text. Never throws: a WeChat failure makes the text `unchecked`, never the request fail.
 */
export async function checkUserText(text: string, authorUserId: string, now: Date): Promise<TextCheck> {
  let openid: string | undefined;
  try {
    openid = await openidOf(authorUserId);
  } catch (error) {
    logger.error('content_check.user_unreadable', { error: error instanceof Error ? error.name : String(error) });
    return { state: 'unchecked', failure: 'user unreadable', final: false };
  }
  return checkTextAs(text, openid, now);
}
