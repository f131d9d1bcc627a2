import { MIN_RETENTION_DAYS, PERSONAL_DATA_RETENTION_DAYS, maskName, maskPhone, maskPhonesIn, retentionPeriodText } from '../src/index';

describe('masking personal data', () => {
  it('masks a phone number to its first three and last four digits, with or without +86', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('+86 138 0013 8000')).toBe('138****8000');
    // What retention leaves stays as it is when masked again: nothing is recovered from it.
    expect(maskPhone(maskPhone('13800138000'))).toBe('****');
  });

  it('masks a name to its first character', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('李')).toBe('李*');
  });

  it('masks every mobile number in a text and leaves longer digit runs (timestamps, case numbers) alone', () => {
    expect(maskPhonesIn('call 13800138000 or +8613900139000, case 138001380001234 at 1765000000000')).toBe(
      'call 138****8000 or 139****9000, case 138001380001234 at 1765000000000',
    );
  });
});

describe('retention period', () => {
  it('is three years by default, said as the notice says it', () => {
    expect(PERSONAL_DATA_RETENTION_DAYS).toBe(1095);
    expect(retentionPeriodText(PERSONAL_DATA_RETENTION_DAYS)).toBe('3 年');
    expect(retentionPeriodText(400)).toBe('400 天');
    expect(MIN_RETENTION_DAYS).toBeLessThan(PERSONAL_DATA_RETENTION_DAYS);
  });
});
