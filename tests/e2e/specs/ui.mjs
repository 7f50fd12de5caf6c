// Small helpers the web app's specs share (not a spec itself: CTest runs only *.spec.mjs).
// Everything waits for what the user would see; nothing asserts on how long it took.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { artifacts, newPage, signIn } from '../support/harness.mjs';

/** Polls `probe` until it returns a truthy value; fails with `message` after `timeoutMs`. */
export async function until(probe, message, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a phone's screen shows (a full-page picture of a phone is a long strip nobody sees). */
export async function viewportScreenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export const byTest = (page, name) => page.locator(`[data-test="${name}"]`);

/** Waits until every animation and transition on the page has ended (a dialog fading in). */
export async function settled(page) {
  // An animation cancelled on the way (a transition replaced by another) rejects: that ends it too.
  await until(() => page.evaluate(async () => {
    const running = document.getAnimations();
    await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
    return running.length === 0;
  }), 'the page stops moving');
}

/** Goes to an address of the app and waits until its main area has rendered. */
export async function open(page, url, path) {
  await page.goto(url + path);
  await page.locator('#main').waitFor({ state: 'visible' });
}

/**
 * The names in the people table once they are `expected`, or, if they never become so, the last
 * names shown, for the caller's assertion to show the difference. Waiting for the very names (not
 * their number) matters: a new order has as many rows as the old one until its answer arrives.
 */
export async function shownNames(page, expected) {
  const want = JSON.stringify(expected);
  let names = [];
  try {
    await until(async () => {
      names = await byTest(page, 'person-link').allInnerTexts();
      return JSON.stringify(names) === want;
    }, `the people table should show ${expected.length} names in the API's order`);
  } catch {
    // The caller's deepEqual reports what differs.
  }
  return names;
}

/** Names (as the API orders them) of every person a search finds, through a signed-in API session. */
export async function apiNames(api, query) {
  const reply = await api.get(`/api/v1/people?limit=500&${query}`);
  if (reply.status !== 200) throw new Error(`GET people?${query}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.items.map((person) => person.full_name);
}

/**
 * Opens the Element Plus select whose input has this id and resolves to its own list of options:
 * the one its combobox controls, so that the list of a neighbour still fading out (a start time's,
 * offering the same 09:30) is never the one clicked.
 */
async function openSelect(page, inputId) {
  const input = page.locator(`#${inputId}`);
  // The shown value (or the placeholder, or chosen tags) covers the input: click the frame.
  await page.locator(`.el-select__wrapper:has(#${inputId})`).click();
  return page.locator(`[id="${await input.getAttribute('aria-controls')}"]`);
}

/**
 * Picks an option of an Element Plus select, by the id of its input and the option's text.
 * The click waits for the page to stop moving first: a list still fading in (or a neighbour's
 * fading out over it) can swallow the click, and the value then never changes. It happened once
 * in about forty runs (a club session's end time); one more try covers what is left of that race,
 * and the last try still fails loudly if the option is never taken.
 */
export async function chooseOption(page, inputId, optionName) {
  const frame = page.locator(`.el-select__wrapper:has(#${inputId})`);
  for (let attempt = 1; ; attempt += 1) {
    if ((await page.locator(`#${inputId}`).getAttribute('aria-expanded')) !== 'true') await openSelect(page, inputId);
    const list = page.locator(`[id="${await page.locator(`#${inputId}`).getAttribute('aria-controls')}"]`);
    await until(async () => (await page.locator(`#${inputId}`).getAttribute('aria-expanded')) === 'true', `the list of #${inputId} opens`);
    await settled(page);
    await list.getByRole('option', { name: optionName, exact: true }).click();
    try {
      await until(async () => (await frame.innerText()).includes(optionName), `#${inputId} shows “${optionName}”`, attempt < 2 ? 3_000 : 15_000);
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/** Types into a person picker (its list opens with the first answers) and picks the person whose option starts with `name`. */
export async function pickPerson(page, inputId, search, name) {
  const list = await openSelect(page, inputId);
  await page.locator(`#${inputId}`).fill(search);
  await list.getByRole('option', { name: new RegExp(`^${name}`) }).click();
}

/** Types a dd/mm/yyyy date into a date field. */
export async function typeDate(page, inputId, text) {
  await page.locator(`#${inputId}`).fill(text);
  await page.locator(`#${inputId}`).press('Enter');
}

/** The message box's button (its question was shown first). */
export async function answer(page, button) {
  const box = page.locator('.el-message-box');
  await box.waitFor();
  await box.getByRole('button', { name: button }).click();
}

/** A phone's screen, 360 px wide. */
export const phone = { width: 360, height: 740 };

/** A page signed in as `login`, in `language` (chosen before the first load). */
export async function pageAs(browser, url, login, { language = 'vi', size = phone } = {}) {
  const page = await newPage(browser, size);
  await page.addInitScript((chosen) => localStorage.getItem('doanket.language') || localStorage.setItem('doanket.language', chosen), language);
  await signIn(page, url, login);
  return page;
}

/** Fails when the page is wider than the phone: nothing may need scrolling sideways. */
export async function fitsThePhone(page, what) {
  await page.waitForLoadState('networkidle');
  // Right after the viewport shrinks, the app has not yet laid itself out for a phone (the menu
  // folds on the next frames, with a transition): measure once it has.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await settled(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= phone.width, `${what} is ${width} px wide`);
}
