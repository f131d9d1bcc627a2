import { ConfigError } from '../../src/config';
import { RATE_LIMITS, rateLimitOverrides } from '../../src/rate-limit-config';

/** FANGXIN_RATE_LIMITS: a deployment changes a limit's number, never its window, and a typo is refused loudly. */
describe('rate limit configuration', () => {
  it('is empty when unset or blank: the documented defaults apply', () => {
    expect(rateLimitOverrides({})).toEqual({});
    expect(rateLimitOverrides({ FANGXIN_RATE_LIMITS: '  ' })).toEqual({});
    expect(RATE_LIMITS.filingPerPerson.limit).toBe(5);
  });

  it('reads positive whole numbers for known limits', () => {
    expect(rateLimitOverrides({ FANGXIN_RATE_LIMITS: '{"filingPerPerson":10,"filingPerShop":300}' })).toEqual({ filingPerPerson: 10, filingPerShop: 300 });
  });

  it.each([
    ['not JSON', 'filingPerPerson=10', /must be JSON/],
    ['a list', '[10]', /JSON object/],
    ['an unknown limit', '{"filingPerPersn":10}', /unknown limit: filingPerPersn/],
    ['zero', '{"filingPerPerson":0}', /positive integer/],
    ['a fraction', '{"filingPerPerson":2.5}', /positive integer/],
    ['a string', '{"filingPerPerson":"10"}', /positive integer/],
  ])('refuses %s with a ConfigError naming the variable', (_name, value, message) => {
    expect(() => rateLimitOverrides({ FANGXIN_RATE_LIMITS: value })).toThrow(ConfigError);
    expect(() => rateLimitOverrides({ FANGXIN_RATE_LIMITS: value })).toThrow(message);
  });
});
