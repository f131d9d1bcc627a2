import type { DemoPersona } from '@fangxin/shared';
import { DEMO_MERCHANTS, DEMO_SHOP_ID } from './demo-merchants';
import { DEMO_PEOPLE, DEMO_STATION } from './demo-people';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Writes the demo data through the production store and use cases (the same code the handlers run):
 * merchants, the demo people, and complaints in several states — one of them overdue, so the sweeper
 * has something to move. Imported lazily so the caller sets the local environment first.
 */
export async function seedDemoData(): Promise<{ merchants: number; people: number; complaints: number }> {
  const { saveUser } = await import('../../functions/src/store/users');
  const { userIdFor } = await import('../../functions/src/auth/user-id');
  const { demoOpenid } = await import('../../functions/src/use-cases/sign-in');
  const { weChatConfig } = await import('../../functions/src/config');
  const { fileComplaint } = await import('../../functions/src/use-cases/file-complaint');
  const { sendCommand } = await import('../../functions/src/use-cases/send-command');

  const now = Date.now();
  const { saveRegistryChange } = await import('../../functions/src/store/registry');
  for (const merchant of DEMO_MERCHANTS) {
    // Through the registry write, so active shops are listed in the directory as approval would list them.
    await saveRegistryChange({
      before: undefined,
      after: merchant,
      ...(merchant.status === 'active' ? { directory: 'publish' as const } : {}),
      commitmentsVersion: { editedBy: 'demo-seed' },
    });
  }

  const principal = (persona: Exclude<DemoPersona, 'admin'>) => ({
    userId: userIdFor(weChatConfig().appId, demoOpenid(persona)),
    displayName: DEMO_PEOPLE[persona].displayName,
    roles: DEMO_PEOPLE[persona].roles,
  });
  const { addShopMember } = await import('../../functions/src/store/registry');
  for (const persona of Object.keys(DEMO_PEOPLE) as Array<keyof typeof DEMO_PEOPLE>) {
    const { userId, displayName, roles } = principal(persona);
    await saveUser({ userId, displayName, roles, openid: demoOpenid(persona) });
    for (const merchantId of roles.merchantIds) {
      await addShopMember(merchantId, { userId, displayName, role: persona === 'merchant_owner' ? 'owner' : 'clerk', since: new Date(now - 200 * DAY).toISOString() });
    }
  }

  const consumer = principal('consumer');
  const owner = principal('merchant_owner');
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const base = {
    merchantId: DEMO_SHOP_ID,
    purchaseDate: new Date(now - 20 * DAY).toISOString().slice(0, 10),
    photos: [],
    sharePhoneWithMerchant: false,
    privacyConsent: true as const,
  };

  // 1. Waiting for the shop's first reply.
  await fileComplaint(
    { ...base, category: 'quality', commitmentKey: 'three_guarantees', description: '购买的电水壶使用两周后底座漏电，跳闸两次，要求按三包规定更换。', amount: '129.00', wantedOutcome: 'replace', phone: '13800138000' },
    consumer,
    'demo-seed-complaint-1',
    at(0),
  );
  // 2. The shop has proposed a settlement; the consumer should answer.
  const second = await fileComplaint(
    { ...base, category: 'price', commitmentKey: 'price_marking', description: '货架标价 39.9 元的洗衣液，结账时收了 49.9 元，店员说价签没更新。', amount: '10.00', wantedOutcome: 'refund' },
    consumer,
    'demo-seed-complaint-2',
    at(1),
  );
  await sendCommand(
    second.id,
    { version: second.version, command: { type: 'propose', proposal: { outcome: 'refund', amount: '10.00', dueDate: at(-1).toISOString().slice(0, 10), text: '核实属实，退还差价 10 元，并按先行赔付承诺另赠 10 元购物券。' } } },
    owner,
    at(1),
  );
  // 3. Filed days ago and never answered: overdue, the sweeper escalates it.
  await fileComplaint(
    { ...base, category: 'service', commitmentKey: 'first_inquiry', description: '在服务台咨询退货，被三个柜台互相推诿，来回跑了一个小时也没人处理。', wantedOutcome: 'apology' },
    consumer,
    'demo-seed-complaint-3',
    at(5),
  );
  await seedCampaign(new Date(now));
  await seedStation(principal('station'), new Date(now));
  return { merchants: DEMO_MERCHANTS.length, people: Object.keys(DEMO_PEOPLE).length, complaints: 3 };
}

/**
 * This year's awareness quiz (ten questions across the laws, eight right to pass) and satisfaction survey, as
 * the office would publish them, so the home page's 维权知识 entries open something. Published through the
 * use cases as a county admin of the demo.
 */
async function seedCampaign(now: Date): Promise<void> {
  const { publishQuiz } = await import('../../functions/src/use-cases/quiz');
  const { publishSurvey } = await import('../../functions/src/use-cases/survey');
  const { QUIZ_BANK, QUIZ_LAWS, SURVEY_BANK, campaignPeriodOf } = await import('@fangxin/shared');
  const admin = { userId: 'demo-seed-office', displayName: '联席会议办公室', roles: { merchantIds: [], staff: { role: 'admin' as const, jurisdiction: 'county' as const } } };
  // Two questions from each law, in the bank's order.
  const questionIds = (Object.keys(QUIZ_LAWS) as Array<keyof typeof QUIZ_LAWS>).flatMap((law) => QUIZ_BANK.filter((question) => question.law === law).slice(0, 2).map((question) => question.id)).slice(0, 10);
  const period = campaignPeriodOf(now);
  await publishQuiz(period, { questionIds, passMark: 8 }, admin, now);
  await publishSurvey(period, { questionIds: SURVEY_BANK.slice(0, 5).map((question) => question.id) }, admin, now);
}

/**
 * The demo complaint station, registered by the office, and the `station` persona joined to it with a binding
 * code — through the use cases, as an admin and the station's staff would do it in the app.
 */
async function seedStation(staff: { userId: string; displayName: string; roles: { merchantIds: string[] } }, now: Date): Promise<void> {
  const { registerStation, inviteStationStaff, redeemStationCode } = await import('../../functions/src/use-cases/stations');
  const admin = { userId: 'demo-seed-office', displayName: '联席会议办公室', roles: { merchantIds: [], staff: { role: 'admin' as const, jurisdiction: 'county' as const } } };
  const station = await registerStation({ ...DEMO_STATION }, admin, 'demo-seed-station-1', now);
  const { code } = await inviteStationStaff(station.id, admin, 'demo-seed-station-invite-1', now);
  await redeemStationCode(code, staff, now);
}
