// Contests in the browser (issue 17), as their organizers run them: the trade union's chair creates
// a contest on a 360 px phone and imports its question bank from a CSV written here. Two bad rows
// (an answer "E" with options A to C, a question without its text) are listed by line and column,
// nothing can be written and the bank stays empty; the fixed file is checked clean, added, and the
// bank shows its six questions by topic. The bank downloads as XLSX, which imports back whole in
// place of the bank. A change of language checks the file again in the new language. A plain member
// never runs the contest nor reaches its bank (404); of its audience, they find it among the
// contests for them. Screenshots at 360 px and 1280 px, in Vietnamese and in English. Rounds,
// attempts and results: contest-attempt.spec.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { apiSession, launchBrowser, screenshot, startApp } from '../support/harness.mjs';
import { answer, byTest, fitsThePhone, open, pageAs, settled, until, viewportScreenshot } from './ui.mjs';

const desktop = { width: 1280, height: 900 };
const title = 'Tìm hiểu Bộ luật Lao động năm 2019';
const prediction = 'Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi?';
const tradeUnion = 'Công đoàn cơ sở Sở Tư pháp';

const header = 'STT,Câu hỏi,Phương án A,Phương án B,Phương án C,Phương án D,Đáp án,Chủ đề,Độ khó,Loại';
const rows = [
  '1,Hợp đồng lao động có mấy loại?,1,2,3,4,B,Hợp đồng,1,',
  '2,Thời gian thử việc tối đa với công việc cần trình độ đại học là bao nhiêu ngày?,30,60,180,,B,Hợp đồng,2,',
  '3,Những khoản nào thuộc tiền lương?,Mức lương,Phụ cấp lương,Tiền thưởng,,"A, B",Tiền lương,2,',
  '4,Làm thêm vào ngày nghỉ hằng tuần được trả ít nhất bao nhiêu phần trăm lương?,150%,200%,300%,,B,Tiền lương,3,',
  '5,Người lao động được nghỉ Tết Âm lịch 5 ngày.,,,,,Đúng,Nghỉ,,',
  '6,Bộ luật Lao động 2019 có bao nhiêu điều?,,,,,220,Số liệu,3,',
];
// Line 1 is the header: the fourth question is line 5 and the sixth line 7.
const bad = [...rows];
bad[3] = bad[3].replace(',B,Tiền lương', ',E,Tiền lương');
bad[5] = bad[5].replace('Bộ luật Lao động 2019 có bao nhiêu điều?', '');
const csv = (lines) => Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
const topics = { 'Hợp đồng': 2, 'Tiền lương': 2, Nghỉ: 1, 'Số liệu': 1 };

/** The problems' table as [line, column, problem] rows. */
async function problemRows(page) {
  return byTest(page, 'contest-bank-problem').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())));
}

/** The bank's table of topics as {topic: count}. */
async function bankTopics(page) {
  const pairs = await byTest(page, 'contest-bank-topic').evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent.trim(), Number(tr.children[1].textContent.trim())]));
  return Object.fromEntries(pairs);
}

/** Before a full-page picture: the page at its top, the passing messages gone, nothing moving. */
async function still(page) {
  await until(async () => (await page.locator('.el-message').count()) === 0, 'the messages have gone');
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
}

/** Chooses a file (a name and its bytes, or a path) and checks it. */
async function check(page, file) {
  await byTest(page, 'contest-bank-file').setInputFiles(file);
  await byTest(page, 'contest-bank-check').click();
  await byTest(page, 'contest-bank-report').waitFor();
}

describe('contests', () => {
  let app;
  let browser;
  let chairApi;
  let contest;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chairApi = await apiSession(app.url, 'chutichcd');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the chair creates a contest on the phone; a file with bad rows is refused by line and column, the fixed one fills the bank', async () => {
    const chair = await pageAs(browser, app.url, 'chutichcd');
    await open(chair, app.url, '/contests');
    await byTest(chair, 'contests-empty').waitFor();
    await byTest(chair, 'contest-create').click();
    const form = byTest(chair, 'contest-form-dialog');
    await form.waitFor();
    await settled(chair);
    // The chair runs the trade union only: it is the one choice, already chosen.
    await until(async () => (await chair.locator('.el-select__wrapper:has(#contest-organization)').innerText()).includes(tradeUnion), 'the trade union is chosen');
    assert.equal(await chair.locator('#contest-prediction').getAttribute('placeholder'), prediction);
    await chair.locator('#contest-title').fill(title);
    await chair.locator('#contest-description').fill('Dành cho đoàn viên công đoàn; mỗi người thi tối đa hai lần.');
    await chair.locator('#contest-prediction').fill(prediction);
    await fitsThePhone(chair, 'the dialog');
    await viewportScreenshot(chair, 'contests-phone-create-vi');
    await byTest(chair, 'contest-form-save').click();
    await form.waitFor({ state: 'hidden' });

    // The new contest's page, where its questions are imported.
    await chair.waitForURL(/\/contests\/\d+$/);
    const contests = (await chairApi.get('/api/v1/contests')).body.items;
    assert.equal(contests.length, 1);
    contest = contests[0];
    assert.equal(contest.title, title);
    assert.equal(contest.organization_name, tradeUnion);
    assert.equal(contest.prediction_question, prediction);
    assert.equal(contest.questions, 0);
    assert.ok(chair.url().endsWith(`/contests/${contest.id}`));
    assert.equal(await byTest(chair, 'contest-title').innerText(), title);
    assert.equal(await byTest(chair, 'contest-prediction').innerText(), prediction);
    assert.equal(await byTest(chair, 'contest-bank-total').innerText(), '0');
    await byTest(chair, 'contest-bank-empty').waitFor();

    // Two bad rows: both listed, by line and column; nothing can be written.
    await check(chair, { name: 'ngan-hang-cau-hoi.csv', mimeType: 'text/csv', buffer: csv(bad) });
    const problems = await problemRows(chair);
    assert.deepEqual(problems.map(([line, column]) => [line, column]), [['5', 'Đáp án'], ['7', 'Câu hỏi']], JSON.stringify(problems));
    assert.ok(problems.every(([, , text]) => text && !/^Dòng \d/.test(text)), 'the problem says what is wrong, without repeating the line');
    assert.equal(await byTest(chair, 'contest-report-rows').locator('dd').innerText(), '6');
    assert.equal(await byTest(chair, 'contest-report-accepted').locator('dd').innerText(), '4');
    assert.equal(await byTest(chair, 'contest-report-rejected').locator('dd').innerText(), '2');
    assert.match(await byTest(chair, 'contest-bank-has-problems').innerText(), /Tệp có 2 lỗi/);
    assert.ok(await byTest(chair, 'contest-bank-append').isDisabled(), 'a file with problems cannot be added');
    assert.ok(await byTest(chair, 'contest-bank-replace').isDisabled(), 'nor replace the bank');
    assert.equal(await byTest(chair, 'contest-bank-total').innerText(), '0');
    assert.equal((await chairApi.get(`/api/v1/contests/${contest.id}`)).body.questions, 0, 'nothing was written');
    await fitsThePhone(chair, 'the problems');
    await byTest(chair, 'contest-bank-problems').scrollIntoViewIfNeeded();
    await viewportScreenshot(chair, 'contests-phone-problems-vi');
    await still(chair);
    await screenshot(chair, 'contests-phone-problems-vi-full');

    // The fixed file: clean, added, and the bank shows it by topic.
    await check(chair, { name: 'ngan-hang-cau-hoi.csv', mimeType: 'text/csv', buffer: csv(rows) });
    await byTest(chair, 'contest-bank-clean').waitFor();
    assert.equal(await byTest(chair, 'contest-bank-problem').count(), 0);
    assert.equal(await byTest(chair, 'contest-report-accepted').locator('dd').innerText(), '6');
    assert.ok(!(await byTest(chair, 'contest-bank-append').isDisabled()), 'a clean file can be added');
    await byTest(chair, 'contest-bank-append').click();
    await byTest(chair, 'contest-bank-done').waitFor();
    await until(async () => (await byTest(chair, 'contest-bank-total').innerText()) === '6', 'the bank shows six questions');
    const stored = (await chairApi.get(`/api/v1/contests/${contest.id}`)).body;
    assert.equal(stored.questions, 6);
    assert.deepEqual(stored.topics, topics);
    assert.deepEqual(await bankTopics(chair), stored.topics);
    assert.match(await byTest(chair, 'contest-bank-done').innerText(), /Đã thêm 6 câu hỏi vào ngân hàng\. Ngân hàng hiện có 6 câu hỏi\./);
    assert.equal(await byTest(chair, 'contest-bank-report').count(), 0, 'the report is done with');
    await fitsThePhone(chair, 'the filled bank');
    await still(chair);
    await screenshot(chair, 'contests-phone-bank-vi');

    // The bank as XLSX, which imports back whole in place of the bank (after a question).
    const [download] = await Promise.all([chair.waitForEvent('download'), byTest(chair, 'contest-bank-download').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const exported = await download.path();
    assert.equal(readFileSync(exported).subarray(0, 2).toString('latin1'), 'PK', 'a ZIP container, as XLSX is');
    await check(chair, { name: download.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(exported) });
    await byTest(chair, 'contest-bank-clean').waitFor();
    assert.equal(await byTest(chair, 'contest-report-accepted').locator('dd').innerText(), '6');
    await byTest(chair, 'contest-bank-replace').click();
    await answer(chair, 'Thay toàn bộ');
    await byTest(chair, 'contest-bank-done').waitFor();
    assert.match(await byTest(chair, 'contest-bank-done').innerText(), /Đã thay ngân hàng bằng 6 câu hỏi\./);
    const replaced = (await chairApi.get(`/api/v1/contests/${contest.id}`)).body;
    assert.equal(replaced.questions, 6, 'replaced, not added');
    assert.deepEqual(replaced.topics, topics);

    // The list: the contest with its organization, its count and its topics.
    await open(chair, app.url, '/contests');
    const card = byTest(chair, `contest-${contest.id}`);
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(`${tradeUnion}[\\s\\S]*6 câu hỏi · 4 chủ đề`));
    await fitsThePhone(chair, 'the list');
    await viewportScreenshot(chair, 'contests-phone-list-vi');
    await chair.close();
  });

  test('on a desktop in English, then in Vietnamese: the problems follow the language; on the phone in English', async () => {
    const chair = await pageAs(browser, app.url, 'chutichcd', { language: 'en', size: desktop });
    await open(chair, app.url, '/contests');
    await byTest(chair, `contest-${contest.id}`).waitFor();
    assert.match(await byTest(chair, `contest-${contest.id}`).innerText(), /6 questions · 4 topics/);
    await screenshot(chair, 'contests-desktop-list-en');
    await byTest(chair, `contest-${contest.id}`).locator('[data-test="contest-link"]').click();
    await chair.waitForURL(`**/contests/${contest.id}`);
    await until(async () => (await chair.title()) === `${title} – Contests · Đoàn Kết`, 'the page is named by its contest');
    await check(chair, { name: 'bank.csv', mimeType: 'text/csv', buffer: csv(bad) });
    await until(async () => (await problemRows(chair)).length === 2, 'two problems');
    const english = await problemRows(chair);
    assert.match(english[1][2], /^The question has no text/);
    await chair.locator('[data-test="contest-bank-help"] summary').click();
    await still(chair);
    await screenshot(chair, 'contests-desktop-problems-en');

    // In Vietnamese, the same file is checked again and its problems say so in Vietnamese.
    await byTest(chair, 'language-vi').click();
    await until(async () => /^Câu hỏi chưa có nội dung/.test((await problemRows(chair))[1]?.[2] ?? ''), 'the problems in Vietnamese');
    await still(chair);
    await screenshot(chair, 'contests-desktop-problems-vi');
    await open(chair, app.url, '/contests');
    await byTest(chair, `contest-${contest.id}`).waitFor();
    await screenshot(chair, 'contests-desktop-list-vi');
    await chair.close();

    const phone = await pageAs(browser, app.url, 'chutichcd', { language: 'en' });
    await open(phone, app.url, `/contests/${contest.id}`);
    await until(async () => (await byTest(phone, 'contest-bank-total').innerText()) === '6', 'the bank');
    await check(phone, { name: 'bank.csv', mimeType: 'text/csv', buffer: csv(bad) });
    await fitsThePhone(phone, 'the page in English');
    await still(phone);
    await screenshot(phone, 'contests-phone-problems-en');
    // The columns' help: its sample scrolls sideways inside its frame, the page does not.
    await phone.locator('[data-test="contest-bank-help"] summary').click();
    await byTest(phone, 'contest-bank-sample').waitFor();
    await fitsThePhone(phone, 'the help with its sample');
    await phone.locator('[data-test="contest-bank-help"]').scrollIntoViewIfNeeded();
    await settled(phone);
    await viewportScreenshot(phone, 'contests-phone-help-en');
    await open(phone, app.url, '/contests');
    await byTest(phone, `contest-${contest.id}`).waitFor();
    await fitsThePhone(phone, 'the list in English');
    await viewportScreenshot(phone, 'contests-phone-list-en');
    await phone.close();
  });

  test('a plain member neither runs the contest nor reaches its bank', async () => {
    // The bank holds the answers. A member of the contest's audience reads the contest itself
    // (may_enter, without may_run); anyone else is told there is none (404). Either way it is
    // never among those they run, and its bank and its import answer 404.
    const member = await apiSession(app.url, 'doanvien');
    const listed = (await member.get('/api/v1/contests')).body.items;
    assert.ok(!listed.some((c) => c.id === contest.id && c.may_run), `not among the contests the member runs: ${JSON.stringify(listed)}`);
    const read = await member.get(`/api/v1/contests/${contest.id}`);
    assert.ok(read.status === 404 || (read.status === 200 && read.body.may_run === false), `the contest as the member reads it: ${read.status} ${JSON.stringify(read.body)}`);
    if (read.status === 404) assert.ok(!listed.some((c) => c.id === contest.id), 'a contest the member cannot open is not listed to them');
    const bank = await member.get(`/api/v1/contests/${contest.id}/bank`);
    assert.equal(bank.status, 404, JSON.stringify(bank.body));
    assert.equal(bank.body.code, 'contest.not_found');
    const upload = await fetch(`${app.url}/api/v1/contests/${contest.id}/bank?mode=append&filename=bank.csv`, {
      method: 'POST',
      headers: { Cookie: member.cookie, 'X-CSRF-Token': member.csrf, 'Content-Type': 'application/octet-stream' },
      body: csv(rows),
    });
    assert.equal(upload.status, 404, await upload.text());
    assert.equal((await chairApi.get(`/api/v1/contests/${contest.id}`)).body.questions, 6, 'the bank is as the chair left it');

    // In the browser: contests are in the menu (members take part in them), but there is no contest
    // they run and no way to create one; the contest's address shows neither its bank nor its import.
    const page = await pageAs(browser, app.url, 'doanvien', { size: desktop });
    await open(page, app.url, `/contests/${contest.id}`);
    await page.waitForLoadState('networkidle');
    await until(async () => (await byTest(page, 'contest-error').count()) + (await byTest(page, 'contest').count()) > 0, 'the page answers');
    if (read.status === 404) await byTest(page, 'contest-error').getByText(`Không có cuộc thi số ${contest.id}.`).waitFor();
    for (const part of ['contest-bank', 'contest-import', 'contest-bank-download', 'contest-bank-file']) {
      assert.equal(await byTest(page, part).count(), 0, `no ${part} for a member`);
    }
    assert.equal(await byTest(page, 'nav-contests').count(), 1, 'contests are in every member’s menu');
    await open(page, app.url, '/contests');
    await byTest(page, 'contests-for-me').waitFor();
    await page.waitForLoadState('networkidle');
    if (read.status === 200) await byTest(page, `entrant-contest-${contest.id}`).waitFor();
    else await byTest(page, 'contests-for-me-empty').waitFor();
    assert.equal(await byTest(page, 'contests-mine').count(), 0, 'no section of contests they run');
    assert.equal(await byTest(page, `contest-${contest.id}`).count(), 0);
    assert.equal(await byTest(page, 'contest-create').count(), 0, 'a member is not offered to create one');
    await page.close();
  });
});
