import { objectBody, recordingControl, type ControlOperations } from '../../common/control';
import { ControlError } from '../../common/http';
import { resetWeChatState, type WeChatState } from '../state';
import { mintLoginCode } from './code2session';
import { markUserActive, setRiskyWords } from './msg-sec-check';
import { expireToken } from './stable-token';
import { refuseSubscriber } from './subscribe-send';

/**
 * The WeChat stand-in's control API, under `/__control/`: login codes, token expiry, refused subscribers,
 * msgSecCheck's words and recent-use rule, plus the operations every stand-in has (faults, calls,
 * messages, reset). The same operations as the handle's methods, for callers in other processes.
 */
export function weChatControl(state: WeChatState): ControlOperations {
  return {
    'POST /__control/codes': (raw) => {
      const { openid, unionid } = objectBody(raw);
      if (typeof openid !== 'string') throw new ControlError('openid (string) is required');
      if (unionid !== undefined && typeof unionid !== 'string') throw new ControlError('unionid must be a string');
      return { code: mintLoginCode(state, openid, unionid) };
    },
    'POST /__control/expire-token': (raw) => {
      const { errcode } = objectBody(raw);
      if (errcode !== undefined && errcode !== 40001 && errcode !== 42001) throw new ControlError('errcode must be 40001 or 42001');
      return { expired: expireToken(state, errcode ?? 40001) };
    },
    'POST /__control/refuse-subscriber': (raw) => {
      const { openid } = objectBody(raw);
      if (typeof openid !== 'string' || !openid) throw new ControlError('openid (string) is required');
      refuseSubscriber(state, openid);
      return { refused: [...state.refused] };
    },
    'POST /__control/risky-words': (raw) => {
      const { words, reviewWords } = objectBody(raw);
      if (!isWordList(words) || (reviewWords !== undefined && !isWordList(reviewWords))) {
        throw new ControlError('words (and reviewWords, if given) must be lists of non-empty strings');
      }
      setRiskyWords(state, words, reviewWords ?? []);
      return { words, reviewWords: reviewWords ?? [] };
    },
    'POST /__control/msg-sec-check': (raw) => {
      const { requireRecentUse } = objectBody(raw);
      if (typeof requireRecentUse !== 'boolean') throw new ControlError('requireRecentUse (boolean) is required');
      state.requireRecentUse = requireRecentUse;
      return { requireRecentUse };
    },
    'POST /__control/active-users': (raw) => {
      const { openid, at } = objectBody(raw);
      if (typeof openid !== 'string' || !openid) throw new ControlError('openid (string) is required');
      const when = at === undefined ? state.config.now() : typeof at === 'string' ? Date.parse(at) : NaN;
      if (Number.isNaN(when)) throw new ControlError('at must be an ISO time');
      markUserActive(state, openid, when);
      return { openid, activeAt: new Date(when).toISOString() };
    },
    ...recordingControl(state, () => resetWeChatState(state)),
  };
}

/** An empty word would match every text. */
function isWordList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
}
