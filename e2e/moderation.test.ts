import type { Page } from 'playwright-core';
import { browserForThisFile, h5Url, phonePage, screenshot } from './support/browser';
import { fileComplaint, signIn, statusIs, textOf, visible } from './support/journey';

/**
 * Content security end to end: a description the stand-in WeChat server finds risky (its word 「代开发票」)
 * is filed all the same, but held: the shop sees a placeholder, the consumer their own words with a note,
 * the bureau the text in its review queue. Once a reviewer releases it, the shop sees the words.
 */
const browser = browserForThisFile();

const RISKY_WORD = '代开发票';
const PLACEHOLDER = '该内容正在审核，审核通过后显示';

/** The page's visible text, for "this word appears nowhere on the screen". */
const pageText = (page: Page) => page.locator('body').innerText();

describe('content security (H5 build, local product with the stand-in msgSecCheck, headless Chromium)', () => {
  it('a risky description is held from the shop until a reviewer releases it in 内容审核', async () => {
    const description = `在贵店购买的保温杯不保温，店员还说可以${RISKY_WORD}抵扣差价，要求按承诺更换新品。`;

    const consumer = await phonePage(browser());
    await signIn(consumer, 'consumer');
    const id = await fileComplaint(consumer, description);
    // The author reads their own words, with a calm note that the shop cannot see them yet.
    expect(await textOf(consumer, '.complaint-description-text')).toBe(description);
    expect(await textOf(consumer, '.complaint-description .moderation-note')).toBe('审核中：对方暂时看不到这段文字');
    await screenshot(consumer, 'moderation-consumer-note');

    const merchant = await phonePage(browser());
    await signIn(merchant, 'merchant_owner');
    await merchant.goto(`${h5Url()}/#/merchant/pages/handle/index?id=${id}`);
    await statusIs(merchant, '待商家答复');
    expect(await textOf(merchant, '.complaint-description-text')).toBe(PLACEHOLDER);
    // The placeholder says it all: no second note, and the word is nowhere on the shop's screen.
    expect(await merchant.locator('.complaint-description .moderation-note >> visible=true').count()).toBe(0);
    expect(await pageText(merchant)).not.toContain(RISKY_WORD);
    await screenshot(merchant, 'moderation-merchant-placeholder');

    const staff = await phonePage(browser());
    await signIn(staff, 'admin');
    // On the case page staff read the words with the state and WeChat's label.
    await staff.goto(`${h5Url()}/#/admin/pages/case/index?id=${id}`);
    await statusIs(staff, '待商家答复');
    expect(await textOf(staff, '.complaint-description-text')).toBe(description);
    const staffNote = await textOf(staff, '.complaint-description .moderation-note');
    expect(staffNote).toContain('待人工审核');
    expect(staffNote).toContain('违法犯罪');
    await screenshot(staff, 'moderation-staff-case');

    // Then the way a reviewer goes: home → 监管工作台 → 内容审核.
    await staff.goto(`${h5Url()}/#/pages/index/index`);
    await visible(staff, '.entry-staff-workbench').click();
    await visible(staff, '.entry-moderation').click();
    const item = staff.locator('.moderation-item >> visible=true').filter({ hasText: description }).first();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.locator('.moderation-item-shop').innerText()).toContain('城关');
    expect(await item.locator('.moderation-item-author').innerText()).toContain('消费者');
    expect(await item.locator('.moderation-item-reason').innerText()).toContain('违法犯罪');
    expect(await item.locator('.moderation-item-text').innerText()).toBe(description);
    await screenshot(staff, 'moderation-queue');

    // A colleague has the same queue open: whoever decides second is told so, and sees the list as it is now.
    const colleague = await phonePage(browser());
    await signIn(colleague, 'regulator');
    await colleague.goto(`${h5Url()}/#/admin/pages/moderation/index`);
    const stale = colleague.locator('.moderation-item >> visible=true').filter({ hasText: description }).first();
    await stale.waitFor({ timeout: 20_000 });

    await item.locator('.release-text').click();
    await visible(staff, '.moderation-dialog--release .confirm-action').click();
    await item.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await staff.locator('.moderation-item >> visible=true').filter({ hasText: description }).count()).toBe(0);
    await screenshot(staff, 'moderation-released');

    await stale.locator('.block-text').click();
    await visible(colleague, '.moderation-dialog--block .confirm-action').click();
    await visible(colleague, '.page-notice--error').waitFor({ timeout: 20_000 });
    expect(await textOf(colleague, '.page-notice--error')).toContain('已放行，不能重复审核');
    await stale.waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(colleague, 'moderation-decided-elsewhere');
    await colleague.context().close();

    // Released: the shop now reads the consumer's words, with no note.
    await merchant.reload();
    await statusIs(merchant, '待商家答复');
    expect(await textOf(merchant, '.complaint-description-text')).toBe(description);
    expect(await merchant.locator('.complaint-description .moderation-note >> visible=true').count()).toBe(0);
    await screenshot(merchant, 'moderation-merchant-released');

    await consumer.context().close();
    await merchant.context().close();
    await staff.context().close();
  }, 120_000);
});
