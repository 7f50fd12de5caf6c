// Clubs in the browser: a member joins the badminton club from a phone and sees when it trains;
// the trade union's chair cancels one session and moves another, and keeps the attendance of a
// session that has taken place. Screenshots (Vietnamese): the clubs list on a phone, the club's
// page and the attendance sheet.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, launchBrowser, newPage, screenshot, shownDate as formDate, signIn, startApp } from '../support/harness.mjs';
import { answer, byTest, chooseOption, open, settled, typeDate, until, viewportScreenshot } from './ui.mjs';

const phone = { width: 360, height: 740 };


function addDays(iso, days) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('clubs', () => {
  let app;
  let browser;
  let chair;
  let badminton;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chair = await apiSession(app.url, 'chutichcd');
    const clubs = await chair.get('/api/v1/clubs');
    assert.equal(clubs.status, 200, JSON.stringify(clubs.body));
    badminton = clubs.body.items.find((club) => /Cầu lông/.test(club.name));
    assert.ok(badminton, 'the demo has a badminton club');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the member joins the badminton club from a phone and sees when it trains', async () => {
    const page = await newPage(browser, phone);
    await signIn(page, app.url, 'doanvien');
    await open(page, app.url, '/clubs');
    const item = page.locator(`[data-test="club-item"][data-club-id="${badminton.id}"]`);
    await item.waitFor();
    assert.equal(await item.locator('[data-test="club-schedule"]').innerText(), 'Thứ Ba, Thứ Năm, 17:00–18:30');
    const before = Number((await item.locator('[data-test="club-member-count"]').innerText()).match(/\d+/)[0]);
    await item.locator('[data-test="club-join"]').click();
    await item.locator('[data-test="club-member-badge"]').waitFor();
    await until(async () => (await item.locator('[data-test="club-member-count"]').innerText()).includes(String(before + 1)), 'one member more');
    // Nothing runs off the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await settled(page);
    await viewportScreenshot(page, 'clubs-list-phone');

    await item.locator('[data-test="club-link"]').click();
    await byTest(page, 'club-title').waitFor();
    assert.equal(await byTest(page, 'club-schedule-description').first().innerText(), 'Thứ Ba, Thứ Năm, 17:00–18:30');
    await byTest(page, 'club-leave').waitFor();
    // Its coming sessions are listed, on Tuesdays and Thursdays at 17:00.
    const times = await byTest(page, 'club-session-time').allInnerTexts();
    assert.ok(times.length > 0, 'sessions are listed');
    for (const time of times) assert.match(time, /^Thứ (Ba|Năm) \d{2}\/\d{2}\/\d{4}, 17:00–18:30$/);
    // The API agrees: the member is in the club.
    const member = await apiSession(app.url, 'doanvien');
    const record = await member.get(`/api/v1/clubs/${badminton.id}`);
    assert.equal(record.body.member, true);
    await page.close();
  });

  test('the chair cancels one session and moves another; the sessions list shows both', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, `/clubs/${badminton.id}`);
    const coming = page.locator('[data-test="club-session"][data-state="planned"]:has([data-test="club-session-cancel"])');
    await coming.first().waitFor();
    const cancelDate = await coming.nth(0).getAttribute('data-date');
    const moveDate = await coming.nth(1).getAttribute('data-date');
    const scheduleId = await coming.nth(0).getAttribute('data-schedule-id');

    await coming.nth(0).locator('[data-test="club-session-cancel"]').click();
    await answer(page, 'Hủy buổi');
    // The planned row leaves as the cancelled one comes: ask for the latter.
    const cancelled = page.locator(`[data-test="club-session"][data-date="${cancelDate}"][data-state="cancelled"]`);
    await cancelled.waitFor();
    assert.match(await cancelled.innerText(), /Đã hủy/);

    // The next one moves to the following morning, 08:00–09:30.
    const target = addDays(moveDate, 1);
    await page.locator(`[data-test="club-session"][data-date="${moveDate}"] [data-test="club-session-move"]`).click();
    await byTest(page, 'move-form-dialog').waitFor();
    await settled(page);
    await page.locator('#move-date').fill('');
    await typeDate(page, 'move-date', formDate(target));
    await chooseOption(page, 'move-start', '08:00');
    await chooseOption(page, 'move-end', '09:30');
    await byTest(page, 'move-form-save').click();
    const moved = page.locator(`[data-test="club-session"][data-date="${moveDate}"][data-state="moved"]`);
    await moved.waitFor();
    assert.match(await moved.locator('[data-test="club-session-time"]').innerText(), new RegExp(`${formDate(target)}, 08:00–09:30$`));
    assert.match(await moved.innerText(), new RegExp(`Đã dời \\(vốn ngày ${formDate(moveDate)}\\)`));
    // The schedule lists both changes.
    const changes = await byTest(page, 'club-schedule-exception').allInnerTexts();
    assert.ok(changes.includes(`Hủy buổi ${formDate(cancelDate)}`), changes.join(' | '));
    assert.ok(changes.includes(`Buổi ${formDate(moveDate)} dời sang ${formDate(target)} 08:00–09:30`), changes.join(' | '));

    // What the API says: the cancelled session is gone, the moved one at its new time.
    const sessions = await chair.get(`/api/v1/clubs/${badminton.id}/sessions?from=${cancelDate}&to=${addDays(target, 1)}`);
    assert.equal(sessions.status, 200);
    const bySchedule = sessions.body.items.filter((s) => String(s.schedule_id) === scheduleId);
    assert.ok(!bySchedule.some((s) => s.date === cancelDate), 'the cancelled session is left out');
    const movedSession = bySchedule.find((s) => s.date === moveDate);
    assert.equal(movedSession.moved, true);
    assert.equal(movedSession.starts_at, `${target}T08:00:00+07:00`);
    assert.equal(movedSession.ends_at, `${target}T09:30:00+07:00`);
    await screenshot(page, 'club-page');
    await page.close();
  });

  test('the chair keeps the attendance of a session that took place, and it shows as recorded', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, `/clubs/${badminton.id}`);
    const past = page.locator('[data-test="club-session"]:has([data-test="club-session-attendance"])');
    await past.first().waitFor();
    const row = past.last();  // the latest session that has taken place
    const date = await row.getAttribute('data-date');
    const scheduleId = await row.getAttribute('data-schedule-id');
    await row.locator('[data-test="club-session-attendance"]').click();
    const dialog = byTest(page, 'club-attendance-dialog');
    await dialog.waitFor();
    await settled(page);
    const rows = dialog.locator('[data-test="club-attendance-row"]');
    const club = (await chair.get(`/api/v1/clubs/${badminton.id}`)).body;
    await until(async () => (await rows.count()) === club.members.length, 'every member has a row');

    await byTest(page, 'club-attendance-all-present').click();
    const [first, second, third] = club.members.map((m) => m.person_id);
    await dialog.locator(`[data-test="club-attendance-row"][data-person-id="${first}"] [data-state="late"]`).click();
    await dialog.locator(`[data-test="club-attendance-row"][data-person-id="${second}"] [data-state="excused"]`).click();
    await dialog.locator(`[data-test="club-attendance-row"][data-person-id="${third}"] [data-state="absent"]`).click();
    await byTest(page, 'club-attendance-save').click();
    await dialog.locator(`[data-test="club-attendance-summary"][data-count="${club.members.length}"]`).waitFor();
    const stateOf = (person) => dialog.locator(`[data-test="club-attendance-row"][data-person-id="${person}"] [data-test="club-attendance-recorded"]`).getAttribute('data-state');
    await until(async () => (await stateOf(first)) === 'late', 'the first is recorded late');
    assert.equal(await stateOf(second), 'excused');
    assert.equal(await stateOf(third), 'absent');
    await settled(page);
    await viewportScreenshot(page, 'club-attendance-sheet');

    // The API has the same.
    const recorded = await chair.get(`/api/v1/club-schedules/${scheduleId}/attendance?date=${date}`);
    assert.equal(recorded.status, 200);
    assert.equal(recorded.body.total, club.members.length);
    const states = Object.fromEntries(recorded.body.items.map((r) => [r.person_id, r.state]));
    assert.equal(states[first], 'late');
    assert.equal(states[second], 'excused');
    assert.equal(states[third], 'absent');
    assert.equal(recorded.body.items.filter((r) => r.state === 'present').length, club.members.length - 3);

    // Closed, the session's row says how many are recorded.
    await page.keyboard.press('Escape');
    await page.locator(`[data-test="club-session"][data-date="${date}"] [data-test="club-session-recorded"][data-count="${club.members.length}"]`).waitFor();
    await page.close();
  });
});
