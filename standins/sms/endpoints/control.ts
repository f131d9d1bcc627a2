import { recordingControl, type ControlOperations } from '../../common/control';
import { ControlError, parseJson } from '../../common/http';
import { resetSmsState, type SmsState } from '../state';
import { blockNumber } from './send-sms';

/**
 * The SMS stand-in's control API, under `/__control/`: blocked numbers, plus the operations every
 * stand-in has (faults, calls, messages, reset).
 */
export function smsControl(state: SmsState): ControlOperations {
  return {
    'POST /__control/blacklist': (raw) => {
      const body = parseJson(raw) as { phone?: unknown } | null;
      if (typeof body?.phone !== 'string') throw new ControlError('phone (string) is required');
      blockNumber(state, body.phone);
      return { blocked: [...state.blocked] };
    },
    ...recordingControl(state, () => resetSmsState(state)),
  };
}
