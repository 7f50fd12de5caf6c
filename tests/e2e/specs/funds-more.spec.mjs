// More of charity and funds in the browser (funds.spec.mjs has the main paths): a member cancels
// their own pledge from a 360 px phone, and a partly paid one offers no cancelling; an officer of
// the fund cancels someone else's, and a page that did not know of a payment shows the server's
// refusal; a fund's managers change its details, with the server's problems beside the fields
// (a standing fund has no end to set); a bank statement line that is no gift is ignored with its
// reason, and a transfer from a person without a pledge is booked into a fund the dialog asks for.
// On a desktop the ledger shows every column, the approver's too, beside its actions.
// Screenshots (Vietnamese, and the edit form on a phone in English): the cancel dialog on a phone,
// the refusal, the edit form with its problem, the bank lines ignored and booked; the ledger on a
// desktop in both languages.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { agencyDay, artifacts, newPage, screenshot, shownDate as shown, signIn } from '../support/harness.mjs';
import { dong, phone, plain, startFunds } from './funds-common.mjs';
import { byTest, chooseOption, open, settled, typeDate, until, viewportScreenshot } from './ui.mjs';

/** Today at the agency (UTC+7), shifted by `days`, as yyyy-mm-dd. */
/** yyyy-mm-dd → dd/mm/yyyy, as the date fields read. */
/** The problem an Element Plus form item shows beside the field with this id. */
const fieldError = (page, id) => page.locator(`.el-form-item:has(#${id}) .el-form-item__error`);

describe('funds, more', () => {
  let fixture;
  let app;
  let browser;
  let chair;
  let admin;
  let member;
  let folder;
  let study;
  let welfare;
  let fundOverApi;
  let postOnce;

  const pledgeOverApi = async (fundId, id) => (await chair.get(`/api/v1/funds/${fundId}/pledges`)).body.items.find((p) => p.id === id);
  const makePledge = (session, fundId, input) => postOnce(session, `/api/v1/funds/${fundId}/pledges`, input);
  /** Part of a pledge paid in cash, as the treasurer records it. */
  const payOverApi = (fundId, pledge, amount) => fixture.donateOverApi(fixture.treasurer, fundId, amount,
    pledge.person_id ? { kind: 'person', person_id: pledge.person_id } : { kind: 'outside', name: pledge.name }, { pledge_id: pledge.id });

  before(async () => {
    fixture = await startFunds('funds-more');
    ({ app, browser, chair, admin, member, folder, study, welfare, fundOverApi, postOnce } = fixture);
  });
  after(() => fixture?.stop());

  test('a member cancels their own pledge from a 360 px phone; a partly paid one offers no cancelling', async () => {
    const pledge = await makePledge(member, study.id, { amount: 250_000 });
    const partly = await makePledge(member, study.id, { amount: 400_000 });
    await payOverApi(study.id, partly, 100_000);
    const before = await fundOverApi(study.id);

    const page = await newPage(browser, phone);
    await signIn(page, app.url, 'doanvien');
    await open(page, app.url, `/funds/${study.id}`);
    const cancel = byTest(page, `pledge-cancel-${pledge.id}`);
    await cancel.waitFor();
    assert.equal(await byTest(page, `pledge-cancel-${partly.id}`).count(), 0, 'nothing to cancel once part is paid');
    assert.equal(await page.locator('[data-test^="pledge-pay-"]').count(), 0, 'a member records no payment');
    assert.equal(await byTest(page, 'fund-edit').count(), 0, 'nor changes the fund');
    await page.waitForLoadState('networkidle');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= phone.width, 'the fund page fits the phone');

    // The actions stay in sight beside the scrolling columns.
    await cancel.scrollIntoViewIfNeeded();
    const box = await cancel.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= phone.width, `the cancel button is on the screen (${box.x}–${box.x + box.width})`);
    assert.equal(await byTest(page, `pledge-amount-${pledge.id}`).innerText(), dong(250_000), 'and says which pledge it cancels');
    await settled(page);
    await viewportScreenshot(page, 'fund-my-pledges-phone');
    await cancel.click();
    await byTest(page, 'cancel-pledge-dialog').waitFor();
    await settled(page);
    assert.match(await byTest(page, 'cancel-pledge-intro').innerText(), /Hủy đăng ký ủng hộ 250\.000 đ của /);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= phone.width, 'the dialog fits the phone');
    await viewportScreenshot(page, 'fund-cancel-pledge-phone');
    // A promise is withdrawn without having to say why.
    await byTest(page, 'cancel-pledge-save').click();
    await byTest(page, 'cancel-pledge-dialog').waitFor({ state: 'hidden' });
    await page.locator(`[data-test="pledge-status-${pledge.id}"][data-status="cancelled"]`).waitFor();
    assert.equal(await byTest(page, `pledge-status-${pledge.id}`).innerText(), 'Đã hủy');
    assert.equal(await cancel.count(), 0, 'a cancelled pledge offers nothing more');
    await settled(page);
    await viewportScreenshot(page, 'fund-pledge-cancelled-phone');

    const now = await pledgeOverApi(study.id, pledge.id);
    assert.equal(now.status, 'cancelled');
    const after = await fundOverApi(study.id);
    assert.equal(before.totals.pledge_outstanding - after.totals.pledge_outstanding, 250_000, 'no longer owed');
    assert.equal(after.totals.received, before.totals.received, 'no money moved');
    assert.equal((await pledgeOverApi(study.id, partly.id)).status, 'open');
    await page.close();
  });

  test('an officer cancels anyone\'s pledge, and a page that missed a payment shows the server\'s refusal', async () => {
    const someone = await makePledge(member, study.id, { amount: 300_000 });
    const outside = await makePledge(chair, study.id, { amount: 1_000_000, name: 'Bà Phạm Thị Hoa (phụ huynh)' });

    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, `/funds/${study.id}`);
    await byTest(page, `pledge-cancel-${someone.id}`).waitFor();
    await byTest(page, `pledge-pay-${someone.id}`).waitFor();
    const late = byTest(page, `pledge-cancel-${outside.id}`);
    await late.waitFor();

    // While the page is open the treasurer records part of the outside giver's pledge.
    await payOverApi(study.id, outside, 200_000);
    await late.click();
    await byTest(page, 'cancel-pledge-dialog').waitFor();
    await settled(page);
    assert.match(await byTest(page, 'cancel-pledge-intro').innerText(), /1\.000\.000 đ của Bà Phạm Thị Hoa/);
    await page.locator('#cancel-pledge-reason').fill('Phụ huynh xin rút đăng ký');
    await byTest(page, 'cancel-pledge-save').click();
    const refusal = byTest(page, 'cancel-pledge-error');
    await refusal.waitFor();
    assert.equal(await refusal.locator('.el-alert__title').innerText(), 'Đăng ký ủng hộ đã được nộp một phần, không hủy được.');
    // The list behind the dialog now knows of the payment.
    await late.waitFor({ state: 'detached' });
    await settled(page);
    await viewportScreenshot(page, 'fund-cancel-pledge-refused');
    await byTest(page, 'cancel-pledge-dialog').getByRole('button', { name: 'Hủy', exact: true }).click();
    await byTest(page, 'cancel-pledge-dialog').waitFor({ state: 'hidden' });
    const kept = await pledgeOverApi(study.id, outside.id);
    assert.equal(kept.status, 'open');
    assert.equal(kept.paid, 200_000);

    // A member's pledge, cancelled by the officer with a reason; the ledger keeps it, reversed.
    await byTest(page, `pledge-cancel-${someone.id}`).click();
    await byTest(page, 'cancel-pledge-dialog').waitFor();
    await settled(page);
    assert.equal(await byTest(page, 'cancel-pledge-error').count(), 0, 'a new question starts without the old problem');
    await page.locator('#cancel-pledge-reason').fill('Đồng chí đã chuyển công tác');
    await byTest(page, 'cancel-pledge-save').click();
    await byTest(page, 'cancel-pledge-dialog').waitFor({ state: 'hidden' });
    await page.locator(`[data-test="pledge-status-${someone.id}"][data-status="cancelled"]`).waitFor();
    assert.equal((await pledgeOverApi(study.id, someone.id)).status, 'cancelled');
    const entries = (await chair.get(`/api/v1/funds/${study.id}/entries`)).body.items;
    const promised = entries.find((e) => e.kind === 'pledge' && e.pledge_id === someone.id);
    assert.ok(promised?.reversed_by, 'the pledge\'s entry is reversed, not deleted');
    const reversal = entries.find((e) => e.id === promised.reversed_by);
    assert.equal(reversal.kind, 'reversal');
    await page.close();
  });

  test('a manager changes a campaign\'s details, with the server\'s problem beside its field', async () => {
    const startsOn = agencyDay();
    const organizationIds = study.organizations.map((o) => o.id);
    const created = await chair.post('/api/v1/funds', {
      kind: 'campaign', name: 'Quà Trung thu cho con đoàn viên', beneficiary: '', purpose: '',
      target: 3_000_000, starts_on: startsOn, ends_on: null, organization_ids: organizationIds,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;

    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, `/funds/${id}`);
    await byTest(page, 'fund-edit').click();
    await byTest(page, 'fund-form-dialog').waitFor();
    await settled(page);
    // The same form as opening a fund, filled in; its kind and organizers stay as they are.
    assert.equal(await byTest(page, 'fund-form-dialog').locator('.el-dialog__title').innerText(), 'Sửa thông tin quỹ');
    assert.equal(await page.locator('#fund-name').inputValue(), 'Quà Trung thu cho con đoàn viên');
    assert.equal(await page.locator('#fund-target').inputValue(), '3.000.000');
    assert.equal(await byTest(page, 'fund-kind').count(), 0);
    assert.equal(await page.locator('#fund-organizations').count(), 0);
    assert.ok(await page.locator('#fund-starts-on').isDisabled(), 'the start stays as it was');

    await page.locator('#fund-name').fill('Quà Trung thu 2026 cho con đoàn viên');
    await page.locator('#fund-beneficiary').fill('Các cháu thiếu nhi con đoàn viên');
    await page.locator('#fund-purpose').fill('Mua quà và tổ chức vui Tết Trung thu cho các cháu.');
    await page.locator('#fund-target').fill('4500000');
    // An end before the start: the server says so beside the end date.
    await typeDate(page, 'fund-ends-on', shown(agencyDay(-3)));
    await byTest(page, 'fund-form-save').click();
    await until(async () => (await fieldError(page, 'fund-ends-on').count()) === 1, 'the problem shows beside the end date');
    assert.equal(await fieldError(page, 'fund-ends-on').innerText(), 'Ngày kết thúc trước ngày bắt đầu.');
    assert.equal(await byTest(page, 'fund-form-error').count(), 0, 'nothing above the buttons: the problem is beside its field');
    await settled(page);
    await viewportScreenshot(page, 'fund-edit-problem');
    assert.equal((await fundOverApi(id)).name, 'Quà Trung thu cho con đoàn viên', 'nothing changed');

    const endsOn = agencyDay(30);
    await typeDate(page, 'fund-ends-on', shown(endsOn));
    await until(async () => (await fieldError(page, 'fund-ends-on').count()) === 0, 'changing the field clears its problem');
    await byTest(page, 'fund-form-save').click();
    await byTest(page, 'fund-form-dialog').waitFor({ state: 'hidden' });
    await until(async () => (await byTest(page, 'fund-title').innerText()) === 'Quà Trung thu 2026 cho con đoàn viên', 'the page shows the new name');
    assert.equal(await page.locator('dd[data-test="fund-beneficiary"]').innerText(), 'Các cháu thiếu nhi con đoàn viên');
    assert.match(await byTest(page, 'fund-period').innerText(), new RegExp(`đến ${shown(endsOn)}`));
    let fund = await fundOverApi(id);
    assert.equal(fund.name, 'Quà Trung thu 2026 cho con đoàn viên');
    assert.equal(fund.purpose, 'Mua quà và tổ chức vui Tết Trung thu cho các cháu.');
    assert.equal(fund.target, 4_500_000);
    assert.equal(fund.ends_on, endsOn);
    assert.equal(fund.starts_on, startsOn);
    assert.deepEqual(fund.organizations.map((o) => o.id), organizationIds);

    // No target and no end after all.
    await byTest(page, 'fund-edit').click();
    await byTest(page, 'fund-form-dialog').waitFor();
    await settled(page);
    assert.equal(await page.locator('#fund-ends-on').inputValue(), shown(endsOn));
    await page.locator('#fund-target').fill('');
    await typeDate(page, 'fund-ends-on', '');
    await byTest(page, 'fund-form-save').click();
    await byTest(page, 'fund-form-dialog').waitFor({ state: 'hidden' });
    await until(async () => /không thời hạn/.test(await byTest(page, 'fund-period').innerText()), 'the page shows no end');
    fund = await fundOverApi(id);
    assert.equal(fund.target, null);
    assert.equal(fund.ends_on, null);
    assert.equal(await byTest(page, 'fund-progress').count(), 0, 'no target, no progress bar');
    await page.close();

    const reader = await newPage(browser);
    await signIn(reader, app.url, 'doanvien');
    await open(reader, app.url, `/funds/${id}`);
    await byTest(reader, 'fund-pledge').waitFor();
    assert.equal(await byTest(reader, 'fund-edit').count(), 0, 'a member changes no fund');
    await reader.close();
  });

  test('a standing fund has no end to set; the edit form fits a phone in English', async () => {
    const page = await newPage(browser, phone);
    await signIn(page, app.url, 'chutichcd');
    await byTest(page, 'language-en').click();
    await open(page, app.url, `/funds/${welfare.id}`);
    await byTest(page, 'fund-edit').click();
    await byTest(page, 'fund-form-dialog').waitFor();
    await settled(page);
    assert.equal(await byTest(page, 'fund-form-dialog').locator('.el-dialog__title').innerText(), 'Edit the fund');
    assert.equal(await page.locator('#fund-ends-on').count(), 0, 'a standing fund has no end');
    assert.equal(await page.locator('label[for="fund-name"]').innerText(), 'Fund name');
    await page.locator('#fund-purpose').fill('Thăm hỏi đoàn viên ốm đau, hiếu hỉ, gia đình gặp khó khăn.');
    await page.waitForLoadState('networkidle');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= phone.width, 'the form fits the phone');
    await viewportScreenshot(page, 'fund-edit-phone-en');
    await byTest(page, 'fund-form-save').click();
    await byTest(page, 'fund-form-dialog').waitFor({ state: 'hidden' });
    const fund = await fundOverApi(welfare.id);
    assert.equal(fund.purpose, 'Thăm hỏi đoàn viên ốm đau, hiếu hỉ, gia đình gặp khó khăn.');
    assert.equal(fund.ends_on, null);
    assert.equal(fund.kind, 'standing');
    assert.equal(fund.name, welfare.name);
    await page.close();
  });

  test('a bank line that is no gift is ignored with its reason; a person without a pledge is booked into the fund the dialog asks for', async () => {
    // Someone of the agency with no pledge anywhere, whose name nobody else shares.
    const people = (await admin.get('/api/v1/people?limit=500')).body.items;
    const pledged = new Set();
    for (const fund of (await admin.get('/api/v1/funds')).body.items) {
      const reply = await admin.get(`/api/v1/funds/${fund.id}/pledges`);
      for (const p of reply.body.items ?? []) pledged.add(plain(p.name));
    }
    const count = (name) => people.filter((p) => plain(p.full_name) === plain(name)).length;
    const giver = people.find((p) => p.full_name.split(' ').length >= 3 && count(p.full_name) === 1 && !pledged.has(plain(p.full_name)));
    assert.ok(giver, 'the demo has someone who pledged nothing');

    const day = shown(agencyDay());
    const file = path.join(folder, 'sao-ke-bidv.csv');
    writeFileSync(file, [
      'Ngày giao dịch,Số tiền,Nội dung,Người chuyển,Mã giao dịch',
      `${day},11000,HOAN PHI SMS BANKING THANG 5,BIDV,FT26331001`,
      `${day},300000,${plain(giver.full_name)} UNG HO,${plain(giver.full_name)},FT26331002`,
    ].join('\r\n') + '\r\n');

    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, '/funds/bank-statements');
    await byTest(page, 'bank-file').setInputFiles(file);
    await byTest(page, 'bank-result').waitFor();
    assert.equal(await byTest(page, 'bank-count-new-lines').getAttribute('data-count'), '2');

    // The bank's refund is no gift: "Bỏ qua", with the reason required.
    const refund = page.locator('[data-test="bank-line"][data-amount="11000"]');
    await refund.locator('[data-test="bank-line-ignore"]').click();
    await byTest(page, 'ignore-form-dialog').waitFor();
    await settled(page);
    assert.match(await byTest(page, 'ignore-form-intro').innerText(), /HOAN PHI SMS BANKING/);
    await byTest(page, 'ignore-form-save').click();
    await fieldError(page, 'ignore-form-reason').waitFor();
    assert.equal(await fieldError(page, 'ignore-form-reason').innerText(), 'Nhập lý do bỏ qua.');
    await page.locator('#ignore-form-reason').fill('Ngân hàng hoàn phí, không phải tiền ủng hộ');
    await byTest(page, 'ignore-form-save').click();
    await byTest(page, 'ignore-form-dialog').waitFor({ state: 'hidden' });
    await page.locator('[data-test="bank-line"][data-amount="11000"][data-status="ignored"]').waitFor();
    assert.equal(await refund.locator('[data-test="bank-line-status"]').innerText(), 'Đã bỏ qua');
    assert.equal(await refund.locator('[data-test="bank-line-ignore"]').count(), 0, 'an ignored line offers nothing more');

    // The transfer names a person who pledged nothing: the proposal is the person, with no fund.
    const line = page.locator('[data-test="bank-line"][data-amount="300000"][data-status="open"]');
    await line.locator('[data-test="bank-proposal"]').first().waitFor();
    const names = await line.locator('[data-test="bank-proposal-name"]').allInnerTexts();
    const index = names.indexOf(giver.full_name);
    assert.ok(index >= 0, `${giver.full_name} is proposed: ${names.join(', ')}`);
    const proposal = line.locator('[data-test="bank-proposal"]').nth(index);
    assert.match(await proposal.locator('[data-test="bank-proposal-reasons"]').innerText(), /có đủ họ tên/);
    await line.locator(`[data-test="bank-proposal-confirm-${index}"]`).click();
    await byTest(page, 'bank-book-dialog').waitFor();
    await settled(page);
    await page.locator('#bank-book-fund').waitFor();
    await byTest(page, 'bank-book-save').click();
    await fieldError(page, 'bank-book-fund').waitFor();
    assert.equal(await fieldError(page, 'bank-book-fund').innerText(), 'Chọn quỹ.');
    await chooseOption(page, 'bank-book-fund', welfare.name);
    await settled(page);
    await viewportScreenshot(page, 'bank-book-person-fund');
    const before = await fundOverApi(welfare.id);
    await byTest(page, 'bank-book-save').click();
    await byTest(page, 'bank-book-dialog').waitFor({ state: 'hidden' });
    const booked = page.locator('[data-test="bank-line"][data-amount="300000"][data-status="booked"]');
    await booked.locator('[data-test="bank-line-receipt"]').waitFor();
    await settled(page);
    await screenshot(page, 'bank-statement-ignored-and-booked');

    // The API agrees: one bank transfer from that person into the chosen fund, no pledge; the
    // refund stays ignored and nothing is left open.
    const after = await fundOverApi(welfare.id);
    assert.equal(after.totals.received - before.totals.received, 300_000);
    assert.equal(after.totals.bank - before.totals.bank, 300_000);
    const entry = (await chair.get(`/api/v1/funds/${welfare.id}/entries`)).body.items.find((e) => e.kind === 'donation' && e.amount === 300_000);
    assert.equal(entry.method, 'bank_transfer');
    assert.equal(entry.pledge_id, null);
    assert.equal(entry.payer.kind, 'person');
    assert.equal(entry.payer.person_id, giver.id);
    const statement = (await chair.get('/api/v1/bank-statements')).body.items.find((s) => s.file_name === 'sao-ke-bidv.csv');
    assert.equal(statement.open_lines, 0);
    const lines = (await chair.get(`/api/v1/bank-statements/${statement.id}/lines`)).body.items;
    assert.deepEqual(lines.map((l) => [l.amount, l.status]).sort((x, y) => x[0] - y[0]), [[11_000, 'ignored'], [300_000, 'booked']]);
    await page.close();
  });

  test('on a desktop the ledger shows every column, the approver\'s too, none under the actions', async () => {
    // A gift to the standing fund, and a payment from it: the treasurer asks, the chair approves.
    await fixture.donateOverApi(fixture.treasurer, welfare.id, 500_000, { kind: 'outside', name: 'Hội Cựu chiến binh phường' });
    const asked = await fixture.treasurer.post(`/api/v1/funds/${welfare.id}/disbursements`, {
      amount: 200_000, method: 'cash', beneficiary: 'Gia đình đoàn viên ốm đau', purpose: 'Thăm hỏi', paid_on: agencyDay(),
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const approved = await chair.post(`/api/v1/disbursements/${asked.body.id}/approve`, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));

    for (const language of ['vi', 'en']) {
      const page = await newPage(browser, { width: 1280, height: 800 });
      await page.addInitScript((chosen) => localStorage.setItem('doanket.language', chosen), language);
      await signIn(page, app.url, 'chutichcd');
      await open(page, app.url, `/funds/${welfare.id}`);
      const ledger = byTest(page, 'fund-entries');
      const approver = ledger.locator('[data-test="entry-approver"]').filter({ hasText: chair.session.full_name }).first();
      await approver.waitFor();
      // The ledger's top at the window's top: its header and first rows in sight.
      await ledger.evaluate((section) => section.scrollIntoView({ block: 'start' }));
      await settled(page);
      // Each column's header, and the approver's name, is what lies on top where it is drawn
      // (at both ends of its text), and nothing is left to scroll to.
      const covered = await ledger.evaluate((section) => {
        const approver = [...section.querySelectorAll('[data-test="entry-approver"]')].find((cell) => cell.textContent.trim());
        const cells = [...section.querySelectorAll('.el-table__header th .cell'), approver].filter((cell) => cell?.textContent.trim());
        const onTop = (cell, x, y) => { const found = document.elementFromPoint(x, y); return found === cell || cell.contains(found); };
        return cells.filter((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const text = range.getBoundingClientRect();
          const y = text.top + Math.min(text.height, 14) / 2;
          return !(onTop(cell, text.left + 2, y) && onTop(cell, text.right - 2, y));
        }).map((cell) => cell.textContent.trim());
      });
      assert.deepEqual(covered, [], `${language}: columns hidden or covered`);
      const reverse = ledger.locator('[data-test^="entry-reverse-"]').first();
      assert.ok(await reverse.evaluate((button) => button.getBoundingClientRect().right <= button.closest('.cell').getBoundingClientRect().right + 0.5),
        `${language}: the reverse button fits its column`);
      const scroller = ledger.locator('.el-table__body-wrapper .el-scrollbar__wrap');
      assert.ok(await scroller.evaluate((element) => element.scrollWidth <= element.clientWidth + 1), `${language}: the ledger fits without scrolling`);
      await ledger.screenshot({ path: path.join(artifacts, `fund-ledger-desktop-${language}.png`) });
      await page.close();
    }
  });
});
