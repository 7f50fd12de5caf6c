// Support requests (đề xuất hỗ trợ) in the browser, on a phone 360 px wide: the youth union's
// secretary asks the leadership for a venue and 5.000.000 đ for an activity from its page; the
// leadership approves 3.000.000 đ of it with a reason, on the phone; the activity then shows the
// decision, and the list's totals are the API's. Screenshots at 360 px and on a desktop, in
// Vietnamese and English: the list with its totals, the activity's requests, the decision form.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, apiTime, launchBrowser, screenshot, startApp } from '../support/harness.mjs';
import { byTest, fitsThePhone, open, pageAs, phone, settled, until, viewportScreenshot } from './ui.mjs';

describe('support', () => {
  let app;
  let browser;
  let secretary;
  let leadership;
  let activity;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    secretary = await apiSession(app.url, 'bithudoan');
    leadership = await apiSession(app.url, 'lanhdao');
    const youthUnion = secretary.session.officer_of[0];
    const created = await secretary.post('/api/v1/activities', {
      kind: 'sports',
      title: 'Giao lưu bóng đá với TAND tỉnh',
      starts_at: apiTime(2 * 24 * 60),
      ends_at: apiTime(2 * 24 * 60 + 120),
      place: 'Sân vận động thành phố Hà Tĩnh',
      organizer_ids: [youthUnion],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    activity = created.body;
    const published = await secretary.post(`/api/v1/activities/${activity.id}/status`, { status: 'published' });
    assert.equal(published.status, 200, JSON.stringify(published.body));
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the secretary asks on the phone, the leadership approves in part on the phone, the activity shows it', async () => {
    // The secretary asks from the activity's page.
    const asking = await pageAs(browser, app.url, 'bithudoan');
    await open(asking, app.url, `/activities/${activity.id}`);
    await byTest(asking, 'activity-support-empty').waitFor();
    await byTest(asking, 'activity-support-ask').click();
    const form = byTest(asking, 'support-ask-dialog');
    await form.waitFor();
    await settled(asking);
    assert.equal(await asking.locator('#support-ask-title').inputValue(), activity.title, 'the activity names the request');
    await asking.locator('#support-ask-title').fill('Sân bóng và kinh phí giao lưu với TAND tỉnh');
    await byTest(asking, 'support-ask-save').click();
    await form.getByText('Hãy chọn ít nhất một việc cần hỗ trợ.').waitFor();
    await byTest(asking, 'support-ask-venue').click();
    await byTest(asking, 'support-ask-budget').click();
    await asking.locator('#support-ask-amount').fill('5000000');
    assert.equal(await asking.locator('#support-ask-amount').inputValue(), '5.000.000');
    await asking.locator('#support-ask-description').fill('Sân cơ quan, chiều thứ Bảy; nước uống và giải thưởng.');
    await viewportScreenshot(asking, 'support-phone-ask-vi');
    await byTest(asking, 'support-ask-save').click();
    await form.waitFor({ state: 'hidden' });
    const asked = byTest(asking, 'support-item');
    await asked.waitFor();
    assert.equal(await asked.getAttribute('data-status'), 'pending');
    assert.match(await byTest(asking, 'support-needs').innerText(), /Kinh phí 5\.000\.000 đ · Địa điểm/);
    assert.equal(await byTest(asking, 'support-approve').count(), 0, 'the secretary does not decide');
    await byTest(asking, 'support-withdraw').waitFor();
    await fitsThePhone(asking, 'the activity with its request');

    const listed = await leadership.get('/api/v1/support-requests?status=pending');
    assert.equal(listed.body.total, 1);
    const request = listed.body.items[0];
    assert.equal(request.amount, 5_000_000);
    assert.equal(request.activity_id, activity.id);
    assert.equal(request.requested_by.login, 'bithudoan');

    // The Director, on the phone: the engagement page says a request waits and links to the
    // waiting ones; then "approve in part".
    const deciding = await pageAs(browser, app.url, 'lanhdao');
    await open(deciding, app.url, '/engagement');
    const waiting = byTest(deciding, 'support-waiting');
    await waiting.waitFor();
    assert.equal(await waiting.getAttribute('data-pending'), '1');
    assert.equal(await waiting.innerText(), '1 đề xuất hỗ trợ đang chờ quyết định, kinh phí đề xuất 5.000.000 đ');
    await waiting.getByRole('link').click();
    await deciding.waitForURL(/\/support-requests\?status=pending/);
    await deciding.locator(`[data-test="support-item"][data-support-id="${request.id}"]`).waitFor();
    // All of them, through the drawer, so that the request stays in the list once decided.
    await byTest(deciding, 'nav-toggle').click();
    await byTest(deciding, 'nav-support').click();
    await deciding.waitForURL((url) => !url.search.includes('status='));
    const card = deciding.locator(`[data-test="support-item"][data-support-id="${request.id}"]`);
    await card.waitFor();
    assert.equal(await byTest(deciding, 'support-summary-asked').innerText(), '5.000.000 đ');
    assert.equal(await byTest(deciding, 'support-summary-approved').innerText(), '0 đ');
    await fitsThePhone(deciding, 'the list');
    await card.locator('[data-test="support-approve-in-part"]').click();
    const decision = byTest(deciding, 'support-decide-dialog');
    await decision.waitFor();
    await settled(deciding);
    await byTest(deciding, 'support-decide-save').click();
    await decision.getByText('Hãy ghi lý do.').waitFor();
    await deciding.locator('#support-decide-amount').fill('3000000');
    await deciding.locator('#support-decide-reason').fill('Ngân sách quý IV còn 3 triệu; sân cơ quan đã bố trí.');
    await viewportScreenshot(deciding, 'support-phone-decide-vi');
    await fitsThePhone(deciding, 'the decision form');
    await byTest(deciding, 'support-decide-save').click();
    await decision.waitFor({ state: 'hidden' });
    await until(async () => (await card.getAttribute('data-status')) === 'partly_approved', 'the card shows the decision');
    assert.equal(await card.locator('[data-test="support-approved"]').innerText(), 'Duyệt 3.000.000 đ / 5.000.000 đ');
    assert.equal(await byTest(deciding, 'support-summary-approved').innerText(), '3.000.000 đ');
    const totals = (await leadership.get('/api/v1/support-requests')).body.summary;
    assert.deepEqual([totals.asked, totals.approved], [5_000_000, 3_000_000]);
    await settled(deciding);
    await screenshot(deciding, 'support-phone-list-vi');

    // The activity shows the decision: who decided, when, how much and why.
    await open(asking, app.url, `/activities/${activity.id}`);
    const shown = byTest(asking, 'support-item');
    await until(async () => (await shown.getAttribute('data-status')) === 'partly_approved', 'the activity shows the decision');
    assert.equal(await byTest(asking, 'support-status').innerText(), 'Đồng ý một phần');
    assert.equal(await byTest(asking, 'support-reason').innerText(), 'Ngân sách quý IV còn 3 triệu; sân cơ quan đã bố trí.');
    assert.match(await byTest(asking, 'support-decided-by').innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    assert.equal(await byTest(asking, 'support-withdraw').count(), 0, 'a decided request is not withdrawn');
    await fitsThePhone(asking, 'the activity with its decision');
    await byTest(asking, 'activity-support').scrollIntoViewIfNeeded();
    await viewportScreenshot(asking, 'support-phone-activity-vi');
    await asking.close();
    await deciding.close();
  });

  test('in English and on a desktop, the same list reads in both languages', async () => {
    for (const [language, size, name] of [['en', phone, 'phone'], ['en', { width: 1280, height: 800 }, 'desktop'], ['vi', { width: 1280, height: 800 }, 'desktop']]) {
      const page = await pageAs(browser, app.url, 'lanhdao', { language, size });
      await open(page, app.url, '/support-requests');
      await byTest(page, 'support-item').first().waitFor();
      const heading = await page.locator('h1').innerText();
      assert.equal(heading, language === 'en' ? 'Support requests' : 'Đề xuất hỗ trợ');
      assert.equal(await byTest(page, 'support-summary-asked').innerText(), '5.000.000 đ', 'money reads the Vietnamese way in both languages');
      if (language === 'en') {
        assert.equal(await byTest(page, 'support-status').first().innerText(), 'Approved in part');
        assert.equal(await byTest(page, 'support-approved').first().innerText(), '3.000.000 đ of 5.000.000 đ approved');
      }
      if (size === phone) await fitsThePhone(page, `the list in ${language}`);
      await settled(page);
      await screenshot(page, `support-${name}-list-${language}`);
      await open(page, app.url, `/activities/${activity.id}`);
      await byTest(page, 'support-item').waitFor();
      await settled(page);
      await screenshot(page, `support-${name}-activity-${language}`);
      await page.close();
    }
  });

  test('a member sees neither the list nor the activity\'s requests', async () => {
    const page = await pageAs(browser, app.url, 'doanvien', { size: { width: 1280, height: 800 } });
    assert.equal(await byTest(page, 'nav-support').count(), 0);
    await open(page, app.url, `/activities/${activity.id}`);
    await byTest(page, 'activity-title').waitFor();
    assert.equal(await byTest(page, 'activity-support').count(), 0);
    await page.close();
  });
});
