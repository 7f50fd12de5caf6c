// What each demo role is offered, and what the app shows when a role reaches past it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { byTest, open, until } from './ui.mjs';

const navigation = ['dashboard', 'organizations', 'people', 'import', 'agency', 'accounts', 'account'];

// What docs/api.md's "Roles" table lets each demo login do, as the navigation offers it.
const roles = {
  quantri: { nav: navigation, addPeople: true, dashboard: true, recentChanges: true, importPage: true, manageUnits: true },
  lanhdao: { nav: ['dashboard', 'organizations', 'people', 'agency', 'account'], addPeople: false, dashboard: true, recentChanges: false, importPage: false, manageUnits: false },
  chutichcd: { nav: ['dashboard', 'organizations', 'people', 'agency', 'account'], addPeople: true, dashboard: true, recentChanges: false, importPage: false, manageUnits: false },
  doanvien: { nav: ['organizations', 'people', 'agency', 'account'], addPeople: false, dashboard: false, recentChanges: false, importPage: false, manageUnits: false },
};

describe('roles', () => {
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

  test('the sign-in page asks for a login and a password, and says when they are wrong', async () => {
    const page = await newPage(browser);
    await page.goto(app.url);
    await byTest(page, 'login').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    await screenshot(page, 'sign-in');
    await byTest(page, 'login').fill('quantri');
    await byTest(page, 'password').fill('not-the-password');
    await byTest(page, 'sign-in').click();
    const error = byTest(page, 'signin-error');
    await error.waitFor();
    assert.match(await error.innerText(), /không đúng/);
    await page.close();
  });

  for (const [login, may] of Object.entries(roles)) {
    test(`${login} sees what the role may do, and only that`, async () => {
      const page = await newPage(browser);
      await signIn(page, app.url, login);
      for (const item of navigation) {
        const link = byTest(page, `nav-${item}`);
        if (may.nav.includes(item)) await link.waitFor({ state: 'visible' });
        else assert.equal(await link.count(), 0, `${login} should not be offered ${item}`);
      }

      await open(page, app.url, '/people');
      await byTest(page, 'person-link').first().waitFor();
      assert.equal(await byTest(page, 'person-add').count(), may.addPeople ? 1 : 0, `add-person button for ${login}`);
      // Every list can be exported, whoever reads it.
      await byTest(page, 'export-xlsx').waitFor();

      await open(page, app.url, '/dashboard');
      if (may.dashboard) {
        await byTest(page, 'chart-organizations').waitFor();
        await byTest(page, 'chart-units').waitFor();
        await byTest(page, 'chart-kinds').waitFor();
        await byTest(page, 'in-several').waitFor();
        if (may.recentChanges) await byTest(page, 'recent-changes').waitFor();
        else assert.equal(await byTest(page, 'recent-changes').count(), 0);
        if (login === 'quantri') await screenshot(page, 'dashboard');
      } else {
        await byTest(page, 'not-allowed').waitFor();
        assert.match(await byTest(page, 'not-allowed').innerText(), /Không được phép/);
        await screenshot(page, 'not-allowed');
      }

      await open(page, app.url, '/import');
      if (may.importPage) await byTest(page, 'import-file').waitFor();
      else await byTest(page, 'not-allowed').waitFor();

      await open(page, app.url, '/agency');
      await byTest(page, 'units-table').waitFor();
      assert.equal(await byTest(page, 'unit-add').count(), may.manageUnits ? 1 : 0, `add-unit button for ${login}`);
      if (login === 'quantri') await screenshot(page, 'agency');
      await page.close();
    });
  }

  test('a member who opens another page of theirs finds their own record editable, contact fields only', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'doanvien');
    await open(page, app.url, '/account');
    await byTest(page, 'role-member').waitFor();
    await page.getByRole('link', { name: 'Hồ sơ thành viên' }).click();
    await byTest(page, 'person-edit').click();
    await byTest(page, 'person-form').waitFor();
    assert.equal(await byTest(page, 'person-full-name').isDisabled(), true, 'a member may not rename themselves');
    assert.equal(await byTest(page, 'person-phone').isDisabled(), false, 'a member may change their phone');
    await page.close();
  });

  test('signing out leads back to the sign-in page', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'lanhdao');
    await byTest(page, 'sign-out').click();
    await byTest(page, 'login').waitFor();
    await page.goto(`${app.url}/people`);
    await byTest(page, 'login').waitFor();
    await until(() => page.url().includes('/signin'), 'a signed-out visitor is sent to sign in');
    await page.close();
  });
});
