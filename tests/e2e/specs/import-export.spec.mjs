// Member lists in and out as offices keep them: a CSV with a bad row, and the list as XLSX and CSV.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { apiSession, launchBrowser, newPage, screenshot, signIn, startApp } from '../support/harness.mjs';
import { apiNames, byTest, open, until } from './ui.mjs';

// Line 1 is the header; line 3 holds a day that does not exist.
const memberList = [
  'STT,Họ và tên,Ngày sinh,Giới tính,Đơn vị,Số điện thoại',
  '1,Nguyễn Văn Nhập Một,12/04/1988,Nam,Văn phòng Sở,0912000001',
  '2,Trần Thị Nhập Hai,31/02/1990,Nữ,Thanh tra Sở,0912000002',
  '3,Lê Văn Nhập Ba,01/01/1995,Nam,Thanh tra Sở,0912000003',
].join('\r\n') + '\r\n';

describe('import and export', () => {
  let app;
  let browser;
  let admin;
  let folder;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    admin = await apiSession(app.url, 'quantri');
    folder = mkdtempSync(path.join(tmpdir(), 'doanket-e2e-files-'));
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('a list with a bad row: the preview names the line and the reason and writes nothing; valid rows only imports the rest', async () => {
    const file = path.join(folder, 'danh-sach.csv');
    writeFileSync(file, memberList);
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/import');
    await byTest(page, 'import-file').setInputFiles(file);

    const preview = byTest(page, 'import-preview');
    await preview.waitFor();
    const problems = await byTest(page, 'import-problems').innerText();
    assert.match(problems, /\b3\b/, 'the bad line is named');
    assert.match(problems, /Ngày sinh/, 'the bad column is named');
    assert.match(problems, /31\/02\/1990/, 'the reason quotes the value');
    assert.equal(await byTest(page, 'import-all').isDisabled(), true, '"import all" waits for a clean file');
    await screenshot(page, 'import-preview');
    assert.deepEqual(await apiNames(admin, 'search=nhap'), [], 'a preview writes nothing');

    await byTest(page, 'import-valid').click();
    const result = byTest(page, 'import-result');
    await result.waitFor();
    assert.match(await byTest(page, 'import-written').innerText(), /Đã ghi/);
    assert.match(await byTest(page, 'import-count-people-created').innerText(), /\b2\b/);
    const imported = await apiNames(admin, 'search=nhap');
    assert.deepEqual(imported.sort(), ['Lê Văn Nhập Ba', 'Nguyễn Văn Nhập Một'].sort());
    await page.close();
  });

  test('a file that is not a member list is refused with a message', async () => {
    const file = path.join(folder, 'not-a-list.csv');
    writeFileSync(file, 'a;b;c\r\n1;2;3\r\n');
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/import');
    await byTest(page, 'import-file').setInputFiles(file);
    await until(async () => (await byTest(page, 'import-error').count()) > 0 || (await byTest(page, 'import-preview').count()) > 0,
      'the check answers');
    // Either the server cannot read it at all (a message) or every row is bad (nothing to import).
    if (await byTest(page, 'import-preview').count()) {
      assert.equal(await byTest(page, 'import-all').isDisabled(), true);
    } else {
      assert.ok((await byTest(page, 'import-error').innerText()).length > 0);
    }
    await page.close();
  });

  test('the list downloads as XLSX and as CSV, with its filters and a file name', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'quantri');
    await open(page, app.url, '/people?search=duc');
    await byTest(page, 'person-link').first().waitFor();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), byTest(page, 'export-xlsx').click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    const xlsxBytes = readFileSync(await xlsx.path());
    assert.equal(xlsxBytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip file');

    const [csv] = await Promise.all([page.waitForEvent('download'), byTest(page, 'export-csv').click()]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    const expected = await apiNames(admin, 'search=duc&membership=current'); // as the page lists them
    for (const name of expected) assert.ok(text.includes(name), `the CSV lists ${name}`);
    // The search filtered the file too: nobody without Đức in their name.
    const rows = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
    assert.equal(rows.length, expected.length);
    await page.close();
  });
});
