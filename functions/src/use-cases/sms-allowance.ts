import { createHmac } from 'node:crypto';
import { RateLimited } from '@fangxin/shared';
import { smsConfig } from '../sms/config';
import { hitRateLimit } from '../store/rate-limits';

/**
 * Whether one more text may go to this number today (`smsPerPhone`), counting it if so. Every SMS the product
 * sends — a notice's fallback, a station's claim code — spends from the number's allowance, whoever causes
 * it: a shop replying thirty times, or a station filing for any number it is given, cannot flood a phone.
 * What is over the allowance is not sent; the person still sees it in the mini-program. The counter is named
 * by a hash of the number keyed with the SMS secret (which only the functions that text have), so the table
 * holds no phone numbers. Called only where SMS is configured.
 */
export async function mayTextPhone(phone: string, now: Date): Promise<boolean> {
  const key = smsConfig()?.secretKey;
  if (!key) return false;
  const subject = createHmac('sha256', key).update(`fangxin sms allowance:${phone}`).digest('base64url');
  try {
    await hitRateLimit('smsPerPhone', subject, now);
    return true;
  } catch (error) {
    if (error instanceof RateLimited) return false;
    throw error;
  }
}
