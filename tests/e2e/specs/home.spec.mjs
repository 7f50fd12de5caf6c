// A member's own page, what they see first after signing in on a 360 px phone: the directives
// still to study, the activities they hold a place in, the polls waiting for them, and their QR
// code one tap away. A notice the leadership posts to everyone while the page is open appears on
// it without a reload. Screenshots at 360 px in Vietnamese and on a desktop in English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, launchBrowser, screenshot, startApp } from '../support/harness.mjs';
import { byTest, fitsThePhone, open, pageAs, settled, until } from './ui.mjs';

const desktop = { width: 1280, height: 900 };

describe('home', () => {
  let app;
  let browser;
  let leadership;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    leadership = await apiSession(app.url, 'lanhdao');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('a member lands on their page, which follows what is sent to them', async () => {
    const page = await pageAs(browser, app.url, 'doanvien');
    await until(() => new URL(page.url()).pathname === '/me', 'a member lands on their own page');
    await byTest(page, 'home-directives').getByText('Bạn đã học tập mọi văn bản được gửi.').waitFor();
    await byTest(page, 'home-polls').getByText('Không có khảo sát nào đang chờ bạn.').waitFor();

    const posted = await leadership.post('/api/v1/directives', {
      kind: 'notice',
      issuer_level: 'own',
      number: '15/TB-STP',
      issuer: 'Sở Tư pháp Hà Tĩnh',
      title: 'Lịch nghỉ Tết Nguyên đán',
      deadline: '2027-01-31',
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const item = byTest(page, `home-directive-${posted.body.id}`);
    await item.waitFor();
    assert.match(await item.innerText(), /15\/TB-STP — Lịch nghỉ Tết Nguyên đán/);
    assert.match(await item.innerText(), /Chưa đọc/);
    assert.match(await item.innerText(), /Hạn 31\/01\/2027/);
    await settled(page);
    await fitsThePhone(page, 'the member\'s page');
    await screenshot(page, 'home-phone-vi');

    await byTest(page, 'home-my-code').click();
    await until(() => new URL(page.url()).pathname === '/my-code', 'the QR code is one tap away');
    await page.close();
  });

  test('on a desktop in English', async () => {
    const page = await pageAs(browser, app.url, 'doanvien', { language: 'en', size: desktop });
    await open(page, app.url, '/me');
    await byTest(page, 'home-directives').getByText('Lịch nghỉ Tết Nguyên đán').waitFor();
    assert.equal(await page.locator('h1').innerText(), 'Hello, ' + (await page.locator('[data-test="signed-in-user"]').innerText()).split(' ').pop());
    await settled(page);
    await screenshot(page, 'home-desktop-en');
    await page.close();
  });
});
