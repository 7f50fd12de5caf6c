// A phone 360 px wide: the navigation is a drawer, and no page scrolls sideways. At 390 px, in
// Vietnamese and English: the calendar's week is a list with each title whole, and a table wider
// than the phone (one's pledges, a fund's statement, a committee) says that it scrolls and scrolls
// from the keyboard. Screenshots: the week, and each wide table, in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, apiTime, formTime, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { byTest, open, settled, shownNames, until, viewportScreenshot } from './ui.mjs';

const iPhone = { width: 390, height: 844 };
const languages = [['vi', 'Tuần'], ['en', 'Week']];

/** A phone page signed in as `login`, in `language` (chosen before the first load). */
async function phonePage(browser, url, login, language) {
  const page = await newPage(browser, iPhone);
  await page.addInitScript((chosen) => localStorage.getItem('doanket.language') || localStorage.setItem('doanket.language', chosen), language);
  await signIn(page, url, login);
  return page;
}

const pages = ['/dashboard', '/activities', '/activities/new', '/organizations', '/people', '/people/new', '/import', '/agency', '/accounts', '/account', '/my-code'];

describe('phone', () => {
  let app;
  let browser;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the drawer opens, navigates and closes', async () => {
    const page = await newPage(browser, { width: 360, height: 740 });
    await signIn(page, app.url, 'quantri');
    assert.equal(await byTest(page, 'nav-people').count(), 0, 'no side navigation on a phone until asked');
    await byTest(page, 'nav-toggle').click();
    await byTest(page, 'nav-people').waitFor({ state: 'visible' });
    await screenshot(page, 'phone-drawer-open');
    await byTest(page, 'nav-people').click();
    await until(() => new URL(page.url()).pathname === '/people', 'the drawer link navigates');
    await byTest(page, 'nav-people').waitFor({ state: 'hidden' });
    await byTest(page, 'person-link').first().waitFor();
    await page.close();
  });

  test('no page is wider than the phone', async () => {
    const page = await newPage(browser, { width: 360, height: 740 });
    await signIn(page, app.url, 'quantri');
    for (const path of pages) {
      await open(page, app.url, path);
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${path} is ${width} px wide`);
    }
    await open(page, app.url, '/people');
    await byTest(page, 'person-link').first().waitFor();
    await screenshot(page, 'phone-people');
    await page.close();
  });

  test('at 360 px the people list is cards: the API\'s names as links, with department and organizations', async () => {
    const page = await newPage(browser, { width: 360, height: 740 });
    await signIn(page, app.url, 'quantri');
    const admin = await apiSession(app.url, 'quantri');
    const expected = (await admin.get('/api/v1/people?limit=50&membership=current')).body.items;
    await open(page, app.url, '/people');
    assert.deepEqual(await shownNames(page, expected.map((p) => p.full_name)), expected.map((p) => p.full_name));
    assert.equal(await byTest(page, 'people-table').count(), 0, 'no table on a phone held upright');
    const first = byTest(page, 'person-card').first();
    assert.match(await first.innerText(), new RegExp(expected[0].unit_name));
    assert.match(await first.innerText(), new RegExp(expected[0].organizations.split(',')[0].trim()));
    await page.waitForLoadState('networkidle');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the cards fit the phone');
    await byTest(page, 'people-total').scrollIntoViewIfNeeded();
    await viewportScreenshot(page, 'phone-people-cards');
    await first.locator('[data-test="person-link"]').click();
    await until(() => /\/people\/\d+$/.test(new URL(page.url()).pathname), 'a card\'s name opens the record');
    assert.equal(await byTest(page, 'person-name').innerText(), expected[0].full_name);
    await page.close();
  });

  test('signing out from the drawer', async () => {
    const page = await newPage(browser, { width: 360, height: 740 });
    await signIn(page, app.url, 'doanvien');
    await byTest(page, 'nav-toggle').click();
    await byTest(page, 'sign-out').click();
    await byTest(page, 'login').waitFor();
    await page.close();
  });

  test('at 390 px the calendar\'s week is a list of its days, each activity\'s title whole on its line', async () => {
    const chair = await apiSession(app.url, 'chutichcd');
    // An hour from now, or earlier today when the day is nearly over: this week in any case.
    const startsIn = Number(formTime(0).slice(11, 13)) < 20 ? 60 : -180;
    const title = 'Sinh hoạt chuyên đề “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” của Chi đoàn';
    const created = await chair.post('/api/v1/activities', {
      kind: 'meeting', title, starts_at: apiTime(startsIn), ends_at: apiTime(startsIn + 90),
      organizer_ids: [chair.session.officer_of[0]], audience_scope: 'everyone', go_ahead_despite_clashes: true,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await chair.post(`/api/v1/activities/${created.body.id}/status`, { status: 'published' })).status, 200);

    for (const [language, week] of languages) {
      const page = await phonePage(browser, app.url, 'chutichcd', language);
      await open(page, app.url, '/activities');
      await page.getByRole('button', { name: week, exact: true }).click();
      const event = page.locator(`[data-test="calendar-event"][data-activity-id="${created.body.id}"]`);
      await event.waitFor();
      await settled(page);
      // The title reads whole, on a few lines of a wide box, not a word a line in a sliver.
      const shown = await event.evaluate((element) => {
        const text = element.querySelector('.fc-list-event-title, .fc-event-title') ?? element;
        const range = document.createRange();
        range.selectNodeContents(text);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        return { text: text.textContent.trim(), width: text.getBoundingClientRect().width, lines };
      });
      assert.equal(shown.text, title);
      assert.ok(shown.width >= 180, `the title is ${shown.width} px wide`);
      assert.ok(shown.lines <= 5, `the title's ${title.split(' ').length} words take ${shown.lines} lines`);
      // Each day's heading fits its place: no day's name runs into the next.
      const headings = page.locator('.fc-list-day-cushion, .fc-col-header-cell-cushion');
      assert.ok((await headings.count()) > 0, 'the days are headed');
      for (const heading of await headings.all()) {
        const fits = await heading.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
        assert.ok(fits, `the heading “${await heading.innerText()}” fits`);
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= iPhone.width, 'the week fits the phone');
      await event.scrollIntoViewIfNeeded();
      await viewportScreenshot(page, `phone-week-${language}`);
      await page.close();
    }
  });

  test('at 390 px a wide table says that it scrolls, and scrolls from the keyboard: one\'s pledges, a statement, a committee', async () => {
    const member = await apiSession(app.url, 'doanvien');
    const funds = (await member.get('/api/v1/funds')).body.items;
    const open_ = funds.find((f) => f.status === 'open' && f.kind === 'campaign');
    const closed = funds.find((f) => f.status === 'closed');
    const reply = await fetch(`${app.url}/api/v1/funds/${open_.id}/pledges`, {
      method: 'POST',
      headers: { Cookie: member.cookie, 'X-CSRF-Token': member.csrf, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ amount: 300_000 }),
    });
    assert.equal(reply.status, 201, await reply.text());
    let organization;
    for (const o of (await member.get('/api/v1/organizations')).body.items.filter((item) => !item.external)) {
      const record = (await member.get(`/api/v1/organizations/${o.id}`)).body;
      if (record.committee?.length) organization ??= record;
    }
    assert.ok(organization, 'the demo has a committee');

    for (const [language] of languages) {
      const vi = language === 'vi';
      const page = await phonePage(browser, app.url, 'doanvien', language);
      const tables = [
        [`/funds/${open_.id}`, vi ? 'Đăng ký của tôi' : 'My pledges', 'pledges'],
        [`/funds/${closed.id}/statement`, `${vi ? 'Sao kê công khai' : 'Public statement'}: ${closed.name}`, 'statement'],
        ['/organizations', `${vi ? 'Ban Chấp hành' : 'Executive committee'}: ${organization.name}`, 'committee'],
      ];
      for (const [path, name, shot] of tables) {
        await open(page, app.url, path);
        if (shot === 'committee') await byTest(page, `organization-${organization.code}`).click();
        const region = page.getByRole('region', { name, exact: true });
        await region.waitFor();
        const box = page.locator('.scroll-box').filter({ has: region });
        const hint = box.locator('[data-test="scroll-hint"]');
        await hint.waitFor();
        assert.match(await hint.innerText(), vi ? /vuốt hoặc cuộn sang ngang/ : /swipe or scroll sideways/);
        assert.equal(await region.getAttribute('tabindex'), '0', `${path}: the table takes the focus`);
        // A shadow at the right edge, where columns are hidden; none at the left yet.
        const shadows = () => box.locator('.scroll-frame').evaluate((frame) => [getComputedStyle(frame, '::before').opacity, getComputedStyle(frame, '::after').opacity]);
        await until(async () => (await shadows()).join() === '0,1', `${path}: a shadow on the right only`);
        await region.scrollIntoViewIfNeeded();
        await settled(page);
        await viewportScreenshot(page, `phone-scroll-${shot}-${language}`);
        // The keyboard scrolls it: the shadow moves to the left edge once the start is out of sight.
        await region.focus();
        for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowRight');
        await until(async () => (await region.evaluate((element) => element.scrollLeft)) > 0, `${path}: the arrow keys scroll the table`);
        await until(async () => (await shadows())[0] === '1', `${path}: a shadow on the left once scrolled`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= iPhone.width, `${path} fits the phone`);
      }
      await page.close();
    }
  });
});
