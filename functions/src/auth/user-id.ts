import { createHmac } from 'node:crypto';

/**
 * Our user id for a WeChat openid: a short stable digest, so one GetItem finds the user and keys, logs and
 * tokens carry our id rather than the openid. Salted with the app id so two mini-programs never share ids.
 */
export function userIdFor(appId: string, openid: string): string {
  return `u${createHmac('sha256', appId).update(openid).digest('base64url').slice(0, 24)}`;
}
