// A member invited to an activity sees the invitation above the calendar, on a 360 px phone, and
// registers with one tap; the invitation then goes away and the registration is the API's.
// Screenshots: the invitation card on the phone in Vietnamese and in English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, apiTime, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { byTest, open, settled, until } from './ui.mjs';

describe('invitations', () => {
  let app;
  let browser;
  let chair;
  let member;
  let activity;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chair = await apiSession(app.url, 'chutichcd');
    member = await apiSession(app.url, 'doanvien');
    const created = await chair.post('/api/v1/activities', {
      kind: 'sports',
      title: 'Giao lưu cầu lông với Tòa án tỉnh',
      starts_at: apiTime(60 * 24 * 2),
      ends_at: apiTime(60 * 24 * 2 + 120),
      place: 'Nhà thi đấu tỉnh',
      organizer_ids: [chair.session.officer_of[0]],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    activity = created.body.id;
    assert.equal((await chair.post(`/api/v1/activities/${activity}/status`, { status: 'published' })).status, 200);
    const invited = await chair.post(`/api/v1/activities/${activity}/invitations`, { person_ids: [member.session.person_id] });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const [locale, language, heading, button] of [
    ['en-GB', 'en', 'Invitations', 'Register for “Giao lưu cầu lông với Tòa án tỉnh”'],
    ['vi-VN', 'vi', 'Lời mời tham gia', 'Đăng ký tham gia “Giao lưu cầu lông với Tòa án tỉnh”'],
  ]) {
    test(`the member sees the invitation on the phone (${language})`, async () => {
      const page = await newPage(browser, { width: 360, height: 740, locale });
      await page.addInitScript((chosen) => localStorage.setItem('doanket.language', chosen), language);
      await signIn(page, app.url, 'doanvien');
      await open(page, app.url, '/activities');
      const card = byTest(page, 'invitations');
      await card.waitFor();
      const invitations = await member.get('/api/v1/invitations');
      assert.equal(invitations.body.items.length, 1);
      assert.equal(await card.getByRole('heading', { level: 2 }).innerText(), heading);
      const row = byTest(page, 'invitation');
      assert.equal(await row.count(), 1);
      assert.match(await row.innerText(), /Giao lưu cầu lông với Tòa án tỉnh/);
      assert.match(await row.innerText(), /Nhà thi đấu tỉnh/);
      assert.match(await row.innerText(), /Hồ Thị Thanh Hà/);
      await row.getByRole('button', { name: button }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `the page fits the phone (${width} px)`);
      await settled(page);
      await screenshot(page, `invitation-phone-${language}`);
      await page.close();
    });
  }

  test('one tap registers and the invitation goes away', async () => {
    const page = await newPage(browser, { width: 360, height: 740 });
    await signIn(page, app.url, 'doanvien');
    await open(page, app.url, '/activities');
    await byTest(page, 'invitation-register').click();
    await byTest(page, 'invitation-done').waitFor();
    await until(async () => (await byTest(page, 'invitation').count()) === 0, 'the invitation goes');
    const registrations = await chair.get(`/api/v1/activities/${activity}/registrations`);
    const mine = registrations.body.items.filter((r) => r.person_id === member.session.person_id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].state, 'registered');
    assert.equal((await member.get('/api/v1/invitations')).body.items.length, 0);
    await page.close();
  });
});
