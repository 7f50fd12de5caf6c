// What a screen reader, the browser's tabs and history need, in Vietnamese and in English: every
// page titled by what it shows ("Quỹ & vận động · Đoàn Kết"), and the title follows a change of
// language; every button, switch, box and field named; no two buttons of a page with one name
// (three clubs are not three times "Tham gia"); each chart an image named by its numbers, with a
// table of them for screen readers where the page shows none. Among the pages: the contests with
// the section of those open to the user, and an attempt under way (a question, and the last step
// with the prediction and the submission); a contest's page with a closed round's certificates and
// the card that sends it down, the card that takes results from below (refusing a file), and a copy
// of it with the card that sends its results up; the dialog that imports a contest from above
// refusing a file. Screenshots (Vietnamese and English, desktop): the
// clubs, the dashboard.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { agencyYear, apiSession, apiTime, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { byTest, open, settled, until } from './ui.mjs';

/** 2800000 → "2.800.000 đ", as the app writes money in both languages. */
const dong = (amount) => `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;

/** Pages and their titles, Vietnamese and English. */
const titled = [
  ['/dashboard', 'Tổng quan', 'Dashboard'],
  ['/directives', 'Văn bản, quán triệt', 'Directives to study'],
  ['/notifications', 'Thông báo', 'Notifications'],
  ['/polls', 'Khảo sát, lấy ý kiến', 'Polls and surveys'],
  ['/news', 'Tin tức', 'News'],
  ['/news/bulletins', 'Bản tin', 'Bulletins'],
  ['/contests', 'Cuộc thi', 'Contests'],
  ['/me', 'Trang của tôi', 'My page'],
  ['/activities', 'Hoạt động', 'Activities'],
  ['/activities/new', 'Thêm hoạt động', 'Add an activity'],
  ['/plans', 'Kế hoạch năm', 'Year plans'],
  ['/clubs', 'Câu lạc bộ', 'Clubs'],
  ['/funds', 'Quỹ & vận động', 'Funds & campaigns'],
  ['/funds/approvals', 'Duyệt chi', 'Approvals'],
  ['/funds/bank-statements', 'Sao kê ngân hàng', 'Bank statements'],
  ['/funds/report', 'Báo cáo năm', 'Year report'],
  ['/organizations', 'Tổ chức', 'Organizations'],
  ['/people', 'Thành viên', 'People'],
  ['/people/new', 'Thêm thành viên', 'Add member'],
  ['/import', 'Nhập danh sách thành viên', 'Import a member list'],
  ['/agency', 'Cơ quan & phòng ban', 'Agency & departments'],
  ['/accounts', 'Tài khoản người dùng', 'User accounts'],
  ['/account', 'Tài khoản', 'Account'],
  ['/my-code', 'Mã của tôi', 'My code'],
  ['/no-such-page', 'Không tìm thấy', 'Not found'],
];

// The roles a person operates; in Playwright's aria snapshot a named one reads `- button "Lưu"`,
// a nameless one `- button`, `- button [disabled]`, `- switch:` or `- textbox: its value`.
const operated = ['button', 'switch', 'checkbox', 'radio', 'textbox', 'combobox', 'spinbutton', 'slider', 'searchbox', 'link', 'tab'];
const nameless = new RegExp(`^- (${operated.join('|')})(:| \\[|$)`);

/** The lines of the aria snapshot of `locator` that are controls without a name. */
async function namelessControls(locator) {
  return (await locator.ariaSnapshot()).split('\n').map((line) => line.trim()).filter((line) => nameless.test(line));
}

/** The names of the buttons on the page's main area that some other button there has too. */
async function repeatedButtonNames(page) {
  const names = [...(await page.locator('#main').ariaSnapshot()).matchAll(/^\s*- button "((?:[^"\\]|\\.)*)"/gm)].map((match) => match[1]);
  return [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
}

/** Waits until the page has its data (no request in flight, no spinner). */
async function loaded(page) {
  await page.waitForLoadState('networkidle');
  await until(async () => (await page.locator('.el-loading-mask:visible').count()) === 0, 'the page has loaded');
}

describe('accessibility', () => {
  let app;
  let browser;
  let admin;
  let post;
  let contest;
  let attempt;
  /** The contest imported again as the agency's copy: its page sends the results up. */
  let copy;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    admin = await apiSession(app.url, 'quantri');
    // A post as its managers see it: the editing buttons, the photos' upload, the comment box.
    const published = await admin.post('/api/v1/news', { kind: 'article', title: 'Hội thao mùa xuân', body: 'Nội dung', notify: false });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    post = published.body;
    // A contest of the agency's with a bank: its page shows the topics' table and the import.
    const created = await admin.post('/api/v1/contests', { title: 'Tìm hiểu Luật Cán bộ, công chức', prediction_question: 'Bao nhiêu người đạt điểm tối đa?' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    contest = created.body;
    const bank = 'Câu hỏi,Phương án A,Phương án B,Phương án C,Đáp án,Chủ đề\nCông chức được tuyển dụng qua hình thức nào?,Thi tuyển,Xét tuyển,Cả hai,C,Tuyển dụng\n';
    const imported = await fetch(`${app.url}/api/v1/contests/${contest.id}/bank?mode=append&filename=bank.csv`, {
      method: 'POST',
      headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/octet-stream' },
      body: bank,
    });
    assert.equal(imported.status, 200, await imported.text());
    // A round open now, and an attempt of the administrator's at it (the contest is the agency's:
    // everyone may enter): /contests lists it under the contests for them, with "Làm tiếp".
    const added = await admin.post(`/api/v1/contests/${contest.id}/rounds`, {
      title: 'Vòng 1', opens_at: apiTime(-60), closes_at: apiTime(24 * 60), time_limit_minutes: 60, attempts_allowed: 1,
      counted: 'best', shuffle_options: true, results_shown: 'at_close', quotas: { 'Tuyển dụng': 1 },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const started = await admin.post(`/api/v1/contests/${contest.id}/rounds/${added.body.rounds[0].id}/attempts`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    attempt = started.body;
    // A round that closed yesterday: its page offers the round's certificates.
    const closed = await admin.post(`/api/v1/contests/${contest.id}/rounds`, {
      title: 'Vòng thử', opens_at: apiTime(-3 * 24 * 60), closes_at: apiTime(-24 * 60), time_limit_minutes: 60, attempts_allowed: 1,
      counted: 'best', shuffle_options: true, results_shown: 'at_close', quotas: { 'Tuyển dụng': 1 },
    });
    assert.equal(closed.status, 201, JSON.stringify(closed.body));
    // Its contest file imported as the agency's own copy, whose results went back up to it: the
    // copy's page offers the results file, the contest's lists the organizations below.
    const upload = async (path, body) => fetch(`${app.url}/api/v1${path}`, {
      method: 'POST',
      headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/json' },
      body,
    });
    const contestFile = await (await fetch(`${app.url}/api/v1/contests/${contest.id}/file`, { headers: { Cookie: admin.cookie } })).text();
    const copied = await upload('/contest-files', contestFile);
    assert.equal(copied.status, 201, await copied.clone().text());
    copy = await copied.json();
    const resultsFile = await (await fetch(`${app.url}/api/v1/contests/${copy.id}/results-file`, { headers: { Cookie: admin.cookie } })).text();
    const reported = await upload(`/contests/${contest.id}/results-file`, resultsFile);
    assert.equal(reported.status, 200, await reported.text());
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** A desktop page signed in as `login`, in `language`. */
  async function signedIn(login, language = 'vi') {
    const page = await newPage(browser);
    // The first load only: a language chosen later on the page stays chosen.
    await page.addInitScript((chosen) => localStorage.getItem('doanket.language') || localStorage.setItem('doanket.language', chosen), language);
    await signIn(page, app.url, login);
    return page;
  }

  test('every page is titled by what it shows, in Vietnamese and in English, and the title follows the language', async () => {
    const signInPage = await newPage(browser);
    await signInPage.goto(`${app.url}/signin`);
    await until(async () => (await signInPage.title()) === 'Đăng nhập · Đoàn Kết', 'the sign-in page is titled');
    await signInPage.close();

    for (const [language, column] of [['vi', 1], ['en', 2]]) {
      const page = await signedIn('quantri', language);
      for (const row of titled) {
        await open(page, app.url, row[0]);
        const expected = `${row[column]} · Đoàn Kết`;
        await until(async () => (await page.title()) === expected, `${row[0]} is titled “${expected}” (${await page.title()})`);
      }
      await page.close();
    }

    // A page that shows one record is named by it.
    const funds = (await admin.get('/api/v1/funds')).body.items;
    const fund = funds.find((f) => f.status === 'open');
    const clubs = (await admin.get('/api/v1/clubs')).body.items;
    const person = (await admin.get('/api/v1/people?limit=1')).body.items[0];
    const page = await signedIn('quantri');
    const records = [
      [`/funds/${fund.id}`, `${fund.name} – Quỹ & vận động`, `${fund.name} – Funds & campaigns`],
      [`/funds/${fund.id}/statement`, `Sao kê công khai – ${fund.name}`, `Public statement – ${fund.name}`],
      [`/clubs/${clubs[0].id}`, `${clubs[0].name} – Câu lạc bộ`, `${clubs[0].name} – Clubs`],
      [`/people/${person.id}`, `${person.full_name} – Hồ sơ thành viên`, `${person.full_name} – Member record`],
      [`/news/${post.id}`, `${post.title} – Tin tức`, `${post.title} – News`],
      [`/contests/${contest.id}`, `${contest.title} – Cuộc thi`, `${contest.title} – Contests`],
      [`/contests/attempts/${attempt.id}`, `${attempt.round_title} – ${contest.title}`, `${attempt.round_title} – ${contest.title}`],
    ];
    for (const [path, vi] of records) {
      await open(page, app.url, path);
      await until(async () => (await page.title()) === `${vi} · Đoàn Kết`, `${path} is titled “${vi} · Đoàn Kết” (${await page.title()})`);
    }
    // Switching the language renames the page at once, without reloading it.
    await open(page, app.url, '/funds');
    await until(async () => (await page.title()) === 'Quỹ & vận động · Đoàn Kết', 'the funds page in Vietnamese');
    await byTest(page, 'language-en').click();
    await until(async () => (await page.title()) === 'Funds & campaigns · Đoàn Kết', 'the funds page is renamed in English');
    const [path, , en] = records[0];
    await open(page, app.url, path);
    await until(async () => (await page.title()) === `${en} · Đoàn Kết`, `${path} in English (${await page.title()})`);
    await byTest(page, 'language-vi').click();
    await until(async () => (await page.title()) === `${records[0][1]} · Đoàn Kết`, `${path} back in Vietnamese`);
    await page.close();
  });

  test('every button, switch, box and field has a name, on every page and in the donation and contest dialogs', async () => {
    const funds = (await admin.get('/api/v1/funds')).body.items;
    const open_ = funds.find((f) => f.status === 'open' && f.manageable);
    const clubs = (await admin.get('/api/v1/clubs')).body.items;
    const person = (await admin.get('/api/v1/people?limit=1')).body.items[0];
    const paths = [
      ...titled.map((row) => row[0]),
      `/funds/${open_.id}`, `/funds/${open_.id}/statement`, `/clubs/${clubs[0].id}`, `/people/${person.id}`, `/people/${person.id}/edit`,
      `/news/${post.id}`, `/contests/${contest.id}`, `/contests/attempts/${attempt.id}`, `/contests/attempts/${attempt.id}?q=end`,
      `/contests/${copy.id}`,
    ];
    for (const language of ['vi', 'en']) {
      const page = await signedIn('quantri', language);
      const found = [];
      for (const path of paths) {
        await open(page, app.url, path);
        await loaded(page);
        for (const line of await namelessControls(page.locator('body'))) found.push(`${path}: ${line}`);
      }
      // The calendar link, once made, is a field with a name too.
      await open(page, app.url, '/account');
      await byTest(page, 'feed-create').click();
      await byTest(page, 'feed-url').waitFor();
      for (const line of await namelessControls(page.locator('#main'))) found.push(`/account, a link made: ${line}`);
      // A contest's bank checked from a file with a bad row: the report, its problems, its buttons.
      await open(page, app.url, `/contests/${contest.id}`);
      await byTest(page, 'contest-bank-file').setInputFiles({
        name: 'bank.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Câu hỏi,Phương án A,Phương án B,Đáp án,Chủ đề\n,Có,Không,A,Tuyển dụng\n'),
      });
      await byTest(page, 'contest-bank-check').click();
      await byTest(page, 'contest-bank-problem').first().waitFor();
      for (const line of await namelessControls(page.locator('#main'))) found.push(`/contests/${contest.id}, a file checked: ${line}`);
      // The dialog that creates a contest: who runs it, its title, its words.
      await open(page, app.url, '/contests');
      await byTest(page, 'contest-create').click();
      const contestDialog = byTest(page, 'contest-form-dialog');
      await contestDialog.waitFor();
      await settled(page);
      for (const line of await namelessControls(contestDialog)) found.push(`the contest dialog: ${line}`);
      // The dialog that adds a round: its times, its rules, a quota per topic.
      await open(page, app.url, `/contests/${contest.id}`);
      await byTest(page, 'round-add').click();
      const roundDialog = byTest(page, 'round-form-dialog');
      await roundDialog.waitFor();
      await settled(page);
      for (const line of await namelessControls(roundDialog)) found.push(`the round dialog: ${line}`);
      // The dialog that imports a contest from above, refusing a file cut short beside its field.
      await open(page, app.url, '/contests');
      await byTest(page, 'contest-file-import').click();
      const fileDialog = byTest(page, 'contest-file-dialog');
      await fileDialog.waitFor();
      await settled(page);
      await byTest(page, 'contest-file-input').setInputFiles({ name: 'cuoc-thi.doanket-contest.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "doanket-contest/1",') });
      await byTest(page, 'contest-file-save').click();
      await byTest(page, 'contest-file-error').waitFor();
      for (const line of await namelessControls(fileDialog)) found.push(`the contest file dialog: ${line}`);
      // The card that takes results from below, refusing a file cut short beside its field.
      await open(page, app.url, `/contests/${contest.id}`);
      const resultsCard = byTest(page, 'contest-results-in');
      await byTest(page, 'participation-below').waitFor();
      await byTest(page, 'contest-results-file').setInputFiles({ name: 'ket-qua.doanket-results.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "doanket-contest-results/1",') });
      await byTest(page, 'contest-results-import').click();
      await byTest(page, 'contest-results-error').waitFor();
      for (const line of await namelessControls(resultsCard)) found.push(`the results card: ${line}`);
      assert.equal(await resultsCard.getByRole('button', { name: language === 'vi' ? /^Tệp kết quả \(\.json\)/ : /^Results file \(\.json\)/ }).count(), 1, 'the results file is named');
      assert.equal(await resultsCard.getByRole('alert').count(), 1, 'the problem is an alert');
      // The dialog that records a gift has the anonymous switch.
      await open(page, app.url, `/funds/${open_.id}`);
      await byTest(page, 'fund-record-donation').click();
      const dialog = page.locator('.el-dialog:visible');
      await dialog.waitFor();
      await settled(page);
      for (const line of await namelessControls(dialog)) found.push(`the donation dialog: ${line}`);
      assert.deepEqual(found, [], `${language}: controls without a name`);
      assert.ok(await dialog.getByRole('switch', { name: language === 'vi' ? 'Ẩn danh' : 'Anonymous', exact: false }).count(), 'the anonymous switch is named');
      await page.close();
    }
  });

  test('no two buttons of a page have one name: each club\'s “Tham gia” names its club', async () => {
    const clubs = (await admin.get('/api/v1/clubs')).body.items;
    const funds = (await admin.get('/api/v1/funds')).body.items;
    const closed = funds.find((f) => f.status === 'closed' && f.manageable);
    const paths = [
      '/clubs', '/plans', `/clubs/${clubs[0].id}`, `/funds/${closed.id}`, '/organizations', '/agency', '/accounts', '/contests', `/contests/${contest.id}`,
      `/contests/attempts/${attempt.id}`, `/contests/attempts/${attempt.id}?q=end`, `/contests/${copy.id}`,
    ];
    for (const language of ['vi', 'en']) {
      const page = await signedIn('quantri', language);
      await open(page, app.url, '/clubs');
      await loaded(page);
      for (const club of clubs.filter((c) => !c.member)) {
        const name = language === 'vi' ? `Tham gia ${club.name}` : `Join ${club.name}`;
        assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, `one button “${name}”`);
      }
      await screenshot(page, `a11y-clubs-${language}`);
      for (const path of paths) {
        await open(page, app.url, path);
        await loaded(page);
        assert.deepEqual(await repeatedButtonNames(page), [], `${language} ${path}: buttons that share a name`);
      }
      await page.close();
    }
  });

  test('each chart is an image named by its numbers, with a table of them where the page shows none', async () => {
    const dashboard = (await admin.get('/api/v1/dashboard')).body;
    for (const language of ['vi', 'en']) {
      const page = await signedIn('lanhdao', language);
      await open(page, app.url, '/dashboard');
      await loaded(page);
      const members = language === 'vi' ? 'Thành viên' : 'Members';
      // Members per organization: the image's name reads each organization's count, and the
      // hidden table holds the same rows.
      const organizations = byTest(page, 'chart-organizations');
      const image = organizations.getByRole('img', { name: language === 'vi' ? /^Thành viên theo tổ chức\. / : /^Members per organization\. / });
      const name = await image.getAttribute('aria-label');
      for (const o of dashboard.organizations) assert.ok(name.includes(`${o.name}: ${o.members}`), `“${name}” reads ${o.name}: ${o.members}`);
      const table = organizations.getByRole('table');
      assert.equal(await table.locator('caption').innerText(), language === 'vi' ? 'Thành viên theo tổ chức' : 'Members per organization');
      assert.equal(await table.locator('thead th').last().innerText(), members);
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())));
      assert.deepEqual(rows, dashboard.organizations.map((o) => [o.name, String(o.members)]));
      // Inside a 1 px box that hides what overflows it: for screen readers only.
      const frame = await table.evaluate((element) => {
        const box = element.parentElement.getBoundingClientRect();
        return { width: box.width, height: box.height, overflow: getComputedStyle(element.parentElement).overflow };
      });
      assert.deepEqual(frame, { width: 1, height: 1, overflow: 'hidden' }, 'the table is for screen readers only');
      // By kind and by department: named by their numbers, each with its table.
      const kinds = await byTest(page, 'chart-kinds').getByRole('img').getAttribute('aria-label');
      for (const k of dashboard.kinds) assert.match(kinds, new RegExp(`: ${k.members}(;|$)`));
      const units = await byTest(page, 'chart-units').getByRole('img').getAttribute('aria-label');
      for (const u of dashboard.units.filter((unit) => unit.id !== null)) assert.ok(units.includes(`${u.name}: ${u.members}`), `“${units}” reads ${u.name}`);
      assert.equal(await byTest(page, 'chart-units').locator('table tbody tr').count(), dashboard.units.length);
      await screenshot(page, `a11y-dashboard-${language}`);

      // A year plan: its table shows the numbers already; the chart's name reads the same ones.
      await open(page, app.url, '/plans');
      const plan = byTest(page, 'plan').first();
      await plan.locator('[data-test="plan-kind"]').first().waitFor();
      const headers = await plan.locator('[data-test="plan-kinds"] thead th').allInnerTexts();
      const chart = await plan.locator('[data-test="plan-chart"]').getByRole('img').getAttribute('aria-label');
      for (const row of await plan.locator('[data-test="plan-kind"]').all()) {
        const cells = [await row.locator('th').innerText(), ...(await row.locator('td').allInnerTexts())];
        const words = `${cells[0]}: ${headers.slice(1).map((header, i) => `${header} ${cells[i + 1]}`).join(', ')}`;
        assert.ok(chart.includes(words), `“${chart}” reads “${words}”`);
      }
      assert.equal(await plan.locator('[data-test="plan-chart"] table').count(), 0, 'no hidden table beside the visible one');
      await page.close();
    }

    // The funds' year: each fund's money in and out in the chart's name.
    const year = agencyYear();
    const report = (await admin.get(`/api/v1/funds/report?year=${year}`)).body;
    assert.ok(report.by_fund.length, 'the demo gave to some fund this year');
    const page = await signedIn('lanhdao');
    await open(page, app.url, `/funds/report?year=${year}`);
    await loaded(page);
    const name = await byTest(page, 'fund-report-chart').getByRole('img').getAttribute('aria-label');
    assert.match(name, /^Số tiền đã nhận theo quỹ\. /);
    for (const f of report.by_fund) {
      assert.ok(name.includes(`${f.name}: Tổng đã nhận ${dong(f.received)}, Tổng đã chi ${dong(f.disbursed)}`), `“${name}” reads ${f.name}`);
    }
    await page.close();
  });
});
