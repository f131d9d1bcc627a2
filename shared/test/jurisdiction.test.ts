import fc from 'fast-check';
import { coversTown, isCountyAdmin, STAFF_ROLES } from '../src/domain/jurisdiction';
import { relationOf } from '../src/domain/lifecycle';

describe('staff jurisdiction (the one rule every staff check uses)', () => {
  it('county-wide staff reach every town, and items with no town at all', () => {
    expect(coversTown('county', '330101')).toBe(true);
    expect(coversTown('county', undefined)).toBe(true);
  });

  it('town staff reach exactly their own towns', () => {
    expect(coversTown(['330101', '330102'], '330102')).toBe(true);
    expect(coversTown(['330101'], '330102')).toBe(false);
    // A town code is matched whole, never as a prefix of another.
    expect(coversTown(['3301'], '330101')).toBe(false);
  });

  it('town staff never reach something that cannot be placed in a town', () => {
    expect(coversTown(['330101'], undefined)).toBe(false);
  });

  it('agrees with how the lifecycle relates staff to a complaint', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }), fc.constantFrom('a', 'b', 'c', 'd'), (towns, town) => {
        const actor = { kind: 'staff' as const, userId: 'u', role: 'regulator' as const, jurisdiction: towns };
        const related = relationOf(actor, { consumerId: 'c', merchantId: 'm', townCode: town }) === 'staff';
        expect(related).toBe(coversTown(towns, town));
      }),
    );
  });

  it('only an admin with the whole county is a county admin', () => {
    expect(isCountyAdmin({ role: 'admin', jurisdiction: 'county' })).toBe(true);
    expect(isCountyAdmin({ role: 'admin', jurisdiction: ['330101'] })).toBe(false);
    for (const role of STAFF_ROLES.filter((r) => r !== 'admin')) expect(isCountyAdmin({ role, jurisdiction: 'county' })).toBe(false);
    expect(isCountyAdmin(undefined)).toBe(false);
  });
});
