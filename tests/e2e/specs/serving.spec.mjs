// How the binary serves the built web app (`doanket serve --web-root`), whatever the app shows:
// caching, the single-page fallback, the API beside it, paths that try to leave the web root,
// and a first load in Chromium without errors.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';

import { launchBrowser, newPage, screenshot, startApp } from '../support/harness.mjs';

// A GET with the path sent exactly as written: fetch() and new URL() would resolve the `..`.
function rawGet(url, rawPath) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const call = request({ hostname, port, path: rawPath, method: 'GET' }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    call.on('error', reject);
    call.end();
  });
}

describe('serving the web app', () => {
  let app;
  let index;  // GET / : {status, headers, body}

  before(async () => {
    app = await startApp();
    index = await rawGet(app.url, '/');
  });
  after(async () => {
    if (!app) return;
    const { code, signal } = await app.stop();
    assert.equal(signal, null, `the server died of ${signal}; see ${app.logPath}`);
    assert.equal(code, 0, `SIGTERM should stop the server cleanly; see ${app.logPath}`);
  });

  test('/ is the HTML page, revalidated on every load', () => {
    assert.equal(index.status, 200);
    assert.match(index.headers['content-type'], /^text\/html/);
    assert.match(index.body, /<!doctype html>/i);
    const cache = index.headers['cache-control'] || '';
    assert.match(cache, /no-cache|no-store/, `Cache-Control of / is "${cache}"`);
    assert.doesNotMatch(cache, /immutable|max-age=[1-9]/, 'a new release must reach browsers at once');
  });

  test('hashed assets are cached for a year and typed correctly', async () => {
    const assets = [...index.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
    assert.ok(assets.length > 0, 'index.html references no /assets/ file');
    for (const asset of assets) {
      const reply = await rawGet(app.url, asset);
      assert.equal(reply.status, 200, asset);
      const cache = reply.headers['cache-control'] || '';
      assert.match(cache, /max-age=31536000/, `${asset}: Cache-Control "${cache}"`);
      assert.match(cache, /immutable/, `${asset}: Cache-Control "${cache}"`);
      // A module script with another type is refused by the browser.
      if (asset.endsWith('.js')) assert.match(reply.headers['content-type'], /^(text|application)\/javascript/, asset);
      if (asset.endsWith('.css')) assert.match(reply.headers['content-type'], /^text\/css/, asset);
    }
  });

  test('a missing asset is not cached for a year', async () => {
    const reply = await rawGet(app.url, '/assets/no-such-file-0000000.js');
    assert.doesNotMatch(reply.headers['cache-control'] || '', /immutable/,
      'whatever answers a missing asset must not stick in browsers for a year');
  });

  test('a deep link gets the same page (single-page fallback)', async () => {
    for (const deepLink of ['/people/1', '/organizations/CD/members?page=2']) {
      const reply = await rawGet(app.url, deepLink);
      assert.equal(reply.status, 200, deepLink);
      assert.match(reply.headers['content-type'], /^text\/html/, deepLink);
      assert.equal(reply.body, index.body, deepLink);
    }
  });

  test('an unknown API address is still a JSON problem, not the page', async () => {
    const reply = await rawGet(app.url, '/api/v1/nonexistent');
    assert.equal(reply.status, 404);
    assert.match(reply.headers['content-type'], /^application\/problem\+json/);
    assert.equal(JSON.parse(reply.body).status, 404);
  });

  test('paths that climb out of the web root get an error or the page, never a file', async () => {
    const attempts = [
      '/../../etc/passwd',
      '/../../../../../../../../etc/passwd',
      '/assets/../../../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5c..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/../index.html',      // web/index.html, Vite's source page, sits just above web/dist
      '/../package.json',
      '/assets/%00.js',
    ];
    for (const attempt of attempts) {
      const reply = await rawGet(app.url, attempt);
      assert.doesNotMatch(reply.body, /root:x:0:0/, attempt);
      const refused = reply.status >= 400 && reply.status < 500;
      const thePage = reply.status === 200 && reply.body === index.body;
      assert.ok(refused || thePage, `${attempt}: ${reply.status} ${reply.body.slice(0, 120)}`);
    }
  });

  test('the page loads in Chromium without errors and asks for a login', async () => {
    const browser = await launchBrowser();
    try {
      const page = await newPage(browser);
      const problems = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      // Failed loads are judged below by their address and status; the browser's own
      // "Failed to load resource" console line says less.
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          problems.push(`console: ${message.text()}`);
        }
      });
      page.on('requestfailed', (failed) => problems.push(`failed: ${failed.url()} ${failed.failure()?.errorText}`));
      page.on('response', (response) => {
        const { pathname } = new URL(response.url());
        // Asking who is signed in before anyone is, is how the app finds out.
        if (response.status() === 401 && pathname === '/api/v1/session') return;
        if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
      });

      await page.goto(app.url);
      await page.locator('[data-test=login]').waitFor({ state: 'visible' });
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'serving-first-load');
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
