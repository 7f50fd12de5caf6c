// Polls in the browser: the trade union's chair asks, on a desktop in English, which sport to
// train next (one choice) and a free view; the treasurer (who, on its committee, sees the results
// all along) answers on a 360 px phone in Vietnamese,
// a view with a hostile <script> among it; the results show as a chart whose table adds up to the
// ballots, and the view as plain text (no element made of it, nothing run). Screenshots at 360 px
// in Vietnamese and on a desktop in English. The chair then puts the answer into the year's plan.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, formTime, launchBrowser, screenshot, startApp } from '../support/harness.mjs';
import { byTest, chooseOption, fitsThePhone, open, pageAs, settled, typeDate, until, viewportScreenshot } from './ui.mjs';

const desktop = { width: 1280, height: 900 };
const hostile = 'Thêm sân <script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';

describe('polls', () => {
  let app;
  let browser;
  let chairApi;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chairApi = await apiSession(app.url, 'chutichcd');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the chair asks on a desktop, a member votes on the phone, the results add up', async () => {
    const chair = await pageAs(browser, app.url, 'chutichcd', { language: 'en', size: desktop });
    await open(chair, app.url, '/polls');
    await byTest(chair, 'polls-empty').waitFor();
    await byTest(chair, 'poll-create').click();
    const form = byTest(chair, 'poll-form-dialog');
    await form.waitFor();
    await settled(chair);
    await chair.locator('#poll-title').fill('Môn thể thao tập luyện năm 2027');
    await typeDate(chair, 'poll-closes', formTime(7 * 24 * 60));
    await byTest(chair, 'poll-question-text').fill('Bạn muốn tập môn nào?');
    await byTest(chair, 'poll-question-options').fill('Bóng đá\nCầu lông\nBóng bàn');
    await byTest(chair, 'poll-add-question').click();
    await byTest(chair, 'poll-question-text').nth(1).fill('Góp ý thêm');
    await chooseOption(chair, 'poll-kind-1', 'Free answer');
    await settled(chair);
    await screenshot(chair, 'polls-desktop-create-en');
    await byTest(chair, 'poll-form-save').click();
    await form.waitFor({ state: 'hidden' });
    const created = (await chairApi.get('/api/v1/polls')).body.items[0];
    assert.equal(created.title, 'Môn thể thao tập luyện năm 2027');
    assert.equal(created.phase, 'open');
    assert.deepEqual(created.questions.map((q) => q.kind), ['single', 'text']);

    const member = await pageAs(browser, app.url, 'thuquy');
    await open(member, app.url, `/polls#poll-${created.id}`);
    const card = byTest(member, `poll-${created.id}`);
    await card.locator('[data-test="poll-ballot"]').waitFor();
    await byTest(member, 'poll-vote').click();
    assert.equal(await card.getByText('Hãy trả lời câu này.').count(), 2, 'both questions are required');
    await card.locator('[data-test="poll-question-0"]').getByText('Cầu lông', { exact: true }).click();
    await card.locator('textarea').fill(hostile);
    assert.equal(await card.getByText('Hãy trả lời câu này.').count(), 0, 'answered: no more complaints');
    await fitsThePhone(member, 'the ballot');
    await viewportScreenshot(member, 'polls-phone-ballot-vi');
    await byTest(member, 'poll-vote').click();
    await card.locator('[data-test="poll-results"]').waitFor();
    await card.locator('[data-test="poll-voted"]').waitFor();

    // The free answer is shown as the text typed: no script element, no image, nothing ran.
    const texts = card.locator('[data-test="poll-texts"] li');
    assert.equal(await texts.first().innerText(), hostile);
    assert.equal(await card.locator('[data-test="poll-texts"] script, [data-test="poll-texts"] img').count(), 0);
    assert.equal(await member.evaluate(() => window.__pwned === true), false);

    // The chart's table (for screen readers) says the same as the API, and adds up to the ballots.
    const poll = (await chairApi.get(`/api/v1/polls/${created.id}`)).body;
    assert.equal(poll.results.ballots, 1);
    assert.deepEqual(poll.results.questions[0].votes, [0, 1, 0]);
    const sum = poll.results.questions[0].votes.reduce((a, b) => a + b, 0);
    assert.equal(sum, poll.results.ballots);
    await until(async () => JSON.stringify(await card.locator('[data-test="poll-result-0"] table td').allInnerTexts())
      === JSON.stringify(['0 (0 %)', '1 (100 %)', '0 (0 %)']), 'the table shows the counts');
    await settled(member);
    await fitsThePhone(member, 'the results');
    await screenshot(member, 'polls-phone-results-vi');

    // The chair sees the ballot come in on their page once it is read again.
    await chair.reload();
    await byTest(chair, `poll-${created.id}`).locator('[data-test="poll-results"]').waitFor();
    await until(async () => /\b1 ballot(?!s)/.test(await byTest(chair, `poll-${created.id}`).innerText()), 'the count shows');
    await screenshot(chair, 'polls-desktop-results-en');

    // The answer goes into the plan: the most voted option is offered, the programme cites it.
    await byTest(chair, `poll-${created.id}`).locator('[data-test="poll-to-plan-open"]').click();
    const toPlan = byTest(chair, 'poll-to-plan');
    await toPlan.waitFor();
    await until(async () => (await byTest(chair, 'to-plan-title').inputValue()) === 'Cầu lông',
      'the most voted option is offered');
    await settled(chair);
    await screenshot(chair, 'polls-desktop-to-plan-en');
    await byTest(chair, 'to-plan-submit').click();
    await toPlan.waitFor({ state: 'hidden' });
    const organization = created.organization_id;
    const plans = (await chairApi.get(`/api/v1/plans?organization_id=${organization}`)).body.items;
    const programmes = plans.flatMap((plan) => plan.programmes).filter((p) => p.title === 'Cầu lông');
    assert.equal(programmes.length, 1, 'one programme in one plan');
    assert.match(programmes[0].description, /Cầu lông 1 phiếu \(100 %\); Bóng đá 0 phiếu \(0 %\); Bóng bàn 0 phiếu \(0 %\)/);
    await chair.close();
    await member.close();
  });
});
