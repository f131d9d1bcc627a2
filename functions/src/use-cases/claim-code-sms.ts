import { maskPhone } from '@fangxin/shared';
import { sms } from '../clients';
import { fitTemplateParam, SmsError } from '../sms/client';
import { smsConfig } from '../sms/config';
import { logger } from '../observability/log';
import { mayTextForStationStaff, mayTextPhone, stationStaffTextNotSent, textNotSent } from './sms-allowance';
import { linkToken, urlLinkFor } from './url-links';

/** What became of the claim code's SMS: the station prints the code on the slip whatever happens. */
export type ClaimCodeSms = 'sent' | 'failed' | 'over_limit' | 'not_configured' | 'not_requested';

/** The consumer subpackage's page where a claim code is entered. */
export const CLAIM_PAGE = 'consumer/pages/claim/index';

/**
 * Sends a consumer their claim code by SMS, through the same Tencent client as the fallback notifications,
 * with its own template (`SMS_TEMPLATE_TEXTS.claim`): the station's name, the code, and the token of a WeChat
 * URL Link to the claim page (the template holds `wxaurl.cn/` before it, so one tap opens the page). Never throws:
 * the complaint is filed and the code is on the receipt slip already; a failed SMS (or no link to send, when
 * WeChat cannot make one) is reported to the station, which can issue a new code later.
 */
export async function sendClaimCodeSms(phone: string, code: string, station: { name: string; staffUserId: string }, now: Date): Promise<ClaimCodeSms> {
  const client = sms();
  const settings = smsConfig();
  if (!client || !settings) return 'not_configured';
  try {
    const link = await urlLinkFor(CLAIM_PAGE, '', now);
    if (!(await mayTextPhone(phone, now))) {
      logger.warn('claim code sms over the number’s daily allowance', { phone: maskPhone(phone) });
      return 'over_limit';
    }
    // Both allowances or neither: a text the staff member may not send gives the number's count back.
    const staffMay = await mayTextForStationStaff(station.staffUserId, now).catch(async (error: unknown) => {
      await textNotSent(phone, now);
      throw error;
    });
    if (!staffMay) {
      await textNotSent(phone, now);
      logger.warn('claim code sms over the station staff member’s daily allowance', { phone: maskPhone(phone) });
      return 'over_limit';
    }
    try {
      await client.send({ phone, templateId: settings.claimTemplateId, params: [fitTemplateParam(station.name), code, linkToken(link.url)] });
    } catch (error) {
      await textNotSent(phone, now);
      await stationStaffTextNotSent(station.staffUserId, now);
      throw error;
    }
    return 'sent';
  } catch (error) {
    // The message never holds the code or the whole number (SmsError's messages are safe to log).
    logger.warn('claim code sms failed', { phone: maskPhone(phone), error: error instanceof SmsError ? error.code : (error as Error).name });
    return 'failed';
  }
}
