import * as fc from 'fast-check';
import {
  checkTemplateParams,
  fitTemplateParam,
  isRetryableSmsCode,
  normalizeMainlandMobile,
  SmsError,
  TEMPLATE_PARAM_MAX_CHARS,
} from '../../src/sms/client';
import { maskPhone } from '@fangxin/shared';

/** The thrown error, failing the test if `run` does not throw. */
function thrownBy(run: () => unknown): SmsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SmsError) return error;
    throw error;
  }
  throw new Error('expected an SmsError, nothing was thrown');
}

const LONE_SURROGATE = /\p{Cs}/u;

describe('fitTemplateParam — shortening a parameter to Tencent’s per-variable limit', () => {
  it('leaves a value within 12 characters as it is', () => {
    expect(fitTemplateParam('清河县放心超市')).toBe('清河县放心超市');
    expect(fitTemplateParam('123456789012')).toBe('123456789012');
  });

  it('cuts a longer value to exactly 12 characters ending in an ellipsis', () => {
    const fitted = fitTemplateParam('清河县城关镇放心消费示范超市有限公司');

    expect(fitted).toBe('清河县城关镇放心消费示…');
    expect(fitted).toHaveLength(TEMPLATE_PARAM_MAX_CHARS);
  });

  it('never splits a surrogate pair: an emoji that would straddle the limit is left out whole', () => {
    // 10 characters, then an emoji of 2 code units: keeping it would leave no room for the ellipsis.
    const fitted = fitTemplateParam('一二三四五六七八九十😀尾巴');

    expect(fitted).toBe('一二三四五六七八九十…');
    expect(LONE_SURROGATE.test(fitted)).toBe(false);
  });

  it('keeps an emoji that fits, counting it as its two code units', () => {
    expect(fitTemplateParam('好店😀好店😀好店😀好店')).toBe('好店😀好店😀好店…');
  });

  it('never splits a joined emoji sequence (family, flag) or a letter from its accent', () => {
    const family = '👨‍👩‍👧'; // 8 code units joined by zero-width joiners
    expect(fitTemplateParam(`店${family}${family}`)).toBe(`店${family}…`);
    // A cut by code units would keep the "e" and drop its accent.
    expect(fitTemplateParam('cafe\u0301s', 5)).toBe('caf…');
  });

  it('turns line breaks, tabs and runs of spaces into single spaces before measuring', () => {
    expect(fitTemplateParam('  城关镇\n\t放心   超市 ')).toBe('城关镇 放心 超市');
  });

  it('drops bidi overrides and lone surrogates, which only disguise or garble text', () => {
    expect(fitTemplateParam('abc\u202edef\ud800')).toBe('abcdef');
  });

  it('fits to a given limit', () => {
    expect(fitTemplateParam('abcdefgh', 5)).toBe('abcd…');
    expect(() => fitTemplateParam('abc', 0)).toThrow(RangeError);
  });

  it('always yields a well-formed value within the limit that the send check accepts (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (value, max) => {
        const fitted = fitTemplateParam(value, max);
        expect(fitted.length).toBeLessThanOrEqual(max);
        expect(LONE_SURROGATE.test(fitted)).toBe(false);
        expect(fitTemplateParam(fitted, max)).toBe(fitted);
        if (fitted.trim() !== '' && !/https?:\/\/|www\./i.test(fitted)) expect(() => checkTemplateParams([fitted], max)).not.toThrow();
      }),
    );
  });
});

describe('checkTemplateParams — refusing before any call what Tencent would refuse', () => {
  it('accepts parameters within the limit', () => {
    expect(() => checkTemplateParams(['城关镇', '2025-06-01', '清河县城关镇放心消费示…'])).not.toThrow();
  });

  it('refuses a parameter over 12 characters with Tencent’s length code, final, naming its position', () => {
    const error = thrownBy(() => checkTemplateParams(['ok', '一二三四五六七八九十一二三']));

    expect(error).toMatchObject({ code: 'InvalidParameterValue.TemplateParameterLengthLimit', retryable: false, origin: 'request' });
    expect(error.message).toContain('{2}');
    expect(error.message).not.toContain('一二三四五六七八九十一二三');
  });

  it('counts an emoji as two characters', () => {
    expect(() => checkTemplateParams(['一二三四五六七八九十😀'])).not.toThrow();
    expect(thrownBy(() => checkTemplateParams(['一二三四五六七八九十一😀'])).code).toBe('InvalidParameterValue.TemplateParameterLengthLimit');
  });

  it('refuses links, empty values and control characters', () => {
    expect(thrownBy(() => checkTemplateParams(['www.a.cn'])).code).toBe('InvalidParameterValue.ProhibitedUseUrlInTemplateParameter');
    expect(thrownBy(() => checkTemplateParams(['http://a'])).code).toBe('InvalidParameterValue.ProhibitedUseUrlInTemplateParameter');
    expect(thrownBy(() => checkTemplateParams([' '])).code).toBe('InvalidParameter');
    expect(thrownBy(() => checkTemplateParams(['a\nb'])).code).toBe('InvalidParameter');
  });

  it('applies a raised limit for an organisation account', () => {
    expect(() => checkTemplateParams(['清河县城关镇放心消费示范超市'], 35)).not.toThrow();
  });
});

describe('normalizeMainlandMobile — the number in E.164', () => {
  it.each(['13800138000', '+8613800138000', '8613800138000', '008613800138000', '138 0013 8000', '138-0013-8000'])('accepts %s', (phone) => {
    expect(normalizeMainlandMobile(phone)).toBe('+8613800138000');
  });

  it.each([
    ['a landline', '0571-88888888'],
    ['ten digits', '1380013800'],
    ['twelve digits', '138001380001'],
    ['a number starting 12', '12800138000'],
    ['a foreign number', '+12025550123'],
    ['letters', '1380013800a'],
    ['nothing', ''],
  ])('refuses %s with a final IncorrectPhoneNumber that does not repeat it', (_what, phone) => {
    const error = thrownBy(() => normalizeMainlandMobile(phone));

    expect(error).toMatchObject({ code: 'InvalidParameterValue.IncorrectPhoneNumber', retryable: false, origin: 'request' });
    if (phone.replace(/\D/g, '').length >= 4) expect(error.message).not.toContain(phone.replace(/\D/g, ''));
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits of the national number', () => {
    expect(maskPhone('+8613800138000')).toBe('138****8000');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('008613800138000')).toBe('138****8000');
  });

  it('hides a short number entirely', () => {
    expect(maskPhone('12345')).toBe('****');
  });
});

describe('isRetryableSmsCode — whether waiting can help', () => {
  it.each([
    'LimitExceeded.PhoneNumberDailyLimit',
    'LimitExceeded.PhoneNumberThirtySecondLimit',
    'LimitExceeded.PhoneNumberOneHourLimit',
    'LimitExceeded.AppDailyLimit',
    'RequestLimitExceeded',
    'InternalError.Timeout',
    'InternalError.OtherError',
    'InternalError',
  ])('%s is retryable', (code) => {
    expect(isRetryableSmsCode(code)).toBe(true);
  });

  it.each([
    'FailedOperation.PhoneNumberInBlacklist',
    'InvalidParameterValue.IncorrectPhoneNumber',
    'FailedOperation.TemplateIncorrectOrUnapproved',
    'FailedOperation.SignatureIncorrectOrUnapproved',
    'InvalidParameterValue.TemplateParameterLengthLimit',
    'AuthFailure.SignatureFailure',
    'AuthFailure.SecretIdNotFound',
    'FailedOperation.InsufficientBalanceInSmsPackage',
    'LimitExceeded.PhoneNumberCountLimit',
    'InternalError.SigVerificationFail',
  ])('%s is final', (code) => {
    expect(isRetryableSmsCode(code)).toBe(false);
  });
});
