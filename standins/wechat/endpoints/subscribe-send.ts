import type { Answer } from '../../common/answers';
import { isoTime, type Json } from '../../common/http';
import { fail, ok } from '../protocol';
import type { WeChatState } from '../state';
import { firstInvalidField } from '../subscribe-fields';

/**
 * POST /cgi-bin/message/subscribe/send: checks the message as WeChat does (fields by their template type)
 * and, when accepted, keeps it in the message log.
 */
export function subscribeSend(state: WeChatState, body: Json): Answer {
  if (typeof body.touser !== 'string' || body.touser === '') return fail(40003);
  if (typeof body.template_id !== 'string' || body.template_id === '') return fail(40037);
  const invalid = firstInvalidField(body.data);
  if (invalid) return fail(47003, `argument invalid! ${invalid} invalid`);
  if (state.refused.has(body.touser)) return fail(43101);

  const msgid = ++state.msgid;
  state.messages.add({
    at: isoTime(state.config.now),
    msgid,
    touser: body.touser,
    template_id: body.template_id,
    data: body.data as Record<string, { value: string }>,
    ...optionalStrings(body, ['page', 'miniprogram_state', 'lang']),
  });
  return ok({ msgid });
}

/** This user refused the subscription or has no quota left: sends to them get 43101. */
export function refuseSubscriber(state: WeChatState, openid: string): void {
  state.refused.add(openid);
}

function optionalStrings(body: Json, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((k) => (typeof body[k] === 'string' ? [[k, body[k]]] : [])));
}
