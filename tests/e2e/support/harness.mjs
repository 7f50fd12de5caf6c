// What the browser specs (tests/e2e/specs/*.spec.mjs) share: a real `doanket serve` on a fresh
// demo database, Debian's headless Chromium driven by playwright-core, screenshots, sign-in in the
// page and over the API.
//
// Environment (CTest sets all three; the defaults suit a run by hand from any directory):
//   DOANKET_BINARY         the binary            (default build/debug/src/doanket)
//   DOANKET_WEB_ROOT       the built web app     (default web/dist)
//   DOANKET_E2E_ARTIFACTS  screenshots and logs  (default build/e2e-artifacts)
// and optionally DOANKET_TEST_POSTGRES (scripts/test.sh) for startApp({engine: 'postgres'}).
//
// Time: nothing here reads the machine's clock for "now". DOANKET_TEST_NOW (CTest sets it; see
// tests/CMakeLists.txt) is the instant the suite lives at; the binaries inherit it together with
// DOANKET_TEST_NOW_SET_AT (when the real clock read it), so `doanket demo`, `doanket serve`, this
// process (testNow) and every page's JavaScript (a Playwright clock) share one timeline.

import { spawn, execFile } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fromRepository = (variable, fallback) => path.resolve(repository, process.env[variable] || fallback);

export const binary = fromRepository('DOANKET_BINARY', 'build/debug/src/doanket');
// The web app the binary carries, as shipped; DOANKET_WEB_ROOT serves a folder instead (a web
// build being worked on, without rebuilding the binary).
export const webRoot = process.env.DOANKET_WEB_ROOT ? fromRepository('DOANKET_WEB_ROOT', '') : null;
export const artifacts = fromRepository('DOANKET_E2E_ARTIFACTS', 'build/e2e-artifacts');
export const demoPassword = 'doanket-demo-2026';

// Run by hand without CTest: the same ordinary morning tests/CMakeLists.txt gives.
process.env.DOANKET_TEST_NOW ||= '2026-11-18T08:30:00+07:00';
process.env.DOANKET_TEST_NOW_SET_AT ||= String(Date.now());
process.env.TZ ||= 'UTC';  // the binaries' zone, whatever the machine's: CTest sets it too
const clockShift = Date.parse(process.env.DOANKET_TEST_NOW) - Number(process.env.DOANKET_TEST_NOW_SET_AT);
if (Number.isNaN(clockShift)) throw new Error(`DOANKET_TEST_NOW is not an instant: ${process.env.DOANKET_TEST_NOW}`);

/** Now on the tests' clock, in Unix milliseconds. */
export function testNow() {
  return Date.now() + clockShift;
}

const agencyOffsetMs = 7 * 3600_000;  // Asia/Ho_Chi_Minh: UTC+7 all year
const dayMs = 86_400_000;

/** The agency's wall clock `minutes` from now: "YYYY-MM-DDTHH:MM" (UTC fields read Vietnam's time). */
function agencyWall(minutes) {
  return new Date(testNow() + agencyOffsetMs + minutes * 60_000).toISOString().slice(0, 16);
}

/** The agency's date `days` from today: "YYYY-MM-DD". */
export function agencyDay(days = 0) {
  return new Date(testNow() + agencyOffsetMs + days * dayMs).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → "dd/mm/yyyy", as the app shows and the date fields take it. */
export function shownDate(iso) {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** `minutes` from now at the agency as the forms take it: "dd/mm/yyyy hh:mm". */
export function formTime(minutes) {
  const wall = agencyWall(minutes);
  return `${shownDate(wall.slice(0, 10))} ${wall.slice(11, 16)}`;
}

/** The same moment as the API writes it: "YYYY-MM-DDTHH:MM:00+07:00". */
export function apiTime(minutes) {
  return `${agencyWall(minutes)}:00+07:00`;
}

/** The agency's year today. */
export function agencyYear() {
  return Number(agencyDay().slice(0, 4));
}

// The ASan build is slow to start and to load the demo; these are ceilings, not expectations.
const startTimeoutMs = 60_000;
const stopTimeoutMs = 15_000;

// The flags the machine needs (root, no GPU, a closed network: see ARCHITECTURE.md, Stack).
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// ---------------------------------------------------------------------------------------------
// Servers started here die with this process, whichever way it ends, so none is left orphaned
// holding a port (a Ctrl-C, CTest's timeout, an exception that escapes a spec).
const running = new Set();  // {child, folder}

function killAll(signal) {
  for (const app of running) {
    try { app.child.kill(signal); } catch { /* already gone */ }
    if (app.folder) rmSync(app.folder, { recursive: true, force: true });
  }
  running.clear();
}
process.on('exit', () => killAll('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killAll('SIGTERM');
    process.kill(process.pid, signal);  // the handler was once(): now die of the signal itself
  });
}
// `node --test` runs each spec in a child process; if the runner itself is killed outright, the
// spec would go on alone. Its parent changing means that: stop, taking the servers along.
const runner = process.ppid;
setInterval(() => {
  if (process.ppid !== runner) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();

// A name for the server's log: the spec's file name and a counter.
const specName = path.basename(process.argv[1] || 'e2e').replace(/\.spec\.mjs$|\.mjs$/, '');
let appCount = 0;

const run = promisify(execFile);

// A new, empty PostgreSQL database on the test command's server, and how to drop it.
async function createPostgresDatabase() {
  const server = process.env.DOANKET_TEST_POSTGRES;
  if (!server) throw new Error("startApp({engine: 'postgres'}) needs DOANKET_TEST_POSTGRES (scripts/test.sh sets it)");
  const name = `dk_e2e_${process.pid}_${Date.now()}_${appCount}`;
  await run('psql', [server, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`]);
  return {
    uri: server.slice(0, server.lastIndexOf('/') + 1) + name,
    drop: () => run('psql', [server, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]).catch(() => {}),
  };
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child) {
  if (exited(child)) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function tail(file, lines = 20) {
  try { return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

// The demo as `doanket demo` writes it, kept once per build and clock instant and copied for each
// app after the first (as tests/support/demo_database.hpp does for the C++ suites): an SQLite file
// in the temporary folder, a template database on the test PostgreSQL server.
function demoKey() {
  const file = statSync(binary);
  const identity = [binary, file.size, file.mtimeMs, process.env.DOANKET_TEST_NOW, process.env.TZ].join('|');
  return `dk_demo_e2e_${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
}

async function loadDemo(engine, databasePath) {
  const key = demoKey();
  const server = process.env.DOANKET_TEST_POSTGRES;
  const name = databasePath.slice(databasePath.lastIndexOf('/') + 1);
  const psql = (sql) => run('psql', [server, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql]);
  if (engine === 'sqlite') {
    const kept = path.join(tmpdir(), 'doanket-demo-cache', `${key}.db`);
    if (existsSync(kept)) { copyFileSync(kept, databasePath); return; }
    await run(binary, ['--db', databasePath, 'demo'], { maxBuffer: 16 << 20 });
    // Kept only when whole on its own, and under another name first so nobody copies half a file.
    if (existsSync(`${databasePath}-wal`)) return;
    mkdirSync(path.dirname(kept), { recursive: true });
    const partial = `${kept}.${process.pid}.${Date.now()}`;
    copyFileSync(databasePath, partial);
    renameSync(partial, kept);
    return;
  }
  const { stdout } = await psql(`SELECT 1 FROM pg_database WHERE datname = '${key}'`);
  if (stdout.trim() === '1') {
    try {
      await psql(`DROP DATABASE ${name} WITH (FORCE)`);
      await psql(`CREATE DATABASE ${name} TEMPLATE ${key}`);
      return;
    } catch {
      // Another app was copying it at that instant: an empty database again, and the demo loaded.
      await psql(`CREATE DATABASE ${name}`).catch(() => {});
    }
  }
  await run(binary, ['--db', databasePath, 'demo'], { maxBuffer: 16 << 20 });
  const partial = `dk_part_${process.pid}_${Date.now()}`;
  try {
    await psql(`CREATE DATABASE ${partial} TEMPLATE ${name}`);
    await psql(`ALTER DATABASE ${partial} RENAME TO ${key}`);
  } catch {
    await psql(`DROP DATABASE IF EXISTS ${partial}`).catch(() => {});
  }
}

// Loads the demo agency into a fresh database and serves it with the web app on a free port.
// Resolves to {url, databasePath, logPath, stop()}; stop() sends SIGTERM, waits, removes the
// database and resolves to the server's {code, signal}.
export async function startApp({ engine = 'sqlite', name } = {}) {
  if (!existsSync(binary)) throw new Error(`no doanket binary at ${binary}: build it (scripts/setup.sh debug) or set DOANKET_BINARY`);
  if (webRoot && !existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`no built web app at ${webRoot}/index.html (DOANKET_WEB_ROOT): run npm run build in web/`);
  }
  appCount += 1;
  const label = name || `${specName}-${appCount}`;
  const folder = mkdtempSync(path.join(tmpdir(), 'doanket-e2e-'));
  let databasePath = path.join(folder, 'demo.db');
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    ({ uri: databasePath, drop: dropDatabase } = await createPostgresDatabase());
  } else if (engine !== 'sqlite') {
    throw new Error(`unknown engine ${engine}: 'sqlite' or 'postgres'`);
  }

  try {
    await loadDemo(engine, databasePath);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    await dropDatabase();
    throw new Error(`doanket demo failed: ${error.stderr || error.message}`);
  }

  mkdirSync(artifacts, { recursive: true });
  const logPath = path.join(artifacts, `${label}-server.log`);
  const log = createWriteStream(logPath);
  // --db before the command: the binary refuses it after one, whatever docs/cli.md says.
  const serve = [binary, '--db', databasePath, 'serve', '--listen', '127.0.0.1:0', ...(webRoot ? ['--web-root', webRoot] : []), '--threads', '2'];
  // setpriv (util-linux) asks the kernel to send SIGTERM when this process dies, even of SIGKILL,
  // which no handler below can catch; it then execs the binary, so the pid stays the server's.
  const command = existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--pdeathsig', 'SIGTERM', '--', ...serve] : serve;
  const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  const app = { child, folder };
  running.add(app);
  child.stderr.pipe(log);  // the access log: one JSON line per request, kept out of the console

  const cleanUp = async () => {
    running.delete(app);
    rmSync(folder, { recursive: true, force: true });
    await dropDatabase();
  };

  let url;
  try {
    url = await readAddress(child, logPath);
    await waitForHealth(url, child, logPath);
  } catch (error) {
    child.kill('SIGKILL');
    await waitForExit(child);
    await cleanUp();
    throw error;
  }

  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      if (!exited(child)) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      const status = await waitForExit(child);
      clearTimeout(timer);
      await cleanUp();
      return status;
    })();
    return stopped;
  };
  return { url, databasePath, logPath, stop };
}

// The first line the server prints is its address, once it listens.
function readAddress(child, logPath) {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const fail = (why) => { clearTimeout(timer); reject(new Error(`${why}\n--- ${logPath}:\n${tail(logPath)}`)); };
    const timer = setTimeout(() => fail(`doanket serve printed no address within ${startTimeoutMs} ms`), startTimeoutMs);
    lines.on('line', (line) => {
      const match = line.match(/https?:\/\/\S+/);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.resume();  // keep draining stdout so the server never blocks on a full pipe
      resolve(match[0].replace(/\/$/, ''));
    });
    // Wait a moment so that the stderr pipe has reached the log before it is quoted.
    child.once('exit', (code, signal) => setTimeout(
      () => fail(`doanket serve exited (${signal || `code ${code}`}) before it listened`), 100));
  });
}

async function waitForHealth(url, child, logPath) {
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch { /* not yet */ }
    if (exited(child)) throw new Error(`doanket serve exited before /healthz answered\n--- ${logPath}:\n${tail(logPath)}`);
    if (Date.now() > deadline) throw new Error(`${url}/healthz did not answer 200 within ${startTimeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// ---------------------------------------------------------------------------------------------
// playwright-core is loaded on first use, so that a missing `npm ci` says what to do.
async function playwright() {
  try {
    return await import('playwright-core');
  } catch (error) {
    throw new Error(`playwright-core is not installed in tests/e2e: run scripts/setup.sh debug (npm ci there)\n${error.message}`);
  }
}

// Debian's Chromium, headless; never a browser downloaded by a test tool.
export async function launchBrowser() {
  const { chromium } = await playwright();
  return chromium.launch({
    executablePath: process.env.DOANKET_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
}

// A page in a fresh context (its own cookies and storage); closing the page closes the context.
// Its JavaScript runs on the tests' clock (time flows from there), in the browser's `timezoneId`:
// Vietnam's by default, as the members' phones; the app must show the agency's time in any zone.
export async function newPage(browser, { width = 1280, height = 800, locale = 'vi-VN', timezoneId = 'Asia/Ho_Chi_Minh' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale, timezoneId, acceptDownloads: true });
  await context.clock.install({ time: testNow() });
  const page = await context.newPage();
  page.once('close', () => { context.close().catch(() => {}); });
  return page;
}

// A full-page PNG in the artifacts folder; returns its path.
export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function signIn(page, url, login, password = demoPassword) {
  await page.goto(url);
  await page.locator('[data-test=login]').fill(login);
  await page.locator('[data-test=password]').fill(password);
  await page.locator('[data-test=sign-in]').click();
  await page.locator('[data-test=signed-in-user]').waitFor({ state: 'visible' });
}

// ---------------------------------------------------------------------------------------------
// A session over plain fetch, to compare what the page shows with what the API says.
// get/post resolve to {status, headers, body}: body is parsed JSON when the reply is JSON.
export async function apiSession(url, login, password = demoPassword) {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const session = await readBody(response);
  if (!response.ok) throw new Error(`sign-in as ${login} failed: ${response.status} ${JSON.stringify(session)}`);
  const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('dk_session='));
  if (!setCookie) throw new Error('sign-in set no dk_session cookie');
  const cookie = setCookie.split(';')[0];
  const csrf = session.csrf_token;

  const send = async (method, pathname, body) => {
    const headers = { Cookie: cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const reply = await fetch(url + pathname, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: reply.status, headers: reply.headers, body: await readBody(reply) };
  };
  return {
    cookie,
    csrf,
    session,
    get: (pathname) => send('GET', pathname),
    post: (pathname, body) => send('POST', pathname, body),
  };
}

async function readBody(response) {
  const text = await response.text();
  return /json/.test(response.headers.get('content-type') || '') && text ? JSON.parse(text) : text;
}
