import { addDays, weekdayOfIsoDate, type CalendarOverview, type CalendarYearView } from '@fangxin/shared';
import { readFileSync } from 'node:fs';
import { browserForThisFile, h5Url, phonePage, screenshot } from './support/browser';
import { fileComplaint, signIn, statusIs, textOf, visible } from './support/journey';

/**
 * The rules in force, end to end: the holiday calendar the statutory clocks count on is the county's data
 * (its admins are warned while next year is missing, and enter it from the State Council's notice), and a
 * refusal on a ground of Order 121 reaches the consumer as a written notice.
 */
const browser = browserForThisFile();

const CALENDAR_PATH = '/api/staff/settings/calendar';
const WEEKEND = new Set([0, 6]);

/** 「1月9日」, the way the notice (and the calendar page) writes a date of the year being entered. */
const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The first day after `date` that is (or is not) a Saturday or Sunday. */
function nextDay(date: string, weekend: boolean): string {
  let day = addDays(date, 1);
  while (WEEKEND.has(weekdayOfIsoDate(day)) !== weekend) day = addDays(day, 1);
  return day;
}

describe('rules in force (H5 build, local product, headless Chromium)', () => {
  it('the admin banner appears when next year is unknown and disappears after entry', async () => {
    const admin = await phonePage(browser());
    await signIn(admin, 'admin');
    // The workbench asks the server whether the calendar covers the year ahead; the test reads the same
    // answer (the product runs on the real clock, so the year is the server's to name, not the test's).
    const [first] = await Promise.all([
      admin.waitForResponse((response) => new URL(response.url()).pathname === CALENDAR_PATH),
      visible(admin, '.entry-staff-workbench').click(),
    ]);
    const { coverage } = (await first.json()) as CalendarOverview;
    if (!coverage.warn) {
      // Before 1 November, with this year's holidays known, there is nothing to warn about.
      await visible(admin, '.staff-entries').waitFor({ timeout: 20_000 });
      expect(await admin.locator('.calendar-coverage-banner >> visible=true').count()).toBe(0);
      return;
    }
    const year = coverage.currentYearKnown ? coverage.nextYear : coverage.currentYear;
    await visible(admin, '.calendar-coverage-banner').waitFor({ timeout: 20_000 });
    expect(await textOf(admin, '.calendar-coverage-banner')).toContain(`尚未录入${year}年节假日安排`);
    await screenshot(admin, 'calendar-coverage-banner');

    let sent = 0;
    admin.on('request', (request) => {
      if (request.method() === 'PUT' && new URL(request.url()).pathname === `${CALENDAR_PATH}/${year}`) sent++;
    });
    await visible(admin, '.calendar-coverage-enter').click();
    await admin.waitForURL(new RegExp(`admin/pages/calendar/index\\?year=${year}`), { timeout: 20_000 });
    // Nobody has entered the year: the form opens with the seven festivals, dates blank.
    await visible(admin, '.calendar-editor .festival-row--national').waitFor({ timeout: 20_000 });
    expect(await textOf(admin, '.calendar-year-' + year)).toContain('未公布');

    // A test schedule shaped like a real notice: 元旦 1–3 January and 春节 a week in February, each with
    // one 调休 day on the weekend after it. The other festivals' rows are removed.
    for (const code of ['qingming', 'labour', 'dragon_boat', 'mid_autumn', 'national']) {
      await visible(admin, `.festival-row--${code} .remove-festival`).click();
    }
    const newYearEnd = `${year}-01-03`;
    const springStart = `${year}-02-10`;
    const springEnd = `${year}-02-16`;
    await visible(admin, '.festival-row--new_year .field-festival-from input').fill('1月1日');
    await visible(admin, '.festival-row--new_year .field-festival-to input').fill('3日');
    // First a weekday as the make-up day: the page says what is wrong before anything is sent.
    const weekday = nextDay(newYearEnd, false);
    await visible(admin, '.festival-row--new_year .field-festival-makeup input').fill(monthDay(weekday));
    await visible(admin, '.festival-row--spring .field-festival-from input').fill(monthDay(springStart));
    await visible(admin, '.festival-row--spring .field-festival-to input').fill(monthDay(springEnd));
    await visible(admin, '.festival-row--spring .field-festival-makeup input').fill(monthDay(nextDay(springEnd, true)));
    await visible(admin, '.save-calendar').click();
    await visible(admin, '.festival-row--new_year .festival-row-problem').waitFor({ timeout: 20_000 });
    expect(await textOf(admin, '.festival-row--new_year .festival-row-problem')).toContain(`调休上班日应为周六或周日，${weekday}`);
    expect(await textOf(admin, '.field-source-published .field-error')).toBe('请选择通知发布日期');
    expect(sent).toBe(0);
    await screenshot(admin, 'calendar-entry-problems');

    const makeUp = nextDay(newYearEnd, true);
    await visible(admin, '.festival-row--new_year .field-festival-makeup input').fill(monthDay(makeUp));
    await visible(admin, '.field-source-published .option-today').click();
    await admin.waitForFunction(() => document.querySelectorAll('.festival-row-problem').length === 0, null, { timeout: 20_000 });
    expect(await textOf(admin, '.festival-row--new_year .festival-row-summary')).toContain(`放假 3 天：1月1日`);
    const [saved] = await Promise.all([
      admin.waitForResponse((response) => response.request().method() === 'PUT' && new URL(response.url()).pathname === `${CALENDAR_PATH}/${year}`),
      visible(admin, '.save-calendar').click(),
    ]);
    expect(saved.status()).toBe(200);
    const entered = (await saved.json()) as CalendarYearView;
    expect(entered).toMatchObject({ year, origin: 'staff', version: 1 });
    expect(entered.holidays.map((day) => day.date)).toEqual([
      `${year}-01-01`,
      `${year}-01-02`,
      `${year}-01-03`,
      ...Array.from({ length: 7 }, (_, index) => addDays(springStart, index)),
    ]);
    expect(entered.makeUpWorkdays).toEqual([
      { date: makeUp, name: '元旦' },
      { date: nextDay(springEnd, true), name: '春节' },
    ]);
    await visible(admin, '.page-notice--success').waitFor({ timeout: 20_000 });
    await admin.waitForFunction(
      (wanted) => [...document.querySelectorAll<HTMLElement>(`.calendar-year-${wanted}`)].some((node) => node.offsetParent !== null && node.innerText.includes('已录入')),
      year,
      { timeout: 20_000 },
    );
    await screenshot(admin, 'calendar-entered');

    // Back on the workbench, which reads the coverage again when it is shown: the warning has gone.
    const [again] = await Promise.all([
      admin.waitForResponse((response) => new URL(response.url()).pathname === CALENDAR_PATH),
      admin.goBack(),
    ]);
    expect(((await again.json()) as CalendarOverview).coverage.warn).toBe(false);
    await admin.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('.staff-entries')].some((node) => node.offsetParent !== null) &&
        ![...document.querySelectorAll<HTMLElement>('.calendar-coverage-banner')].some((node) => node.offsetParent !== null),
      null,
      { timeout: 20_000 },
    );
    await screenshot(admin, 'calendar-banner-gone');
    await admin.context().close();
  }, 90_000);

  it('a refusal notice opens for the consumer with the Art. 16 ground', async () => {
    const consumer = await phonePage(browser());
    await signIn(consumer, 'consumer');
    const id = await fileComplaint(consumer, '在贵店购买的羽绒服第一次穿就开线，要求退货退款。');

    const merchant = await phonePage(browser());
    await signIn(merchant, 'merchant_owner');
    await merchant.goto(`${h5Url()}/#/merchant/pages/handle/index?id=${id}`);
    await visible(merchant, '.action-decline').click();
    await visible(merchant, '.action-form .field-text textarea').fill('本店没有该顾客的购买记录，请监管部门核实。');
    await visible(merchant, '.submit-action').click();
    await statusIs(merchant, '已申请监管部门介入');

    const staff = await phonePage(browser());
    await signIn(staff, 'regulator');
    await staff.goto(`${h5Url()}/#/admin/pages/case/index?id=${id}`);
    await statusIs(staff, '已申请监管部门介入');
    await visible(staff, '.action-not_accept').click();
    // The grounds are those of the order in force (Order 121 here), each with its article.
    await visible(staff, '.field-reason .option-o121_identity').waitFor({ timeout: 20_000 });
    expect(await textOf(staff, '.field-reason .option-o121_identity')).toBe('第十六条：冒用他人名义投诉，或者拒绝配合身份核验');
    expect(await staff.locator('.field-reason .nut-radio >> visible=true').count()).toBe(7);
    await visible(staff, '.field-reason .option-o121_identity').click();
    await visible(staff, '.action-form .field-text textarea').fill('经电话核实，投诉人并非购买人本人，且拒绝提供身份信息。');
    await screenshot(staff, 'refusal-ground-chosen');
    await visible(staff, '.submit-action').click();
    await statusIs(staff, '不予受理');
    await visible(staff, '.notice-delivery').waitFor({ timeout: 20_000 });
    // The notice's WeChat message may already have reached the parties (the stand-in delivers in seconds).
    expect(await textOf(staff, '.notice-delivery')).toMatch(/告知书须在 .+ 前送达双方（还剩 \d+ 天）；消费者 (已|未)送达|告知书已送达双方/);

    await consumer.goto(`${h5Url()}/#/pages/complaint/index?id=${id}`);
    await statusIs(consumer, '不予受理');
    expect(await textOf(consumer, '.open-notice')).toContain('查看不予受理告知书');
    // The delivery deadline is for staff only.
    expect(await consumer.locator('.notice-delivery >> visible=true').count()).toBe(0);
    await visible(consumer, '.open-notice').click();
    await consumer.waitForURL(new RegExp(`consumer/pages/notice/index\\?id=${id}`), { timeout: 20_000 });
    await visible(consumer, '.party-notice').waitFor({ timeout: 20_000 });
    expect(await textOf(consumer, '.party-notice-title')).toBe('不予受理告知书');
    expect(await textOf(consumer, '.notice-complaint-id')).toContain(id);
    expect(await textOf(consumer, '.notice-merchant')).toContain('清河县城关百货商场有限公司');
    expect(await textOf(consumer, '.party-notice-ground-label')).toBe('冒用他人名义投诉，或者拒绝配合身份核验');
    expect(await textOf(consumer, '.party-notice-article')).toContain('第十六条');
    expect(await textOf(consumer, '.party-notice-note')).toContain('拒绝提供身份信息');
    expect(await textOf(consumer, '.party-notice-next-steps')).toContain('以本人真实身份重新提交投诉');
    expect(await textOf(consumer, '.party-notice-issuer')).toBe('作出单位：清河县市场监督管理局');
    expect(await textOf(consumer, '.notice-keep-hint')).toContain('截图保存');
    await screenshot(consumer, 'refusal-notice-consumer');

    // Opened by the consumer (if its WeChat message had not reached them already): it has reached them.
    await staff.reload();
    await visible(staff, '.notice-delivery').waitFor({ timeout: 20_000 });
    expect(await textOf(staff, '.notice-delivery')).toMatch(/消费者 (已送达|\d{4}-\d{2}-\d{2} \d{2}:\d{2})/);
    await screenshot(staff, 'refusal-notice-staff-delivery');
    for (const page of [consumer, merchant, staff]) await page.context().close();
  }, 90_000);

  it('staff export the cases awaiting their 12315 number and record one; only county admins may enter holidays', async () => {
    const consumer = await phonePage(browser());
    await signIn(consumer, 'consumer2');
    const id = await fileComplaint(consumer, '在贵店购买的电暖器使用三天后无法加热，要求维修或更换。');
    await consumer.context().close();

    const merchant = await phonePage(browser());
    await signIn(merchant, 'merchant_owner');
    await merchant.goto(`${h5Url()}/#/merchant/pages/handle/index?id=${id}`);
    await visible(merchant, '.action-decline').click();
    await visible(merchant, '.action-form .field-text textarea').fill('该电暖器为顾客自行损坏，不属于质量问题。');
    await visible(merchant, '.submit-action').click();
    await statusIs(merchant, '已申请监管部门介入');
    await merchant.context().close();

    const staff = await phonePage(browser());
    await signIn(staff, 'regulator');
    await staff.goto(`${h5Url()}/#/admin/pages/case/index?id=${id}`);
    await visible(staff, '.action-accept').click();
    await visible(staff, '.submit-action').click();
    await statusIs(staff, '监管部门已受理');

    // Accepted and without its 12315 number: on the workbench's 待登记12315 view, and in its export.
    await staff.goto(`${h5Url()}/#/admin/pages/triage/index`);
    await visible(staff, '.triage-views .option-missing12315').click();
    await staff.waitForFunction(
      (wanted) => [...document.querySelectorAll<HTMLElement>('.queue-item')].some((node) => node.offsetParent !== null && node.innerText.includes(wanted)),
      '电暖器',
      { timeout: 20_000 },
    );
    const [download] = await Promise.all([staff.waitForEvent('download', { timeout: 30_000 }), visible(staff, '.export-12315').click()]);
    expect(download.suggestedFilename()).toMatch(/^待登记12315-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('本平台投诉编号');
    expect(csv).toContain(id);
    await screenshot(staff, 'triage-missing-12315');

    await staff.goto(`${h5Url()}/#/admin/pages/case/index?id=${id}`);
    await visible(staff, '.action-record_12315').click();
    await visible(staff, '.field-case-number input').fill('3201 0020 2611 3000 01');
    await visible(staff, '.submit-action').click();
    await visible(staff, '.complaint-case12315').waitFor({ timeout: 20_000 });
    expect(await textOf(staff, '.complaint-case12315')).toContain('320100202611300001');
    await screenshot(staff, 'case-12315-recorded');

    // A town regulator reads the calendar but may not enter it.
    await staff.goto(`${h5Url()}/#/admin/pages/calendar/index`);
    await visible(staff, '.calendar-readonly-note').waitFor({ timeout: 20_000 });
    expect(await textOf(staff, '.calendar-readonly-note')).toContain('只有县级管理员可以录入');
    expect(await staff.locator('.calendar-editor >> visible=true').count()).toBe(0);
    await staff.context().close();
  }, 90_000);
});
