import { createHmac } from 'node:crypto';
import { RateLimited } from '@fangxin/shared';
import { smsConfig } from '../sms/config';
import { hitRateLimit, returnRateLimitHit } from '../store/rate-limits';

/**
 * Whether one more text may go to this number today (`smsPerPhone`), counting it if so. Every SMS the product
 * sends — a notice's fallback, a station's claim code — spends from the number's allowance, whoever causes
 * it: a shop replying thirty times, or a station filing for any number it is given, cannot flood a phone.
 * What is over the allowance is not sent; the person still sees it in the mini-program. The counter is named
 * by a hash of the number keyed with the SMS secret (which only the functions that text have), so the table
 * holds no phone numbers. Called only where SMS is configured.
 */
const subjectOf = (phone: string): string | undefined => {
  const key = smsConfig()?.secretKey;
  return key ? createHmac('sha256', key).update(`fangxin sms allowance:${phone}`).digest('base64url') : undefined;
};

export async function mayTextPhone(phone: string, now: Date): Promise<boolean> {
  const subject = subjectOf(phone);
  return subject ? counted('smsPerPhone', subject, now) : false;
}

/** One hit counted against `name` for `subject`: false, not a 429, when the allowance is spent. */
async function counted(name: 'smsPerPhone' | 'smsPerAccount' | 'claimCodeSmsPerStaff', subject: string, now: Date): Promise<boolean> {
  try {
    await hitRateLimit(name, subject, now);
    return true;
  } catch (error) {
    if (error instanceof RateLimited) return false;
    throw error;
  }
}

/**
 * Whether one more text may go out today on behalf of this consumer account (`smsPerAccount`), counting it if
 * so: the numbers consumers type are not verified, so one account must not be able to text many of them.
 */
export const mayTextForAccount = (userId: string, now: Date): Promise<boolean> => counted('smsPerAccount', userId, now);

/** A text counted by `mayTextForAccount` that was not sent after all. */
export async function accountTextNotSent(userId: string, countedAt: Date): Promise<void> {
  await returnRateLimitHit('smsPerAccount', userId, countedAt);
}

/**
 * Whether a station staff member may have one more claim code texted today (`claimCodeSmsPerStaff`), counting
 * it if so: the numbers a station is given are not verified either.
 */
export const mayTextForStationStaff = (userId: string, now: Date): Promise<boolean> => counted('claimCodeSmsPerStaff', userId, now);

/** A text counted by `mayTextForStationStaff` that was not sent after all. */
export async function stationStaffTextNotSent(userId: string, countedAt: Date): Promise<void> {
  await returnRateLimitHit('claimCodeSmsPerStaff', userId, countedAt);
}

/** A text counted by `mayTextPhone` at `countedAt` that the provider did not send: it does not spend the allowance. */
export async function textNotSent(phone: string, countedAt: Date): Promise<void> {
  const subject = subjectOf(phone);
  if (subject) await returnRateLimitHit('smsPerPhone', subject, countedAt);
}
