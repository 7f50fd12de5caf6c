// What the funds specs share (not a spec itself: CTest runs only *.spec.mjs): the demo app with
// the officers' and a member's API sessions, the demo's funds, money as the app writes it, and
// the API calls that take an Idempotency-Key.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { apiSession, launchBrowser, startApp } from '../support/harness.mjs';

export const phone = { width: 360, height: 740 };

/** 2800000 → "2.800.000 đ", as the app writes money. */
export const dong = (amount) => `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
/** "Nguyễn Văn An" → "NGUYEN VAN AN", as a bank transfer note writes it. */
export const plain = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase();

/**
 * A fresh demo app and a browser; the chair (chutichcd), the treasurer (thuquy), the
 * administrator (quantri) and a member (doanvien) signed in over the API; a folder for files;
 * the open study campaign the chair keeps, the flood campaign and a standing fund the chair keeps.
 */
export async function startFunds(name) {
  const app = await startApp();
  const browser = await launchBrowser();
  const [chair, treasurer, admin, member] = await Promise.all(
    ['chutichcd', 'thuquy', 'quantri', 'doanvien'].map((login) => apiSession(app.url, login)));
  const folder = mkdtempSync(path.join(tmpdir(), `doanket-e2e-${name}-`));
  const funds = await chair.get('/api/v1/funds');
  assert.equal(funds.status, 200, JSON.stringify(funds.body));
  // The open study campaign, with members' pledges; the flood campaign, closed, whose payment
  // awaits the chair's approval; the trade union's welfare fund.
  const study = funds.body.items.find((f) => f.status === 'open' && f.kind === 'campaign' && /khuyến học/i.test(f.name));
  const flood = funds.body.items.find((f) => /lũ lụt/i.test(f.name));
  const welfare = funds.body.items.find((f) => f.kind === 'standing' && f.manageable);
  assert.ok(study?.manageable, 'the demo has an open study campaign the chair keeps');
  assert.ok(flood, 'the demo has the flood campaign');
  assert.ok(welfare, 'the chair keeps a standing fund');

  /** A POST that takes an Idempotency-Key (pledges, donations); resolves to the created object. */
  const postOnce = async (session, pathname, body) => {
    const reply = await fetch(`${app.url}${pathname}`, {
      method: 'POST',
      headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    const text = await reply.text();
    assert.equal(reply.status, 201, text);
    return JSON.parse(text);
  };
  return {
    app, browser, chair, treasurer, admin, member, folder, study, flood, welfare, postOnce,
    /** The fund as the chair reads it over the API. */
    fundOverApi: async (id) => {
      const reply = await chair.get(`/api/v1/funds/${id}`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body;
    },
    entriesOverApi: async (id) => (await chair.get(`/api/v1/funds/${id}/entries`)).body.items,
    /** A cash donation over the API, as the treasurer records one. */
    donateOverApi: (session, fundId, amount, payer, more = {}) =>
      postOnce(session, `/api/v1/funds/${fundId}/donations`, { amount, method: 'cash', payer, anonymous: false, ...more }),
    stop: async () => {
      await browser.close();
      await app.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
