import type { ComplaintView, DashboardView, Session, StationFiled } from '@fangxin/shared';
import { DEMO_SHOP_ID } from '../scripts/demo/demo-merchants';
import { browserForThisFile, h5Url, phonePage, screenshot } from './support/browser';
import { signIn, statusIs, textOf, visible } from './support/journey';
import { until } from './support/wait';

/**
 * Complaint stations (投诉站) and 回访 in the browser: a station files for a consumer who walked in, the
 * receipt shows the 8-digit claim code once, and the consumer claims the complaint with it in the
 * mini-program and follows it; a case closed unrated gets a 回访 call whose stated satisfaction shows as
 * such on the case and counts in 满意率. The station and its staff are the demo's (`station` persona).
 */
const browser = browserForThisFile();

const api = async <T>(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${h5Url()}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
};
const tokenOf = async (persona: string) => (await api<Session>('/auth/demo-login', { method: 'POST', body: { persona } })).body.token;
const yesterday = () => new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

describe('complaint stations and 回访 (H5 build, local product, headless Chromium)', () => {
  it('a station files for a walk-in consumer; the consumer claims it with the code on the receipt and follows it', async () => {
    const station = await phonePage(browser());
    await signIn(station, 'station');
    await visible(station, '.entry-station-workbench').click();
    await visible(station, '.station-name').waitFor({ timeout: 20_000 });
    expect(await textOf(station, '.station-name')).toBe('城关农贸市场投诉站');
    await visible(station, '.entry-station-file').click();
    await visible(station, '.station-file-form').waitFor({ timeout: 20_000 });

    // Nothing chosen yet: the page says what is missing and sends nothing.
    let filings = 0;
    station.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/station/complaints') filings++;
    });
    await visible(station, '.submit-station-complaint').click();
    expect(await textOf(station, '.form-error-text')).toBe('请先选择被投诉的店铺');

    await visible(station, '.field-shop-code input').fill(DEMO_SHOP_ID);
    await visible(station, '.find-shop').click();
    await visible(station, '.station-file-merchant').waitFor({ timeout: 20_000 });
    await visible(station, '.field-channel .option-walk_in').click();
    await visible(station, '.field-consumer-name input').fill('王秀兰');
    await visible(station, '.field-consumer-phone input').fill('13912345678');
    await visible(station, '.field-category .option-quality').click();
    await visible(station, '.field-description textarea').fill('老人到站反映：在城关百货买的电暖器用了三天就不发热，店员不给换。');
    await visible(station, '.field-purchase-date .option-yesterday').click();
    await visible(station, '.field-outcome .option-replace').click();
    // Without the spoken consent the form says so, under its field, and nothing is sent.
    await visible(station, '.submit-station-complaint').click();
    expect(await textOf(station, '.consent-block .field-error')).toBe('请向消费者说明个人信息处理规则并取得其口头同意');
    expect(filings).toBe(0);
    expect(await textOf(station, '.consent-script')).toContain('您同意吗');
    await visible(station, '.field-spoken-consent').click();
    await screenshot(station, 'station-file-form');
    await visible(station, '.submit-station-complaint').click();

    await station.waitForURL(/station\/pages\/receipt\/index\?id=/, { timeout: 20_000 });
    const complaintId = /[?&]id=([0-9A-Z]{26})/.exec(station.url())![1]!;
    const code = (await textOf(station, '.claim-code')).replace(/\s/g, '');
    expect(code).toMatch(/^\d{8}$/);
    expect(await textOf(station, '.receipt-once')).toContain('认领码只显示这一次');
    expect(await textOf(station, '.receipt-slip')).toContain('王秀兰');
    await visible(station, '.print-receipt').waitFor();
    await visible(station, '.receipt-sms').waitFor();
    await screenshot(station, 'station-receipt');
    expect(filings).toBe(1);

    // The consumer, at home, signs in and claims it from 我的投诉.
    const consumer = await phonePage(browser());
    await signIn(consumer, 'consumer2');
    await consumer.goto(`${h5Url()}/#/pages/complaints/index`);
    await visible(consumer, '.open-claim').click();
    await visible(consumer, '.field-claim-code input').waitFor({ timeout: 20_000 });
    // A wrong code gets the server's one answer.
    const wrong = code === '00000000' ? '11111111' : '00000000';
    await visible(consumer, '.field-claim-code input').fill(wrong);
    await visible(consumer, '.submit-claim').click();
    await visible(consumer, '.field-claim-code .field-error').waitFor({ timeout: 20_000 });
    expect(await textOf(consumer, '.field-claim-code .field-error')).toBe('认领码不正确或已失效，请核对受理回执上的认领码，或请投诉站重新发送');
    await visible(consumer, '.field-claim-code input').fill(code);
    await screenshot(consumer, 'consumer-claim');
    await visible(consumer, '.submit-claim').click();
    await consumer.waitForURL(new RegExp(`pages/complaint/index\\?id=${complaintId}`), { timeout: 20_000 });
    await statusIs(consumer, '待商家答复');
    expect(await textOf(consumer, '.complaint-merchant')).toContain('城关百货');
    expect(await textOf(consumer, '.complaint-timeline')).toContain('消费者认领投诉');

    // It is theirs now: listed in 我的投诉.
    const [mine] = await Promise.all([
      consumer.waitForResponse((response) => new URL(response.url()).pathname === '/api/complaints' && response.request().method() === 'GET'),
      consumer.goto(`${h5Url()}/#/pages/complaints/index`),
    ]);
    expect(((await mine.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id)).toContain(complaintId);
    await visible(consumer, '.complaint-list').waitFor({ timeout: 20_000 });

    // The station's ledger shows the case as claimed.
    await station.goto(`${h5Url()}/#/station/pages/ledger/index`);
    await visible(station, `.ledger-item-${complaintId} .tag-claimed`).waitFor({ timeout: 20_000 });
    await screenshot(station, 'station-ledger');
  }, 150_000);

  it('a 回访 call records the satisfaction the consumer stated; the case shows 电话回访 and 满意率 counts it', async () => {
    // A walk-in case the shop settled and the station accepted for the consumer: closed, unrated.
    const [stationToken, ownerToken, adminToken] = await Promise.all([tokenOf('station'), tokenOf('merchant_owner'), tokenOf('admin')]);
    const filed = await api<StationFiled>('/station/complaints', {
      method: 'POST',
      token: stationToken,
      headers: { 'idempotency-key': `e2e-station-${Date.now()}` },
      body: {
        merchantId: DEMO_SHOP_ID,
        category: 'price',
        description: '电话投诉：超市标价与结账价格不一致，多收了五元钱。',
        purchaseDate: yesterday(),
        wantedOutcome: 'refund',
        photos: [],
        sharePhoneWithMerchant: false,
        channel: 'phone',
        consumerName: '李大爷',
        consumerPhone: '13700001111',
        spokenConsent: true,
        sendClaimCodeBySms: false,
      },
    });
    // The whole answer on failure: what the server said.
    expect({ status: filed.status, body: filed.body }).toMatchObject({ status: 201 });
    const { id } = filed.body.complaint;
    const command = (token: string, version: number, body: unknown) => api<ComplaintView>(`/complaints/${id}/commands`, { method: 'POST', token, body: { version, command: body } });
    const proposed = await command(ownerToken, filed.body.complaint.version, { type: 'propose', proposal: { outcome: 'refund', amount: '5.00', dueDate: new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10), text: '核实后退还差价五元。' } });
    expect(proposed.status).toBe(200);
    const settled = await command(stationToken, proposed.body.version, { type: 'accept_proposal' });
    expect(settled.body.status).toBe('settled_in_shop');
    const before = (await api<DashboardView>('/staff/dashboard', { token: adminToken })).body.ratedByFollowUp;

    // Staff call the consumer from the case page (the call may be made as soon as the case closed).
    const admin = await phonePage(browser());
    await signIn(admin, 'admin');
    await admin.goto(`${h5Url()}/#/admin/pages/case/index?id=${id}`);
    await statusIs(admin, '店内和解');
    expect(await textOf(admin, '.case-intake')).toContain('电话受理');
    await visible(admin, '.action-follow_up').click();
    // Reached but no satisfaction: the contract's words, under the field.
    await visible(admin, '.field-follow-up-outcome .option-reached').click();
    await visible(admin, '.follow-up-form .submit-action').click();
    expect(await textOf(admin, '.field-follow-up-rating .field-error')).toBe('已联系上消费者时，请记录其表示的满意度');
    await visible(admin, '.field-follow-up-rating .option-satisfied').click();
    await visible(admin, '.field-follow-up-note textarea').fill('消费者表示差价已退，满意。');
    await screenshot(admin, 'follow-up-form');
    await visible(admin, '.follow-up-form .submit-action').click();
    await visible(admin, '.page-notice--success').waitFor({ timeout: 20_000 });
    await admin.waitForFunction(
      () => [...document.querySelectorAll<HTMLElement>('.rating-source')].some((node) => node.offsetParent !== null && node.innerText.includes('电话回访')),
      null,
      { timeout: 20_000 },
    );
    expect(await textOf(admin, '.rating-source')).toBe('满意度「满意」来源：电话回访');
    expect(await textOf(admin, '.complaint-rating')).toContain('满意');
    await screenshot(admin, 'follow-up-recorded');

    // The indicator counters follow from the events: once counted, 满意率's ratings include it, marked as from 回访.
    // (Read from the dashboard's answer: the dashboard page's cards do not show in the browser journeys yet —
    // the known failure skipped in campaign.test.ts.)
    const board = await until(
      'the 回访 rating to be counted',
      async () => (await api<DashboardView>('/staff/dashboard', { token: adminToken })).body,
      (view) => view.ratedByFollowUp > before,
      60_000,
    );
    expect(board.total.rated).toBeGreaterThanOrEqual(board.ratedByFollowUp);
    expect(board.byChannel.find((row) => row.code === 'phone')?.received).toBeGreaterThanOrEqual(1);
  }, 150_000);
});
