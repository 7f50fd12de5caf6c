// Taking part in an online contest (issue 17) in the browser. The trade union's chair imports a
// small bank (five questions in four topics) on the contest's page and adds a round in its dialog:
// open since an hour ago by the tests' clock, closing tomorrow, 20 minutes, one attempt, results at
// once, a quota per topic (one asking for more than its topic holds is refused beside it). A member
// on a 360 × 740 phone finds it under "Cuộc thi dành cho tôi", starts, answers two questions and
// reloads the page in the middle: the same questions in the same order, the saved answers still
// chosen, the same step, and the timer not reset. A word where a number goes is refused beside the
// field and never sent; the rest is answered, the prediction given, and the submission (after a
// question that counts the unanswered ones) shows the score, the rank and each answer marked; the
// list then says submitted. A second member on a desktop, in English then Vietnamese, gets one
// wrong and sees the right answer beside it. A third lets the time run out (the page's clock is
// moved on): the attempt is submitted by itself. The chair then reads the leaderboard and the
// participation (the departments add up to the total) and reminds those who have not entered.
// Screenshots: the attempt at 360 px and on a desktop in both languages, the results, the round's
// dialog, the leaderboard and participation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, apiTime, formTime, launchBrowser, screenshot, startApp } from '../support/harness.mjs';
import { answer, byTest, fitsThePhone, open, pageAs, settled, typeDate, until, viewportScreenshot } from './ui.mjs';

const desktop = { width: 1280, height: 900 };
const title = 'Tìm hiểu Bộ luật Lao động năm 2019';
const prediction = 'Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi?';

const header = 'STT,Câu hỏi,Phương án A,Phương án B,Phương án C,Phương án D,Đáp án,Chủ đề,Độ khó,Loại';
const bank = [
  '1,Hợp đồng lao động có mấy loại?,1,2,3,4,B,Hợp đồng,1,',
  '2,Thời gian thử việc tối đa với công việc cần trình độ đại học là bao nhiêu ngày?,30,60,180,,B,Hợp đồng,2,',
  '3,Những khoản nào thuộc tiền lương?,Mức lương,Phụ cấp lương,Tiền thưởng,,"A, B",Tiền lương,2,',
  '4,Người lao động được nghỉ Tết Âm lịch 5 ngày.,,,,,Đúng,Nghỉ,,',
  '5,Bộ luật Lao động 2019 có bao nhiêu điều?,,,,,220,Số liệu,3,',
];
const csv = Buffer.from(`${[header, ...bank].join('\r\n')}\r\n`, 'utf8');
// The right answer of each question, by its words: the options' labels as shown, or a number.
const right = {
  'Hợp đồng lao động có mấy loại?': ['2'],
  'Thời gian thử việc tối đa với công việc cần trình độ đại học là bao nhiêu ngày?': ['60'],
  'Những khoản nào thuộc tiền lương?': ['Mức lương', 'Phụ cấp lương'],
  'Người lao động được nghỉ Tết Âm lịch 5 ngày.': { vi: ['Đúng'], en: ['True'] },
  'Bộ luật Lao động 2019 có bao nhiêu điều?': '220',
};
const wrong = { 'Hợp đồng lao động có mấy loại?': ['4'] };

/** "19:28" → 1168 seconds. */
function seconds(text) {
  const [minutes, rest] = text.trim().split(':').map(Number);
  return minutes * 60 + rest;
}

async function timer(page) {
  return seconds(await byTest(page, 'attempt-timer').innerText());
}

/** The words of the question on screen. */
async function shownQuestion(page) {
  return (await page.locator('[data-test="question-text"]').innerText()).trim();
}

/** Answers the question on screen (from `answers`, in `language`); resolves to its words. */
async function answerShown(page, answers = right, language = 'vi') {
  const text = await shownQuestion(page);
  const given = answers[text] ?? right[text];
  assert.ok(given, `a question of the bank: ${text}`);
  if (typeof given === 'string') {
    const field = byTest(page, 'answer-number');
    assert.equal(await field.getAttribute('inputmode'), 'decimal', 'a number brings up the number keys');
    await field.fill(given);
    await field.blur();
  } else {
    for (const label of Array.isArray(given) ? given : given[language]) {
      await byTest(page, 'answer-option').filter({ has: page.locator('.label').getByText(label, { exact: true }) }).click();
    }
  }
  return text;
}

/** The save state reads "saved" (in either language). */
async function saved(page) {
  await until(async () => /^(✓ )?(Đã lưu|Saved)$/.test((await byTest(page, 'attempt-save').innerText()).trim()), 'the answers are saved');
}

/** Before a picture: the passing messages gone, the pointer off the buttons, nothing moving; a full page from its top. */
async function still(page, { top = false } = {}) {
  await until(async () => (await page.locator('.el-message, .el-message-box:visible').count()) === 0, 'the messages have gone');
  await page.mouse.move(0, 0);
  if (top) await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
}

/** The labels of the options chosen on screen. */
async function chosenLabels(page) {
  return byTest(page, 'answer-option').evaluateAll((rows) => rows.filter((row) => row.querySelector('input').checked).map((row) => row.querySelector('.label').textContent.trim()));
}

describe('contest attempts', () => {
  let app;
  let browser;
  let chairApi;
  let memberApi;
  let contest;
  let round;
  let attemptId;
  // The round's times, read once from the tests' clock: as the form takes them and as the API writes them.
  let opens;
  let closes;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chairApi = await apiSession(app.url, 'chutichcd');
    memberApi = await apiSession(app.url, 'doanvien');
    const created = await chairApi.post('/api/v1/contests', {
      organization_id: chairApi.session.officer_of[0],
      title,
      description: 'Dành cho đoàn viên công đoàn.',
      prediction_question: prediction,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    contest = created.body;
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the chair imports a small bank and adds a round open now, its quotas checked against the bank', async () => {
    const chair = await pageAs(browser, app.url, 'chutichcd');
    await open(chair, app.url, `/contests/${contest.id}`);
    await byTest(chair, 'contest-no-rounds').waitFor();
    await byTest(chair, 'contest-bank-file').setInputFiles({ name: 'ngan-hang.csv', mimeType: 'text/csv', buffer: csv });
    await byTest(chair, 'contest-bank-check').click();
    await byTest(chair, 'contest-bank-clean').waitFor();
    await byTest(chair, 'contest-bank-append').click();
    await until(async () => (await byTest(chair, 'contest-bank-total').innerText()) === '5', 'the bank holds five questions');

    await byTest(chair, 'round-add').click();
    const dialog = byTest(chair, 'round-form-dialog');
    await dialog.waitFor();
    await settled(chair);
    assert.equal(await chair.locator('#round-title').inputValue(), 'Vòng 1');
    await chair.locator('#round-title').fill('Vòng sơ khảo');
    opens = { shown: formTime(-60), api: apiTime(-60) };
    closes = { shown: formTime(24 * 60), api: apiTime(24 * 60) };
    await typeDate(chair, 'round-opens', opens.shown);
    await typeDate(chair, 'round-closes', closes.shown);
    await chair.locator('#round-minutes').fill('20');
    await chair.locator('#round-attempts').fill('1');
    await byTest(chair, 'round-results-at-once').click();
    // A quota per topic of the bank, in the order of the alphabet, each saying how many it holds.
    const topics = await byTest(chair, 'round-quotas').locator('.topic').allInnerTexts();
    assert.deepEqual(topics, ['Hợp đồng', 'Nghỉ', 'Số liệu', 'Tiền lương']);
    assert.match(await byTest(chair, 'round-quota-0').innerText(), /≤ 2 câu có sẵn/);
    assert.match(await byTest(chair, 'round-quota-1').innerText(), /≤ 1 câu có sẵn/);
    // Three from a topic of two is refused beside its row, and nothing is sent.
    await chair.locator('#round-quota-0').fill('3');
    await until(async () => (await byTest(chair, 'round-total').innerText()) === 'Mỗi bài thi: 6 câu hỏi', 'the total follows');
    await byTest(chair, 'round-form-save').click();
    await until(async () => /Từ 0 đến 2 câu/.test(await byTest(chair, 'round-quota-error').innerText().catch(() => '')), 'the quota is refused');
    assert.equal((await chairApi.get(`/api/v1/contests/${contest.id}`)).body.rounds.length, 0, 'nothing was added');
    await chair.locator('#round-quota-0').fill('2');
    await until(async () => (await byTest(chair, 'round-total').innerText()) === 'Mỗi bài thi: 5 câu hỏi', 'five questions per attempt');
    assert.equal(await byTest(chair, 'round-quota-error').count(), 0, 'the problem goes with the change');
    await fitsThePhone(chair, 'the round dialog');
    await byTest(chair, 'round-quotas').scrollIntoViewIfNeeded();
    await still(chair);
    await viewportScreenshot(chair, 'contest-attempt-round-dialog-phone-vi');
    await byTest(chair, 'round-form-save').click();
    await dialog.waitFor({ state: 'hidden' });

    const stored = (await chairApi.get(`/api/v1/contests/${contest.id}`)).body;
    assert.equal(stored.rounds.length, 1);
    round = stored.rounds[0];
    assert.equal(round.title, 'Vòng sơ khảo');
    assert.equal(round.opens_at, opens.api);
    assert.equal(round.closes_at, closes.api);
    assert.equal(round.phase, 'open');
    assert.equal(round.time_limit_minutes, 20);
    assert.equal(round.attempts_allowed, 1);
    assert.equal(round.results_shown, 'at_once');
    assert.equal(round.questions, 5);
    assert.deepEqual(Object.fromEntries(round.quotas.map((q) => [q.topic, q.count])), { 'Hợp đồng': 2, Nghỉ: 1, 'Số liệu': 1, 'Tiền lương': 1 });
    const card = byTest(chair, `round-${round.id}`);
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(`Mở lúc: ${opens.shown}[\\s\\S]*Đóng lúc: ${closes.shown}`));
    assert.match(await card.innerText(), /5 câu hỏi[\s\S]*20 phút làm bài[\s\S]*1 lượt thi[\s\S]*Xem kết quả ngay khi nộp bài/);
    await chair.close();

    // The dialog on a desktop, in English.
    const wide = await pageAs(browser, app.url, 'chutichcd', { language: 'en', size: desktop });
    await open(wide, app.url, `/contests/${contest.id}`);
    await byTest(wide, 'round-add').click();
    await byTest(wide, 'round-form-dialog').waitFor();
    await settled(wide);
    assert.equal(await wide.locator('#round-title').inputValue(), 'Round 2');
    assert.match(await byTest(wide, 'round-quota-0').innerText(), /≤ 2 available/);
    await still(wide);
    await viewportScreenshot(wide, 'contest-attempt-round-dialog-desktop-en');
    await wide.close();
  });

  test('a member on a phone starts, reloads in the middle and finds everything as it was, then submits and sees the results', async () => {
    // Contests are in every member's menu (on a phone, in the drawer).
    const phone = await pageAs(browser, app.url, 'doanvien');
    await byTest(phone, 'nav-toggle').click();
    await byTest(phone, 'nav-contests').click();
    await phone.waitForURL('**/contests');
    const card = byTest(phone, `entrant-contest-${contest.id}`);
    await card.waitFor();
    assert.equal(await byTest(phone, 'contests-mine').count(), 0, 'a member runs no contest');
    const entry = byTest(phone, `round-entry-${round.id}`);
    assert.match(await card.innerText(), /Vòng sơ khảo[\s\S]*Đang mở/);
    assert.match(await card.innerText(), new RegExp(`${opens.shown} – ${closes.shown}`));
    assert.equal((await entry.locator('[data-test="round-state"]').innerText()).trim(), 'Chưa thi');
    await fitsThePhone(phone, 'the list of contests');
    await viewportScreenshot(phone, 'contest-attempt-phone-list-vi');
    const enter = entry.locator('[data-test="round-enter"]');
    assert.equal(await enter.innerText(), 'Vào thi');
    assert.equal(await enter.getAttribute('aria-label'), `Vào thi: Vòng sơ khảo – ${title}`);
    await enter.click();
    await phone.waitForURL(/\/contests\/attempts\/\d+/);
    attemptId = Number(/attempts\/(\d+)/.exec(phone.url())[1]);
    await byTest(phone, 'attempt-timer').waitFor();
    await until(async () => (await phone.title()) === `Vòng sơ khảo – ${title} · Đoàn Kết`, 'the page is named by its round');
    const drawn = (await memberApi.get(`/api/v1/contest-attempts/${attemptId}`)).body;
    assert.equal(drawn.questions.length, 5);
    const order = drawn.questions.map((q) => q.text);
    assert.ok(!('right_choices' in drawn.questions[0]), 'no right answer while the attempt runs');
    const started = await timer(phone);
    assert.ok(started <= 20 * 60 && started > 19 * 60, `a fresh timer reads under 20:00 (${started})`);
    assert.equal(await byTest(phone, 'attempt-strip').locator('button').count(), 6, 'five questions and the submission');

    // Two questions answered, each saved as it is chosen.
    const first = await answerShown(phone);
    assert.equal(first, order[0]);
    await saved(phone);
    await fitsThePhone(phone, 'a question');
    await still(phone);
    await viewportScreenshot(phone, 'contest-attempt-phone-question-vi');
    await byTest(phone, 'attempt-next').click();
    const second = await answerShown(phone);
    assert.equal(second, order[1]);
    await saved(phone);
    const secondChosen = (await byTest(phone, 'question-1').getAttribute('data-kind')) === 'numeric'
      ? await byTest(phone, 'answer-number').inputValue()
      : await chosenLabels(phone);
    await byTest(phone, 'attempt-next').click();
    assert.equal(await shownQuestion(phone), order[2]);
    assert.match(await byTest(phone, 'strip-1').getAttribute('aria-label'), /đã trả lời/);
    assert.match(await byTest(phone, 'strip-3').getAttribute('aria-label'), /chưa trả lời/);
    const savedAnswers = (await memberApi.get(`/api/v1/contest-attempts/${attemptId}`)).body.questions.slice(0, 2).map((q) => q.answer);
    assert.ok(savedAnswers.every((a) => a.choices.length || a.number), `both answers are on the server: ${JSON.stringify(savedAnswers)}`);

    // The reload: the same questions in the same order, the same step, the answers, the time.
    const before = await timer(phone);
    await phone.reload();
    await byTest(phone, 'attempt-timer').waitFor();
    const afterReload = await timer(phone);
    assert.ok(afterReload <= before && before - afterReload <= 5, `the timer goes on where it was: ${before} s before the reload, ${afterReload} s after`);
    assert.ok(phone.url().endsWith('?q=3'), phone.url());
    assert.equal(await shownQuestion(phone), order[2], 'the same step');
    assert.deepEqual((await memberApi.get(`/api/v1/contest-attempts/${attemptId}`)).body.questions.map((q) => q.text), order, 'the same questions in the same order');
    assert.match(await byTest(phone, 'strip-1').getAttribute('aria-label'), /đã trả lời/);
    assert.match(await byTest(phone, 'strip-2').getAttribute('aria-label'), /đã trả lời/);
    await viewportScreenshot(phone, 'contest-attempt-phone-reloaded-vi');
    await byTest(phone, 'strip-2').click();
    assert.equal(await shownQuestion(phone), order[1]);
    if (Array.isArray(secondChosen)) assert.deepEqual(await chosenLabels(phone), secondChosen, 'the second answer is still chosen');
    else assert.equal(await byTest(phone, 'answer-number').inputValue(), secondChosen, 'the second answer is still there');
    await byTest(phone, 'attempt-previous').click();
    assert.equal(await shownQuestion(phone), order[0]);

    // The submission asked early says what is missing, and can be put off.
    await byTest(phone, 'strip-end').click();
    await byTest(phone, 'attempt-final').waitFor();
    assert.match(await byTest(phone, 'attempt-summary').innerText(), /Bạn đã trả lời 2\/5 câu\./);
    await byTest(phone, 'attempt-submit').click();
    const box = phone.locator('.el-message-box');
    await box.waitFor();
    assert.match(await box.innerText(), /Bạn còn 3 câu chưa trả lời\./);
    await answer(phone, 'Hủy');
    await box.waitFor({ state: 'hidden' });

    // The rest.
    for (const index of [2, 3, 4]) {
      await byTest(phone, `strip-${index + 1}`).click();
      await answerShown(phone);
      await saved(phone);
    }
    // Where a number goes, a word is refused beside the field and never sent: the server keeps
    // the number saved before; the number again is saved.
    const numeric = drawn.questions.findIndex((q) => q.kind === 'numeric');
    await byTest(phone, `strip-${numeric + 1}`).click();
    await byTest(phone, 'answer-number').fill('hai trăm');
    await byTest(phone, 'answer-number').blur();
    await byTest(phone, 'answer-invalid').waitFor();
    assert.match(await byTest(phone, 'answer-invalid').innerText(), /Hãy viết một số/);
    assert.match(await byTest(phone, `strip-${numeric + 1}`).getAttribute('aria-label'), /chưa trả lời/);
    assert.equal((await memberApi.get(`/api/v1/contest-attempts/${attemptId}`)).body.questions[numeric].answer.number, '220', 'the word was not sent');
    await viewportScreenshot(phone, 'contest-attempt-phone-number-vi');
    await byTest(phone, 'answer-number').fill('220');
    await byTest(phone, 'answer-number').blur();
    assert.equal(await byTest(phone, 'answer-invalid').count(), 0);
    await byTest(phone, 'strip-end').click();
    await byTest(phone, 'attempt-final').waitFor();
    assert.equal(await phone.locator('label[for="attempt-prediction"]').innerText(), prediction);
    await byTest(phone, 'attempt-prediction').fill('1');
    await byTest(phone, 'attempt-prediction').blur();
    await saved(phone);
    assert.equal((await memberApi.get(`/api/v1/contest-attempts/${attemptId}`)).body.prediction, 1);
    assert.match(await byTest(phone, 'attempt-summary').innerText(), /Bạn đã trả lời 5\/5 câu\./);
    await fitsThePhone(phone, 'the submission step');
    await still(phone);
    await viewportScreenshot(phone, 'contest-attempt-phone-final-vi');
    await byTest(phone, 'attempt-submit').click();
    await box.waitFor();
    assert.match(await box.innerText(), /Bạn đã trả lời đủ 5 câu\. Nộp bài\?/);
    await settled(phone);
    await viewportScreenshot(phone, 'contest-attempt-phone-confirm-vi');
    await answer(phone, 'Nộp bài');

    // The results: the score, the rank among the entrants, every answer marked right.
    const results = byTest(phone, 'attempt-results');
    await results.waitFor();
    assert.match(await byTest(phone, 'attempt-score').innerText(), /5\s*\/5/);
    assert.match(await byTest(phone, 'attempt-rank').innerText(), /1\s*\/1/);
    assert.equal(await byTest(phone, 'result-right').count(), 5);
    assert.equal(await byTest(phone, 'result-wrong').count(), 0);
    const finished = (await memberApi.get(`/api/v1/contest-attempts/${attemptId}`)).body;
    assert.equal(finished.submitted, true);
    assert.equal(finished.score, 5);
    assert.equal(finished.rank, 1);
    await fitsThePhone(phone, 'the results');
    await still(phone);
    await viewportScreenshot(phone, 'contest-attempt-phone-results-vi');
    await screenshot(phone, 'contest-attempt-phone-results-vi-full');

    // The contest's page: the round's rules, the attempt, and the leaderboard (results at once).
    await byTest(phone, 'attempt-to-contest').click();
    await byTest(phone, `round-${round.id}`).waitFor();
    assert.match(await byTest(phone, 'round-attempts').innerText(), /Lượt 1[\s\S]*nộp lúc[\s\S]*5\/5 câu đúng/);
    await byTest(phone, 'leaderboard').waitFor();
    assert.match(await byTest(phone, 'leaderboard-row').first().innerText(), new RegExp(`${memberApi.session.full_name} \\(bạn\\)`));
    assert.equal(await byTest(phone, 'contest-participation').count(), 0, 'participation is for the organizers');
    assert.equal(await byTest(phone, 'round-add').count(), 0);
    await fitsThePhone(phone, 'the contest for an entrant');
    await still(phone, { top: true });
    await screenshot(phone, 'contest-attempt-phone-contest-vi');

    // The list says so; the one attempt is used.
    await open(phone, app.url, '/contests');
    await card.waitFor();
    await until(async () => /Đã nộp bài/.test(await entry.locator('[data-test="round-state"]').innerText()), 'the list says submitted');
    assert.match(await entry.locator('[data-test="round-score"]').innerText(), /5\/5 câu đúng/);
    assert.match(await entry.locator('[data-test="round-rank"]').innerText(), /Hạng 1\/1/);
    assert.equal(await entry.locator('[data-test="round-enter"]').count(), 0);
    assert.match(await entry.innerText(), /Đã dùng hết 1 lượt thi/);
    await viewportScreenshot(phone, 'contest-attempt-phone-list-submitted-vi');
    const again = await memberApi.post(`/api/v1/contests/${contest.id}/rounds/${round.id}/attempts`);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'contest.attempts_used');
    await phone.close();
  });

  test('on a desktop in English, then in Vietnamese, and on a phone in English; one wrong answer is shown beside the right one', async () => {
    const page = await pageAs(browser, app.url, 'thuquy', { language: 'en', size: desktop });
    await open(page, app.url, '/contests');
    const entry = byTest(page, `round-entry-${round.id}`);
    await entry.waitFor();
    assert.equal((await entry.locator('[data-test="round-state"]').innerText()).trim(), 'Not entered');
    await entry.locator('[data-test="round-enter"]').click();
    await page.waitForURL(/\/contests\/attempts\/\d+/);
    await byTest(page, 'attempt-timer').waitFor();
    await answerShown(page, wrong, 'en');
    await saved(page);
    await still(page);
    await screenshot(page, 'contest-attempt-desktop-question-en');
    await byTest(page, 'language-vi').click();
    await until(async () => /Câu 1\/5/.test(await byTest(page, 'question-0').textContent()), 'the question in Vietnamese');
    await still(page);
    await screenshot(page, 'contest-attempt-desktop-question-vi');
    const address = page.url();

    const phone = await pageAs(browser, app.url, 'thuquy', { language: 'en' });
    await phone.goto(address);
    await byTest(phone, 'attempt-timer').waitFor();
    assert.match(await byTest(phone, 'question-0').textContent(), /Question 1 of 5/);
    await fitsThePhone(phone, 'a question in English');
    await still(phone);
    await viewportScreenshot(phone, 'contest-attempt-phone-question-en');
    await phone.close();

    await byTest(page, 'language-en').click();
    for (let index = 1; index < 5; index += 1) {
      await byTest(page, 'attempt-next').click();
      await answerShown(page, wrong, 'en');
      await saved(page);
    }
    await byTest(page, 'attempt-next').click();
    await byTest(page, 'attempt-prediction').fill('3');
    await byTest(page, 'attempt-prediction').blur();
    await saved(page);
    await still(page);
    await screenshot(page, 'contest-attempt-desktop-final-en');
    await byTest(page, 'attempt-submit').click();
    await answer(page, 'Submit');
    await byTest(page, 'attempt-results').waitFor();
    assert.match(await byTest(page, 'attempt-score').innerText(), /4\s*\/5/);
    assert.match(await byTest(page, 'attempt-rank').innerText(), /2\s*\/2/);
    const missed = byTest(page, 'result-wrong');
    assert.equal(await missed.count(), 1);
    const wrongItem = page.locator('li', { has: missed });
    assert.match(await wrongItem.innerText(), /Hợp đồng lao động có mấy loại\?[\s\S]*Your answer: [A-D]\. 4/);
    assert.match(await wrongItem.locator('[data-test="result-right-answer"]').innerText(), /Right answer: [A-D]\. 2$/);
    await still(page, { top: true });
    await screenshot(page, 'contest-attempt-desktop-results-en');
    await page.close();
  });

  test('when the time runs out the attempt is submitted by itself', async () => {
    const phone = await pageAs(browser, app.url, 'bithudoan');
    await open(phone, app.url, '/contests');
    await byTest(phone, `round-entry-${round.id}`).locator('[data-test="round-enter"]').click();
    await phone.waitForURL(/\/contests\/attempts\/\d+/);
    const id = Number(/attempts\/(\d+)/.exec(phone.url())[1]);
    await byTest(phone, 'attempt-timer').waitFor();
    await answerShown(phone);
    await saved(phone);
    // The page's clock runs on by 20 minutes (the server's has not: the submission is in time).
    await phone.clock.fastForward('20:00');
    await byTest(phone, 'attempt-results').waitFor();
    assert.match(await byTest(phone, 'attempt-results').locator('h2').first().innerText(), /Hết giờ làm bài/);
    await byTest(phone, 'attempt-out-of-time').waitFor();
    await still(phone);
    await viewportScreenshot(phone, 'contest-attempt-phone-time-up-vi');
    const api = await apiSession(app.url, 'bithudoan');
    const done = (await api.get(`/api/v1/contest-attempts/${id}`)).body;
    assert.ok(done.finished_at, 'the attempt is finished');
    assert.equal(done.answered, 1, 'with the answer saved');
    await phone.close();
  });

  test('the chair reads the leaderboard and the participation, whose departments add up to the total, and reminds those who have not entered', async () => {
    const member = memberApi.session.full_name;
    const page = await pageAs(browser, app.url, 'chutichcd', { size: desktop });
    await open(page, app.url, `/contests/${contest.id}`);
    const board = byTest(page, 'leaderboard');
    await board.waitFor();
    // Each row as [rank, name, department, score, prediction, time].
    const rows = await byTest(page, 'leaderboard-row').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => (cell.querySelector('.who') ?? cell).textContent.trim())));
    assert.equal(rows.length, 3, JSON.stringify(rows));
    assert.equal(rows[0][0], '1');
    assert.equal(rows[0][1], member);
    assert.equal(rows[0][3], '5/5');
    assert.match(rows[0][4], /^1\s*lệch 0$/);
    assert.match(rows[0][5], /^\d\d:\d\d$/);
    const api = (await chairApi.get(`/api/v1/contests/${contest.id}/rounds/${round.id}/leaderboard`)).body;
    assert.equal(api.perfect, 1);
    assert.deepEqual(rows.map((r) => r[1]), api.items.map((i) => i.full_name));

    const participation = byTest(page, 'contest-participation');
    await participation.waitFor();
    const units = await byTest(page, 'participation-units').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())));
    const total = await byTest(page, 'participation-total').evaluate((tr) => [...tr.children].map((cell) => cell.textContent.trim()));
    const number = (text) => Number(text.replace(/\./g, ''));
    assert.equal(units.reduce((sum, row) => sum + number(row[1]), 0), number(total[1]), 'the departments add up to the total');
    assert.equal(units.reduce((sum, row) => sum + number(row[2]), 0), number(total[2]));
    assert.equal(number(total[2]), 3, 'three have taken part');
    const figures = (await chairApi.get(`/api/v1/contests/${contest.id}/participation`)).body;
    assert.equal(number(total[1]), figures.people);
    await byTest(page, 'contest-remind').click();
    const reminded = byTest(page, 'contest-reminded');
    await reminded.waitFor();
    const count = Number(/Đã nhắc (\d+) người/.exec(await reminded.innerText())?.[1]);
    assert.equal(count, figures.people - 3, 'everyone who has not entered was reminded');
    await still(page, { top: true });
    await screenshot(page, 'contest-attempt-organizer-desktop-vi');

    await byTest(page, 'language-en').click();
    await until(async () => /Leaderboard/.test(await byTest(page, 'contest-leaderboard').innerText()), 'in English');
    await still(page, { top: true });
    await screenshot(page, 'contest-attempt-organizer-desktop-en');
    await page.close();

    // A second press the same day reminds nobody twice.
    const phone = await pageAs(browser, app.url, 'chutichcd');
    await open(phone, app.url, `/contests/${contest.id}`);
    await byTest(phone, 'contest-participation').locator('[data-test="participation-total"]').waitFor();
    await byTest(phone, 'contest-remind').click();
    await until(async () => /Không nhắc thêm ai/.test(await byTest(phone, 'contest-reminded').innerText().catch(() => '')), 'nobody is reminded twice a day');
    await fitsThePhone(phone, 'the organizer’s page');
    await still(phone);
    await byTest(phone, 'contest-participation').scrollIntoViewIfNeeded();
    await viewportScreenshot(phone, 'contest-attempt-participation-phone-vi');
    await byTest(phone, 'contest-leaderboard').scrollIntoViewIfNeeded();
    await viewportScreenshot(phone, 'contest-attempt-leaderboard-phone-vi');
    await phone.close();
  });
});
