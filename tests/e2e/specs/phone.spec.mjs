// A phone 360 px wide: the navigation is a drawer, and no page scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { byTest, open, shownNames, until, viewportScreenshot } from './ui.mjs';

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
    const expected = (await admin.get('/api/v1/people?limit=50')).body.items;
    await open(page, app.url, '/people');
    assert.deepEqual(await shownNames(page, expected.length), expected.map((p) => p.full_name));
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
});
