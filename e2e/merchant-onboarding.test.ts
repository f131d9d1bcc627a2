import { readFileSync } from 'node:fs';
import { browserForThisFile, h5Url, phonePage, screenshot } from './support/browser';
import { decodeQrFile } from './support/decode-qr-file';
import { signIn, visible } from './support/journey';

const browser = browserForThisFile();

describe('a shop joins the campaign (H5 build, local API, headless Chromium)', () => {
  it('applies as a merchant, is approved by staff, binds with the code and downloads a poster whose QR opens the shop', async () => {
    // 1. A shop owner (signed in as an ordinary user) applies.
    const owner = await phonePage(browser());
    await signIn(owner, 'consumer2');
    await owner.goto(`${h5Url()}/#/merchant/pages/apply/index`);
    await visible(owner, '.apply-form').waitFor({ timeout: 20_000 });
    await visible(owner, '.field-name input').fill('南湖街道新开水果店');
    await visible(owner, '.field-type .option-individual').click();
    // Full-width and lower case on purpose: the form normalises as the server does.
    await visible(owner, '.field-uscc input').fill('９２１３０５２９０３００７９１９ｂｗ');
    await visible(owner, '.field-sector .option-retail').click();
    await visible(owner, '.field-town .option-nanhu').click();
    await visible(owner, '.field-area .option-commercial').click();
    await visible(owner, '.field-address input').fill('清河县南湖街道学府路21号');
    await visible(owner, '.field-contact-name input').fill('赵老板');
    await visible(owner, '.field-contact-phone input').fill('13905298888');
    await visible(owner, '.field-commitments .option-quality').click();
    await visible(owner, '.field-commitments .option-price_marking').click();
    await screenshot(owner, 'merchant-apply-form');
    await visible(owner, '.submit-application').click();
    await visible(owner, '.application-submitted').waitFor({ timeout: 20_000 });
    await screenshot(owner, 'merchant-applied');

    // 2. The county admin approves and gets the owner's one-time binding code.
    const admin = await phonePage(browser());
    await signIn(admin, 'admin');
    await admin.goto(`${h5Url()}/#/admin/pages/registry/index`);
    const item = admin.locator('.registry-item >> visible=true', { hasText: '南湖街道新开水果店' }).first();
    await item.waitFor({ timeout: 20_000 });
    await item.locator('.approve-merchant').click();
    await visible(admin, '.registry-dialog--approve .confirm-action').click();
    const codeElement = visible(admin, '.owner-binding-code');
    await codeElement.waitFor({ timeout: 20_000 });
    const code = ((await codeElement.innerText()).match(/[0-9A-Z]{8}/) ?? [])[0];
    expect(code).toMatch(/^[0-9A-Z]{8}$/);
    await screenshot(admin, 'staff-approved-with-binding-code');

    // 3. The owner binds with the code and opens the shop's management page.
    await owner.goto(`${h5Url()}/#/merchant/pages/bind/index`);
    await visible(owner, '.field-binding-code input').fill(code!);
    await visible(owner, '.submit-binding').click();
    await owner.waitForURL(/merchant\/pages\/shop\/index\?id=/, { timeout: 20_000 });
    const shopId = /[?&]id=([0-9A-Z]+)/i.exec(owner.url())![1]!;

    // 4. The poster: a real PNG whose QR decodes to the shop's key.
    await visible(owner, '.download-poster').waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([owner.waitForEvent('download', { timeout: 30_000 }), visible(owner, '.download-poster').click()]);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(decodeQrFile(file)).toBe(shopId);
    await screenshot(owner, 'merchant-shop-poster');

    // 5. The shop is public now, listed in its town.
    await owner.goto(`${h5Url()}/#/pages/merchant/index?id=${shopId}`);
    expect((await visible(owner, '.merchant-name').innerText()).trim()).toBe('南湖街道新开水果店');
    for (const page of [owner, admin]) await page.context().close();
    // Two people, five pages and a poster drawn and decoded: ~20 s on an idle machine, more on a busy one.
  }, 90_000);
});
