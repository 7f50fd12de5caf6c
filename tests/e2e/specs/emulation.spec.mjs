// The emulation year in the browser (thi đua – khen thưởng, issue 18), on the demo trade union's
// year as the demo leaves it: every member reviewed, the council's votes recorded and the titles
// proposed (last year decided). The chair, on a desktop, sends the proposal back with a reason.
// A plain member, on a 360 px phone, finds their year among theirs, registers for "Lao động tiên
// tiến" and rates themselves "completed tasks well"; the list's "Mine" says so, with their awards.
// The chair then sends one member's file back (the page shows them not reviewed, and the server's
// refusal of a proposal as it words it), reviews that member "with distinction" with an
// initiative, gives them the council's votes, proposes (the member is proposed for "Chiến sĩ thi
// đua cơ sở") and decides with number 15/QĐ-CĐCS: the awards table shows the member under that
// title, its total is the server's and the sum of its lines, and nothing can be changed any more.
// Last, the title rules: the chair reads every shipped title and cannot change them; the
// administrator adds a version of "Lao động tiên tiến" from today that asks for "with
// distinction" (it is in force, the shipped one replaced), is refused a second version of the same
// day beside the day's field, and adds the trade unions' own title "Đoàn viên công đoàn xuất sắc".
// Every control of the pages is named. Screenshots at 360 px and on a desktop, in Vietnamese and
// in English.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { agencyDay, agencyYear, apiSession, artifacts, launchBrowser, screenshot, shownDate, startApp } from '../support/harness.mjs';
import { answer, byTest, chooseOption, fitsThePhone, open, pageAs, phone, settled, typeDate, until, viewportScreenshot } from './ui.mjs';

const desktop = { width: 1280, height: 900 };
const advanced = 'lao-dong-tien-tien';
const fighter = 'chien-si-thi-dua-co-so';
const decisionNumber = '15/QĐ-CĐCS';
const sentBack = 'Bổ sung minh chứng sáng kiến trước khi trình hội đồng';

/** 2800000 → "2.800.000 đ", as the app writes money in both languages. */
const dong = (amount) => `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
/** "2.800.000 đ" → 2800000; a line without a bonus ("Không có") counts 0. */
const amount = (text) => Number(text.replace(/\D/g, '') || 0);

// The roles a person operates; in Playwright's aria snapshot a nameless one reads `- button`,
// `- checkbox`, `- textbox: its value`… (as a11y.spec.mjs checks every other page).
const operated = ['button', 'switch', 'checkbox', 'radio', 'textbox', 'combobox', 'spinbutton', 'slider', 'searchbox', 'link', 'tab'];
const nameless = new RegExp(`^- (${operated.join('|')})(:| \\[|$)`);

/** The controls of the page's main area without a name, and the button names said twice. */
async function unnamed(page) {
  const snapshot = await page.locator('#main').ariaSnapshot();
  const lines = snapshot.split('\n').map((line) => line.trim()).filter((line) => nameless.test(line));
  const buttons = [...snapshot.matchAll(/^\s*- button "((?:[^"\\]|\\.)*)"/gm)].map((match) => match[1]);
  const repeated = [...new Set(buttons.filter((name, index) => buttons.indexOf(name) !== index))];
  return { lines, repeated };
}

/**
 * A dialog as a whole, however long: the window grows to hold it for the picture (a dialog sits
 * 15 % of the window's height down; on a phone it fills the window), then is as it was.
 */
async function dialogScreenshot(page, dialog, name) {
  const size = page.viewportSize();
  const height = await dialog.evaluate((element) => element.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil((height + 40) / 0.85)) });
  await settled(page);
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
  await page.setViewportSize(size);
}

/** Before a picture: the passing messages gone, the page at its top, nothing moving. */
async function still(page) {
  await until(async () => (await page.locator('.el-message').count()) === 0, 'the messages have gone');
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
}

describe('emulation', () => {
  let app;
  let browser;
  let chair;
  let tradeUnion;
  let path;
  const year = agencyYear();

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chair = await apiSession(app.url, 'chutichcd');
    tradeUnion = chair.session.officer_of[0];
    path = `/api/v1/emulation/years/${tradeUnion}/${year}`;
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the chair sends the demo’s proposal back with a reason', async () => {
    const data = (await chair.get(path)).body;
    assert.equal(data.may_manage, true, JSON.stringify(data));
    assert.equal(data.stage, 'proposed', 'the demo leaves this year proposed');

    const page = await pageAs(browser, app.url, 'chutichcd', { size: desktop });
    await open(page, app.url, '/emulation');
    const card = byTest(page, `emulation-year-${tradeUnion}`);
    await card.waitFor();
    assert.equal(await byTest(page, 'nav-emulation').getAttribute('aria-current'), 'page');
    await card.click();
    await page.waitForURL(new RegExp(`/emulation/${tradeUnion}/${year}`));
    await byTest(page, 'emulation-people').waitFor();
    assert.equal(await byTest(page, 'emulation-stage').getAttribute('data-stage'), 'proposed');
    assert.equal(await page.locator('[data-test^="emulation-review-"]').count(), 0, 'no review while proposed');

    await page.locator('#tab-outcomes').click();
    await byTest(page, 'emulation-rules').waitFor();
    assert.ok((await byTest(page, 'emulation-own-choice').count()) > 0, 'the organization’s own choices are marked');
    assert.equal(await byTest(page, `emulation-proposed-count-${fighter}`).innerText(), `Đề nghị: ${data.proposed[fighter] ?? 0}`);
    await still(page);
    await screenshot(page, 'emulation-desktop-proposed-vi');

    await byTest(page, 'emulation-reopen').click();
    const form = byTest(page, 'reopen-form-dialog');
    await form.waitFor();
    await settled(page);
    await byTest(page, 'reopen-form-save').click();
    await form.getByText('Hãy ghi lý do.').waitFor();
    await page.locator('#reopen-form-reason').fill(sentBack);
    await byTest(page, 'reopen-form-save').click();
    await form.waitFor({ state: 'hidden' });
    await until(async () => (await byTest(page, 'emulation-stage').getAttribute('data-stage')) === 'open', 'the year is open again');
    assert.equal(await byTest(page, 'emulation-reopened').locator('.el-alert__title').innerText(), `Đề nghị đã được trả lại: ${sentBack}`);
    const reopened = (await chair.get(path)).body;
    assert.equal(reopened.stage, 'open');
    assert.equal(reopened.reopened_reason, sentBack);
    await page.close();
  });

  test('a member registers for a title and rates themselves on a 360 px phone', async () => {
    const member = await apiSession(app.url, 'doanvien');
    const listed = await member.get(`/api/v1/emulation/years?year=${year}`);
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    const own = listed.body.items.find((item) => item.member && item.stage === 'open');
    assert.ok(own, `the member takes part in an open year: ${JSON.stringify(listed.body.items)}`);
    assert.equal(own.may_manage, false);

    const page = await pageAs(browser, app.url, 'doanvien');
    await open(page, app.url, '/emulation');
    const card = byTest(page, `emulation-year-${own.organization_id}`);
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(`${own.organization_name} – năm ${year}[\\s\\S]*Mở`));
    await fitsThePhone(page, 'the list of years');
    await card.click();
    await page.waitForURL(new RegExp(`/emulation/${own.organization_id}/${year}`));
    await byTest(page, 'emulation-member').waitFor();
    assert.equal(await byTest(page, 'emulation-stage').getAttribute('data-stage'), 'open');
    assert.equal(await byTest(page, 'emulation-tabs').count(), 0, 'a member has no officers’ tabs');

    // Only "Lao động tiên tiến", whatever was registered before.
    const boxes = byTest(page, 'emulation-register-titles').locator('.el-checkbox');
    for (let i = 0; i < (await boxes.count()); i += 1) {
      const box = boxes.nth(i);
      const wanted = (await box.getAttribute('data-test')) === `emulation-register-${advanced}`;
      if ((await box.getAttribute('class')).includes('is-checked') !== wanted) await box.click();
    }
    await byTest(page, 'emulation-register-save').click();
    await page.getByText('Đã lưu đăng ký.').waitFor();
    await byTest(page, 'emulation-self-rating-good').click();
    await page.locator('#self-rating-note').fill('Hoàn thành đúng hạn mọi việc được giao; tham gia đủ các buổi sinh hoạt.');
    await byTest(page, 'emulation-self-rate-save').click();
    await page.getByText('Đã gửi tự đánh giá.').waitFor();

    const row = (await member.get(`/api/v1/emulation/years/${own.organization_id}/${year}`)).body.people;
    assert.equal(row.length, 1, 'a member sees only their own row');
    assert.deepEqual(row[0].registered, [advanced]);
    assert.equal(row[0].self_rating, 'good');
    const check = await unnamed(page);
    assert.deepEqual(check.lines, [], 'every control of the member’s year is named');
    await fitsThePhone(page, 'the member’s year');
    await still(page);
    await viewportScreenshot(page, 'emulation-phone-member-vi');
    await screenshot(page, 'emulation-phone-member-full-vi');

    // The list's "Mine": the title registered, the self-rating given, the awards of earlier years.
    await open(page, app.url, '/emulation');
    const myYear = byTest(page, `emulation-my-year-${own.organization_id}`);
    await myYear.waitFor();
    await until(async () => (await myYear.locator('[data-test="emulation-my-registered"]').innerText()) === 'Lao động tiên tiến', 'the title is named');
    assert.match(await myYear.locator('[data-test="emulation-my-self-rating"]').innerText(), /^Hoàn thành tốt nhiệm vụ/);
    const mine = (await member.get('/api/v1/emulation/mine')).body;
    assert.equal(await byTest(page, 'emulation-my-award').count(), mine.awards.length);
    await fitsThePhone(page, 'the list with mine');
    await still(page);
    await screenshot(page, 'emulation-phone-list-vi');
    await page.close();
  });

  test('the chair returns a file, reviews, votes, proposes and decides; the awards add up', async () => {
    let data = (await chair.get(path)).body;
    assert.equal(data.stage, 'open');
    // Every member the demo left unreviewed is reviewed over the API: the proposal waits for all.
    for (const p of data.people.filter((other) => other.rating === null)) {
      const reviewed = await chair.post(`${path}/reviews/${p.person_id}`, { rating: 'good', absence_days: 0, discipline: 'none', initiative: false, initiative_note: '' });
      assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
    }
    data = (await chair.get(path)).body;
    // The member whose file goes back: rated "well", without discipline, in service long enough
    // for Lao động tiên tiến (a joining day the registry does not know counts as long enough).
    const chosen = data.people.find((p) => p.person_id !== chair.session.person_id && p.rating === 'good' && p.discipline === 'none'
      && (p.months_in_service === null || p.months_in_service >= 6));
    assert.ok(chosen, 'a member rated “well” to review again');

    const page = await pageAs(browser, app.url, 'chutichcd', { size: desktop });
    await open(page, app.url, `/emulation/${tradeUnion}/${year}`);
    await byTest(page, 'emulation-people').waitFor();
    await until(async () => (await byTest(page, 'emulation-unreviewed').getAttribute('data-count')) === '0', 'everyone is reviewed');
    const check = await unnamed(page);
    assert.deepEqual(check.lines, [], 'every control of the people’s tab is named');
    assert.deepEqual(check.repeated, [], 'no two buttons share a name');

    // The file goes back: the member is no longer reviewed, and reads why.
    await byTest(page, `emulation-return-${chosen.person_id}`).click();
    const giveBack = byTest(page, 'return-form-dialog');
    await giveBack.waitFor();
    await settled(page);
    await page.locator('#return-form-reason').fill('Thiếu bản tự nhận xét có chữ ký');
    await byTest(page, 'return-form-save').click();
    await giveBack.waitFor({ state: 'hidden' });
    await until(async () => (await byTest(page, 'emulation-unreviewed').getAttribute('data-count')) === '1', 'one member is left to review');
    const returned = (await chair.get(path)).body.people.find((p) => p.person_id === chosen.person_id);
    assert.equal(returned.rating, null);
    assert.equal(returned.returned_reason, 'Thiếu bản tự nhận xét có chữ ký');

    // The proposal waits for them: the server's refusal is shown as it words it.
    await page.locator('#tab-outcomes').click();
    await byTest(page, 'emulation-propose').click();
    await answer(page, 'Lập đề nghị');
    const refusalShown = byTest(page, 'emulation-propose-error');
    await refusalShown.waitFor();
    const refusal = await chair.post(`${path}/proposal`, {});
    assert.equal(refusal.status, 409, JSON.stringify(refusal.body));
    assert.equal(refusal.body.code, 'emulation.unreviewed');
    assert.equal((await refusalShown.locator('.el-alert__title').innerText()).trim(), refusal.body.message?.vi || refusal.body.detail || refusal.body.title);
    await still(page);
    await screenshot(page, 'emulation-desktop-refused-vi');

    // The review: with distinction, and an initiative.
    await page.locator('#tab-people').click();
    await byTest(page, `emulation-review-${chosen.person_id}`).click();
    const review = byTest(page, 'review-form-dialog');
    await review.waitFor();
    await settled(page);
    await byTest(page, 'review-rating-excellent').click();
    await byTest(page, 'review-initiative').click();
    await page.locator('#review-initiative-note').fill('Số hóa hồ sơ đoàn viên công đoàn, tiết kiệm 200 giờ công mỗi năm');
    await screenshot(page, 'emulation-desktop-review-vi');
    await byTest(page, 'review-form-save').click();
    await review.waitFor({ state: 'hidden' });
    await until(async () => (await byTest(page, 'emulation-unreviewed').getAttribute('data-count')) === '0', 'everyone is reviewed again');
    data = (await chair.get(path)).body;
    const saved = data.people.find((p) => p.person_id === chosen.person_id);
    assert.equal(saved.rating, 'excellent');
    assert.equal(saved.initiative, true);
    assert.equal(data.unreviewed, 0);

    // The council's vote: every yes of the council for them, the others' votes kept.
    const votesBefore = data.people.reduce((n, p) => n + Object.keys(p.votes).length, 0) + data.collectives.reduce((n, c) => n + Object.keys(c.votes).length, 0);
    await page.locator('#tab-votes').click();
    const council = byTest(page, 'emulation-council');
    await council.waitFor();
    if (!(await council.inputValue())) await council.fill('7');
    const members = await council.inputValue();
    await byTest(page, `emulation-vote-person-${chosen.person_id}-${fighter}`).fill(members);
    await byTest(page, 'emulation-votes-save').click();
    await page.getByText('Đã lưu kết quả bỏ phiếu.').waitFor();
    data = (await chair.get(path)).body;
    assert.equal(data.people.find((p) => p.person_id === chosen.person_id).votes[fighter], Number(members));
    const votesAfter = data.people.reduce((n, p) => n + Object.keys(p.votes).length, 0) + data.collectives.reduce((n, c) => n + Object.keys(c.votes).length, 0);
    assert.equal(votesAfter, votesBefore + 1, 'the votes saved before are kept');

    // The proposal: the member is proposed for Chiến sĩ thi đua cơ sở.
    await page.locator('#tab-outcomes').click();
    await byTest(page, 'emulation-propose').click();
    await answer(page, 'Lập đề nghị');
    await until(async () => (await byTest(page, 'emulation-stage').getAttribute('data-stage')) === 'proposed', 'the year is proposed');
    data = (await chair.get(path)).body;
    const outcome = data.outcomes.find((o) => o.title === fighter && o.subject === 'person' && o.subject_id === chosen.person_id);
    assert.equal(outcome?.verdict, 'proposed', JSON.stringify(outcome));
    assert.match(await byTest(page, `emulation-proposed-${fighter}`).innerText(), new RegExp(chosen.full_name));
    assert.equal(await byTest(page, `emulation-proposed-count-${fighter}`).innerText(), `Đề nghị: ${data.proposed[fighter]}`);

    // The decision, signed today.
    await byTest(page, 'emulation-decide').click();
    const form = byTest(page, 'decision-form-dialog');
    await form.waitFor();
    await settled(page);
    await page.locator('#decision-number').fill(decisionNumber);
    await typeDate(page, 'decision-signed-on', shownDate(agencyDay()));
    assert.equal(await page.locator('#decision-signer').inputValue(), chair.session.full_name);
    await byTest(page, 'decision-form-save').click();
    await form.waitFor({ state: 'hidden' });
    await byTest(page, 'emulation-decision').waitFor();
    data = (await chair.get(path)).body;
    assert.equal(data.stage, 'decided');
    assert.equal(data.decision.number, decisionNumber);
    assert.equal(data.decision.signed_on, agencyDay());
    assert.equal(await byTest(page, 'emulation-decision-number').innerText(), decisionNumber);
    assert.equal(await byTest(page, 'emulation-decision-date').innerText(), shownDate(agencyDay()));

    const rows = await byTest(page, 'emulation-award').evaluateAll((trs) => trs.map((tr) => ({
      title: tr.querySelector('[data-test="award-title"]').textContent.trim(),
      name: tr.querySelector('[data-test="award-name"]').textContent.trim(),
      bonus: tr.querySelector('[data-test="award-bonus"]').textContent.trim(),
    })));
    assert.equal(rows.length, data.decision.awards.length);
    assert.ok(rows.some((row) => row.title === 'Chiến sĩ thi đua cơ sở' && row.name === chosen.full_name), JSON.stringify(rows));
    const sum = rows.reduce((total, row) => total + amount(row.bonus), 0);
    assert.equal(sum, data.decision.total_bonus, 'the lines add up to the server’s total');
    assert.equal(await byTest(page, 'emulation-total').innerText(), dong(data.decision.total_bonus));
    assert.equal(await byTest(page, 'emulation-total-check').innerText(), `Bằng tổng ${rows.length} dòng ở trên.`);

    // The decision to sign: a Word document named for the year and the trade union.
    const [download] = await Promise.all([page.waitForEvent('download'), byTest(page, 'emulation-decision-docx').click()]);
    assert.equal(download.suggestedFilename(), `quyet-dinh-thi-dua-${year}-CD.docx`);
    assert.equal(readFileSync(await download.path()).subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a ZIP');

    // Decided: nothing to change.
    assert.equal(await byTest(page, 'emulation-decide').count(), 0);
    assert.equal(await byTest(page, 'emulation-reopen').count(), 0);
    assert.equal(await byTest(page, 'emulation-propose').count(), 0);
    await page.locator('#tab-people').click();
    assert.equal(await page.locator('[data-test^="emulation-review-"], [data-test^="emulation-return-"]').count(), 0, 'no review once decided');
    assert.ok(await byTest(page, 'emulation-council').isDisabled(), 'the vote is closed');
    assert.equal(await byTest(page, 'emulation-votes-save').count(), 0);
    await still(page);
    await screenshot(page, 'emulation-desktop-decided-vi');

    // In English, at once: the titles' names are the server's words in English.
    await byTest(page, 'language-en').click();
    await until(async () => (await byTest(page, 'emulation-year-heading').innerText()).endsWith(`– ${year}`), 'the page is in English');
    assert.ok(await page.locator('[data-test="award-title"]', { hasText: 'Grassroots emulation fighter' }).count() > 0);
    assert.match(await byTest(page, 'emulation-total-check').innerText(), /^Equal to the sum of the \d+ lines above\.$/);
    await still(page);
    await screenshot(page, 'emulation-desktop-decided-en');
    await page.close();

    // On a 360 px phone, in both languages: the decision and the people as cards.
    for (const language of ['vi', 'en']) {
      const small = await pageAs(browser, app.url, 'chutichcd', { language, size: phone });
      await open(small, app.url, `/emulation/${tradeUnion}/${year}`);
      await byTest(small, 'emulation-decision').waitFor();
      await byTest(small, 'emulation-people-cards').waitFor();
      assert.equal(await byTest(small, 'emulation-total').innerText(), dong(data.decision.total_bonus));
      await fitsThePhone(small, `the decided year (${language})`);
      await still(small);
      await viewportScreenshot(small, `emulation-phone-decided-${language}`);
      await screenshot(small, `emulation-phone-decided-full-${language}`);
      await small.close();
    }
  });

  // Last: a version in force from today changes every open year's evaluation (the tests above
  // count on the shipped rules).
  test('the title rules: the chair reads them; the administrator adds a version and an own title', async () => {
    const shipped = (await chair.get('/api/v1/emulation/rules')).body;
    assert.equal(shipped.may_edit, false);
    const rulesOf = (page) => page.locator('section[data-test^="rule-title-"]');

    // The chair, on a phone: from the list of years to the rules; every title shipped, nothing to add.
    const reader = await pageAs(browser, app.url, 'chutichcd');
    await open(reader, app.url, '/emulation');
    await byTest(reader, 'emulation-rules-link').click();
    await reader.waitForURL(/\/emulation\/rules$/);
    await byTest(reader, `rule-title-${advanced}`).waitFor();
    assert.deepEqual(await rulesOf(reader).evaluateAll((sections) => sections.map((s) => s.dataset.test)), shipped.titles.map((title) => `rule-title-${title.code}`));
    assert.deepEqual(await byTest(reader, 'rule-title-name').allInnerTexts(), shipped.titles.map((title) => title.versions.at(-1).name.vi));
    assert.equal(await byTest(reader, 'rule-version-origin').first().innerText(), 'Kèm theo phần mềm');
    assert.equal(await reader.locator('[data-test="rules-add-title"], [data-test^="rule-add-version-"]').count(), 0, 'the chair adds nothing');
    assert.ok((await byTest(reader, 'emulation-own-choice').count()) > 0, 'the organization’s own choices are marked');
    assert.deepEqual((await unnamed(reader)).lines, [], 'every control of the rules is named');
    await fitsThePhone(reader, 'the title rules');
    await still(reader);
    await viewportScreenshot(reader, 'emulation-rules-phone-vi');
    await reader.close();

    // The administrator, on a desktop: a version of Lao động tiên tiến from today, "with distinction".
    const today = agencyDay();
    const admin = await pageAs(browser, app.url, 'quantri', { size: desktop });
    await open(admin, app.url, '/emulation/rules');
    const section = byTest(admin, `rule-title-${advanced}`);
    await section.waitFor();
    const check = await unnamed(admin);
    assert.deepEqual(check.lines, [], 'every control of the page is named');
    assert.deepEqual(check.repeated, [], 'each title’s button names its title');
    await byTest(admin, `rule-add-version-${advanced}`).click();
    const form = byTest(admin, 'rule-form-dialog');
    await form.waitFor();
    await settled(admin);
    assert.equal(await admin.locator('#rule-name-vi').inputValue(), 'Lao động tiên tiến', 'the form starts from the latest version');
    assert.equal(await admin.locator('#rule-effective-from').inputValue(), '', 'the day is chosen anew');
    assert.equal((await admin.locator('.el-select__wrapper:has(#rule-criterion-0-kind)').innerText()).trim(), 'Xếp loại từ mức');
    await chooseOption(admin, 'rule-criterion-0-rating', 'Hoàn thành xuất sắc nhiệm vụ');
    await typeDate(admin, 'rule-effective-from', shownDate(today));
    const dialogNames = (await form.ariaSnapshot()).split('\n').map((line) => line.trim()).filter((line) => nameless.test(line));
    assert.deepEqual(dialogNames, [], 'every control of the form is named');
    await dialogScreenshot(admin, form, 'emulation-rules-desktop-form-vi');
    await byTest(admin, 'rule-form-save').click();
    await form.waitFor({ state: 'hidden' });
    const newVersion = byTest(admin, `rule-version-${advanced}-${today}`);
    await newVersion.waitFor();
    assert.equal(await section.locator('li[data-test^="rule-version-"]').count(), 2);
    assert.equal(await newVersion.getAttribute('data-state'), 'in-force');
    assert.equal(await byTest(admin, `rule-version-${advanced}-2024-01-01`).getAttribute('data-state'), 'replaced');
    assert.equal(await newVersion.locator('[data-test="rule-version-state"]').innerText(), 'Đang áp dụng');
    assert.equal(await newVersion.locator('[data-test="rule-version-origin"]').innerText(), `Cơ quan bổ sung ngày ${shownDate(today)}`);
    assert.equal(await newVersion.locator('[data-test="rule-criterion"]').first().innerText(), 'Xếp loại “Hoàn thành xuất sắc nhiệm vụ” trở lên');
    const saved = (await chair.get('/api/v1/emulation/rules')).body.titles.find((title) => title.code === advanced).versions;
    assert.deepEqual(saved.map((v) => [v.effective_from, v.in_force, v.shipped]), [['2024-01-01', false, true], [today, true, false]]);
    assert.equal(saved[1].criteria[0].rating, 'excellent');
    assert.deepEqual(saved[1].criteria.slice(1), saved[0].criteria.slice(1), 'the other criteria are kept');

    // The same day again: refused beside the day, in the server's words.
    await byTest(admin, `rule-add-version-${advanced}`).click();
    await form.waitFor();
    await settled(admin);
    await typeDate(admin, 'rule-effective-from', shownDate(today));
    await byTest(admin, 'rule-form-save').click();
    const dayProblem = form.locator('.el-form-item:has(#rule-effective-from) .el-form-item__error');
    await dayProblem.waitFor();
    const again = { title: advanced, name_vi: 'Lao động tiên tiến', subject: 'person', effective_from: today, citation_vi: 'Luật Thi đua, khen thưởng 2022', criteria: [{ kind: 'initiative' }] };
    assert.equal((await chair.post('/api/v1/emulation/rules', again)).status, 403, 'the chair adds no rule');
    const twice = await (await apiSession(app.url, 'quantri')).post('/api/v1/emulation/rules', again);
    assert.equal(twice.status, 409, JSON.stringify(twice.body));
    assert.equal(twice.body.code, 'emulation.rule_version_exists');
    assert.equal(await dayProblem.innerText(), twice.body.message.vi);
    await form.getByRole('button', { name: 'Hủy' }).click();
    await form.waitFor({ state: 'hidden' });
    assert.equal(await section.locator('li[data-test^="rule-version-"]').count(), 2, 'nothing was added');

    // The trade unions' own title, with one criterion.
    const own = 'doan-vien-cong-doan-xuat-sac';
    await byTest(admin, 'rules-add-title').click();
    await form.waitFor();
    await settled(admin);
    await admin.locator('#rule-code').fill(own);
    await chooseOption(admin, 'rule-organization-kind', 'Công đoàn');
    await admin.locator('#rule-name-vi').fill('Đoàn viên công đoàn xuất sắc');
    await admin.locator('#rule-name-en').fill('Outstanding trade union member');
    await admin.locator('#rule-citation-vi').fill('Nghị quyết số 05/NQ-CĐCS của Ban Chấp hành Công đoàn cơ sở');
    await chooseOption(admin, 'rule-criterion-0-kind', 'Xếp loại từ mức');
    await chooseOption(admin, 'rule-criterion-0-rating', 'Hoàn thành xuất sắc nhiệm vụ');
    await typeDate(admin, 'rule-effective-from', shownDate(today));
    await dialogScreenshot(admin, form, 'emulation-rules-desktop-own-title-vi');
    await byTest(admin, 'rule-form-save').click();
    await form.waitFor({ state: 'hidden' });
    const ownSection = byTest(admin, `rule-title-${own}`);
    await ownSection.waitFor();
    assert.equal(await ownSection.locator('[data-test="rule-title-organizations"]').innerText(), 'Công đoàn');
    assert.equal(await ownSection.locator('[data-test="rule-version-state"]').innerText(), 'Đang áp dụng');
    const ownRule = (await chair.get('/api/v1/emulation/rules')).body.titles.find((title) => title.code === own)?.versions;
    assert.equal(ownRule?.length, 1, JSON.stringify(ownRule));
    assert.equal(ownRule[0].organization_kind, 'trade-union');
    assert.deepEqual(ownRule[0].criteria.map((c) => [c.kind, c.rating]), [['rating-at-least', 'excellent']]);
    await still(admin);
    await screenshot(admin, 'emulation-rules-desktop-vi');

    // In English, then on a 360 px phone with the form over the whole screen.
    await byTest(admin, 'language-en').click();
    await until(async () => (await newVersion.locator('[data-test="rule-version-state"]').innerText()) === 'In force', 'the page is in English');
    assert.equal(await ownSection.locator('[data-test="rule-title-name"]').innerText(), 'Outstanding trade union member');
    await still(admin);
    await screenshot(admin, 'emulation-rules-desktop-en');
    await admin.setViewportSize(phone);
    await fitsThePhone(admin, 'the title rules with their buttons');
    await still(admin);
    await viewportScreenshot(admin, 'emulation-rules-phone-en');
    await byTest(admin, `rule-add-version-${advanced}`).click();
    await form.waitFor();
    await settled(admin);
    const frame = await form.boundingBox();
    assert.equal(Math.round(frame.width), phone.width, 'the form fills a phone’s width');
    await viewportScreenshot(admin, 'emulation-rules-phone-form-en');
    await dialogScreenshot(admin, form, 'emulation-rules-phone-form-full-en');
    await admin.close();
  });
});
