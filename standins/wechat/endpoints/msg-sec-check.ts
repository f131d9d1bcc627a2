import type { Answer } from '../../common/answers';
import { ControlError, type Json } from '../../common/http';
import { fail, ok, rid } from '../protocol';
import type { WeChatState } from '../state';
import { characterCount } from '../subscribe-fields';

const MSG_SEC_CHECK_MAX_CHARS = 2500;
/** msgSecCheck checks text only for users who used the mini-program this recently (else 61010). */
const RECENT_USE_MS = 2 * 3_600_000;
/** What a fresh stand-in finds risky; the control API replaces them. */
export const DEFAULT_RISKY_WORDS: readonly string[] = ['赌博', '代开发票', '特3456书yuuo莞6543李zxcz蒜7782法fgnv级'];
/** WeChat's label for 违法犯罪 in msgSecCheck v2 answers; 100 means normal. */
const RISKY_LABEL = 20006;

/**
 * POST /wxa/msg_sec_check (version 2): a keyword check standing in for WeChat's models — text containing
 * a risky word is `risky`, one containing a review word is `review`, anything else `pass`.
 */
export function msgSecCheck(state: WeChatState, body: Json): Answer {
  if (body.version !== 2) return fail(47001);
  if (typeof body.openid !== 'string' || body.openid === '') return fail(40003);
  if (typeof body.scene !== 'number' || ![1, 2, 3, 4].includes(body.scene)) return fail(40129, 'invalid scene');
  if (typeof body.content !== 'string' || body.content === '') return fail(44002);
  // The documented limit is 2,500 characters; msgSecCheck v2 documents no code of its own for a longer
  // text, so the stand-in answers with the one it documents for bad parameters.
  if (characterCount(body.content) > MSG_SEC_CHECK_MAX_CHARS) {
    return fail(47001, `data format error, content longer than ${MSG_SEC_CHECK_MAX_CHARS} characters`);
  }
  if (state.requireRecentUse) {
    const lastActive = state.lastActive.get(body.openid);
    if (lastActive === undefined || state.config.now() - lastActive > RECENT_USE_MS) return fail(61010);
  }

  const content = body.content;
  const risky = state.riskyWords.find((word) => content.includes(word));
  const review = risky ? undefined : state.reviewWords.find((word) => content.includes(word));
  const keyword = risky ?? review;
  const suggest = risky ? 'risky' : review ? 'review' : 'pass';
  const label = keyword ? RISKY_LABEL : 100;
  return ok({
    detail: [
      keyword ? { strategy: 'keyword', errcode: 0, suggest, label, level: risky ? 90 : 60, keyword } : { strategy: 'keyword', errcode: 0 },
      { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
    ],
    trace_id: rid(),
    result: { suggest, label },
  });
}

/** Replaces the words msgSecCheck finds risky, and those it sends to review. */
export function setRiskyWords(state: WeChatState, words: readonly string[], reviewWords: readonly string[]): void {
  state.riskyWords = [...words];
  state.reviewWords = [...reviewWords];
}

/** This user used the mini-program at `at` (epoch ms), as far as the recent-use rule is concerned. */
export function markUserActive(state: WeChatState, openid: string, at: number): void {
  if (!openid) throw new ControlError('openid is required');
  state.lastActive.set(openid, at);
}
