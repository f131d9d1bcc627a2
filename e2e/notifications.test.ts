import type { NotificationProblemPage } from '@fangxin/shared';
import { DEMO_SHOP_ID } from '../scripts/demo/demo-merchants';
import { browserForThisFile, h5Url, phonePage, screenshot } from './support/browser';
import { fileComplaint, signIn, textOf, visible } from './support/journey';
import { until } from './support/wait';
import { messagesAbout, refuseSubscriber, resetWeChatStandIn } from './support/wechat-stand-in';

/**
 * Notifications end to end: a complaint filed in the app reaches the shop's people as WeChat subscribe
 * messages through the real stream path (DynamoDB Local's stream → the outbox stream function → the
 * stand-in WeChat server); when the shop has no subscription left, the bureau's follow-up page says so.
 */
const browser = browserForThisFile();

// The second test makes the stand-in refuse the shop's people; later files expect them reachable.
afterAll(resetWeChatStandIn);

const SHOP_PEOPLE = ['demo-openid-merchant_clerk', 'demo-openid-merchant_owner'];

describe('notifications (H5 build, local product with the stream runner, headless Chromium)', () => {
  it('a new complaint reaches the shop owner and clerk as subscribe messages that open it in the merchant workbench', async () => {
    const consumer = await phonePage(browser());
    await signIn(consumer, 'consumer');
    const id = await fileComplaint(consumer, '在贵店购买的保温杯不保温，按承诺要求更换，谢谢。');

    const messages = await until(`two messages about ${id}`, () => messagesAbout(id), (found) => found.length >= 2);
    expect(messages.map((m) => m.touser).sort()).toEqual(SHOP_PEOPLE);
    for (const message of messages) {
      expect(message.page).toBe(`merchant/pages/handle/index?id=${id}`);
      expect(message.data.character_string1?.value).toBe(id);
      expect(message.data.thing2?.value).toBe('清河县城关百货商场有限公司');
      expect(message.data.phrase3?.value).toBe('新投诉');
    }
    await consumer.context().close();
  });

  it('when the shop has no subscription left, the bureau’s follow-up page shows 商家未订阅通知 with the shop', async () => {
    for (const openid of SHOP_PEOPLE) await refuseSubscriber(openid);
    const consumer = await phonePage(browser());
    await signIn(consumer, 'consumer2');
    const id = await fileComplaint(consumer, '在贵店购买的电饭煲内胆涂层脱落，要求退货退款。');
    await consumer.context().close();

    const staff = await phonePage(browser());
    await signIn(staff, 'admin');
    await visible(staff, '.entry-staff-workbench').click();
    // The page's own request carries the staff member's token: the test asks the same question with it
    // until the stream has delivered (and failed), then looks at the page once.
    const [listRequest] = await Promise.all([
      staff.waitForRequest((request) => new URL(request.url()).pathname === '/api/staff/notifications/problems'),
      visible(staff, '.entry-notification-problems').click(),
    ]);
    const authorization = listRequest.headers().authorization!;
    const problems = await until(
      `a notification problem about ${id}`,
      async () => {
        const response = await fetch(`${h5Url()}/api/staff/notifications/problems?limit=20`, { headers: { authorization } });
        return ((await response.json()) as NotificationProblemPage).items.filter((problem) => problem.complaintId === id);
      },
      (found) => found.length > 0,
    );
    expect(problems).toEqual([
      expect.objectContaining({ merchantId: DEMO_SHOP_ID, recipientLabel: '商家', headline: '新投诉', reason: expect.stringContaining('商家未订阅通知') }),
    ]);

    // This complaint's row (other journeys may have left newer problems above it).
    await staff.reload();
    const row = `.problem-item-${id}`;
    await visible(staff, row).waitFor({ timeout: 20_000 });
    expect(await textOf(staff, `${row} .problem-item-reason`)).toContain('商家未订阅通知');
    expect(await textOf(staff, `${row} .problem-item-shop`)).toBe('清河县城关百货商场有限公司');
    expect(await messagesAbout(id)).toEqual([]);
    await screenshot(staff, 'notification-problems');
    await visible(staff, `${row} .open-problem-case`).click();
    await staff.waitForURL(new RegExp(`admin/pages/case/index\\?id=${id}`), { timeout: 20_000 });
    await staff.context().close();
  });
});
