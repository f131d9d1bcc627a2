import type { Browser } from 'playwright-core';
import { launchBrowser, phonePage, screenshot } from './support/browser';
import { fileComplaint, signIn, textOf, visible } from './support/journey';

/**
 * Notifications end to end: a complaint filed in the app reaches the shop's people as WeChat subscribe
 * messages through the real stream path (DynamoDB Local's stream → the outbox stream function → the
 * stand-in WeChat server); when the shop has no subscription left, the bureau's follow-up page says so.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const weChat = () => process.env.FANGXIN_E2E_WECHAT_URL!;
type Message = { touser: string; page?: string; data: Record<string, { value: string }> };
const messagesAbout = async (complaintId: string): Promise<Message[]> =>
  ((await (await fetch(`${weChat()}/__control/messages`)).json()) as Message[]).filter((m) => m.data.character_string1?.value === complaintId);

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('notifications (H5 build, local product with the stream runner, headless Chromium)', () => {
  it('a new complaint reaches the shop owner and clerk as subscribe messages that open it in the merchant workbench', async () => {
    const consumer = await phonePage(browser);
    await signIn(consumer, 'consumer');
    const id = await fileComplaint(consumer, '在贵店购买的保温杯不保温，按承诺要求更换，谢谢。');

    const messages = await eventually(() => messagesAbout(id), (found) => found.length >= 2);
    expect(messages.map((m) => m.touser).sort()).toEqual(['demo-openid-merchant_clerk', 'demo-openid-merchant_owner']);
    for (const message of messages) {
      expect(message.page).toBe(`merchant/pages/handle/index?id=${id}`);
      expect(message.data.phrase3?.value).toBe('新投诉');
      expect(message.data.thing2?.value.length).toBeGreaterThan(0);
    }
    await consumer.context().close();
  });

  it('when the shop has no subscription left, the bureau’s follow-up page shows 商家未订阅通知 with the shop', async () => {
    for (const openid of ['demo-openid-merchant_owner', 'demo-openid-merchant_clerk']) {
      await fetch(`${weChat()}/__control/refuse-subscriber`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
    }
    const consumer = await phonePage(browser);
    await signIn(consumer, 'consumer2');
    const id = await fileComplaint(consumer, '在贵店购买的电饭煲内胆涂层脱落，要求退货退款。');
    await consumer.context().close();

    const staff = await phonePage(browser);
    await signIn(staff, 'admin');
    await visible(staff, '.entry-staff-workbench').click();
    await visible(staff, '.entry-notification-problems').click();
    // The stream delivers within seconds; the page is reloaded until the failure is listed.
    const row = await eventually(
      async () => {
        await staff.reload();
        await staff.locator('.problem-item >> visible=true').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        return staff.locator('.problem-item >> visible=true').count();
      },
      (count) => count > 0,
    );
    expect(row).toBeGreaterThan(0);
    expect(await textOf(staff, '.problem-item-reason')).toContain('商家未订阅通知');
    expect(await textOf(staff, '.problem-item-shop')).toContain('城关');
    expect(await messagesAbout(id)).toHaveLength(0);
    await screenshot(staff, 'notification-problems');
    await visible(staff, '.open-problem-case').click();
    await staff.waitForURL(new RegExp(`admin/pages/case/index\\?id=${id}`), { timeout: 20_000 });
    await staff.context().close();
  });
});
