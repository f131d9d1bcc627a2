import { maskPhone } from '@fangxin/shared';
import { sms } from '../clients';
import { fitTemplateParam, SmsError } from '../sms/client';
import { smsConfig } from '../sms/config';
import { logger } from '../observability/log';

/** What became of the claim code's SMS: the station prints the code on the slip whatever happens. */
export type ClaimCodeSms = 'sent' | 'failed' | 'not_configured' | 'not_requested';

/**
 * Sends a consumer their claim code by SMS, through the same Tencent client as the fallback notifications
 * (template parameters: the station's name, the code). Never throws: the complaint is filed and the code is
 * on the receipt slip already; a failed SMS is reported to the station, which can issue a new code.
 */
export async function sendClaimCodeSms(phone: string, code: string, stationName: string): Promise<ClaimCodeSms> {
  const client = sms();
  const settings = smsConfig();
  if (!client || !settings) return 'not_configured';
  try {
    await client.send({ phone, templateId: settings.templateId, params: [fitTemplateParam(stationName), code] });
    return 'sent';
  } catch (error) {
    // The message never holds the code or the whole number (SmsError's messages are safe to log).
    logger.warn('claim code sms failed', { phone: maskPhone(phone), error: error instanceof SmsError ? error.code : (error as Error).name });
    return 'failed';
  }
}
