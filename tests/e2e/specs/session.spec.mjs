// The session as the user meets it: it ends elsewhere, and the language they chose stays.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { launchBrowser, newPage, signIn, startApp } from '../support/harness.mjs';
import { byTest, open, until } from './ui.mjs';

describe('session', () => {
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

  test('a session ended in another tab shows "session expired" at the next action, then signs in again', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, '/people');
    await byTest(page, 'person-link').first().waitFor();

    // A second tab of the same browser (same cookie) signs out.
    const other = await page.context().newPage();
    await other.goto(`${app.url}/account`);
    await byTest(other, 'sign-out').click();
    await byTest(other, 'login').waitFor();
    await other.close();

    // The first tab still shows the list; its next request finds the session gone.
    await byTest(page, 'people-search').fill('nguyen');
    const expired = byTest(page, 'session-expired');
    await expired.waitFor();
    assert.match(await expired.innerText(), /Phiên làm việc đã hết hạn/);

    await byTest(page, 'session-expired-signin').click();
    await byTest(page, 'login').fill('chutichcd');
    await byTest(page, 'password').fill('doanket-demo-2026');
    await byTest(page, 'sign-in').click();
    await byTest(page, 'signed-in-user').waitFor();
    // Back where they were.
    await until(() => new URL(page.url()).pathname === '/people', 'after signing in again the list is shown');
    await page.close();
  });

  test('a deleted cookie is an expired session too', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/organizations');
    await byTest(page, 'organization-committee').waitFor();
    // Nothing still in flight: the next request is the user's own action.
    await page.waitForLoadState('networkidle');
    await page.context().clearCookies();
    await byTest(page, 'nav-people').click();
    await byTest(page, 'session-expired').waitFor();
    await page.close();
  });

  test('English is one click away, remembered after a reload, and Vietnamese comes back the same way', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/people');
    assert.equal(await byTest(page, 'nav-people').innerText(), 'Thành viên');

    await byTest(page, 'language-en').click();
    await until(async () => (await byTest(page, 'nav-people').innerText()) === 'People', 'the navigation turns English');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // Element Plus's own words follow (the pagination's "Total").
    await until(async () => /Total/.test(await byTest(page, 'people-pager').innerText()), 'the pager speaks English');

    await page.reload();
    await byTest(page, 'nav-people').waitFor();
    assert.equal(await byTest(page, 'nav-people').innerText(), 'People');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

    await byTest(page, 'language-vi').click();
    await until(async () => (await byTest(page, 'nav-people').innerText()) === 'Thành viên', 'the navigation turns Vietnamese');
    await page.reload();
    await byTest(page, 'nav-people').waitFor();
    assert.equal(await byTest(page, 'nav-people').innerText(), 'Thành viên');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    await page.close();
  });
});
