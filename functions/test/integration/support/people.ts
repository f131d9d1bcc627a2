import type { Merchant, Roles } from '@fangxin/shared';
import { issueToken } from '../../../src/auth/token';
import { saveMerchant } from '../../../src/store/merchants';
import { saveUser } from '../../../src/store/users';
import { addShopMember } from '../../../src/store/registry';

/** Two shops in two towns, so every "someone else's resource" case has a someone else. */
export const SHOP_A: Merchant = {
  id: 'QHSHOPA001',
  name: '城关测试百货',
  type: 'enterprise',
  sector: 'retail',
  townCode: 'chengguan',
  townName: '城关镇',
  areaType: 'commercial',
  address: '清河县城关镇测试路1号',
  status: 'active',
  badge: { kind: 'participant' },
  commitments: [
    { kind: 'catalogue', code: 'three_guarantees' },
    { kind: 'catalogue', code: 'advance_compensation' },
  ],
  commitmentsSince: '2025-03-15',
  commitmentsVersion: 1,
  creditFlags: [],
};
export const SHOP_B: Merchant = { ...SHOP_A, id: 'QHSHOPB001', name: '龙泉测试饭店', sector: 'catering_lodging', townCode: 'longquan', townName: '龙泉镇' };

const PEOPLE: Record<string, { roles: Roles }> = {
  consumer: { roles: { merchantIds: [] } },
  otherConsumer: { roles: { merchantIds: [] } },
  ownerA: { roles: { merchantIds: [SHOP_A.id] } },
  clerkA: { roles: { merchantIds: [SHOP_A.id] } },
  ownerB: { roles: { merchantIds: [SHOP_B.id] } },
  regulatorChengguan: { roles: { merchantIds: [], staff: { role: 'regulator', jurisdiction: ['chengguan'] } } },
  regulatorLongquan: { roles: { merchantIds: [], staff: { role: 'regulator', jurisdiction: ['longquan'] } } },
  mediatorCounty: { roles: { merchantIds: [], staff: { role: 'mediator', jurisdiction: 'county' } } },
  adminCounty: { roles: { merchantIds: [], staff: { role: 'admin', jurisdiction: 'county' } } },
};
export type Person = keyof typeof PEOPLE;

export interface SignedIn {
  userId: string;
  token: string;
  principal: { userId: string; displayName: string; roles: Roles };
}

/**
 * Stores the two shops and the people, and signs each in with our own token issuer (the login route
 * itself is tested against the stand-in WeChat server in auth.test.ts).
 */
export async function setUpPeople(): Promise<Record<Person, SignedIn>> {
  await saveMerchant(SHOP_A);
  await saveMerchant(SHOP_B);
  const entries = await Promise.all(
    Object.entries(PEOPLE).map(async ([name, { roles }]) => {
      const principal = { userId: `u-test-${name}`, displayName: name, roles };
      // An openid as a WeChat sign-in would leave: content checks and notifications need one.
      await saveUser({ ...principal, openid: `o-test-${name}` });
      for (const merchantId of roles.merchantIds) {
        await addShopMember(merchantId, { userId: principal.userId, role: name.startsWith('owner') ? 'owner' : 'clerk', displayName: name, since: '2025-01-01T00:00:00.000Z' });
      }
      const { token } = await issueToken(principal, new Date());
      return [name, { userId: principal.userId, token, principal }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Person, SignedIn>;
}

/** A valid complaint body against shop A. */
export function complaintBody(overrides: Record<string, unknown> = {}) {
  return {
    merchantId: SHOP_A.id,
    category: 'quality',
    commitmentKey: 'three_guarantees',
    description: '电水壶使用两周后底座漏电，要求按三包规定更换。',
    purchaseDate: '2026-11-01',
    amount: '129.00',
    wantedOutcome: 'replace',
    phone: '13800138000',
    sharePhoneWithMerchant: false,
    privacyConsent: true,
    ...overrides,
  };
}

let keys = 0;
export const newIdempotencyKey = () => `test-key-${Date.now()}-${keys++}`;

/** A date `days` from today in China (YYYY-MM-DD): due dates must not be in the past, whatever day the suite runs. */
export const dueInDays = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** One more signed-in person with these roles (staff, or a member of the shops named), beyond the usual cast. */
export async function signInAnother(userId: string, roles: Roles, memberAs: 'owner' | 'clerk' = 'clerk'): Promise<SignedIn> {
  const principal = { userId, displayName: userId, roles };
  await saveUser({ ...principal, openid: `o-${userId}` });
  for (const merchantId of roles.merchantIds) await addShopMember(merchantId, { userId, role: memberAs, displayName: userId, since: '2025-01-01T00:00:00.000Z' });
  return { userId, token: (await issueToken(principal, new Date())).token, principal };
}
