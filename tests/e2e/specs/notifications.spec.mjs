// Notifications in the browser: the youth union's secretary has the app open on a 360 px phone
// when the leadership posts a notice to the youth union; the bell's count rises without a reload
// (the page holds the server's event stream, it does not poll), the bell's page lists it newest
// first, opening it goes to the notice and lowers the count. On a desktop in English the secretary
// chooses to get that kind of notification in the morning's digest instead of at once.
// Screenshots at 360 px in Vietnamese and on a desktop in English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, launchBrowser, screenshot, startApp } from '../support/harness.mjs';
import { byTest, fitsThePhone, open, pageAs, settled, until, viewportScreenshot } from './ui.mjs';

const desktop = { width: 1280, height: 900 };

describe('notifications', () => {
  let app;
  let browser;
  let secretary;
  let leadership;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    secretary = await apiSession(app.url, 'bithudoan');
    leadership = await apiSession(app.url, 'lanhdao');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('a notice posted while the page is open rings the bell, and opening it reads it', async () => {
    const page = await pageAs(browser, app.url, 'bithudoan');
    await open(page, app.url, '/directives');
    const bell = byTest(page, 'bell');
    await until(async () => (await bell.getAttribute('aria-label')) === 'Thông báo', 'the bell starts with nothing unread');
    assert.equal(await byTest(page, 'bell-count').locator('sup').isVisible(), false);

    const organizations = (await leadership.get('/api/v1/organizations')).body.items;
    const youth = organizations.find((organization) => organization.code === 'DTN');
    const posted = await leadership.post('/api/v1/directives', {
      kind: 'notice',
      issuer_level: 'own',
      number: '12/TB-STP',
      issuer: 'Sở Tư pháp Hà Tĩnh',
      title: 'Lịch sinh hoạt chuyên đề tháng 12',
      organization_ids: [youth.id],
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));

    // No reload: the stream brings the new count.
    await until(async () => (await bell.getAttribute('aria-label')) === 'Thông báo: 1 chưa đọc', 'the bell counts the notice');
    assert.equal((await byTest(page, 'bell-count').locator('sup').innerText()).trim(), '1');
    // The list under it follows too.
    await byTest(page, 'directives-mine').locator(`[data-test="directive-${posted.body.id}"]`).waitFor();
    await settled(page);
    await viewportScreenshot(page, 'notifications-phone-bell-vi');

    await bell.click();
    await byTest(page, 'notifications').waitFor();
    const item = byTest(page, 'notifications').locator('li').first();
    assert.equal(await item.locator('[data-test="notification-title"]').innerText(),
      'Thông báo mới cần học tập: 12/TB-STP — Lịch sinh hoạt chuyên đề tháng 12');
    await byTest(page, 'notifications-live').waitFor();
    await fitsThePhone(page, 'the notifications page');
    await screenshot(page, 'notifications-phone-list-vi');

    await item.locator('[data-test="notification-open"]').click();
    await page.waitForURL(`**/directives/${posted.body.id}`);
    await until(async () => (await bell.getAttribute('aria-label')) === 'Thông báo', 'reading it clears the bell');
    assert.equal((await secretary.get('/api/v1/notifications/unread')).body.unread, 0);
    await page.close();
  });

  test('on a desktop in English, a kind goes to the morning digest instead', async () => {
    const page = await pageAs(browser, app.url, 'bithudoan', { language: 'en', size: desktop });
    await open(page, app.url, '/notifications');
    const row = byTest(page, 'preference-directive_posted');
    await row.waitFor();
    assert.equal(await row.locator('th').innerText(), 'Directive to study');
    const select = row.locator('[data-test="preference-email"]');
    assert.match(await select.innerText(), /At once/);
    await select.click();
    await page.getByRole('option', { name: 'Each morning', exact: true }).click();
    await page.getByText('Choice saved.').waitFor();
    await until(async () => {
      const choices = (await secretary.get('/api/v1/notifications/preferences')).body.items;
      return choices.find((choice) => choice.kind === 'directive_posted').email === 'daily';
    }, 'the choice is stored');
    await page.locator('.el-message').waitFor({ state: 'hidden' });
    await screenshot(page, 'notifications-desktop-en');
    await page.close();
  });
});
