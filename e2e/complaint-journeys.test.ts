import { DEMO_SHOP_ID } from '../scripts/demo/demo-merchants';
import { browserForThisFile, h5Url, phonePage, screenshot } from './support/browser';
import { fileComplaint, signIn, statusIs, textOf, visible } from './support/journey';

const browser = browserForThisFile();

describe('the complaint lifecycle in the mini-program (H5 build, local API, headless Chromium)', () => {
  it('checks the form field by field with the server’s rules before sending anything', async () => {
    const page = await phonePage(browser());
    await signIn(page, 'consumer2');
    let filings = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/complaints') filings++;
    });
    await page.goto(`${h5Url()}/#/pages/merchant/index?id=${DEMO_SHOP_ID}`);
    await visible(page, '.file-complaint').click();
    await visible(page, '.complaint-form').waitFor({ timeout: 20_000 });
    await visible(page, '.submit-complaint').click();
    // The whole form is checked in one go: once the first field's message shows, all of them do.
    await visible(page, '.field-category .field-error').waitFor({ timeout: 20_000 });
    const errors = await page.locator('.complaint-form .field-error >> visible=true').allInnerTexts();
    expect(errors).toEqual([
      '请选择投诉类别',
      '问题描述至少 10 个字',
      '请选择购买日期',
      '请选择您的诉求',
      '请阅读并同意《个人信息保护说明》后再提交',
    ]);
    expect(filings).toBe(0);
    await screenshot(page, 'complaint-form-errors');
    await page.context().close();
  });

  it('consumer files with a photo → merchant proposes → consumer accepts and rates', async () => {
    const consumer = await phonePage(browser());
    await signIn(consumer, 'consumer');
    const id = await fileComplaint(consumer, '昨天在贵店购买的电水壶，使用一次后底座漏电跳闸，要求更换新品。', 'complaint-form-filled');
    expect(await consumer.locator('.complaint-photo >> visible=true').count()).toBe(1);
    expect(await textOf(consumer, '.complaint-deadline')).toMatch(/商家须在 .+前答复/);
    expect(await consumer.locator('.timeline-entry >> visible=true').count()).toBe(1);
    await screenshot(consumer, 'complaint-filed');

    const merchant = await phonePage(browser());
    await signIn(merchant, 'merchant_owner');
    await visible(merchant, '.entry-merchant-workbench').click();
    await visible(merchant, '.queue-item').waitFor({ timeout: 20_000 });
    await screenshot(merchant, 'merchant-queue');
    await merchant.goto(`${h5Url()}/#/merchant/pages/handle/index?id=${id}`);
    await visible(merchant, '.action-propose').click();
    await visible(merchant, '.action-form .option-replace').click();
    await visible(merchant, '.field-due-date .option-tomorrow').click();
    await visible(merchant, '.action-form .field-text textarea').fill('请您带上水壶和小票到店，我们当场为您更换同款新品。');
    await visible(merchant, '.submit-action').click();
    await statusIs(merchant, '商家已提出和解方案');
    await screenshot(merchant, 'merchant-proposed');

    await consumer.goto(`${h5Url()}/#/pages/complaint/index?id=${id}`);
    await statusIs(consumer, '商家已提出和解方案');
    expect(await textOf(consumer, '.complaint-proposal')).toContain('更换');
    await visible(consumer, '.action-accept_proposal').click();
    await visible(consumer, '.confirm-action').click();
    await statusIs(consumer, '店内和解');
    await visible(consumer, '.action-rate').click();
    await visible(consumer, '.rating-satisfied').click();
    await visible(consumer, '.field-comment textarea').fill('处理及时，态度很好。');
    await visible(consumer, '.confirm-action').click();
    await visible(consumer, '.complaint-rating').waitFor({ timeout: 20_000 });
    const titles = await consumer.locator('.timeline-title >> visible=true').allInnerTexts();
    expect(titles).toEqual(expect.arrayContaining(['提交投诉', '商家提出和解方案', '消费者接受和解方案', '消费者评价']));
    expect(await consumer.locator('.action-rate >> visible=true').count()).toBe(0);
    await screenshot(consumer, 'complaint-settled-and-rated');
    await consumer.context().close();
    await merchant.context().close();
  });

  it('a second complaint is escalated, and a staff member accepts it and closes it as mediated', async () => {
    const consumer = await phonePage(browser());
    await signIn(consumer, 'consumer');
    const id = await fileComplaint(consumer, '在贵店办理的预付卡，店家重新开业后拒绝继续使用余额。');

    const merchant = await phonePage(browser());
    await signIn(merchant, 'merchant_owner');
    await merchant.goto(`${h5Url()}/#/merchant/pages/handle/index?id=${id}`);
    await visible(merchant, '.action-decline').click();
    await visible(merchant, '.action-form .field-text textarea').fill('该预付卡为前任经营者发行，本店不承担。');
    await visible(merchant, '.submit-action').click();
    await statusIs(merchant, '已申请监管部门介入');

    const staff = await phonePage(browser());
    await signIn(staff, 'regulator');
    await visible(staff, '.entry-staff-workbench').click();
    await visible(staff, '.queue-item').waitFor({ timeout: 20_000 });
    await screenshot(staff, 'staff-triage');
    await staff.goto(`${h5Url()}/#/admin/pages/case/index?id=${id}`);
    await statusIs(staff, '已申请监管部门介入');
    await visible(staff, '.action-note').click();
    await visible(staff, '.action-form .field-text textarea').fill('已电话核实，商家系转让经营。');
    await visible(staff, '.submit-action').click();
    await staff.locator('.timeline-entry--internal >> visible=true').first().waitFor({ timeout: 20_000 });
    await visible(staff, '.action-accept').click();
    await visible(staff, '.submit-action').click();
    await statusIs(staff, '监管部门已受理');
    await visible(staff, '.action-record_mediation').click();
    await visible(staff, '.action-form .option-both').click();
    await visible(staff, '.action-form .field-text textarea').fill('电话联系双方，商家同意按余额的八成退款。');
    await visible(staff, '.submit-action').click();
    await statusIs(staff, '调解中');
    await visible(staff, '.action-close_mediated').click();
    await visible(staff, '.action-form .field-text textarea').fill('商家于三日内退还预付卡余额的80%，共计400元。');
    await visible(staff, '.submit-action').click();
    await statusIs(staff, '调解成功');
    await screenshot(staff, 'staff-mediated');

    await consumer.goto(`${h5Url()}/#/pages/complaint/index?id=${id}`);
    await statusIs(consumer, '调解成功');
    // The internal note stays with the staff.
    expect(await consumer.locator('.timeline-entry--internal >> visible=true').count()).toBe(0);
    expect(await consumer.locator('body').innerText()).not.toContain('已电话核实');
    expect(await consumer.locator('.action-rate >> visible=true').count()).toBe(1);
    await screenshot(consumer, 'complaint-mediated-consumer-view');
    for (const page of [consumer, merchant, staff]) await page.context().close();
  });
});
