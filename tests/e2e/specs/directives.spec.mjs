// Directives in the browser (quán triệt): the youth union's secretary posts the provincial Youth
// Union's plan with a check question from a 360 px phone; as one of its recipients they open it
// (read), answer wrong, then right (studied); the follow-up on the same page shows the share
// studied and the departments, whose rows add up to the total the API gives, and a reminder goes
// to the rest. On a desktop in English, a plain member acknowledges the agency's notice.
// Screenshots at 360 px in Vietnamese and on a desktop in English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, launchBrowser, screenshot, startApp } from '../support/harness.mjs';
import { byTest, chooseOption, fitsThePhone, open, pageAs, settled, until, viewportScreenshot } from './ui.mjs';

const desktop = { width: 1280, height: 900 };

describe('directives', () => {
  let app;
  let browser;
  let secretary;
  let leadership;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    secretary = await apiSession(app.url, 'bithudoan');
    leadership = await apiSession(app.url, 'lanhdao');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the secretary posts on the phone, studies it by answering, and follows the rest up', async () => {
    const page = await pageAs(browser, app.url, 'bithudoan');
    await open(page, app.url, '/directives');
    await byTest(page, 'directives-mine-empty').waitFor();
    await byTest(page, 'directive-post').click();
    const form = byTest(page, 'directive-form-dialog');
    await form.waitFor();
    await settled(page);
    await byTest(page, 'directive-form-save').click();
    await form.getByText('Hãy ghi trích yếu văn bản.').waitFor();
    await chooseOption(page, 'directive-kind', 'Kế hoạch');
    await page.locator('#directive-number').fill('05-KH/TĐTN');
    await page.locator('#directive-issuer').fill('Tỉnh đoàn Hà Tĩnh');
    await page.locator('#directive-title').fill('Kế hoạch Tháng Thanh niên năm 2027');
    await page.locator('#directive-summary').fill('Ra quân Tháng Thanh niên; hiến máu tình nguyện; giao lưu thể thao với đơn vị kết nghĩa.');
    await byTest(page, 'directive-add-question').click();
    await byTest(page, 'directive-question-text').fill('Tháng Thanh niên là tháng mấy?');
    await byTest(page, 'directive-question-choices').fill('Tháng 3\nTháng 5\nTháng 9');
    await viewportScreenshot(page, 'directives-phone-post-vi');
    await byTest(page, 'directive-form-save').click();
    await form.waitFor({ state: 'hidden' });

    const followed = (await secretary.get('/api/v1/directives')).body.items;
    assert.equal(followed.length, 1);
    const directive = followed[0];
    assert.equal(directive.questions[0].answer, 0);
    const people = directive.counts.people;
    assert.ok(people > 1, `delivered to ${people}`);

    // As a recipient: unread in their list, then opened.
    const mine = byTest(page, 'directives-mine');
    await mine.locator(`[data-test="directive-${directive.id}"]`).waitFor();
    assert.equal(await mine.locator('[data-test="directive-state"]').innerText(), 'Chưa đọc');
    assert.match(await byTest(page, 'directives-mine-counts').innerText(), /1 chưa đọc/);
    await fitsThePhone(page, 'the list');
    await screenshot(page, 'directives-phone-list-vi');
    await mine.locator(`[data-test="directive-${directive.id}"]`).click();
    await byTest(page, 'directive-title').waitFor();
    await until(async () => (await secretary.get(`/api/v1/directives/${directive.id}`)).body.receipt.read_at !== null, 'the opening is recorded');

    // The plan itself as a PDF: attached, then downloaded under its name; a page posing as a
    // picture is refused with the reason.
    await page.locator('[data-test="directive-attach"]').setInputFiles({
      name: 'Kế hoạch 05-KH.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n'),
    });
    const link = byTest(page, 'directive-attachment');
    await link.waitFor();
    assert.equal(await link.innerText(), 'Kế hoạch 05-KH.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'Kế hoạch 05-KH.pdf');
    await page.locator('[data-test="directive-attach"]').setInputFiles({
      name: 'anh.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    await page.getByText('Chỉ nhận tệp PDF, Word (DOCX) hoặc ảnh PNG, JPEG, WebP.').waitFor();
    assert.equal(await byTest(page, 'directive-attachment').count(), 1);

    // A wrong answer, then the right one.
    const question = byTest(page, 'directive-answer-0');
    await question.getByText('Tháng 5').click();
    await byTest(page, 'directive-study-submit').click();
    await byTest(page, 'directive-grade').waitFor();
    assert.equal(await byTest(page, 'directive-grade').innerText(), 'Bạn trả lời đúng 0/1 câu. Hãy đọc lại văn bản và trả lời lại.');
    await question.getByText('Tháng 3').click();
    await byTest(page, 'directive-study-submit').click();
    await byTest(page, 'directive-studied').waitFor();
    assert.match(await byTest(page, 'directive-studied').innerText(), /Đã học tập \(Trả lời đúng câu hỏi\) lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    // The follow-up: the share and the departments add up to the API's total.
    const progress = (await secretary.get(`/api/v1/directives/${directive.id}/progress`)).body;
    assert.equal(progress.total.studied, 1);
    await page.reload();
    const panel = byTest(page, 'directive-progress');
    await panel.waitFor();
    await until(async () => (await byTest(page, 'progress-studied').innerText()) === '1', 'the panel shows one studied');
    assert.equal(await byTest(page, 'progress-people').innerText(), String(people));
    const rows = await byTest(page, 'progress-units').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => Number(td.textContent.replace(/\./g, '')))),
    );
    assert.equal(rows.length, progress.units.length);
    assert.equal(rows.reduce((sum, [p]) => sum + p, 0), people, 'the departments add up to the recipients');
    assert.equal(rows.reduce((sum, [, s]) => sum + s, 0), 1);
    const restNames = await byTest(page, 'directive-rest').locator('li').count();
    assert.equal(restNames, people - 1, 'everyone who has not studied it is named');
    const [report] = await Promise.all([page.waitForEvent('download'), byTest(page, 'directive-export-units').click()]);
    assert.equal(report.suggestedFilename(), `quan-triet-${directive.id}-phong-ban.xlsx`);
    await byTest(page, 'directive-remind').click();
    await page.getByText(`Đã nhắc ${people - 1} người.`).waitFor();
    await until(async () => (await page.getByText('Đã nhắc 1 lần').count()) === people - 1, 'each is marked reminded once');
    await fitsThePhone(page, 'the directive with its follow-up');
    await settled(page);
    await screenshot(page, 'directives-phone-directive-vi');
    await page.close();
  });

  test('in English on a desktop, a member acknowledges the agency notice', async () => {
    const posted = await leadership.post('/api/v1/directives', {
      kind: 'notice',
      issuer_level: 'party',
      issuer: 'Đảng ủy Sở Tư pháp',
      title: 'Thông báo học tập Nghị quyết Hội nghị Trung ương',
      deadline: '2026-12-31',
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const page = await pageAs(browser, app.url, 'doanvien', { language: 'en', size: desktop });
    await open(page, app.url, '/directives');
    const card = page.locator(`[data-test="directive-${posted.body.id}"]`);
    await card.waitFor();
    assert.equal(await card.locator('[data-test="directive-state"]').innerText(), 'Unread');
    await screenshot(page, 'directives-desktop-list-en');
    await card.click();
    await byTest(page, 'directive-study-submit').click();
    await byTest(page, 'directive-studied').waitFor();
    assert.match(await byTest(page, 'directive-studied').innerText(), /Studied \(Acknowledged\)/);
    assert.equal(await byTest(page, 'directive-progress').count(), 0, 'a member sees no follow-up');
    const counts = (await leadership.get(`/api/v1/directives/${posted.body.id}`)).body.counts;
    assert.equal(counts.studied, 1);
    await settled(page);
    await screenshot(page, 'directives-desktop-directive-en');
    await page.close();
  });
});
