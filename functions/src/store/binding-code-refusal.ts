/**
 * The one refusal for a binding code, a shop's or a station's, that cannot be used: unknown, expired, or used
 * by someone else. One message for all three, so a guess cannot tell a code that exists from a made-up one.
 */
export const BINDING_CODE_REFUSED = '绑定码无效、已过期或已被使用，请向发码人重新索取';
