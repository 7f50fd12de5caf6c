// The registry as an administrator and an officer use it: search, add a member, their record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { agencyDay, apiSession, launchBrowser, newPage, screenshot, shownDate, signIn, startApp } from '../support/harness.mjs';
import { apiNames, byTest, chooseOption, open, shownNames, until } from './ui.mjs';

describe('people', () => {
  let app;
  let browser;
  let admin;  // the API as quantri sees it, to compare the page with

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    admin = await apiSession(app.url, 'quantri');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the list shows the API\'s people in its order, with the total', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/people');
    const page1 = await admin.get('/api/v1/people?limit=50&membership=current');
    const names = await shownNames(page, page1.body.items.map((p) => p.full_name));
    assert.deepEqual(names, page1.body.items.map((p) => p.full_name), 'the page keeps the API\'s Vietnamese name order');
    assert.match(await byTest(page, 'people-total').innerText(), new RegExp(`^${page1.body.total} người`));
    await screenshot(page, 'people-list');
    await page.close();
  });

  test('the dashboard\'s current members are the list\'s, and those not taking part are the rest', async () => {
    // A person in no organization: in the registry, neither counted as a member nor listed as one.
    const unit = (await admin.get('/api/v1/units')).body.items[0];
    const added = await admin.post('/api/v1/people', { full_name: 'Hà Văn Chưa', unit_id: unit.id });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const dashboard = (await admin.get('/api/v1/dashboard')).body;
    const current = (await admin.get('/api/v1/people?limit=1&membership=current')).body.total;
    const none = (await admin.get('/api/v1/people?limit=200&membership=none')).body;
    const everyone = (await admin.get('/api/v1/people?limit=1')).body.total;
    assert.equal(current, dashboard.people, 'the dashboard counts the people taking part');
    assert.equal(current + none.total, everyone, 'taking part or not: everyone once');
    assert.ok(none.items.some((p) => p.id === added.body.id), 'the new person is among those not taking part');

    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/dashboard');
    await byTest(page, 'stat-people').waitFor();
    assert.equal((await byTest(page, 'stat-people').locator('.stat-value').innerText()).replace(/\./g, ''), String(dashboard.people));
    await open(page, app.url, '/people');
    await byTest(page, 'person-link').first().waitFor();
    assert.match(await byTest(page, 'people-total').innerText(), new RegExp(`^${current} người`));
    await chooseOption(page, 'people-status', 'Không sinh hoạt (chưa vào hoặc đã thôi)');
    await until(() => new URL(page.url()).searchParams.get('status') === 'none', 'the choice goes into the address');
    await until(async () => (await byTest(page, 'people-total').innerText()).startsWith(`${none.total} người`), 'the list counts those not taking part');
    assert.ok((await byTest(page, 'person-link').allInnerTexts()).includes('Hà Văn Chưa'));
    await page.close();
  });

  test('sorting is the API\'s: Z→A reverses its name order, by department groups each department, and both stay in the address and the exports', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/people');
    await byTest(page, 'person-link').first().waitFor();
    const byName = await apiNames(admin, 'sort=name&membership=current');

    await chooseOption(page, 'people-sort', 'Tên (Z→A)');
    await until(() => new URL(page.url()).searchParams.get('sort') === '-name', 'the order goes into the address');
    const reversed = await apiNames(admin, 'sort=-name&membership=current');
    assert.deepEqual(reversed, [...byName].reverse(), 'the API\'s Z→A is its A→Z backwards');
    assert.deepEqual(await shownNames(page, reversed.slice(0, 50)), reversed.slice(0, 50));
    assert.match(await byTest(page, 'export-csv').getAttribute('href'), /[?&]sort=-name(&|$)/);

    await chooseOption(page, 'people-sort', 'Phòng ban');
    await until(() => new URL(page.url()).searchParams.get('sort') === 'unit', 'the new order goes into the address');
    const api = (await admin.get('/api/v1/people?limit=50&sort=unit&membership=current')).body.items;
    assert.deepEqual(await shownNames(page, api.map((p) => p.full_name)), api.map((p) => p.full_name));
    const units = await byTest(page, 'person-unit-name').allInnerTexts();
    // Each department is one run of rows: once left, it never comes back.
    const seen = new Set();
    units.forEach((unit, i) => {
      if (i > 0 && unit !== units[i - 1]) assert.ok(!seen.has(unit), `${unit} comes back at row ${i + 1}`);
      seen.add(unit);
    });
    assert.ok(seen.size > 1, 'the page shows several departments');
    assert.match(await byTest(page, 'export-xlsx').getAttribute('href'), /[?&]sort=unit(&|$)/);

    await page.reload();
    assert.deepEqual(await shownNames(page, api.map((p) => p.full_name)), api.map((p) => p.full_name), 'a reload keeps the order');
    assert.match(await page.locator('.el-select__wrapper:has(#people-sort)').innerText(), /Phòng ban/);
    await page.close();
  });

  test('typing "duc" finds every Đức, as the API does', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/people');
    await byTest(page, 'person-link').first().waitFor();
    const expected = await apiNames(admin, 'search=duc&membership=current');
    assert.ok(expected.length > 0, 'the demo has people named Đức');

    await byTest(page, 'people-search').fill('duc');
    await until(() => new URL(page.url()).searchParams.get('search') === 'duc', 'the search goes into the address');
    const names = await shownNames(page, expected);
    assert.deepEqual(names, expected);
    for (const name of names) assert.match(name, /Đức/, `${name} should contain Đức`);
    await page.close();
  });

  test('an organization in the tree leads to its members', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/organizations');
    await byTest(page, 'organization-people-CHLG').waitFor();
    await screenshot(page, 'organizations-tree');
    const organizations = (await admin.get('/api/v1/organizations')).body.items;
    const lawyers = organizations.find((o) => o.code === 'CHLG');
    const expected = await apiNames(admin, `organization_id=${lawyers.id}&membership=current`);
    await byTest(page, 'organization-people-CHLG').click();
    assert.match(await byTest(page, 'people-heading').innerText(), /Chi hội Luật gia/);
    assert.deepEqual(await shownNames(page, expected), expected);
    await page.close();
  });

  test('an officer adds a member: an empty name is refused beside the field, then the member is in the list', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, '/people');
    await byTest(page, 'person-add').click();
    await byTest(page, 'person-form').waitFor();

    await byTest(page, 'person-save').click();
    const nameError = page.locator('[data-test="field-full_name"] .el-form-item__error');
    await nameError.waitFor();
    assert.match(await nameError.innerText(), /Hãy nhập họ và tên/);

    await byTest(page, 'person-full-name').fill('Lê Thị Thử Nghiệm');
    await page.locator('#person-birth-date').fill('15/03/1990');
    await page.locator('#person-birth-date').press('Enter');
    // A CCCD of 5 digits: the server refuses it, and says so beside the field.
    await byTest(page, 'person-id-number').fill('12345');
    await screenshot(page, 'person-form');
    await byTest(page, 'person-save').click();
    const idError = page.locator('[data-test="field-id_number"] .el-form-item__error');
    await idError.waitFor();
    assert.match(await idError.innerText(), /12/);

    await byTest(page, 'person-id-number').fill('');
    await byTest(page, 'person-save').click();
    await until(() => /\/people\/\d+$/.test(new URL(page.url()).pathname), 'saving opens the new record');
    assert.equal(await byTest(page, 'person-name').innerText(), 'Lê Thị Thử Nghiệm');
    assert.equal(await byTest(page, 'person-birth-date').innerText(), '15/03/1990');
    assert.match(await byTest(page, 'person-memberships').innerText(), /Công đoàn cơ sở/);

    await byTest(page, 'nav-people').click();
    await byTest(page, 'people-search').fill('thu nghiem');
    assert.deepEqual(await shownNames(page, ['Lê Thị Thử Nghiệm']), ['Lê Thị Thử Nghiệm']);
    await page.close();
  });

  test('a record shows personal data, memberships and committee seats; a membership ends with a reason', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    // The trade union's chair: a committee seat and memberships to show.
    const chair = (await admin.get('/api/v1/people?search=ho%20thi%20thanh%20ha')).body.items[0];
    await open(page, app.url, `/people/${chair.id}`);
    await byTest(page, 'person-committee').waitFor();
    assert.match(await byTest(page, 'person-committee').innerText(), /Chủ tịch/);
    assert.match(await byTest(page, 'person-birth-date').innerText(), /^\d{2}\/\d{2}\/\d{4}$/);
    await byTest(page, 'person-history').waitFor();
    await screenshot(page, 'person-page');

    // Someone else, whose membership the administrator ends.
    const someone = (await admin.get('/api/v1/people?search=duc')).body.items[0];
    const record = (await admin.get(`/api/v1/people/${someone.id}`)).body;
    const membership = record.memberships.find((m) => m.status === 'active');
    await open(page, app.url, `/people/${someone.id}`);
    await byTest(page, `membership-edit-${membership.organization_id}`).click();
    await byTest(page, 'membership-dialog').waitFor();
    await chooseOption(page, 'membership-status', 'Đã thôi');
    await byTest(page, 'membership-save').click();
    // No date yet: refused beside the field.
    await page.locator('.el-dialog .el-form-item__error').waitFor();
    const left = shownDate(agencyDay());  // today, on the tests' clock
    await page.locator('#membership-left').fill(left);
    await page.locator('#membership-left').press('Enter');
    await byTest(page, 'membership-reason').fill('Chuyển công tác');
    await byTest(page, 'membership-save').click();
    await until(async () => /Chuyển công tác/.test(await byTest(page, 'person-memberships').innerText()), 'the reason is shown');
    assert.ok((await byTest(page, 'person-memberships').innerText()).includes(left));
    await page.close();
  });

  test('moving a person to another department', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    const person = (await admin.get('/api/v1/people?search=hung')).body.items[0];
    const units = (await admin.get('/api/v1/units')).body.items;
    const target = units.find((u) => u.id !== person.unit_id);
    await open(page, app.url, `/people/${person.id}/edit`);
    await byTest(page, 'person-form').waitFor();
    await chooseOption(page, 'person-unit', target.name);
    await byTest(page, 'person-save').click();
    await until(async () => (await byTest(page, 'person-unit').innerText().catch(() => '')) === target.name, 'the record shows the new department');
    const after = (await admin.get(`/api/v1/people/${person.id}`)).body;
    assert.equal(after.unit_id, target.id);
    await page.close();
  });
});
