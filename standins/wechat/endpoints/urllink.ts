import { randomBytes } from 'node:crypto';
import type { Answer } from '../../common/answers';
import type { Json } from '../../common/http';
import { fail, ok } from '../protocol';
import type { WeChatState } from '../state';

/** WeChat lets a link live at most 30 days (expire_type 1: an interval in days; 0: an end time). */
const MAX_DAYS = 30;
const DAY_MS = 86_400_000;
/** The query's documented limit, and its characters (no percent-encoding of our own is applied by WeChat). */
const QUERY_MAX = 1024;
const QUERY_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~%]*$/;
/** What a fresh stand-in allows per day; the control API can lower it to exercise 45009. */
export const DEFAULT_URL_LINK_DAILY_QUOTA = 1000;

/**
 * POST /wxa/generate_urllink: a URL Link that opens `path?query` in the mini-program from outside WeChat
 * (an H5 page, an SMS). Answers WeChat's errors for a bad path (40165), a bad query (40212), an expiry out
 * of range (85401), an unknown env_version (85402) and the daily quota (45009).
 */
export function urlLink(state: WeChatState, body: Json): Answer {
  const path = body.path ?? '';
  const query = body.query ?? '';
  if (typeof path !== 'string' || path.includes('?') || path.startsWith('/')) return fail(40165);
  const { releasedPages } = state.config;
  if (path !== '' && releasedPages && !releasedPages.includes(path)) return fail(40165);
  if (typeof query !== 'string' || query.length > QUERY_MAX || !QUERY_CHARS.test(query)) return fail(40212);
  const envVersion = body.env_version ?? 'release';
  if (envVersion !== 'release' && envVersion !== 'trial' && envVersion !== 'develop') return fail(85402);

  const now = state.config.now();
  let expiresAt: number;
  if (body.expire_type === 1) {
    const days = body.expire_interval;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) return fail(85401);
    expiresAt = now + days * DAY_MS;
  } else {
    const at = body.expire_time;
    if (typeof at !== 'number' || at * 1000 <= now || at * 1000 > now + MAX_DAYS * DAY_MS) return fail(85401);
    expiresAt = at * 1000;
  }

  const today = new Date(now).toISOString().slice(0, 10);
  if (state.urlLinkDay !== today) {
    state.urlLinkDay = today;
    state.urlLinksToday = 0;
  }
  if (state.urlLinksToday >= state.urlLinkDailyQuota) return fail(45009);
  state.urlLinksToday++;
  const url = `https://wxaurl.cn/${randomBytes(6).toString('base64url')}`;
  state.urlLinks.set(url, { path, query, envVersion: String(envVersion), expiresAt });
  return ok({ url_link: url });
}
