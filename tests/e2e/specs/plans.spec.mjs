// Year plans in the browser: leadership reads the trade union's plan, whose numbers (targets per
// kind against held and scheduled, participation, members reached) are the API's; the chair makes
// next year's plan with its targets and a programme. Screenshots (Vietnamese): the plans page with
// its chart, and the plan form.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { agencyYear, apiSession, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { byTest, open, settled, until, viewportScreenshot } from './ui.mjs';

/** The year at the agency (UTC+7). */
const thisYear = agencyYear();

describe('plans', () => {
  let app;
  let browser;
  let chair;
  let tradeUnion;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    chair = await apiSession(app.url, 'chutichcd');
    tradeUnion = chair.session.officer_of[0];
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("leadership sees the trade union's plan, with the API's numbers", async () => {
    const leadership = await apiSession(app.url, 'lanhdao');
    const reply = await leadership.get(`/api/v1/plans?organization_id=${tradeUnion}&year=${thisYear}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.total, 1, 'the demo has this year’s plan of the trade union');
    const plan = reply.body.items[0];

    const page = await newPage(browser);
    await signIn(page, app.url, 'lanhdao');
    await open(page, app.url, '/plans');
    await byTest(page, 'nav-plans').waitFor();
    const card = page.locator(`[data-test="plan"][data-plan-id="${plan.id}"]`);
    await card.waitFor();
    assert.equal(await card.locator('[data-test="plan-heading"]').innerText(), plan.title);

    const rows = card.locator('[data-test="plan-kind"]');
    assert.equal(await rows.count(), plan.progress.kinds.length);
    for (const kind of plan.progress.kinds) {
      const row = card.locator(`[data-test="plan-kind"][data-kind="${kind.kind}"]`);
      const cells = await row.locator('td').allInnerTexts();
      assert.deepEqual(cells.map(Number), [kind.target, kind.held, kind.planned], `${kind.kind}: ${cells.join(', ')}`);
      assert.equal(await row.locator('th').innerText(), kind.kind_label);
    }
    const participation = card.locator('[data-test="plan-participation"]');
    assert.equal(Number(await participation.getAttribute('data-percent')), plan.progress.participation_percent);
    assert.match(await participation.innerText(), new RegExp(`${plan.progress.participation_percent}%`));
    if (plan.participation_target !== null) assert.match(await participation.innerText(), new RegExp(`Mục tiêu ${plan.participation_target}%`));
    assert.match(
      await card.locator('[data-test="plan-reach"]').innerText(),
      new RegExp(`${plan.progress.reached}/${plan.progress.members} thành viên`),
    );
    // The chart is drawn; leadership reads and changes nothing.
    await card.locator('[data-test="plan-chart"] canvas').waitFor();
    assert.equal(await byTest(page, 'plan-add').count(), 0);
    assert.equal(await card.locator('[data-test="plan-edit"]').count(), 0);
    // Every organization's plan of the year is on the page.
    const all = await leadership.get(`/api/v1/plans?year=${thisYear}`);
    await until(async () => (await byTest(page, 'plan').count()) === all.body.total, 'a card per plan');
    await settled(page);
    await screenshot(page, 'plans-page');
    await page.close();
  });

  test("the chair makes next year's plan with targets and a programme", async () => {
    const nextYear = thisYear + 1;
    const page = await newPage(browser);
    await signIn(page, app.url, 'chutichcd');
    await open(page, app.url, '/plans');
    await byTest(page, 'plan-add').click();
    const dialog = byTest(page, 'plan-form-dialog');
    await dialog.waitFor();
    await settled(page);
    // The chair's one organization is proposed.
    assert.match(await dialog.locator('.el-select__wrapper:has(#plan-organization)').innerText(), /Công đoàn/);
    await page.locator('#plan-year').fill(String(nextYear));
    await page.locator('#plan-year').press('Tab');
    await until(async () => (await byTest(page, 'plan-title').inputValue()) === `Kế hoạch hoạt động năm ${nextYear}`, 'the proposed title follows the year');
    const targets = { meeting: 4, study: 2, sports: 3, 'partner-exchange': 1 };
    for (const [kind, count] of Object.entries(targets)) {
      await page.locator(`#plan-target-${kind}`).fill(String(count));
      await page.locator(`#plan-target-${kind}`).press('Tab');
    }
    await page.locator('#plan-participation').fill('85');
    await page.locator('#plan-participation').press('Tab');
    await page.locator('#plan-reach').fill('50');
    await page.locator('#plan-reach').press('Tab');
    await viewportScreenshot(page, 'plan-form');
    await byTest(page, 'plan-form-save').click();

    // The page turns to next year and shows the new plan.
    await until(() => new URL(page.url()).searchParams.get('year') === String(nextYear), 'the page shows next year');
    const card = page.locator(`[data-test="plan"][data-organization-id="${tradeUnion}"]`);
    await card.waitFor();
    const created = (await chair.get(`/api/v1/plans?organization_id=${tradeUnion}&year=${nextYear}`)).body.items[0];
    assert.ok(created, 'the API has the plan');
    assert.deepEqual(created.activity_targets, targets);
    assert.equal(created.participation_target, 85);
    assert.equal(created.reach_target, 50);
    // The card may still be this year's plan for a moment, until next year's list arrives: wait
    // for what the user will see, then compare.
    for (const [kind, count] of Object.entries(targets)) {
      const target = card.locator(`[data-test="plan-kind"][data-kind="${kind}"]`);
      await until(async () => Number(await target.getAttribute('data-target')) === count,
        `the card shows ${count} planned ${kind}`);
    }

    await card.locator('[data-test="programme-add"]').click();
    await byTest(page, 'programme-form-dialog').waitFor();
    await settled(page);
    await byTest(page, 'programme-title').fill('Tháng Công nhân');
    await byTest(page, 'programme-description').fill('Chăm lo đời sống đoàn viên, tháng 5');
    await byTest(page, 'programme-form-save').click();
    await until(async () => (await card.locator('[data-test="plan-programme"]').allInnerTexts()).some((text) => text.startsWith('Tháng Công nhân')), 'the programme is listed');
    const reread = await chair.get(`/api/v1/plans/${created.id}`);
    assert.deepEqual(reread.body.programmes.map((p) => p.title), ['Tháng Công nhân']);

    // The year is taken now: a second plan for it is refused, with the server's reason on screen.
    await byTest(page, 'plan-add').click();
    await byTest(page, 'plan-form-dialog').waitFor();
    await settled(page);
    await byTest(page, 'plan-form-save').click();
    const refused = byTest(page, 'plan-form-dialog').locator('.el-form-item__error');
    await refused.waitFor();
    assert.match(await refused.innerText(), new RegExp(`đã có kế hoạch năm ${nextYear}`));
    await page.close();
  });
});
