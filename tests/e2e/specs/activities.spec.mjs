// Activities in the browser: an officer schedules and publishes through the form, a member
// registers from a phone and checks in with the link the officer's QR code holds (a reload is a
// retry and counts once), the clash dialog and "Vẫn lưu", the month calendar, the waitlist, the
// member's own code and the printable sign-in sheet. Screenshots are in Vietnamese.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, apiTime, demoPassword, formTime, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { answer, byTest, chooseOption, open, pickPerson, settled, typeDate, until, viewportScreenshot } from './ui.mjs';

const phone = { width: 390, height: 844 };

/**
 * An activity of the trade union made over the API (clashes accepted), published unless
 * `draft`; `startsIn` and `endsIn` are minutes from now. Resolves to its id.
 */
async function activityOverApi(officer, organizationId, { startsIn, endsIn, draft = false, ...fields }) {
  const created = await officer.post('/api/v1/activities', {
    kind: 'meeting',
    starts_at: apiTime(startsIn),
    ends_at: apiTime(endsIn),
    organizer_ids: [organizationId],
    audience_scope: 'everyone',
    go_ahead_despite_clashes: true,
    ...fields,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  if (!draft) {
    const published = await officer.post(`/api/v1/activities/${created.body.id}/status`, { status: 'published' });
    assert.equal(published.status, 200, JSON.stringify(published.body));
  }
  return created.body.id;
}

/**
 * Gives the page a camera that films `svg` (a QR code as the app drew it), so that the scanner's
 * real decoder reads it as it would from a phone's camera.
 */
async function fakeCamera(page, svg) {
  await page.addInitScript((picture) => {
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 480;
      canvas.height = 480;
      const context = canvas.getContext('2d');
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture)}`;
      await image.decode();
      // A hand never holds still: the frames go round four poses, each a little off and a little
      // nearer or farther. The same poses in every run, so that what the decoder sees (and
      // whether the test passes) never depends on chance.
      const poses = [[400, 0, 0], [380, 4, -3], [420, -4, 3], [390, 2, 4]];
      let frame = 0;
      const draw = () => {
        const [size, dx, dy] = poses[frame++ % poses.length];
        context.fillStyle = '#fff';
        context.fillRect(0, 0, 480, 480);
        context.drawImage(image, (480 - size) / 2 + dx, (480 - size) / 2 + dy, size, size);
      };
      draw();
      setInterval(draw, 100);
      return canvas.captureStream(10);
    };
  }, svg);
}

/** Waits for `selector`; if it never comes, fails saying where the page is and what it shows. */
async function seen(page, selector, name) {
  try {
    await page.locator(selector).waitFor({ timeout: 20_000 });
  } catch (error) {
    const file = await screenshot(page, `failed-${name}`);
    const said = await page.locator('[role=alert], .el-message').allInnerTexts();
    throw new Error(`${selector} not shown at ${page.url()}; the page says ${JSON.stringify(said)}; see ${file}`, { cause: error });
  }
}

/**
 * Fills the activity form (the page is on /activities/new); resolves to the start and the end
 * as typed ("dd/mm/yyyy hh:mm").
 */
async function fillForm(page, { title, startsIn, endsIn, place = 'Hội trường tầng 3' }) {
  const [starts, ends] = [formTime(startsIn), formTime(endsIn)];
  await byTest(page, 'activity-form').waitFor();
  await chooseOption(page, 'activity-kind', 'Văn hóa, văn nghệ');
  await byTest(page, 'activity-title').fill(title);
  await typeDate(page, 'activity-starts', starts);
  await typeDate(page, 'activity-ends', ends);
  await byTest(page, 'activity-place').fill(place);
  await byTest(page, 'activity-title').click(); // closes any picker still open
  return { starts, ends };
}

/** How the app shows a span: the end's date only when it ends another day (late evening, say). */
function shownSpan({ starts, ends }) {
  return starts.slice(0, 10) === ends.slice(0, 10) ? `${starts} – ${ends.slice(11)}` : `${starts} – ${ends}`;
}

/** Saves the form; with `goAhead`, confirms the clash dialog if it comes. Resolves to the new id. */
async function save(page, { goAhead = true } = {}) {
  await byTest(page, 'activity-save').click();
  const clashes = page.locator('[data-test="clash-dialog"]');
  await until(async () => /\/activities\/\d+$/.test(new URL(page.url()).pathname) || (await clashes.isVisible()), 'saved, or clashes shown');
  if (await clashes.isVisible()) {
    if (!goAhead) return null;
    await byTest(page, 'clash-go-ahead').click();
    await until(() => /\/activities\/\d+$/.test(new URL(page.url()).pathname), 'saved anyway');
  }
  await byTest(page, 'activity-title').waitFor();
  return Number(new URL(page.url()).pathname.split('/').at(-1));
}

async function publish(page) {
  await byTest(page, 'activity-publish').click();
  await answer(page, 'Công bố');
  await page.locator('[data-test="activity-status"][data-status="published"]').waitFor();
}

describe('activities', () => {
  let app;
  let browser;
  let chair;
  let member;
  let tradeUnion;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chair = await apiSession(app.url, 'chutichcd');
    member = await apiSession(app.url, 'doanvien');
    tradeUnion = chair.session.officer_of[0];
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('from registration to check-in: the officer schedules through the form, the member registers and checks in from a phone, once', async () => {
    const officer = await newPage(browser);
    await signIn(officer, app.url, 'chutichcd');
    await open(officer, app.url, '/activities/new');
    const title = 'Văn nghệ chào mừng ngày Nhà giáo Việt Nam';
    const typed = await fillForm(officer, { title, startsIn: 30, endsIn: 150 });
    // The form proposes the officer's organization to lead and its members as the audience.
    assert.match(await byTest(officer, 'activity-lead').innerText(), /Công đoàn/);
    const inAudience = member.session.member_of.includes(tradeUnion);
    if (!inAudience) await byTest(officer, 'audience-everyone').click();
    await screenshot(officer, 'activity-form');
    const id = await save(officer);
    await publish(officer);

    // The member, on a phone, sees it and registers.
    const phonePage = await newPage(browser, phone);
    await signIn(phonePage, app.url, 'doanvien');
    await open(phonePage, app.url, `/activities/${id}`);
    await byTest(phonePage, 'activity-register').click();
    await phonePage.locator('[data-test="my-registration"][data-state="registered"]').waitFor();
    assert.equal(await byTest(phonePage, 'activity-time').innerText(), shownSpan(typed));
    await viewportScreenshot(phonePage, 'activity-member-phone');

    // The officer shows the rotating code at the door.
    await byTest(officer, 'activity-tabs').getByRole('tab', { name: 'Điểm danh QR' }).click();
    const qr = byTest(officer, 'activity-qr-code');
    await qr.locator('svg').waitFor();
    const link = await qr.getAttribute('data-content');
    assert.match(link, new RegExp(`^${app.url}/checkin/${id}\\?code=`), 'the QR code holds a link to the check-in page');
    await screenshot(officer, 'activity-qr');

    // The member's phone opens what the QR code holds.
    await phonePage.goto(link);
    const result = phonePage.locator('[data-test="check-in-result"]');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-state'), 'present');
    assert.equal(await byTest(phonePage, 'check-in-state').innerText(), 'Có mặt');
    await phonePage.locator('[data-test="check-in-activity-title"]', { hasText: title }).waitFor();
    await viewportScreenshot(phonePage, 'check-in-success');
    // A reload is the same scan retried: the same Idempotency-Key, the same answer.
    await phonePage.reload();
    await result.waitFor();
    assert.equal(await result.getAttribute('data-state'), 'present');
    assert.equal(await byTest(phonePage, 'check-in-state').innerText(), 'Có mặt');

    // The same code scanned on another phone, not signed in yet: sign in, come back, and be
    // told the first check-in stands.
    const second = await newPage(browser, phone);
    await second.goto(link);
    await byTest(second, 'login').fill('doanvien');
    await byTest(second, 'password').fill(demoPassword);
    await byTest(second, 'sign-in').click();
    const again = second.locator('[data-test="check-in-result"]');
    await again.waitFor();
    assert.equal(new URL(second.url()).pathname, `/checkin/${id}`, 'back where the code led');
    assert.equal(await again.getAttribute('data-first'), 'false');
    assert.match(await byTest(second, 'check-in-already').innerText(), /đã điểm danh trước đó/);
    await second.close();

    // The officer's attendance list shows the member exactly once, present.
    await byTest(officer, 'activity-tabs').getByRole('tab', { name: 'Điểm danh', exact: true }).click();
    const rows = officer.locator(`[data-test="attendance-row"][data-person="${member.session.person_id}"]`);
    await until(async () => (await rows.first().getAttribute('data-state')) === 'present', 'the member is present in the list');
    assert.equal(await rows.count(), 1);
    await settled(officer);
    await screenshot(officer, 'attendance-list');
    const attendance = (await chair.get(`/api/v1/activities/${id}/attendance`)).body;
    assert.equal(attendance.items.filter((r) => r.person_id === member.session.person_id).length, 1, 'one record');

    // The member's page now says so; the sign-in sheet lists those registered, for the printer.
    await open(phonePage, app.url, `/activities/${id}`);
    await phonePage.locator('[data-test="my-attendance"][data-state="present"]').waitFor();
    const sheet = await newPage(browser);
    await signIn(sheet, app.url, 'chutichcd');
    await sheet.goto(`${app.url}/activities/${id}/sign-in-sheet`); // a page of its own, without the app's frame
    await sheet.locator('[data-test="sign-in-sheet"][data-loaded="true"]').waitFor();
    assert.deepEqual(await byTest(sheet, 'sheet-row').locator('td.name').allInnerTexts(), [member.session.full_name]);
    await sheet.emulateMedia({ media: 'print' });
    await screenshot(sheet, 'sign-in-sheet');
    await Promise.all([officer.close(), phonePage.close(), sheet.close()]);
  });

  test('an overlapping activity for the same people shows the clash dialog, and "Vẫn lưu" saves it', async () => {
    await activityOverApi(chair, tradeUnion, {
      kind: 'study',
      title: 'Học tập Nghị quyết Đại hội Công đoàn',
      startsIn: 3 * 24 * 60,
      endsIn: 3 * 24 * 60 + 120,
      place: 'Phòng họp số 1',
      audience_scope: 'organizations',
      audience_ids: [tradeUnion],
      draft: true,
    });

    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, '/activities/new');
    // The same people, in the same room: two reasons, one clashing activity.
    await fillForm(page, { title: 'Tập văn nghệ', startsIn: 3 * 24 * 60 + 60, endsIn: 3 * 24 * 60 + 180, place: 'Phòng họp số 1' });
    await byTest(page, 'activity-save').click();
    await byTest(page, 'clash-dialog').waitFor();
    const row = page.locator('[data-test="clash-row"][data-kinds~="shared-audience"]', { hasText: 'Học tập Nghị quyết Đại hội Công đoàn' });
    await row.waitFor();
    // One line per clashing activity, whatever the number of reasons, and the count says so.
    assert.equal(await page.locator('[data-test="clash-row"]', { hasText: 'Học tập Nghị quyết Đại hội Công đoàn' }).count(), 1);
    const rows = await page.locator('[data-test="clash-row"]').count();
    assert.match(await byTest(page, 'clash-intro').innerText(), new RegExp(`trùng với ${rows} hoạt động`));
    const kinds = (await row.getAttribute('data-kinds')).split(' ');
    assert.ok(kinds.includes('shared-audience') && kinds.includes('same-place'), `both reasons on one line: ${kinds}`);
    assert.match(await row.locator('[data-test="clash-people"]').innerText(), /\d+ người: .*\S/, 'how many and who');
    assert.match(await row.innerText(), /Trùng người tham dự/);
    await settled(page);
    await viewportScreenshot(page, 'clash-dialog');
    await byTest(page, 'clash-go-ahead').click();
    await until(() => /\/activities\/\d+$/.test(new URL(page.url()).pathname), 'saved anyway');
    await byTest(page, 'activity-title').waitFor();
    assert.equal(await byTest(page, 'activity-title').innerText(), 'Tập văn nghệ');
    await page.close();
  });

  test('the month calendar shows a published activity, and it opens from there', async () => {
    const id = await activityOverApi(chair, tradeUnion, {
      kind: 'sports',
      title: 'Giao lưu cầu lông với Công an tỉnh',
      startsIn: 60,
      endsIn: 150,
      place: 'Nhà thi đấu tỉnh',
    });

    const page = await newPage(browser);
    await signIn(page, app.url, 'doanvien');
    await open(page, app.url, '/activities');
    await page.locator('.fc-dayGridMonth-view').waitFor();
    // Late on the last evening of a month, an hour from now is next month.
    const startMonth = apiTime(60).slice(0, 7);
    if (startMonth !== apiTime(0).slice(0, 7)) await page.locator('.fc-next-button').click();
    const event = page.locator(`[data-test="calendar-event"][data-activity-id="${id}"]`);
    await event.waitFor();
    assert.match(await event.innerText(), /Giao lưu cầu lông/);
    await screenshot(page, 'activities-calendar');
    await event.click();
    await until(() => new URL(page.url()).pathname === `/activities/${id}`, 'the event opens the activity');
    await byTest(page, 'activity-title').waitFor();
    await page.close();
  });

  test('one place and two registrations: the second waits, first in the queue', async () => {
    const id = await activityOverApi(chair, tradeUnion, {
      kind: 'training',
      title: 'Tập huấn sơ cứu',
      startsIn: 5 * 24 * 60,
      endsIn: 5 * 24 * 60 + 90,
      place: 'Phòng họp số 2',
      capacity: 1,
    });

    // The officer registers someone for the one place, from the registrations tab.
    const officer = await newPage(browser);
    await signIn(officer, app.url, 'chutichcd');
    await open(officer, app.url, `/activities/${id}`);
    await byTest(officer, 'registrations').waitFor();
    const other = (await chair.get('/api/v1/people?search=nguyen&limit=5')).body.items.find((p) => p.id !== member.session.person_id);
    await pickPerson(officer, 'registrations-people', other.full_name, other.full_name);
    await byTest(officer, 'registrations-submit').click();
    await officer.locator(`[data-test="registration-row"][data-person="${other.id}"][data-state="registered"]`).waitFor();

    // The member registers second, from a phone, and is told they wait.
    const phonePage = await newPage(browser, phone);
    await signIn(phonePage, app.url, 'doanvien');
    await open(phonePage, app.url, `/activities/${id}`);
    await byTest(phonePage, 'activity-register').click();
    await phonePage.locator('[data-test="my-registration"][data-state="waitlisted"]').waitFor();
    assert.match(await byTest(phonePage, 'my-registration').innerText(), /danh sách chờ/);

    await officer.reload();
    const waiting = officer.locator(`[data-test="registration-row"][data-person="${member.session.person_id}"]`);
    await waiting.waitFor();
    assert.equal(await waiting.getAttribute('data-state'), 'waitlisted');
    const row = officer.locator('.el-table__row', { has: waiting });
    assert.equal(await row.locator('[data-test="registration-position"]').innerText(), '1');
    assert.match(await byTest(officer, 'activity-places').innerText(), /1 đang chờ/);
    await Promise.all([officer.close(), phonePage.close()]);
  });

  test('my code is a QR code an officer can check in with by pasting it', async () => {
    const page = await newPage(browser, phone);
    await signIn(page, app.url, 'doanvien');
    await open(page, app.url, '/my-code');
    const qr = byTest(page, 'my-code-qr');
    await qr.locator('svg').waitFor();
    const code = await qr.getAttribute('data-content');
    assert.equal(code, (await member.get('/api/v1/me/check-in-code')).body.code);
    await viewportScreenshot(page, 'my-code');

    const id = await activityOverApi(chair, tradeUnion, { title: 'Hội nghị công chức, viên chức', startsIn: 20, endsIn: 140 });
    const officer = await newPage(browser);
    await signIn(officer, app.url, 'chutichcd');
    await open(officer, app.url, `/activities/${id}`);
    await byTest(officer, 'activity-tabs').getByRole('tab', { name: 'Điểm danh', exact: true }).click();
    await byTest(officer, 'attendance-person-code').fill(code);
    await byTest(officer, 'attendance-person-code-submit').click();
    await officer.locator(`[data-test="attendance-row"][data-person="${member.session.person_id}"][data-state="present"]`).waitFor();
    await Promise.all([page.close(), officer.close()]);
  });

  test('after it starts, one who came rates it: stars and a comment', async () => {
    const id = await activityOverApi(chair, tradeUnion, { kind: 'culture-arts', title: 'Liên hoan văn nghệ', startsIn: -5, endsIn: 90 });
    const code = (await chair.get(`/api/v1/activities/${id}/check-in-code`)).body.code;
    const page = await newPage(browser, phone);
    await signIn(page, app.url, 'chutichcd');
    await page.goto(`${app.url}/checkin/${id}?code=${encodeURIComponent(code)}`);
    await page.locator('[data-test="check-in-result"][data-state="present"]').waitFor();
    await open(page, app.url, `/activities/${id}`);
    await byTest(page, 'feedback').waitFor();
    await byTest(page, 'feedback-submit').click();
    await byTest(page, 'feedback-error').waitFor();
    await byTest(page, 'feedback-rating').locator('.el-rate__item').nth(3).click();
    await byTest(page, 'feedback-comment').fill('Rất vui, mong có thêm');
    await byTest(page, 'feedback-submit').click();
    await byTest(page, 'feedback-sent').waitFor();
    await page.close();
  });

  test('a calendar link: made on the account page, read without signing in, then revoked', async () => {
    const id = await activityOverApi(chair, tradeUnion, { title: 'Giải bóng bàn Công đoàn', startsIn: 2 * 24 * 60, endsIn: 2 * 24 * 60 + 120 });
    assert.equal((await member.post(`/api/v1/activities/${id}/registrations`)).status, 200);
    const page = await newPage(browser);
    await signIn(page, app.url, 'doanvien');
    await open(page, app.url, '/account');
    await byTest(page, 'feed-create').click();
    const url = await byTest(page, 'feed-url').inputValue();
    assert.match(url, new RegExp(`^${app.url}/calendar/[^/]+\\.ics$`));
    const feed = await fetch(url);
    assert.equal(feed.status, 200);
    assert.match(await feed.text(), /SUMMARY:Giải bóng bàn Công đoàn/);
    assert.equal(await byTest(page, 'feed-organization').count(), 0, 'a member makes no organization link');
    await screenshot(page, 'calendar-link');
    await byTest(page, 'feed-revoke').click();
    await answer(page, 'Thu hồi');
    await page.locator('[data-test="feed-row"][data-revoked="true"]').waitFor();
    assert.equal((await fetch(url)).status, 404);
    await page.close();
  });

  test('a camera the browser refuses is explained in the page\'s language, without the browser\'s English', async () => {
    const id = await activityOverApi(chair, tradeUnion, { title: 'Giao lưu cuối năm', startsIn: 10, endsIn: 100 });
    const phonePage = await newPage(browser, phone);
    await phonePage.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = async () => {
        throw new DOMException('Permission denied', 'NotAllowedError');
      };
    });
    await signIn(phonePage, app.url, 'doanvien');
    await open(phonePage, app.url, `/activities/${id}`);
    await byTest(phonePage, 'activity-scan').click();
    const problem = byTest(phonePage, 'activity-scan-problem');
    await problem.waitFor();
    const said = await problem.innerText();
    assert.match(said, /Chưa được phép dùng camera/);
    assert.doesNotMatch(said, /Permission|denied/);
    await screenshot(phonePage, 'camera-denied-phone');
  });

  test('"Quét mã" reads the door\'s QR code with the camera and checks in; an officer scans a member\'s own code', async () => {
    const id = await activityOverApi(chair, tradeUnion, { title: 'Mít tinh kỷ niệm', startsIn: 10, endsIn: 100 });
    const officer = await newPage(browser);
    await signIn(officer, app.url, 'chutichcd');
    await open(officer, app.url, `/activities/${id}`);
    await byTest(officer, 'activity-tabs').getByRole('tab', { name: 'Điểm danh QR' }).click();
    const doorCode = byTest(officer, 'activity-qr-code');
    await doorCode.locator('svg').waitFor();

    const phonePage = await newPage(browser, phone);
    await fakeCamera(phonePage, await doorCode.innerHTML());
    await signIn(phonePage, app.url, 'doanvien');
    await open(phonePage, app.url, `/activities/${id}`);
    await byTest(phonePage, 'activity-scan').click();
    await seen(phonePage, '[data-test="check-in-result"][data-state="present"]', 'scan-phone');
    assert.equal(new URL(phonePage.url()).pathname, `/checkin/${id}`);

    // The member's own code, filmed by the officer's camera.
    await open(phonePage, app.url, '/my-code');
    const own = byTest(phonePage, 'my-code-qr');
    await own.locator('svg').waitFor();
    const desk = await newPage(browser);
    await fakeCamera(desk, await own.innerHTML());
    await signIn(desk, app.url, 'chutichcd');
    const other = await activityOverApi(chair, tradeUnion, { title: 'Hội nghị sơ kết', startsIn: 15, endsIn: 100 });
    await open(desk, app.url, `/activities/${other}`);
    await byTest(desk, 'activity-tabs').getByRole('tab', { name: 'Điểm danh', exact: true }).click();
    await byTest(desk, 'attendance-scan').click();
    await seen(desk, `[data-test="attendance-row"][data-person="${member.session.person_id}"][data-state="present"]`, 'scan-desk');
    await Promise.all([officer.close(), phonePage.close(), desk.close()]);
  });

  test('an activity is changed through the same form, without clashing with itself', async () => {
    const id = await activityOverApi(chair, tradeUnion, {
      kind: 'sports',
      title: 'Giải chạy',
      startsIn: 7 * 24 * 60,
      endsIn: 7 * 24 * 60 + 120,
      place: 'Quảng trường',
      audience_scope: 'organizations',
      audience_ids: [tradeUnion],
    });
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, `/activities/${id}`);
    await byTest(page, 'activity-edit').click();
    await byTest(page, 'activity-form').waitFor();
    assert.equal(await byTest(page, 'activity-title').inputValue(), 'Giải chạy');
    // The start as saved, not recomputed now: a minute may turn between the two.
    const saved = (await chair.get(`/api/v1/activities/${id}`)).body.starts_at;
    assert.equal(await page.locator('#activity-starts').inputValue(), `${saved.slice(8, 10)}/${saved.slice(5, 7)}/${saved.slice(0, 4)} ${saved.slice(11, 16)}`);
    await byTest(page, 'activity-title').fill('Giải chạy việt dã');
    await byTest(page, 'activity-save').click();
    await until(() => new URL(page.url()).pathname === `/activities/${id}`, 'saved');
    await page.locator('[data-test="activity-title"]', { hasText: 'Giải chạy việt dã' }).waitFor();
    assert.equal(await byTest(page, 'clash-dialog').isVisible(), false);
    assert.equal((await chair.get(`/api/v1/activities/${id}`)).body.title, 'Giải chạy việt dã');
    await page.close();
  });

  test('an officer makes a calendar link for their organization', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, '/account');
    await chooseOption(page, 'feed-organization', 'Công đoàn cơ sở Sở Tư pháp');
    await byTest(page, 'feed-create-organization').click();
    const url = await byTest(page, 'feed-url').inputValue();
    const feed = await fetch(url);
    assert.equal(feed.status, 200);
    assert.match(await feed.text(), /BEGIN:VCALENDAR/);
    await page.locator('[data-test="feed-row"]', { hasText: 'Công đoàn cơ sở Sở Tư pháp' }).waitFor();
    await page.close();
  });

  test('a check-in whose answer is lost on the way is retried with the same key and counted once', async () => {
    const id = await activityOverApi(chair, tradeUnion, { title: 'Hội diễn văn nghệ quần chúng', startsIn: 25, endsIn: 120 });
    const code = (await chair.get(`/api/v1/activities/${id}/check-in-code`)).body.code;
    const page = await newPage(browser, phone);
    await signIn(page, app.url, 'doanvien');
    // The first request reaches the server, which checks the member in; its answer never
    // comes back (the phone's network drops). The page retries on its own.
    const keys = [];
    await page.route('**/api/v1/activities/*/check-ins', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.goto(`${app.url}/checkin/${id}?code=${encodeURIComponent(code)}`);
    const result = page.locator('[data-test="check-in-result"]');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-state'), 'present');
    assert.equal(await result.getAttribute('data-first'), 'true', 'the first answer, replayed');
    assert.equal(keys.length, 2);
    assert.match(keys[0], /^[0-9a-f-]{36}$/);
    assert.equal(keys[1], keys[0], 'the retry carries the same Idempotency-Key');
    const attendance = (await chair.get(`/api/v1/activities/${id}/attendance`)).body.items;
    assert.equal(attendance.filter((r) => r.person_id === member.session.person_id).length, 1);
    await page.close();
  });
});
