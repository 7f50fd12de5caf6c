// The administrator's screens: organizations and their superiors, committee seats, partner units,
// accounts, and taking someone off the registry; and that other roles are not offered them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { agencyYear, apiSession, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { answer, byTest, chooseOption, open, pickPerson, typeDate, until } from './ui.mjs';

const fieldError = (page, field) => page.locator(`.el-dialog [data-test="field-${field}"] .el-form-item__error`);

describe('administration', () => {
  let app;
  let browser;
  let admin;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    admin = await apiSession(app.url, 'quantri');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('an organization under a new outside superior, with problems beside the fields; then a committee seat, shown and ended', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/organizations');
    await byTest(page, 'organization-detail').waitFor();
    await byTest(page, 'organization-add').click();
    await byTest(page, 'organization-dialog').waitFor();

    // Nothing filled in: refused here, beside each field.
    await byTest(page, 'organization-save').click();
    await fieldError(page, 'code').waitFor();
    assert.match(await fieldError(page, 'name').innerText(), /Chưa nhập/);

    // A code the agency already has: the API's 409 is shown beside the code.
    await byTest(page, 'organization-code').fill('CD');
    await byTest(page, 'organization-name').fill('Chi hội Phụ nữ Sở Tư pháp');
    await chooseOption(page, 'organization-kind', 'Hội Phụ nữ');
    await chooseOption(page, 'organization-superior', '+ Cấp trên ngoài cơ quan khác…');
    await byTest(page, 'organization-outside-code').fill('HLHPN-HT');
    await byTest(page, 'organization-outside-name').fill('Hội Liên hiệp Phụ nữ tỉnh Hà Tĩnh');
    await screenshot(page, 'organization-form');
    await byTest(page, 'organization-save').click();
    await until(async () => /CD/.test(await fieldError(page, 'code').innerText()), 'the taken code is refused beside the field');

    await byTest(page, 'organization-code').fill('CHPN');
    await byTest(page, 'organization-save').click();
    await byTest(page, 'organization-dialog').waitFor({ state: 'hidden' });

    const organizations = (await admin.get('/api/v1/organizations')).body.items;
    const created = organizations.find((o) => o.code === 'CHPN');
    const outside = organizations.find((o) => o.code === 'HLHPN-HT');
    assert.ok(created && outside, 'both are recorded');
    assert.equal(outside.external, true, 'the superior is recorded as outside the agency');
    assert.equal(created.kind, 'womens-union');
    assert.equal(created.superior.organization_id, outside.id);
    // The tree puts the new organization under its superior, and shows it.
    await page.locator('[data-test="organization-HLHPN-HT"]').waitFor();
    const nested = page.locator('.el-tree-node:has(> .el-tree-node__content [data-test="organization-HLHPN-HT"]) [data-test="organization-CHPN"]');
    await nested.waitFor();
    await until(async () => /Chi hội Phụ nữ Sở Tư pháp/.test(await byTest(page, 'organization-detail').innerText()), 'the new organization is shown');

    // Seat the trade union's chair on its committee.
    await byTest(page, 'seat-add').click();
    await byTest(page, 'seat-dialog').waitFor();
    await byTest(page, 'seat-save').click();
    await fieldError(page, 'person_id').waitFor();
    await pickPerson(page, 'seat-person', 'ho thi thanh ha', 'Hồ Thị Thanh Hà');
    await chooseOption(page, 'seat-role', 'Chủ tịch');
    // A five-year term that began this January (the year of the tests' clock).
    const termStart = agencyYear();
    const termEnd = termStart + 5;
    await byTest(page, 'seat-term').fill(`${termStart}–${termEnd}`);
    await typeDate(page, 'seat-term-start', `01/01/${termStart}`);
    await typeDate(page, 'seat-term-end', `31/12/${termEnd}`);
    await screenshot(page, 'committee-seat-dialog');
    await byTest(page, 'seat-save').click();
    await byTest(page, 'seat-dialog').waitFor({ state: 'hidden' });
    const committee = byTest(page, 'organization-committee');
    await until(async () => /Hồ Thị Thanh Hà/.test(await committee.innerText().catch(() => '')), 'the committee shows the seat');
    assert.match(await committee.innerText(), /Chủ tịch/);
    assert.match(await committee.innerText(), new RegExp(`01/01/${termStart} – 31/12/${termEnd}`));
    const record = (await admin.get(`/api/v1/organizations/${created.id}`)).body;
    assert.equal(record.committee.length, 1);
    assert.equal(record.committee[0].role, 'chair');
    assert.equal(record.committee[0].term_start, `${termStart}-01-01`);

    // Ending the seat asks first, then keeps it as history.
    await byTest(page, `seat-end-${record.committee[0].id}`).click();
    await answer(page, 'Thôi giữ');
    await until(async () => /Đã thôi/.test(await committee.innerText()), 'the ended seat is marked');
    assert.equal(await byTest(page, `seat-end-${record.committee[0].id}`).count(), 0);
    await page.close();
  });

  test('an account for a person: a short password is refused, then that account signs in; disabling it stops that', async () => {
    const accounts = (await admin.get('/api/v1/accounts')).body.items;
    const holders = new Set(accounts.map((a) => a.person_id));
    const person = (await admin.get('/api/v1/people?search=duc&limit=50')).body.items.find((p) => !holders.has(p.id));
    assert.ok(person, 'someone named Đức has no account yet');

    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await byTest(page, 'nav-accounts').click();
    await byTest(page, 'account-quantri').waitFor();
    assert.equal(await byTest(page, 'account-disable-quantri').count(), 0, 'nobody is offered to lock themselves out');
    await byTest(page, 'account-add').click();
    await byTest(page, 'account-dialog').waitFor();
    await pickPerson(page, 'account-person', person.full_name, person.full_name);
    await byTest(page, 'account-login').fill('Tên Sai');
    await byTest(page, 'account-password').fill('ngan-qua');
    await byTest(page, 'account-save').click();
    assert.match(await fieldError(page, 'login').innerText(), /chữ thường/);
    assert.match(await fieldError(page, 'password').innerText(), /12 ký tự/);

    await byTest(page, 'account-login').fill('thanhvienmoi');
    await byTest(page, 'account-password').fill('mat-khau-du-dai-2026');
    await byTest(page, 'account-repeat').fill('mat-khau-du-dai-2026');
    await byTest(page, 'account-save').click();
    await byTest(page, 'account-dialog').waitFor({ state: 'hidden' });
    await byTest(page, 'account-thanhvienmoi').waitFor();
    await screenshot(page, 'accounts-page');

    const other = await newPage(browser);
    await signIn(other, app.url, 'thanhvienmoi', 'mat-khau-du-dai-2026');
    assert.equal(await byTest(other, 'signed-in-user').innerText(), person.full_name);
    await other.close();

    await byTest(page, 'account-disable-thanhvienmoi').click();
    await answer(page, 'Khóa');
    await byTest(page, 'account-disabled-thanhvienmoi').waitFor();
    await assert.rejects(apiSession(app.url, 'thanhvienmoi', 'mat-khau-du-dai-2026'), /401/);
    await page.close();
  });

  test('a partner unit is added, changed and deleted on the agency page', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/agency');
    const before = (await admin.get('/api/v1/partner-units')).body.items.length;
    await until(async () => (await byTest(page, 'partner-row-name').count()) === before, 'the page lists the API\'s partner units');

    await byTest(page, 'partner-add').click();
    await byTest(page, 'partner-dialog').waitFor();
    await byTest(page, 'partner-save').click();
    await fieldError(page, 'name').waitFor();
    await byTest(page, 'partner-name').fill('Trường Chính trị Trần Phú tỉnh Hà Tĩnh');
    await byTest(page, 'partner-address').fill('Thành phố Hà Tĩnh');
    await byTest(page, 'partner-contact-name').fill('Nguyễn Văn Bình');
    await byTest(page, 'partner-contact-phone').fill('0912345699');
    await byTest(page, 'partner-note').fill('Kết nghĩa từ năm 2020');
    await byTest(page, 'partner-save').click();
    await byTest(page, 'partner-dialog').waitFor({ state: 'hidden' });
    await until(async () => (await byTest(page, 'partner-row-name').allInnerTexts()).includes('Trường Chính trị Trần Phú tỉnh Hà Tĩnh'), 'the new partner is listed');
    await screenshot(page, 'partner-units');

    const partner = (await admin.get('/api/v1/partner-units')).body.items.find((p) => p.name === 'Trường Chính trị Trần Phú tỉnh Hà Tĩnh');
    assert.equal(partner.contact_phone, '0912345699');
    await byTest(page, `partner-edit-${partner.id}`).click();
    await byTest(page, 'partner-note').fill('Kết nghĩa từ năm 2021');
    await byTest(page, 'partner-save').click();
    await until(async () => /2021/.test(await byTest(page, 'partners-table').innerText()), 'the change is shown');
    assert.equal((await admin.get('/api/v1/partner-units')).body.items.find((p) => p.id === partner.id).note, 'Kết nghĩa từ năm 2021');

    await byTest(page, `partner-delete-${partner.id}`).click();
    await answer(page, 'Xóa');
    await until(async () => (await byTest(page, 'partner-row-name').count()) === before, 'the deleted partner is gone');
    await page.close();
  });

  test('removing a person says what happens first, then ends memberships and keeps the record', async () => {
    const person = (await admin.get('/api/v1/people?search=hung')).body.items[0];
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, `/people/${person.id}`);
    await byTest(page, 'person-remove').click();
    const consequences = await byTest(page, 'remove-person-consequences').innerText();
    for (const words of [/đã thôi/, /Ban Chấp hành/, /tài khoản/, /giữ lại/]) assert.match(consequences, words);
    await byTest(page, 'remove-person-reason').fill('Nghỉ hưu');
    await byTest(page, 'remove-person-save').click();
    await until(async () => /Nghỉ hưu/.test(await byTest(page, 'person-memberships').innerText()), 'the memberships end with the reason');
    assert.equal(await byTest(page, 'person-remove').count(), 0, 'someone who has left is not offered again');
    const record = (await admin.get(`/api/v1/people/${person.id}`)).body;
    assert.ok(record.memberships.every((m) => m.status === 'left'));
    await page.close();
  });

  test('others are not offered these: leadership sees no add buttons, an officer seats only in their own organization', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'lanhdao');
    await open(page, app.url, '/organizations');
    await byTest(page, 'organization-detail').waitFor();
    assert.equal(await byTest(page, 'organization-add').count(), 0);
    assert.equal(await byTest(page, 'seat-add').count(), 0);
    await open(page, app.url, '/agency');
    await byTest(page, 'partners-table').waitFor();
    assert.equal(await byTest(page, 'partner-add').count(), 0);
    await open(page, app.url, '/accounts');
    await until(() => new URL(page.url()).pathname === '/not-allowed', 'the accounts page is not for leadership');
    await page.close();

    const officer = await newPage(browser);
    await signIn(officer, app.url, 'chutichcd');
    await open(officer, app.url, '/organizations');
    await byTest(officer, 'organization-detail').waitFor();
    await byTest(officer, 'organization-CD').click();
    await byTest(officer, 'seat-add').waitFor();
    assert.equal(await byTest(officer, 'organization-add').count(), 0);
    await byTest(officer, 'organization-DTN').click();
    await until(async () => /Chi đoàn/.test(await byTest(officer, 'organization-detail').innerText()), 'the youth union is shown');
    assert.equal(await byTest(officer, 'seat-add').count(), 0, 'not the trade union chair\'s organization');
    await officer.close();
  });
});
