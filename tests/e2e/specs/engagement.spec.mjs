// Engagement in the browser (issue 15): the leadership reads each organization's numbers, which are
// the API's, and a total row that adds them up; drills down to exactly the people behind a number;
// downloads the table; reads the coordination matrix. The trade union's chair invites two members
// who went quiet to a coming activity. A person's page shows their score. At 360 px the page
// works. Screenshots at 1280 and 360 px, in Vietnamese and in English.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { agencyYear, apiSession, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { byTest, open, settled, until, viewportScreenshot } from './ui.mjs';

const thisYear = agencyYear();
const vietnameseNumber = (n) => new Intl.NumberFormat('vi-VN').format(n);
/** The counts the total row adds up from the organizations' rows. */
const summed = ['members', 'reached', 'never', 'repeat', 'core', 'lapsed', 'gone_quiet', 'attended'];

// The roles a person operates; in Playwright's aria snapshot a nameless one reads `- button`,
// `- switch:` or `- checkbox [checked]` (as in a11y.spec.mjs).
const operated = ['button', 'switch', 'checkbox', 'radio', 'textbox', 'combobox', 'spinbutton', 'slider', 'searchbox', 'link', 'tab'];
const nameless = new RegExp(`^- (${operated.join('|')})(:| \\[|$)`);

/** Controls without a name, and button names that two buttons share, on the page's main area. */
async function unnamedAndRepeated(page) {
  const snapshot = await page.locator('#main').ariaSnapshot();
  const unnamed = snapshot.split('\n').map((line) => line.trim()).filter((line) => nameless.test(line));
  const names = [...snapshot.matchAll(/^\s*- button "((?:[^"\\]|\\.)*)"/gm)].map((match) => match[1]);
  return { unnamed, repeated: [...new Set(names.filter((name, index) => names.indexOf(name) !== index))] };
}

describe('engagement', () => {
  let app;
  let browser;
  let leadership;
  let chair;
  let overview;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    leadership = await apiSession(app.url, 'lanhdao');
    chair = await apiSession(app.url, 'chutichcd');
    const reply = await leadership.get(`/api/v1/engagement?year=${thisYear}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    overview = reply.body;
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** A page signed in as `login`, in `language`, at `width`. */
  async function signedIn(login, { language = 'vi', width = 1280, height = 900 } = {}) {
    const page = await newPage(browser, { width, height });
    await page.addInitScript((chosen) => localStorage.getItem('doanket.language') || localStorage.setItem('doanket.language', chosen), language);
    await signIn(page, app.url, login);
    return page;
  }

  test('the API adds the organizations up to its total', () => {
    assert.ok(overview.organizations.length >= 3, 'the demo has three organizations');
    for (const field of summed) {
      const sum = overview.organizations.reduce((s, o) => s + o.year[field], 0);
      assert.equal(overview.total.year[field], sum, field);
    }
  });

  test('the leadership reads the API’s numbers, a total row that adds them, and downloads the table', async () => {
    const page = await signedIn('lanhdao');
    await open(page, app.url, '/engagement');
    await byTest(page, 'nav-engagement').waitFor();
    await until(async () => (await byTest(page, 'engagement-row').count()) === overview.organizations.length, 'a row per organization');
    for (const organization of overview.organizations) {
      const row = page.locator(`[data-test="engagement-row"][data-organization="${organization.id}"]`);
      for (const [crowd, field] of [['members', 'members'], ['reached', 'reached'], ['never', 'never'], ['repeat', 'repeat'], ['core', 'core'], ['lapsed', 'lapsed'], ['gone-quiet', 'gone_quiet']]) {
        const shown = (await row.locator(`[data-test="count-${crowd}"]`).innerText()).trim();
        assert.equal(shown, vietnameseNumber(organization.year[field]), `${organization.code} ${crowd}`);
      }
      const units = await row.locator('[data-test="cell-units"]').innerText();
      assert.match(units, new RegExp(`^${organization.year.units_reached}/${organization.year.units_with_members}`));
      const concentration = await row.locator('[data-test="cell-concentration"]').innerText();
      if (organization.year.top_tenth_share !== null) assert.match(concentration, /10 % người tham gia nhiều nhất chiếm [\d,]+ % lượt/);
    }
    // The total row is the sum of the rows where a sum means something.
    const total = byTest(page, 'engagement-total');
    for (const [crowd, field] of [['members', 'members'], ['reached', 'reached'], ['never', 'never'], ['repeat', 'repeat'], ['core', 'core']]) {
      const rows = await page.locator(`[data-test="engagement-row"] [data-test="cell-${crowd}"]`).evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
      const sum = rows.reduce((s, v) => s + v, 0);
      assert.equal(Number(await total.locator(`[data-test="cell-${crowd}"]`).getAttribute('data-value')), sum, `total ${crowd}`);
      assert.equal(sum, overview.total.year[field], `the API's total ${crowd}`);
    }
    // The charts are drawn; each has its table on demand.
    for (const chart of ['trend', 'heat', 'depth']) await page.locator(`[data-test="chart-${chart}"] canvas`).first().waitFor();
    await byTest(page, 'chart-heat-table-toggle').click();
    await until(async () => (await page.locator('[data-test="chart-heat-table"] tbody tr').count()) === overview.units.length, 'a row per department');
    await settled(page);
    await screenshot(page, 'engagement-1280-vi');
    assert.deepEqual(await unnamedAndRepeated(page), { unnamed: [], repeated: [] }, 'every control named, no two buttons alike');

    // The table as a spreadsheet (the API's XLSX, in the page's language).
    const [download] = await Promise.all([page.waitForEvent('download'), byTest(page, 'engagement-download').click()]);
    assert.match(download.suggestedFilename(), new RegExp(`${thisYear}\\.xlsx$`));
    const file = await download.path();
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip file');
    const words = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print("".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml")))', file]).toString();
    for (const organization of overview.organizations) assert.ok(words.includes(organization.name), organization.name);
    assert.ok(words.includes('Tổng cộng'));
    await page.close();
  });

  test('a count opens exactly the people behind it, a page at a time', async () => {
    // The organization with the most members reached: more than one page of 20.
    const organization = [...overview.organizations].sort((a, b) => b.year.reached - a.year.reached)[0];
    const expected = organization.year.reached;
    const page = await signedIn('lanhdao');
    await open(page, app.url, '/engagement');
    const row = page.locator(`[data-test="engagement-row"][data-organization="${organization.id}"]`);
    await row.locator('[data-test="count-reached"]').click();
    const dialog = byTest(page, 'people-dialog');
    await dialog.locator('[data-test="people-row"]').first().waitFor();
    assert.match(await byTest(page, 'people-range').innerText(), new RegExp(`trong ${vietnameseNumber(expected)}$`));
    await settled(page);
    await viewportScreenshot(page, 'engagement-drill-down-1280-vi');
    const seen = new Set();
    for (;;) {
      const ids = await dialog.locator('[data-test="people-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.person));
      for (const id of ids) seen.add(id);
      const next = byTest(page, 'people-next');
      if (await next.isDisabled()) break;
      const first = ids[0];
      await next.click();
      await until(async () => (await dialog.locator('[data-test="people-row"]').first().getAttribute('data-person')) !== first, 'the next page');
    }
    assert.equal(seen.size, expected, 'exactly the people the number counts');
    // The API lists the same people.
    const api = await leadership.get(`/api/v1/engagement/people?year=${thisYear}&organization=${organization.id}&crowd=reached&limit=500`);
    assert.deepEqual(new Set(api.body.items.map((p) => String(p.id))), seen);
    await page.close();
  });

  test('the leadership sees which organizations work together and lists their joint activities', async () => {
    const coordination = (await leadership.get(`/api/v1/engagement/coordination?year=${thisYear}`)).body;
    const page = await signedIn('lanhdao');
    await open(page, app.url, '/engagement?tab=coordination');
    await byTest(page, 'coordination-matrix').waitFor();
    const pairs = coordination.organizations.length * (coordination.organizations.length - 1);
    assert.equal(await byTest(page, 'coordination-cell').count(), pairs);
    const never = coordination.pairs.filter((p) => p.activities === 0);
    for (const pair of never) {
      const cell = page.locator(`[data-test="coordination-cell"][data-first="${pair.first}"][data-second="${pair.second}"]`);
      assert.match(await cell.getAttribute('class'), /never/);
    }
    const busiest = [...coordination.pairs].sort((a, b) => b.activities - a.activities)[0];
    assert.deepEqual(await unnamedAndRepeated(page), { unnamed: [], repeated: [] }, 'every control named, no two buttons alike');
    await page.locator(`[data-test="coordination-cell"][data-first="${busiest.first}"][data-second="${busiest.second}"]`).click();
    await until(async () => (await byTest(page, 'coordination-activity').count()) === busiest.activities, 'the joint activities');
    await settled(page);
    await screenshot(page, 'engagement-coordination-1280-vi');
    await page.close();
  });

  test('the trade union’s chair invites two members who went quiet to a coming activity', async () => {
    const tradeUnion = chair.session.officer_of[0];
    const quiet = await chair.get(`/api/v1/engagement/people?year=${thisYear}&organization=${tradeUnion}&crowd=gone-quiet&limit=500`);
    assert.equal(quiet.status, 200);
    assert.ok(quiet.body.items.length >= 2, 'the demo has members who went quiet');
    const page = await signedIn('chutichcd');
    await open(page, app.url, '/engagement');
    // The chair's page is their organization's.
    await until(async () => (await byTest(page, 'engagement-row').count()) === 1, 'only the trade union');
    await page.getByRole('tab', { name: 'Lâu không tham gia' }).click();
    const rows = byTest(page, 'gone-quiet-row');
    await until(async () => (await rows.count()) === Math.min(50, quiet.body.items.length), 'the gone-quiet list');
    const chosen = [quiet.body.items[0], quiet.body.items[1]];
    for (const person of chosen) {
      // The box is named after the person for a screen reader; a finger presses the drawn box.
      assert.equal(await page.getByRole('checkbox', { name: `Chọn ${person.full_name}` }).count(), 1);
      await page.locator(`[data-test="gone-quiet-row"][data-person="${person.id}"] [data-test="gone-quiet-check"]`).click();
    }
    assert.match(await byTest(page, 'gone-quiet-selected').innerText(), /Đã chọn 2 người/);
    assert.deepEqual(await unnamedAndRepeated(page), { unnamed: [], repeated: [] }, 'every control named, no two buttons alike');
    await settled(page);
    await screenshot(page, 'engagement-gone-quiet-1280-vi');
    await byTest(page, 'gone-quiet-invite').click();
    const dialog = byTest(page, 'invite-dialog');
    await until(async () => (await page.locator('[data-test="invite-send"]:not([disabled])').count()) === 1, `an activity is chosen: ${await dialog.innerText().catch(() => '')}`);
    await settled(page);
    await viewportScreenshot(page, 'engagement-invite-1280-vi');
    await byTest(page, 'invite-send').click();
    const done = byTest(page, 'invite-done');
    await done.waitFor();
    assert.match(await done.innerText(), /Đã mời 2 người vào “.+” \(2 lời mời mới\)/);
    await page.close();
  });

  test('a person’s page shows their engagement score and why', async () => {
    const person = leadership.session.person_id;
    const score = (await leadership.get(`/api/v1/people/${person}/engagement`)).body;
    const page = await signedIn('lanhdao');
    await open(page, app.url, `/people/${person}`);
    const card = byTest(page, 'person-engagement');
    await card.waitFor();
    assert.equal(await byTest(page, 'person-engagement-score').innerText(), String(score.score));
    assert.equal(await byTest(page, 'person-engagement-explanation').innerText(), score.explanation);
    await page.close();
  });

  test('at 360 px the page fits, its tables scroll in their frame, and it reads in both languages', async () => {
    for (const language of ['vi', 'en']) {
      const page = await signedIn('lanhdao', { language, width: 360, height: 780 });
      await open(page, app.url, '/engagement');
      await byTest(page, 'engagement-total').waitFor();
      for (const chart of ['trend', 'heat', 'depth']) await page.locator(`[data-test="chart-${chart}"] canvas`).first().waitFor();
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
      assert.ok(widths.page <= widths.screen, `the page does not scroll sideways (${widths.page} > ${widths.screen})`);
      await byTest(page, 'engagement-organizations').locator('[data-test="scroll-region"]').waitFor();
      // A count is still a button one can press.
      const first = byTest(page, 'engagement-row').first().locator('[data-test="count-members"]');
      await first.scrollIntoViewIfNeeded();
      await first.click();
      await byTest(page, 'people-dialog').locator('[data-test="people-row"]').first().waitFor();
      await settled(page);
      await viewportScreenshot(page, `engagement-drill-down-360-${language}`);
      await page.keyboard.press('Escape');
      await settled(page);
      await screenshot(page, `engagement-360-${language}`);
      await page.close();
    }
    const page = await signedIn('lanhdao', { language: 'en' });
    await open(page, app.url, '/engagement');
    await byTest(page, 'engagement-total').waitFor();
    for (const chart of ['trend', 'heat', 'depth']) await page.locator(`[data-test="chart-${chart}"] canvas`).first().waitFor();
    await settled(page);
    await screenshot(page, 'engagement-1280-en');
    await page.close();
  });
});
