/**
 * The two SMS body templates a deployment has Tencent approve (正文模板), with the parameter each `{n}` takes.
 * Tencent refuses links in variables, so each template holds `https://wxaurl.cn/` and its last variable is
 * the token of a WeChat URL Link (`linkToken`): one tap opens the right mini-program page. The texts are
 * what the local stand-in checks the parameter count against, as Tencent does.
 */
export const SMS_TEMPLATE_TEXTS = {
  /** TENCENT_SMS_TEMPLATE_ID — a notification WeChat could not deliver: {1} complaint's last 8 characters, {2} what happened. */
  progress: '您的投诉{1}有新进展：{2}。点此在微信中查看 https://wxaurl.cn/{3}',
  /** TENCENT_SMS_CLAIM_TEMPLATE_ID — a complaint a station filed for you: {1} station, {2} the claim code. */
  claim: '{1}已为您登记消费投诉，认领码{2}（30天内有效，请勿告诉他人）。点此在微信中认领并跟进 https://wxaurl.cn/{3}',
} as const;
