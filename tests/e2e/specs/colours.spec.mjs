// One colour per organization on every screen: the dashboard's legend, the activities' calendar
// and its legend, the organization tree, the clubs and the funds all give the trade union the same
// colour, the youth union another, and no two organizations share one. Screenshots (Vietnamese,
// desktop and 360 px): the organization tree and the funds with their organizers' colours.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { byTest, open, settled } from './ui.mjs';

describe('colours', () => {
  let app;
  let browser;
  let organizations;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const leadership = await apiSession(app.url, 'lanhdao');
    const reply = await leadership.get('/api/v1/organizations');
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    organizations = reply.body.items;
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The colour each organization has on the page, from the elements that carry `data-colour`. */
  async function coloursOn(page, selector) {
    const pairs = await page.locator(selector).evaluateAll((elements) =>
      elements.map((e) => [Number(e.dataset.organizationId), e.dataset.colour]),
    );
    assert.ok(pairs.length > 0, `nothing coloured matches ${selector}`);
    const colours = new Map();
    for (const [id, colour] of pairs) {
      assert.match(colour, /^#[0-9a-f]{6}$/, `organization ${id} has colour ${colour}`);
      if (colours.has(id)) assert.equal(colours.get(id), colour, `organization ${id} has two colours on one page`);
      colours.set(id, colour);
    }
    return colours;
  }

  test('every screen gives an organization the same colour', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'lanhdao');
    const seen = new Map(); // organization id → { colour, where }
    const screens = [
      ['/dashboard', '[data-test="organization-legend-item"]'],
      ['/activities', '[data-test="organization-legend-item"]'],
      ['/organizations', '[data-test="organization-coloured"]'],
      ['/clubs', '[data-test="organization-coloured"]'],
      ['/funds', '[data-test="organization-coloured"]'],
    ];
    for (const [path, selector] of screens) {
      await open(page, app.url, path);
      await page.locator(selector).first().waitFor();
      await settled(page);
      for (const [id, colour] of await coloursOn(page, selector)) {
        const earlier = seen.get(id);
        if (earlier) assert.equal(colour, earlier.colour, `organization ${id}: ${colour} on ${path}, ${earlier.colour} on ${earlier.where}`);
        else seen.set(id, { colour, where: path });
      }
      if (path === '/organizations') await screenshot(page, 'colours-organizations');
      if (path === '/funds') await screenshot(page, 'colours-funds');
    }

    const ownOrganization = (kind) => organizations.find((o) => o.kind === kind && !o.external);
    assert.equal(seen.get(ownOrganization('trade-union').id)?.colour, '#1565c0', 'the trade union is blue');
    assert.equal(seen.get(ownOrganization('youth-union').id)?.colour, '#2e7d32', 'the youth union is green');
    const colours = [...seen.values()].map((s) => s.colour);
    assert.equal(new Set(colours).size, colours.length, `two organizations share a colour: ${JSON.stringify([...seen])}`);
    assert.ok(seen.size >= 3, `only ${seen.size} organizations were seen coloured`);

    // The calendar's events are drawn in their leading organizer's colour, one of those above.
    await open(page, app.url, '/activities');
    await page.locator('.fc-event').first().waitFor();
    const drawn = await page.locator('.fc-event').evaluateAll((events) =>
      events.map((e) => {
        const dot = e.querySelector('.fc-daygrid-event-dot');
        const style = getComputedStyle(dot ?? e);
        // A cancelled one is outlined in its colour, on white.
        return dot || e.classList.contains('status-cancelled') ? style.borderTopColor : style.backgroundColor;
      }),
    );
    const hex = (rgb) => '#' + rgb.match(/\d+/g).slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('');
    for (const colour of drawn.map(hex)) assert.ok(colours.includes(colour), `an event is drawn in ${colour}, no organization's colour`);
    await page.close();
  });

  test('on a phone the organizers keep their colour beside the name', async () => {
    const page = await newPage(browser, { width: 360, height: 780 });
    await signIn(page, app.url, 'lanhdao');
    await open(page, app.url, '/funds');
    const name = byTest(page, 'organization-coloured').first();
    await name.waitFor();
    const swatch = name.locator('.dk-swatch');
    const box = await swatch.boundingBox();
    assert.ok(box && box.width >= 10 && box.height >= 10, `the swatch is ${JSON.stringify(box)}`);
    assert.equal(await swatch.getAttribute('aria-hidden'), 'true', 'screen readers read the name, not the swatch');
    await screenshot(page, 'colours-funds-phone');
    await page.close();
  });
});
