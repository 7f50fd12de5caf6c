// Charity and funds in the browser, on the demo's funds: a member pledges to the open study
// campaign from a phone; the trade union's chair records cash and the totals move by exactly that
// amount, and a double click or a lost answer records one donation; the public statements show
// the article's five gifts, "ẩn danh" and the running balance; the treasurer's disbursement needs
// the chair's approval, and nothing is paid beyond what the fund holds; a bank statement's
// transfer is matched to a pledge from a note without diacritics, booked once, and a re-upload
// books nothing.
// Screenshots (Vietnamese): the funds list and the pledge on a phone, the fund page, the
// statement (and as printed), approvals, the bank statement's proposals and the year report.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { agencyDay, newPage, screenshot, shownDate, signIn } from '../support/harness.mjs';
import { dong, phone, plain, startFunds } from './funds-common.mjs';
import { answer, byTest, chooseOption, open, settled, until, viewportScreenshot } from './ui.mjs';

// The seed's five donations, to the đồng: 42.300.000 đ in all.
const seedAmounts = [2_800_000, 20_000_000, 2_340_000, 2_160_000, 15_000_000];

describe('funds', () => {
  let fixture;
  let app;
  let browser;
  let chair;
  let treasurer;
  let admin;
  let member;
  let folder;
  let study;
  let flood;
  let fundOverApi;
  let entriesOverApi;
  let donateOverApi;

  before(async () => {
    fixture = await startFunds('funds');
    ({ app, browser, chair, treasurer, admin, member, folder, study, flood, fundOverApi, entriesOverApi, donateOverApi } = fixture);
  });
  after(() => fixture?.stop());

  test('a member pledges from a 360 px phone and sees the pledge', async () => {
    const page = await newPage(browser, phone);
    await signIn(page, app.url, 'doanvien');
    await open(page, app.url, '/funds');
    const item = page.locator(`[data-test="fund-item"][data-fund-id="${study.id}"]`);
    await item.waitFor();
    assert.equal(await item.locator('[data-test="fund-received"]').innerText(), dong(study.totals.received));
    await item.locator('[data-test="fund-progress"]').waitFor();
    assert.equal(await byTest(page, 'fund-add').count(), 0, 'a member opens no campaign');
    await page.waitForLoadState('networkidle');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= phone.width, 'the list fits the phone');
    await settled(page);
    await viewportScreenshot(page, 'funds-list-phone');

    await item.locator('[data-test="fund-link"]').click();
    await byTest(page, 'fund-title').waitFor();
    assert.equal(await byTest(page, 'fund-record-donation').count(), 0, 'a member records no money');
    assert.equal(await byTest(page, 'fund-entries').count(), 0, 'nor reads the ledger');
    await byTest(page, 'fund-pledge').click();
    await byTest(page, 'pledge-form-dialog').waitFor();
    await settled(page);
    // A quick amount, then the member types their own: the digits group as they are typed.
    await byTest(page, 'pledge-amount-quick-200000').click();
    assert.equal(await page.locator('#pledge-amount').inputValue(), '200.000');
    await page.locator('#pledge-amount').fill('');
    await page.locator('#pledge-amount').pressSequentially('350000');
    assert.equal(await page.locator('#pledge-amount').inputValue(), '350.000');
    await page.waitForLoadState('networkidle');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= phone.width, 'the pledge form fits the phone');
    await settled(page);
    await viewportScreenshot(page, 'fund-pledge-phone');
    await byTest(page, 'pledge-form-save').click();
    await byTest(page, 'pledge-form-dialog').waitFor({ state: 'hidden' });
    const row = page.locator('[data-test="pledge-row"][data-amount="350000"]');
    await row.waitFor();
    assert.equal(await row.innerText(), member.session.full_name);
    await settled(page);
    await viewportScreenshot(page, 'fund-page-phone');

    // The API has it, once, as the member's own; a member reads only their own pledges.
    const pledges = (await member.get(`/api/v1/funds/${study.id}/pledges`)).body.items;
    assert.equal(pledges.length, 1);
    assert.equal(pledges[0].amount, 350_000);
    assert.equal(pledges[0].person_id, member.session.person_id);
    assert.equal(pledges[0].outstanding, 350_000);
    assert.equal((await fundOverApi(study.id)).totals.pledged, study.totals.pledged + 350_000);
    await page.close();
  });

  test('the chair records a cash donation and the totals move by exactly that amount', async () => {
    const before = await fundOverApi(study.id);
    const amount = 1_234_000;
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, `/funds/${study.id}`);
    await byTest(page, 'fund-title').waitFor();
    assert.equal(await byTest(page, 'fund-total-received').locator('dd').innerText(), dong(before.totals.received));
    await byTest(page, 'fund-record-donation').click();
    await byTest(page, 'donation-form-dialog').waitFor();
    await settled(page);
    await page.locator('#donation-amount').fill('1234000');
    assert.equal(await page.locator('#donation-amount').inputValue(), '1.234.000');
    await byTest(page, 'donation-payer-outside').click();
    await page.locator('#donation-name').fill('Bà Trần Thị Hảo (phụ huynh)');
    await byTest(page, 'donation-form-save').click();
    await byTest(page, 'donation-form-dialog').waitFor({ state: 'hidden' });
    await page.locator(`[data-test="fund-totals"][data-received="${before.totals.received + amount}"]`).waitFor();
    assert.equal(await byTest(page, 'fund-totals').getAttribute('data-balance'), String(before.totals.balance + amount));
    assert.equal(await byTest(page, 'fund-total-received').locator('dd').innerText(), dong(before.totals.received + amount));
    assert.equal(await byTest(page, 'fund-total-balance').locator('dd').innerText(), dong(before.totals.balance + amount));
    assert.equal(await byTest(page, 'fund-cash').innerText(), dong(before.totals.cash + amount));

    // The API agrees to the đồng, and the new entry has a receipt.
    const now = await fundOverApi(study.id);
    assert.equal(now.totals.received - before.totals.received, amount);
    assert.equal(now.totals.cash - before.totals.cash, amount);
    assert.equal(now.totals.bank, before.totals.bank);
    assert.equal(now.totals.balance - before.totals.balance, amount);
    const entry = (await entriesOverApi(study.id)).find((e) => e.kind === 'donation' && e.amount === amount);
    assert.ok(entry?.receipt_number, 'the donation has a receipt number');
    const receipt = byTest(page, `entry-receipt-${entry.id}`);
    await receipt.waitFor();
    assert.equal(await receipt.innerText(), entry.receipt_number);
    const pdf = await fetch(new URL(await receipt.getAttribute('href'), app.url), { headers: { Cookie: chair.cookie } });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-');
    await settled(page);
    await screenshot(page, 'fund-page');
    await page.close();
  });

  test('a double click and a retry after a lost answer record the donation once', async () => {
    const amount = 777_000;
    const before = await fundOverApi(study.id);
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    // The first request reaches the server, which records the gift; its answer is lost on the way
    // back. The page sends it again, with the same key.
    const keys = [];
    await page.route('**/api/v1/funds/*/donations', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await open(page, app.url, `/funds/${study.id}`);
    await byTest(page, 'fund-record-donation').click();
    await byTest(page, 'donation-form-dialog').waitFor();
    await settled(page);
    await page.locator('#donation-amount').fill(String(amount));
    await byTest(page, 'donation-payer-outside').click();
    await page.locator('#donation-name').fill('Công ty TNHH Hồng Lĩnh');
    await byTest(page, 'donation-method-bank_transfer').click();
    await byTest(page, 'donation-form-save').dblclick();
    await byTest(page, 'donation-form-dialog').waitFor({ state: 'hidden' });
    await page.locator(`[data-test="fund-totals"][data-received="${before.totals.received + amount}"]`).waitFor();

    assert.ok(keys.length >= 2, `the lost answer was retried (${keys.length} requests)`);
    assert.match(keys[0], /^[0-9a-f-]{36}$/);
    assert.ok(keys.every((key) => key === keys[0]), 'every attempt carries the same Idempotency-Key');
    const recorded = (await entriesOverApi(study.id)).filter((e) => e.kind === 'donation' && e.amount === amount);
    assert.equal(recorded.length, 1, 'one donation, whatever the clicks and retries');
    const now = await fundOverApi(study.id);
    assert.equal(now.totals.received - before.totals.received, amount);
    assert.equal(now.totals.bank - before.totals.bank, amount);
    assert.equal(await page.locator(`[data-test="entry-row"][data-kind="donation"][data-amount="${amount}"]`).count(), 1);
    await page.close();
  });

  test('the public statements show the article\'s five gifts, "ẩn danh" and the running balance', async () => {
    // The article's five campaigns, by what each received: 42.300.000 đ in all.
    const funds = (await member.get('/api/v1/funds')).body.items;
    const seeded = seedAmounts.map((amount) => funds.find((f) => f.kind === 'campaign' && f.totals.received === amount));
    assert.ok(seeded.every(Boolean), `a campaign received each of ${seedAmounts.map(dong).join(', ')}`);
    assert.equal(seeded.reduce((sum, f) => sum + f.totals.received, 0), 42_300_000);

    const page = await newPage(browser);
    await signIn(page, app.url, 'doanvien');
    for (const fund of seeded) {
      await open(page, app.url, `/funds/${fund.id}/statement`);
      await byTest(page, 'statement-table').waitFor();
      assert.equal(await byTest(page, 'statement-fund').innerText(), fund.name);
      assert.equal(await byTest(page, 'statement-total-received').locator('dd').innerText(), dong(fund.totals.received));
    }
    // Handed over: four of them paid out their whole amount, which the statement shows.
    await open(page, app.url, `/funds/${seeded[2].id}/statement`);
    await byTest(page, 'statement-table').waitFor();
    assert.ok((await byTest(page, 'statement-out').allInnerTexts()).includes(dong(2_340_000)), 'the Hoàng Sa payment of 2.340.000 đ');

    // The flood campaign: its anonymous gift says "ẩn danh", and every balance is the one before
    // it plus what came in, less what went out.
    await open(page, app.url, `/funds/${flood.id}/statement`);
    await byTest(page, 'statement-table').waitFor();
    const api = (await member.get(`/api/v1/funds/${flood.id}/statement`)).body;
    const hidden = api.rows.find((r) => r.anonymous);
    assert.ok(hidden, 'the flood campaign has an anonymous gift');
    assert.equal(hidden.counterparty, null);
    const anonymousRow = page.locator(`[data-test="statement-row"][data-entry-id="${hidden.entry_id}"]`);
    assert.equal(await anonymousRow.locator('[data-test="statement-counterparty"]').innerText(), 'ẩn danh');
    assert.equal(await anonymousRow.locator('[data-test="statement-in"]').innerText(), dong(hidden.amount_in));
    const rows = await page.locator('[data-test="statement-row"]').evaluateAll((elements) => elements.map((e) => ({
      in: Number(e.dataset.in), out: Number(e.dataset.out), balance: Number(e.dataset.balance),
      shown: e.querySelector('[data-test="statement-balance"]').textContent.trim(),
    })));
    assert.equal(rows.length, api.rows.length);
    let balance = 0;
    for (const row of rows) {
      balance += row.in - row.out;
      assert.equal(row.balance, balance, 'the running balance adds up');
      assert.equal(row.shown, dong(row.balance));
    }
    assert.equal(balance, api.totals.balance);
    assert.equal(await byTest(page, 'statement-total-received').locator('dd').innerText(), dong(15_000_000));
    assert.equal(await byTest(page, 'statement-total-balance').locator('dd').innerText(), dong(api.totals.balance));
    assert.match(await byTest(page, 'statement-xlsx').getAttribute('href'), new RegExp(`/api/v1/funds/${flood.id}/statement\\.xlsx\\?lang=vi$`));
    const [xlsx] = await Promise.all([page.waitForEvent('download'), byTest(page, 'statement-xlsx').click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    await settled(page);
    await screenshot(page, 'fund-statement');
    // Printed, the statement stands alone: no header, no menu, no buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header').first().isVisible(), false);
    assert.equal(await byTest(page, 'statement-print').isVisible(), false);
    await settled(page);
    await screenshot(page, 'fund-statement-print');
    await page.close();
  });

  test('a disbursement: the treasurer who asked cannot approve it, the chair can; nothing beyond what the fund holds', async () => {
    // The demo's flood payment awaits a second signature: the treasurer asked for it.
    const pending = (await treasurer.get('/api/v1/disbursements?status=pending')).body.items;
    const request = pending.find((d) => d.fund_id === flood.id);
    assert.ok(request, 'the flood payment is pending');
    assert.equal(request.requested_by.login, 'thuquy');
    assert.equal(request.may_decide, false);

    const page = await newPage(browser);
    await signIn(page, app.url, 'thuquy');
    await open(page, app.url, '/funds/approvals');
    await byTest(page, 'approvals-rule').waitFor();
    const own = page.locator(`[data-test="approval-item"][data-disbursement-id="${request.id}"]`);
    await own.waitFor();
    assert.equal(await own.locator('[data-test="approval-approve"]').count(), 0, 'no approve button for the requester');
    assert.match(await own.locator('[data-test="approval-waiting"]').innerText(), /cần một cán bộ khác duyệt/);
    await own.locator('[data-test="approval-withdraw"]').waitFor();
    await settled(page);
    await screenshot(page, 'fund-approvals-requester');
    await page.close();
    // The API refuses it too.
    const refused = await treasurer.post(`/api/v1/disbursements/${request.id}/approve`, {});
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'funds.same_officer');

    // The chair, the second officer, approves it.
    const before = await fundOverApi(flood.id);
    const second = await newPage(browser);
    await signIn(second, app.url, 'chutichcd');
    await open(second, app.url, '/funds/approvals');
    const item = second.locator(`[data-test="approval-item"][data-disbursement-id="${request.id}"]`);
    await item.waitFor();
    assert.equal(await item.locator('[data-test="approval-amount"]').innerText(), dong(request.amount));
    await settled(second);
    await screenshot(second, 'fund-approvals');
    await item.locator('[data-test="approval-approve"]').click();
    await answer(second, 'Duyệt');
    await item.waitFor({ state: 'detached' });
    const decided = (await chair.get('/api/v1/disbursements?status=approved')).body.items.find((d) => d.id === request.id);
    assert.equal(decided.status, 'approved');
    assert.equal(decided.requested_by.login, 'thuquy');
    assert.equal(decided.decided_by.login, 'chutichcd');
    assert.ok(decided.entry_id, 'the approval booked an entry');
    const after = await fundOverApi(flood.id);
    assert.equal(after.totals.disbursed - before.totals.disbursed, request.amount);
    assert.equal(before.totals.balance - after.totals.balance, request.amount);

    // Two cash payments from the study fund, each within its cash, both together beyond it: the
    // second approval is refused, and the page says why and what the fund holds.
    await donateOverApi(treasurer, study.id, 600_000, { kind: 'outside', name: 'Hội Khuyến học xã' });
    const cash = (await fundOverApi(study.id)).totals.cash;
    const ask = async (purpose) => {
      const reply = await treasurer.post(`/api/v1/funds/${study.id}/disbursements`, {
        amount: cash, method: 'cash', beneficiary: 'Cháu Lê Thị Mai, lớp 9', purpose, paid_on: request.paid_on,
      });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      return reply.body;
    };
    const first = await ask('Học bổng vượt khó');
    const again = await ask('Học bổng vượt khó (lần hai)');
    await open(second, app.url, '/funds/approvals');
    const firstItem = second.locator(`[data-test="approval-item"][data-disbursement-id="${first.id}"]`);
    await firstItem.locator('[data-test="approval-approve"]').click();
    await answer(second, 'Duyệt');
    await firstItem.waitFor({ state: 'detached' });
    const big = second.locator(`[data-test="approval-item"][data-disbursement-id="${again.id}"]`);
    await big.locator('[data-test="approval-approve"]').click();
    await answer(second, 'Duyệt');
    const problem = big.locator('[data-test="approval-problem"]');
    await problem.waitFor();
    assert.equal(await problem.getAttribute('data-code'), 'funds.insufficient_balance');
    assert.match(await problem.innerText(), /Số dư của quỹ không đủ/);
    assert.match(await problem.innerText(), new RegExp(`tiền mặt ${dong(0).replace('.', '\\.')}`));
    const study_now = await fundOverApi(study.id);
    assert.equal(study_now.totals.cash, 0, 'only the first payment left the cash');
    assert.equal(study_now.totals.pending_disbursements, cash, 'the second still waits');
    await settled(second);
    await screenshot(second, 'fund-approvals-insufficient');
    await second.close();
  });

  test('a bank statement: a note without diacritics is matched to the pledge, booked once, and a re-upload books nothing', async () => {
    // A pledge of the study campaign, paid by bank transfer with a note as Vietnamese banks write it.
    const pledges = (await chair.get(`/api/v1/funds/${study.id}/pledges`)).body.items
      .filter((p) => p.status === 'open' && p.person_id && p.person_id !== member.session.person_id);
    const pledge = pledges.find((p) => plain(p.name) === 'NGUYEN VAN AN') ?? pledges[0];
    assert.ok(pledge, 'the campaign has an open pledge');
    const note = `${plain(pledge.name)} UH KHUYEN HOC`;
    const file = path.join(folder, 'sao-ke-vcb.csv');
    const day = shownDate(agencyDay());
    writeFileSync(file, [
      'Ngày giao dịch,Số tiền,Nội dung,Người chuyển,Mã giao dịch',
      `${day},${pledge.outstanding},${note},${plain(pledge.name)},FT26330${pledge.id}`,
    ].join('\r\n') + '\r\n');
    const entriesBefore = (await entriesOverApi(study.id)).length;

    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, '/funds/bank-statements');
    await byTest(page, 'bank-file').setInputFiles(file);
    await byTest(page, 'bank-result').waitFor();
    assert.equal(await byTest(page, 'bank-count-new-lines').getAttribute('data-count'), '1');
    assert.equal(await byTest(page, 'bank-count-already-imported').getAttribute('data-count'), '0');
    const line = page.locator(`[data-test="bank-line"][data-amount="${pledge.outstanding}"][data-status="open"]`);
    await line.waitFor();
    assert.equal(await line.locator('[data-test="bank-line-reference"]').innerText(), note);
    const proposal = line.locator('[data-test="bank-proposal"]').first();
    await proposal.waitFor();
    assert.equal(await proposal.getAttribute('data-fund-id'), String(study.id));
    assert.equal(await proposal.locator('[data-test="bank-proposal-name"]').innerText(), pledge.name);
    assert.equal(await proposal.getAttribute('data-strength'), 'strong');
    assert.match(await proposal.locator('[data-test="bank-proposal-reasons"]').innerText(), /có đủ họ tên/);
    await settled(page);
    await screenshot(page, 'bank-statement-proposals');

    await line.locator('[data-test="bank-proposal-confirm-0"]').click();
    await byTest(page, 'bank-book-dialog').waitFor();
    await settled(page);
    await byTest(page, 'bank-book-save').click();
    await byTest(page, 'bank-book-dialog').waitFor({ state: 'hidden' });
    const booked = page.locator(`[data-test="bank-line"][data-amount="${pledge.outstanding}"][data-status="booked"]`);
    await booked.waitFor();
    await booked.locator('[data-test="bank-line-receipt"]').waitFor();
    await settled(page);
    await screenshot(page, 'bank-statement-booked');
    const paid = (await chair.get(`/api/v1/funds/${study.id}/pledges`)).body.items.find((p) => p.id === pledge.id);
    assert.equal(paid.outstanding, 0);
    assert.equal(paid.status, 'paid');
    const entries = await entriesOverApi(study.id);
    assert.equal(entries.length, entriesBefore + 1, 'one donation booked');
    assert.equal(entries[0].method, 'bank_transfer');
    assert.equal(entries[0].pledge_id, pledge.id);

    // The same file again: every line is known, nothing new to book.
    await byTest(page, 'bank-file').setInputFiles(file);
    await until(async () => (await byTest(page, 'bank-count-already-imported').getAttribute('data-count')) === '1', 'the re-upload is recognised');
    assert.equal(await byTest(page, 'bank-count-new-lines').getAttribute('data-count'), '0');
    assert.equal(await page.locator('[data-test="bank-line"][data-status="open"]').count(), 0, 'no line to book again');
    assert.equal((await entriesOverApi(study.id)).length, entriesBefore + 1, 'nothing booked twice');
    await page.close();
  });

  test('each role is offered what it may do: leadership reads the ledger, a member pledges and reads statements', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'doanvien');
    await open(page, app.url, '/funds');
    await byTest(page, 'fund-item').first().waitFor();
    for (const tab of ['fund-approvals', 'fund-bank-statements', 'fund-report']) {
      assert.equal(await byTest(page, `funds-tab-${tab}`).count(), 0, `a member is not offered ${tab}`);
    }
    await open(page, app.url, '/funds/approvals');
    await byTest(page, 'not-allowed').waitFor();
    await page.close();

    const leader = await newPage(browser);
    await signIn(leader, app.url, 'lanhdao');
    await open(leader, app.url, `/funds/${flood.id}`);
    await byTest(leader, 'fund-entries').waitFor();
    await leader.locator('[data-test="entry-row"]').first().waitFor();
    assert.equal(await byTest(leader, 'fund-record-donation').count(), 0, 'leadership records no money');
    assert.equal(await byTest(leader, 'fund-request-disbursement').count(), 0);
    assert.equal(await leader.locator('[data-test^="entry-reverse-"]').count(), 0, 'nor reverses entries');
    await open(leader, app.url, '/funds');
    await byTest(leader, 'funds-tab-fund-report').waitFor();
    assert.equal(await byTest(leader, 'fund-add').count(), 0);
    await leader.close();
  });

  test('on a phone no funds page is wider than the screen, in Vietnamese or in English', async () => {
    const page = await newPage(browser, phone);
    await signIn(page, app.url, 'chutichcd');
    const pages = ['/funds', `/funds/${study.id}`, `/funds/${flood.id}/statement`, '/funds/approvals', '/funds/bank-statements', '/funds/report'];
    for (const language of ['VI', 'EN']) {
      if (language === 'EN') await byTest(page, 'language-en').click();
      for (const path of pages) {
        await open(page, app.url, path);
        await page.waitForLoadState('networkidle');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= phone.width, `${path} (${language}) is ${width} px wide`);
      }
    }
    // The English words are there too.
    await open(page, app.url, `/funds/${study.id}`);
    await byTest(page, 'fund-pledge').waitFor();
    assert.equal(await byTest(page, 'fund-pledge').innerText(), 'Pledge');
    assert.equal(await byTest(page, 'fund-total-received').locator('dt').innerText(), 'Received');
    await settled(page);
    await viewportScreenshot(page, 'fund-page-phone-en');
    await page.close();
  });

  test('the year report lists the year\'s giving in the article\'s words', async () => {
    const hoangSa = (await admin.get('/api/v1/funds')).body.items.find((f) => f.kind === 'campaign' && f.totals.received === 2_340_000);
    const year = Number(hoangSa.starts_on.slice(0, 4));
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, `/funds/report?year=${year}`);
    await byTest(page, 'fund-report-year-list').waitFor();
    const lines = await byTest(page, 'fund-report-line').allInnerTexts();
    for (const amount of seedAmounts) assert.ok(lines.some((line) => line.endsWith(` ${dong(amount)}`)), `the year list has ${dong(amount)}: ${lines.join(' | ')}`);
    assert.ok(lines.includes('ủng hộ quỹ Hoàng Sa 2.340.000 đ'), lines.join(' | '));
    const report = (await admin.get(`/api/v1/funds/report?year=${year}`)).body;
    assert.equal(await byTest(page, 'fund-report-received').getAttribute('data-amount'), String(report.received));
    // Each fund's row adds up from what it held on 1 January, and the total row is the rows' sum.
    const columns = ['opening_balance', 'received', 'disbursed', 'transferred_in', 'transferred_out', 'closing_balance'];
    const rows = byTest(page, 'fund-report-funds').locator('.el-table__body tr');
    assert.equal(await rows.count(), report.by_fund.length);
    for (let i = 0; i < report.by_fund.length; ++i) {
      const shown = {};
      for (const column of columns) shown[column] = Number(await rows.nth(i).locator(`[data-test="fund-report-row-${column}"]`).getAttribute('data-amount'));
      assert.deepEqual(shown, Object.fromEntries(columns.map((c) => [c, report.by_fund[i][c]])));
      assert.equal(shown.opening_balance + shown.received - shown.disbursed + shown.transferred_in - shown.transferred_out, shown.closing_balance, report.by_fund[i].name);
    }
    const footer = await byTest(page, 'fund-report-funds').locator('.el-table__footer td').allInnerTexts();
    assert.deepEqual(footer.slice(1).map((cell) => cell.trim()), columns.map((c) => dong(report[c])));
    for (const c of columns) assert.equal(report.by_fund.reduce((sum, row) => sum + row[c], 0), report[c], `the ${c} column adds up`);
    assert.equal(report.year_list.reduce((sum, item) => sum + item.amount, 0), report.year_list_total);
    await byTest(page, 'fund-report-chart').locator('canvas').waitFor();
    await settled(page);
    await screenshot(page, 'fund-report');
    await page.close();
  });

  test('the chair opens a campaign, reverses a mistaken gift, transfers what is left and closes it', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, '/funds');
    await byTest(page, 'fund-add').click();
    await byTest(page, 'fund-form-dialog').waitFor();
    await settled(page);
    await page.locator('#fund-name').fill('Ủng hộ đồng nghiệp Trần Văn Bình bị tai nạn');
    await page.locator('#fund-beneficiary').fill('Gia đình đồng chí Trần Văn Bình');
    await page.locator('#fund-target').fill('5000000');
    await byTest(page, 'fund-form-save').click();
    await byTest(page, 'fund-title').waitFor();
    assert.equal(await byTest(page, 'fund-title').innerText(), 'Ủng hộ đồng nghiệp Trần Văn Bình bị tai nạn');
    const id = Number(new URL(page.url()).pathname.split('/').at(-1));
    const created = await fundOverApi(id);
    assert.equal(created.target, 5_000_000);
    assert.equal(created.status, 'open');

    // A gift recorded twice by mistake: the second is reversed, with its reason, never deleted.
    await donateOverApi(chair, id, 2_000_000, { kind: 'outside', name: 'Phòng Công chứng số 1' });
    const mistake = await donateOverApi(chair, id, 2_000_000, { kind: 'outside', name: 'Phòng Công chứng số 1' });
    await page.reload();
    await byTest(page, `entry-reverse-${mistake.id}`).click();
    await byTest(page, 'reverse-form-dialog').waitFor();
    await settled(page);
    assert.match(await byTest(page, 'reverse-form-intro').innerText(), /2\.000\.000 đ/);
    await page.locator('#reverse-form-reason').fill('Ghi trùng phiếu thu');
    await byTest(page, 'reverse-form-save').click();
    await byTest(page, 'reverse-form-dialog').waitFor({ state: 'hidden' });
    await page.locator(`[data-test="entry-row"][data-entry-id="${mistake.id}"]`).waitFor();
    await page.locator('[data-test="entry-row"][data-kind="reversal"]').waitFor();
    assert.equal((await fundOverApi(id)).totals.balance, 2_000_000);
    assert.equal(await byTest(page, 'fund-total-balance').locator('dd').innerText(), dong(2_000_000));

    // What is left goes to the welfare fund.
    const welfare = (await chair.get('/api/v1/funds')).body.items.find((f) => f.kind === 'standing');
    await byTest(page, 'fund-transfer').click();
    await byTest(page, 'transfer-form-dialog').waitFor();
    await settled(page);
    await chooseOption(page, 'transfer-to', welfare.name);
    await page.locator('#transfer-amount').fill('2000000');
    await page.locator('#transfer-memo').fill('Phần còn lại chuyển quỹ phúc lợi');
    await byTest(page, 'transfer-form-save').click();
    await byTest(page, 'transfer-form-dialog').waitFor({ state: 'hidden' });
    await byTest(page, 'fund-total-transferred-out').waitFor();
    assert.equal(await byTest(page, 'fund-total-transferred-out').locator('dd').innerText(), dong(2_000_000));
    assert.equal((await fundOverApi(id)).totals.balance, 0);
    assert.equal((await fundOverApi(welfare.id)).totals.balance, welfare.totals.balance + 2_000_000);

    await byTest(page, 'fund-close').click();
    await answer(page, 'Kết thúc cuộc vận động');
    await page.locator('[data-test="fund-status"][data-status="closed"]').waitFor();
    assert.equal(await byTest(page, 'fund-pledge').count(), 0, 'a closed campaign takes no pledge');
    assert.equal((await fundOverApi(id)).status, 'closed');

    // The statement keeps the mistake, marked, and its reversal.
    await open(page, app.url, `/funds/${id}/statement`);
    await page.locator(`[data-test="statement-row"][data-entry-id="${mistake.id}"][data-reversed="true"]`).waitFor();
    await byTest(page, 'statement-reversed').waitFor();
    assert.equal(await byTest(page, 'statement-total-balance').locator('dd').innerText(), dong(0));
    await settled(page);
    await screenshot(page, 'fund-statement-reversal');
    await page.close();
  });
});
