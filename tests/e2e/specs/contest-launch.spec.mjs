// A contest launched from above (issue 17) in the browser. The trade union's chair, on a desktop,
// runs a contest made over the API: while its bank is empty the page's "send it down" card says why
// the file cannot be had yet; once a small bank is imported (over the API) the page's link
// downloads the contest file, byte for byte the file the API gives. A round that has closed offers
// its certificates: a "top" out of 1–100 is refused beside the field, and a round nobody entered
// says so in the page's words. The youth union's secretary, on a 360 × 740 phone, imports the file
// through the list's dialog for the youth union and lands on the new copy, which says who launched
// it; the same file again says it was imported before and leads to that copy; the file with one
// answer changed is refused for its checksum beside the file, in Vietnamese, then in English after
// the language is switched; a file cut short names its line. A plain member is offered no import.
// Then the results go back up: a youth union member enters the copy's open round (over the API);
// the secretary's copy page offers "Gửi kết quả lên cấp trên", whose link downloads the API's
// results file byte for byte; the chair, on the phone, imports it on the original contest's page
// and reads what came in; the leaderboard shows the entrant with the organization they came
// through, and participation the organizations below with the totals counting them, the rows
// adding up to them as shown; the same file again replaces the earlier one; a changed file is
// refused for its checksum beside the file, in Vietnamese and then in English.
// Screenshots at 360 px and on a desktop, in Vietnamese and in English.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { apiSession, apiTime, launchBrowser, screenshot, startApp } from '../support/harness.mjs';
import { byTest, chooseOption, fitsThePhone, open, pageAs, settled, until, viewportScreenshot } from './ui.mjs';

const desktop = { width: 1280, height: 900 };
const title = 'Tìm hiểu Nghị quyết Đại hội Công đoàn Việt Nam lần thứ XIII';
const tradeUnion = 'Công đoàn cơ sở Sở Tư pháp';

const header = 'STT,Câu hỏi,Phương án A,Phương án B,Phương án C,Phương án D,Đáp án,Chủ đề,Độ khó,Loại';
const bank = [
  '1,Đại hội XIII Công đoàn Việt Nam họp năm nào?,2018,2023,2025,,B,Đại hội,1,',
  '2,Khẩu hiệu hành động của Đại hội có mấy cụm từ?,3,4,5,,C,Đại hội,2,',
  '3,Công đoàn cơ sở đại diện cho người lao động khi thương lượng tập thể.,,,,,Đúng,Chức năng,,',
];
const csv = Buffer.from(`${[header, ...bank].join('\r\n')}\r\n`, 'utf8');

/** Before a picture: the passing messages gone, the pointer off the buttons, nothing moving. */
async function still(page, { top = false } = {}) {
  await until(async () => (await page.locator('.el-message').count()) === 0, 'the messages have gone');
  await page.mouse.move(0, 0);
  if (top) await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
}

/** Opens the import dialog from the list; resolves to the dialog. */
async function openImport(page) {
  await byTest(page, 'contest-file-import').click();
  const dialog = byTest(page, 'contest-file-dialog');
  await dialog.waitFor();
  await settled(page);
  return dialog;
}

/** Chooses the file (a name and its bytes) in the dialog and imports it. */
async function importFile(page, name, buffer) {
  await byTest(page, 'contest-file-input').setInputFiles({ name, mimeType: 'application/json', buffer });
  await until(async () => (await byTest(page, 'contest-file-input-name').innerText()) === name, 'the file is chosen');
  await byTest(page, 'contest-file-save').click();
}

describe('contests launched from above', () => {
  let app;
  let browser;
  let chairApi;
  let secretaryApi;
  let contest;
  let closedRound;
  let youthUnion;
  /** The contest file as the chair's page downloaded it. */
  let fileText;
  let copy;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chairApi = await apiSession(app.url, 'chutichcd');
    secretaryApi = await apiSession(app.url, 'bithudoan');
    const created = await chairApi.post('/api/v1/contests', {
      organization_id: chairApi.session.officer_of[0],
      title,
      description: 'Dành cho đoàn viên công đoàn và đoàn viên thanh niên.',
      prediction_question: 'Bao nhiêu người trả lời đúng tất cả các câu hỏi?',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    contest = created.body;
    assert.equal(contest.launched_by, null, 'a contest made here was launched by nobody above');
    const organizations = (await secretaryApi.get('/api/v1/organizations')).body.items;
    youthUnion = organizations.find((o) => o.id === secretaryApi.session.officer_of[0]);
    assert.ok(youthUnion, `the secretary's organization among ${JSON.stringify(organizations.map((o) => o.name))}`);
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the chair downloads the contest file once the bank has questions; a closed round offers its certificates', async () => {
    const chair = await pageAs(browser, app.url, 'chutichcd', { size: desktop });
    await open(chair, app.url, `/contests/${contest.id}`);
    // An empty bank: the file cannot be had yet, and the page says why.
    const card = byTest(chair, 'contest-send-down');
    await card.waitFor();
    assert.match(await card.innerText(), /Gửi cuộc thi xuống cấp dưới[\s\S]*chỉ gửi cho cán bộ phụ trách của họ/);
    assert.ok(await byTest(chair, 'contest-file-download').isDisabled(), 'no file while the bank is empty');
    assert.equal(await byTest(chair, 'contest-file-why').innerText(), 'Ngân hàng chưa có câu hỏi: hãy nhập câu hỏi trước khi gửi cuộc thi xuống.');
    assert.equal(await byTest(chair, 'contest-file-download').getAttribute('aria-describedby'), 'contest-send-why');
    assert.equal((await chairApi.get(`/api/v1/contests/${contest.id}/file`)).body.code, 'contest.bank_empty');
    assert.equal(await byTest(chair, 'contest-launched-by').count(), 0, 'made here, launched by nobody above');
    await card.scrollIntoViewIfNeeded();
    await still(chair);
    await viewportScreenshot(chair, 'contest-launch-desktop-empty-vi');

    // A small bank and two rounds: one closed yesterday, one open for a week.
    const imported = await fetch(`${app.url}/api/v1/contests/${contest.id}/bank?mode=append&filename=bank.csv`, {
      method: 'POST',
      headers: { Cookie: chairApi.cookie, 'X-CSRF-Token': chairApi.csrf, 'Content-Type': 'application/octet-stream' },
      body: csv,
    });
    assert.equal(imported.status, 200, await imported.text());
    const rules = { time_limit_minutes: 15, attempts_allowed: 2, counted: 'best', shuffle_options: true, results_shown: 'at_close', quotas: { 'Đại hội': 2, 'Chức năng': 1 } };
    const first = await chairApi.post(`/api/v1/contests/${contest.id}/rounds`, { title: 'Vòng 1', opens_at: apiTime(-3 * 24 * 60), closes_at: apiTime(-24 * 60), ...rules });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const second = await chairApi.post(`/api/v1/contests/${contest.id}/rounds`, { title: 'Vòng 2', opens_at: apiTime(-60), closes_at: apiTime(7 * 24 * 60), ...rules });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    closedRound = second.body.rounds.find((r) => r.title === 'Vòng 1');
    assert.equal(closedRound.phase, 'closed');

    // The page's link downloads the very file the API gives.
    await open(chair, app.url, `/contests/${contest.id}`);
    const link = byTest(chair, 'contest-file-download');
    await until(async () => (await link.evaluate((element) => element.tagName)) === 'A', 'the download is a link once the bank has questions');
    const [download] = await Promise.all([chair.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), `cuoc-thi-${contest.id}.doanket-contest.json`);
    fileText = readFileSync(await download.path(), 'utf8');
    const fromApi = await fetch(`${app.url}/api/v1/contests/${contest.id}/file`, { headers: { Cookie: chairApi.cookie } });
    assert.equal(fromApi.status, 200);
    assert.equal(fileText, await fromApi.text(), 'the page downloads the API’s file');
    const file = JSON.parse(fileText);
    assert.equal(file.format, 'doanket-contest/1');
    assert.equal(file.contest.title, title);
    assert.equal(file.rounds.length, 2);
    assert.equal(file.questions.length, 3);
    assert.match(file.launched_by, new RegExp(`^${tradeUnion}`));
    assert.match(file.sha256, /^[0-9a-f]{64}$/);

    // Certificates of the closed round: "top" from 1 to 100, checked here; nobody entered it.
    const round = byTest(chair, `round-${closedRound.id}`);
    const certificates = round.locator('[data-test="round-certificates"]');
    await certificates.waitFor();
    assert.equal(await byTest(chair, `round-${second.body.rounds.find((r) => r.title === 'Vòng 2').id}`).locator('[data-test="round-certificates"]').count(), 0, 'an open round has none yet');
    const top = certificates.locator('[data-test="round-certificates-top"]');
    assert.equal(await top.inputValue(), '3');
    assert.equal(await chair.getByRole('textbox', { name: 'Số người xếp hạng đầu' }).count(), 1, 'the field is named');
    await top.fill('0');
    await certificates.locator('[data-test="round-certificates-download"]').click();
    await until(async () => (await certificates.locator('[data-test="round-certificates-range"]').innerText().catch(() => '')) === 'Hãy nhập một số từ 1 đến 100.', 'the number is refused beside it');
    assert.equal(await top.getAttribute('aria-invalid'), 'true');
    await top.fill('3');
    await until(async () => (await certificates.locator('[data-test="round-certificates-range"]').count()) === 0, 'the problem goes with the change');
    await chair.getByRole('button', { name: 'Tải giấy chứng nhận (PDF): Vòng 1' }).click();
    await until(async () => (await certificates.locator('[data-test="round-certificates-error"]').innerText().catch(() => '')) === 'Vòng thi chưa có người dự thi.', 'nobody entered the round');
    await still(chair, { top: true });
    await screenshot(chair, 'contest-launch-desktop-send-vi');
    await chair.close();

    // In English on the desktop, and on the phone in Vietnamese: the card and the certificates.
    const english = await pageAs(browser, app.url, 'chutichcd', { language: 'en', size: desktop });
    await open(english, app.url, `/contests/${contest.id}`);
    await byTest(english, 'contest-send-down').waitFor();
    assert.match(await byTest(english, 'contest-send-down').innerText(), /Send the contest down[\s\S]*send it only to their officers[\s\S]*Download the contest file/);
    await english.getByRole('button', { name: 'Download the certificates (PDF): Vòng 1' }).click();
    await until(async () => (await byTest(english, 'round-certificates-error').innerText().catch(() => '')) === 'Nobody has entered the round.', 'the problem in English');
    await still(english, { top: true });
    await screenshot(english, 'contest-launch-desktop-send-en');
    // The import dialog on the desktop, in English.
    await open(english, app.url, '/contests');
    await openImport(english);
    await still(english);
    await viewportScreenshot(english, 'contest-launch-desktop-dialog-en');
    await english.close();

    const phone = await pageAs(browser, app.url, 'chutichcd');
    await open(phone, app.url, `/contests/${contest.id}`);
    await byTest(phone, 'contest-send-down').waitFor();
    await fitsThePhone(phone, 'the contest page with its file');
    await byTest(phone, 'contest-send-down').scrollIntoViewIfNeeded();
    await still(phone);
    await viewportScreenshot(phone, 'contest-launch-phone-send-vi');
    await byTest(phone, `round-${closedRound.id}`).locator('[data-test="round-certificates"]').scrollIntoViewIfNeeded();
    await still(phone);
    await viewportScreenshot(phone, 'contest-launch-phone-certificates-vi');
    await phone.close();
  });

  test('the youth union’s secretary imports it on the phone; the same file again, a changed one, one cut short', async () => {
    const secretary = await pageAs(browser, app.url, 'bithudoan');
    await open(secretary, app.url, '/contests');
    let dialog = await openImport(secretary);
    assert.equal(await secretary.getByRole('dialog', { name: 'Nhập cuộc thi từ cấp trên' }).count(), 1, 'the dialog is named');
    // Only the organizations the secretary runs; the youth union is theirs.
    await chooseOption(secretary, 'contest-file-organization', youthUnion.name);
    await fitsThePhone(secretary, 'the import dialog');
    await still(secretary);
    await viewportScreenshot(secretary, 'contest-launch-phone-dialog-vi');
    await importFile(secretary, `cuoc-thi-${contest.id}.doanket-contest.json`, Buffer.from(fileText));

    // The new copy's page: run by the youth union, launched by the trade union.
    await secretary.waitForURL((url) => /\/contests\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/contests/${contest.id}`));
    const copyId = Number(new URL(secretary.url()).pathname.split('/').pop());
    copy = (await secretaryApi.get(`/api/v1/contests/${copyId}`)).body;
    assert.equal(copy.title, title);
    assert.equal(copy.organization_id, youthUnion.id);
    assert.equal(copy.questions, 3);
    assert.equal(copy.rounds.length, 2);
    assert.match(copy.launched_by, new RegExp(`^${tradeUnion}`));
    await until(async () => (await byTest(secretary, 'contest-launched-by').innerText().catch(() => '')) === `Do ${copy.launched_by} phát động`, 'the page says who launched it');
    assert.equal(await byTest(secretary, 'contest-title').innerText(), title);
    await fitsThePhone(secretary, 'the imported contest');
    await still(secretary, { top: true });
    await viewportScreenshot(secretary, 'contest-launch-phone-copy-vi');

    // The same file again: imported before, with the way to that copy.
    await open(secretary, app.url, '/contests');
    await byTest(secretary, `contest-${copy.id}`).locator('[data-test="contest-card-launched-by"]').waitFor();
    await viewportScreenshot(secretary, 'contest-launch-phone-list-vi');
    dialog = await openImport(secretary);
    await importFile(secretary, `cuoc-thi-${contest.id}.doanket-contest.json`, Buffer.from(fileText));
    const already = byTest(secretary, 'contest-file-already');
    await already.waitFor();
    assert.match(await already.innerText(), new RegExp(`Cuộc thi này đã được nhập trước đây \\(“${title}”, do ${youthUnion.name} thực hiện\\)`));
    assert.equal((await secretaryApi.get('/api/v1/contests')).body.items.filter((c) => c.title === title && c.launched_by).length, 1, 'one copy');
    await fitsThePhone(secretary, 'the dialog saying so');
    await still(secretary);
    await viewportScreenshot(secretary, 'contest-launch-phone-already-vi');
    await already.getByRole('link', { name: /Mở cuộc thi đã nhập/ }).click();
    await secretary.waitForURL(`**/contests/${copy.id}`);
    await dialog.waitFor({ state: 'hidden' });
    await byTest(secretary, 'contest-launched-by').waitFor();

    // One answer changed by hand: the checksum no longer matches, and nothing is made.
    const changed = JSON.parse(fileText);
    const question = changed.questions.find((q) => q.options.length > 0);
    question.correct = question.correct.map((place) => (place + 1) % question.options.length);
    const changedFile = Buffer.from(`${JSON.stringify(changed)}\n`);
    const listedBefore = (await secretaryApi.get('/api/v1/contests')).body.items.length;
    await open(secretary, app.url, '/contests');
    await openImport(secretary);
    await importFile(secretary, 'cuoc-thi-sua.doanket-contest.json', changedFile);
    const problem = byTest(secretary, 'contest-file-error');
    await until(async () => /^Mã kiểm tra \(sha256\) của tệp không khớp/.test(await problem.innerText().catch(() => '')), 'the checksum is refused in Vietnamese');
    assert.equal(await problem.getAttribute('role'), 'alert');
    assert.equal(await byTest(secretary, 'contest-file-where').innerText(), 'Vị trí trong tệp: sha256');
    assert.equal((await secretaryApi.get('/api/v1/contests')).body.items.length, listedBefore, 'nothing was imported');
    await fitsThePhone(secretary, 'the refused file');
    await still(secretary);
    await viewportScreenshot(secretary, 'contest-launch-phone-checksum-vi');

    // In English: the dialog closed, the language switched, the same file chosen again.
    await byTest(secretary, 'contest-file-dialog').getByRole('button', { name: 'Hủy' }).click();
    await byTest(secretary, 'contest-file-dialog').waitFor({ state: 'hidden' });
    await byTest(secretary, 'language-en').click();
    await until(async () => (await byTest(secretary, 'contest-file-import').innerText()) === 'Import a contest from above', 'the list in English');
    await openImport(secretary);
    assert.equal(await byTest(secretary, 'contest-file-error').count(), 0, 'a new opening starts afresh');
    await importFile(secretary, 'cuoc-thi-sua.doanket-contest.json', changedFile);
    await until(async () => /^The file's checksum \(sha256\) does not match/.test(await problem.innerText().catch(() => '')), 'the checksum is refused in English');
    assert.equal(await byTest(secretary, 'contest-file-where').innerText(), 'Where in the file: sha256');
    await fitsThePhone(secretary, 'the refused file in English');
    await still(secretary);
    await viewportScreenshot(secretary, 'contest-launch-phone-checksum-en');

    // A file cut short (a mail client's doing): where it stops being JSON, by line.
    const pretty = JSON.stringify(JSON.parse(fileText), null, 2);
    const cut = pretty.slice(0, Math.floor(pretty.length / 2));
    await importFile(secretary, 'cuoc-thi-cut.doanket-contest.json', Buffer.from(cut));
    await until(async () => /^The contest file is not valid JSON/.test(await problem.innerText().catch(() => '')), 'a file cut short is refused');
    assert.equal(await byTest(secretary, 'contest-file-where').innerText(), `Line ${cut.split('\n').length}`);
    await secretary.close();
  });

  test('a plain member is offered no import', async () => {
    const member = await pageAs(browser, app.url, 'doanvien');
    await open(member, app.url, '/contests');
    await byTest(member, 'contests-for-me').waitFor();
    await member.waitForLoadState('networkidle');
    await until(async () => (await member.locator('.el-loading-mask:visible').count()) === 0, 'the list has loaded');
    assert.equal(await byTest(member, 'contest-file-import').count(), 0, 'no import for a member');
    assert.equal(await byTest(member, 'contest-create').count(), 0);
    // The API refuses it too: the member runs no organization.
    const memberApi = await apiSession(app.url, 'doanvien');
    const refused = await fetch(`${app.url}/api/v1/contest-files?organization_id=${youthUnion.id}`, {
      method: 'POST',
      headers: { Cookie: memberApi.cookie, 'X-CSRF-Token': memberApi.csrf, 'Content-Type': 'application/json' },
      body: fileText,
    });
    assert.equal(refused.status, 403, await refused.text());
    await member.close();
  });

  test('the results go back up: the secretary downloads the copy’s file, the chair imports it on the phone', async () => {
    assert.ok(copy, 'the copy the secretary imported');
    // A member of the youth union who may sign in: the trade union's treasurer is in it too, and
    // may enter the copy (the secretary runs it; the treasurer does not).
    const entrantApi = await apiSession(app.url, 'thuquy');
    assert.ok(entrantApi.session.member_of.includes(youthUnion.id), 'the treasurer is in the youth union');
    const asEntrant = (await entrantApi.get(`/api/v1/contests/${copy.id}`)).body;
    assert.equal(asEntrant.may_enter, true);
    assert.equal(asEntrant.may_run, false);
    const openRound = copy.rounds.find((r) => r.phase === 'open');
    const started = await entrantApi.post(`/api/v1/contests/${copy.id}/rounds/${openRound.id}/attempts`);
    assert.ok([200, 201].includes(started.status), JSON.stringify(started.body));
    const answers = started.body.questions.map((q) => ({ position: q.position, choices: [q.options[0].place] }));
    const submitted = await entrantApi.post(`/api/v1/contest-attempts/${started.body.id}/submit`, { answers, prediction: 2 });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.ok(submitted.body.finished_at, 'submitted');
    // A contest made here has nowhere to send results.
    assert.equal((await chairApi.get(`/api/v1/contests/${contest.id}/results-file`)).body.code, 'contest.not_launched');

    // The secretary, on the phone: the copy's page says where the file goes and gives it.
    const secretary = await pageAs(browser, app.url, 'bithudoan');
    await open(secretary, app.url, `/contests/${copy.id}`);
    const up = byTest(secretary, 'contest-results-up');
    await up.waitFor();
    assert.equal(
      await byTest(secretary, 'contest-results-up-intro').innerText(),
      `Tải tệp này và gửi cho ${copy.launched_by}. Sau đó có thêm người dự thi thì tải và gửi lại: tệp mới thay cho tệp đã gửi trước.`,
    );
    assert.equal(await up.getByRole('heading', { level: 2 }).innerText(), 'Gửi kết quả lên cấp trên');
    const link = secretary.getByRole('link', { name: /Tải tệp kết quả/ });
    assert.equal(await link.getAttribute('aria-describedby'), 'contest-results-up-intro');
    const [download] = await Promise.all([secretary.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), `ket-qua-cuoc-thi-${copy.id}.doanket-results.json`);
    const resultsText = readFileSync(await download.path(), 'utf8');
    const fromApi = await fetch(`${app.url}/api/v1/contests/${copy.id}/results-file`, { headers: { Cookie: secretaryApi.cookie } });
    assert.equal(fromApi.status, 200);
    assert.equal(resultsText, await fromApi.text(), 'the page downloads the API’s results file');
    const results = JSON.parse(resultsText);
    assert.equal(results.format, 'doanket-contest-results/1');
    assert.equal(results.rounds.length, 2);
    const reported = results.rounds.find((r) => r.title === openRound.title).entries;
    assert.deepEqual(reported.map((e) => e.full_name), [entrantApi.session.full_name]);
    const sentBy = results.sent_by;
    assert.match(sentBy, new RegExp(`^${youthUnion.name}`));
    await fitsThePhone(secretary, 'the copy with its results card');
    await up.scrollIntoViewIfNeeded();
    await still(secretary);
    await viewportScreenshot(secretary, 'contest-results-phone-up-vi');
    await secretary.close();
    // In English on the desktop.
    const secretaryEn = await pageAs(browser, app.url, 'bithudoan', { language: 'en', size: desktop });
    await open(secretaryEn, app.url, `/contests/${copy.id}`);
    await byTest(secretaryEn, 'contest-results-up').waitFor();
    assert.equal(
      await byTest(secretaryEn, 'contest-results-up-intro').innerText(),
      `Download this file and send it to ${copy.launched_by}. When more people have entered, download it and send it again: the newer file replaces the one sent before.`,
    );
    await byTest(secretaryEn, 'contest-results-up').scrollIntoViewIfNeeded();
    await still(secretaryEn);
    await viewportScreenshot(secretaryEn, 'contest-results-desktop-up-en');
    await secretaryEn.close();

    // The chair, on the phone, imports it on the original contest's page.
    const chair = await pageAs(browser, app.url, 'chutichcd');
    await open(chair, app.url, `/contests/${contest.id}`);
    const card = byTest(chair, 'contest-results-in');
    await card.waitFor();
    assert.equal(await byTest(chair, 'contest-results-up').count(), 0, 'launched here: no results to send up');
    const board = byTest(chair, 'contest-leaderboard');
    await byTest(chair, 'leaderboard-empty').waitFor();
    assert.equal(await byTest(chair, 'participation-below').count(), 0, 'nothing reported yet');
    assert.equal(await chair.getByRole('button', { name: /^Tệp kết quả \(\.json\)/ }).count(), 1, 'the file input is named');
    const importResults = async (name, buffer) => {
      await byTest(chair, 'contest-results-file').setInputFiles({ name, mimeType: 'application/json', buffer });
      await until(async () => (await byTest(chair, 'contest-results-file-name').innerText()) === name, 'the file is chosen');
      await byTest(chair, 'contest-results-import').click();
    };
    const resultsName = `ket-qua-cuoc-thi-${copy.id}.doanket-results.json`;
    await importResults(resultsName, Buffer.from(resultsText));
    const received = byTest(chair, 'contest-results-received');
    await until(async () => (await received.innerText().catch(() => '')) === `Đã nhận 1 bài dự thi trong 2 vòng từ ${sentBy}.`, 'what came in is said');
    assert.equal(await byTest(chair, 'contest-results-replaced').count(), 0, 'the first file from the sender');
    await fitsThePhone(chair, 'the results received');
    await card.scrollIntoViewIfNeeded();
    await still(chair);
    await viewportScreenshot(chair, 'contest-results-phone-received-vi');

    // The leaderboard, read again: the entrant, with the organization they came through.
    const row = board.locator('[data-test="leaderboard-row"]');
    await until(async () => (await row.count()) === 1, 'the reported entrant is ranked');
    assert.match(await row.locator('th').innerText(), new RegExp(`^${entrantApi.session.full_name}\\n`));
    const through = await row.locator('[data-test="leaderboard-organization"]').innerText();
    assert.ok(through.endsWith(sentBy), `“${through}” names ${sentBy}`);
    assert.ok(await row.locator('[data-test="leaderboard-organization"]').isVisible(), 'under the name');
    const originalRound = (await chairApi.get(`/api/v1/contests/${contest.id}`)).body.rounds.find((r) => r.title === openRound.title);
    const apiBoard = (await chairApi.get(`/api/v1/contests/${contest.id}/rounds/${originalRound.id}/leaderboard`)).body;
    assert.equal(apiBoard.items.length, 1);
    assert.ok(apiBoard.items[0].person_id < 0, 'a person of another agency');
    assert.equal(apiBoard.items[0].organization, sentBy);
    await board.scrollIntoViewIfNeeded();
    await still(chair);
    await viewportScreenshot(chair, 'contest-results-phone-board-vi');

    // Participation, read again: the organizations below, and totals their rows add up to.
    const below = byTest(chair, 'participation-below');
    await below.waitFor();
    const participation = (await chairApi.get(`/api/v1/contests/${contest.id}/participation`)).body;
    assert.ok(participation.below.length > 0);
    assert.deepEqual(participation.below.map((g) => g.name), [sentBy], 'one row per sender, its audience counted once');
    const number = (text) => Number(text.replace(/\./g, ''));
    const figures = async (locator) => ({
      people: number(await locator.locator('[data-test="people"]').innerText()),
      entrants: number(await locator.locator('[data-test="entrants"]').innerText()),
    });
    const rows = await below.locator('[data-test="participation-below-row"]').all();
    assert.equal(rows.length, participation.below.length);
    const shownRows = [];
    for (const r of rows) shownRows.push(await figures(r));
    const here = await figures(below.locator('[data-test="participation-below-here"]'));
    const total = await figures(below.locator('[data-test="participation-below-total"]'));
    const sum = (key) => shownRows.reduce((whole, r) => whole + r[key], 0) + here[key];
    assert.deepEqual({ people: sum('people'), entrants: sum('entrants') }, total, 'the rows add up to the total shown');
    assert.deepEqual(total, { people: participation.people_with_below, entrants: participation.entrants_with_below });
    assert.deepEqual(here, { people: participation.people, entrants: participation.entrants });
    // The row below is the sender's audience as its file counts it, each person once (its
    // organizations overlap: a member of the youth union may be in the trade union too).
    assert.deepEqual(
      participation.below.map((g) => [g.name, g.people, g.entrants]),
      [[results.sent_by, results.people, results.entrants]],
    );
    assert.ok(results.organizations.reduce((whole, g) => whole + g.people, 0) >= results.people);
    const vn = (n) => new Intl.NumberFormat('vi-VN').format(n);
    const headline = await byTest(chair, 'participation-with-below').innerText();
    assert.ok(headline.startsWith(`Tính cả cấp dưới: ${vn(total.entrants)}/${vn(total.people)} người dự thi`), headline);
    const firstBelow = await rows[0].locator('th').innerText();
    assert.equal(firstBelow.trim(), sentBy, 'the row names who reported');
    await fitsThePhone(chair, 'participation with those below');
    await below.scrollIntoViewIfNeeded();
    await still(chair);
    await viewportScreenshot(chair, 'contest-results-phone-below-vi');

    // The same file again: it replaces the earlier one; nobody counts twice.
    await importResults(resultsName, Buffer.from(resultsText));
    await byTest(chair, 'contest-results-replaced').waitFor();
    assert.equal(await byTest(chair, 'contest-results-replaced').innerText(), 'Tệp này thay cho tệp nơi này gửi trước đó: kết quả cũ của họ không còn được tính.');
    assert.equal(await received.innerText(), `Đã nhận 1 bài dự thi trong 2 vòng từ ${sentBy}.`);
    assert.equal((await chairApi.get(`/api/v1/contests/${contest.id}/participation`)).body.entrants_with_below, total.entrants, 'counted once');
    await until(async () => (await row.count()) === 1, 'still one reported entrant');
    await card.scrollIntoViewIfNeeded();
    await still(chair);
    await viewportScreenshot(chair, 'contest-results-phone-replaced-vi');

    // A score "corrected" by hand: the checksum no longer matches, and nothing changes.
    const changed = JSON.parse(resultsText);
    changed.rounds.find((r) => r.entries.length).entries[0].score += 1;
    await importResults('ket-qua-sua.doanket-results.json', Buffer.from(`${JSON.stringify(changed)}\n`));
    const problem = byTest(chair, 'contest-results-error');
    await until(async () => /^Mã kiểm tra \(sha256\) của tệp không khớp/.test(await problem.innerText().catch(() => '')), 'the checksum is refused in Vietnamese');
    assert.equal(await problem.getAttribute('role'), 'alert');
    assert.equal(await byTest(chair, 'contest-results-where').innerText(), 'Vị trí trong tệp: sha256');
    assert.equal(await byTest(chair, 'contest-results-done').count(), 0, 'no outcome beside a refusal');
    assert.equal((await chairApi.get(`/api/v1/contests/${contest.id}/rounds/${apiBoard.round_id}/leaderboard`)).body.items[0].score, apiBoard.items[0].score, 'nothing changed');
    await fitsThePhone(chair, 'the refused results file');
    await card.scrollIntoViewIfNeeded();
    await still(chair);
    await viewportScreenshot(chair, 'contest-results-phone-checksum-vi');
    // In English: the problem carries both languages, so it changes with the switch.
    await byTest(chair, 'language-en').click();
    await until(async () => /^The file's checksum \(sha256\) does not match/.test(await problem.innerText().catch(() => '')), 'the checksum is refused in English');
    assert.equal(await byTest(chair, 'contest-results-where').innerText(), 'Where in the file: sha256');
    assert.equal(await card.getByRole('heading', { level: 2 }).innerText(), 'Results from below');
    await fitsThePhone(chair, 'the refused results file in English');
    await card.scrollIntoViewIfNeeded();
    await still(chair);
    await viewportScreenshot(chair, 'contest-results-phone-checksum-en');
    // The same file in English: what came in, and that it replaced the earlier one.
    await importResults(resultsName, Buffer.from(resultsText));
    await until(async () => (await received.innerText().catch(() => '')) === `Received 1 entry in 2 rounds from ${sentBy}.`, 'what came in, in English');
    assert.equal(await byTest(chair, 'contest-results-replaced').innerText(), 'This file replaces the one this sender sent before: their earlier results no longer count.');
    assert.match(await byTest(chair, 'participation-with-below').innerText(), /^With those below: \d+\/\d+ people entered/);
    await below.scrollIntoViewIfNeeded();
    await still(chair);
    await viewportScreenshot(chair, 'contest-results-phone-below-en');
    await chair.close();

    // The whole page on a desktop, in both languages.
    for (const language of ['vi', 'en']) {
      const page = await pageAs(browser, app.url, 'chutichcd', { language, size: desktop });
      await open(page, app.url, `/contests/${contest.id}`);
      await byTest(page, 'participation-below').waitFor();
      await byTest(page, 'leaderboard-organization').waitFor();
      await still(page, { top: true });
      await screenshot(page, `contest-results-desktop-${language}`);
      await byTest(page, 'contest-leaderboard').scrollIntoViewIfNeeded();
      await still(page);
      await viewportScreenshot(page, `contest-results-desktop-board-${language}`);
      await byTest(page, 'participation-below').scrollIntoViewIfNeeded();
      await still(page);
      await viewportScreenshot(page, `contest-results-desktop-below-${language}`);
      await byTest(page, 'contest-results-in').scrollIntoViewIfNeeded();
      await still(page);
      await viewportScreenshot(page, `contest-results-desktop-in-${language}`);
      await page.close();
    }
  });
});
