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
});
