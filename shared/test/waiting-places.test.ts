import {
  COMPLAINT_STATUSES,
  EXPIRING_PLACES,
  MERCHANT_TURN,
  RULES,
  TERMINAL_STATUSES,
  WAITING_PLACES,
  WITH_BUREAU,
  WITH_SHOP,
  waitingPlaceOf,
} from '../src/domain/lifecycle';

/** The groupings the store's indexes and the sweeper use are derived from the lifecycle; these pin what they mean. */
describe('where a complaint waits', () => {
  it('every open status waits in exactly one place, and closed ones nowhere', () => {
    for (const status of COMPLAINT_STATUSES) {
      const place = waitingPlaceOf(status);
      if (TERMINAL_STATUSES.has(status)) expect(place).toBeUndefined();
      else expect(WAITING_PLACES).toContain(place);
    }
  });

  it('the in-shop place holds the merchant’s turn and the consumer weighing a proposal', () => {
    expect(COMPLAINT_STATUSES.filter((s) => waitingPlaceOf(s) === 'inshop')).toEqual(['submitted', 'merchant_handling', 'settlement_proposed']);
    expect(WITH_SHOP).toEqual([...MERCHANT_TURN, 'settlement_proposed']);
  });

  it('each bureau stage is its own place', () => {
    for (const stage of WITH_BUREAU) expect(waitingPlaceOf(stage)).toBe(stage);
  });

  it('the merchant may act exactly in its turn', () => {
    for (const command of ['reply', 'propose', 'decline'] as const) expect(RULES[command].from).toEqual(MERCHANT_TURN);
  });

  it('the sweeper visits the places where a deadline can expire, and not the accept decision queue', () => {
    expect(EXPIRING_PLACES).toEqual(['inshop', 'accepted', 'mediating']);
    for (const status of RULES.expire.from) expect(EXPIRING_PLACES).toContain(waitingPlaceOf(status));
  });
});
