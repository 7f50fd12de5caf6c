// The app's QR decoder reads every code the app draws. The scanner (QrScanDialog.vue) decodes
// camera frames with zxing-wasm; the pure-JavaScript port it replaced read about one check-in
// link in eight not at all, at any size, so that a member at the door could not check in and
// the camera test failed or passed by the luck of the code. Here: 240 door links and members'
// own codes in the app's formats, drawn as the app draws them (qrcode, error correction M,
// margin 2) at the sizes and offsets a phone's camera sees, each must read back exactly.
// No browser and no server: the same packages the web app bundles, from web/node_modules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

const web = createRequire(new URL('../../../web/package.json', import.meta.url));
const QRCode = web('qrcode');
const { prepareZXingModule, readBarcodes } = await import(pathToFileURL(web.resolve('zxing-wasm/reader')).href);

// The .wasm from the package, as the app serves it from its own assets (never a CDN).
const wasm = readFileSync(web.resolve('zxing-wasm/reader/zxing_reader.wasm'));
await prepareZXingModule({
  overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
  fireImmediately: true,
});

// A fixed sequence (a linear congruential generator), so that every run tries the same codes.
function sequence(seed) {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}
const base32 = 'abcdefghijklmnopqrstuvwxyz234567';
const letters = (next, count) => Array.from({ length: count }, () => base32[next(32)]).join('');

/** The texts the app puts in QR codes: a door link (/checkin/{id}?code={step}-{10 letters}) or a member's own code ({person}-{16 letters}). */
function codes(count) {
  const next = sequence(20261204);
  return Array.from({ length: count }, (_, index) => {
    if (index % 4 === 3) return `${1 + next(50_000)}-${letters(next, 16)}`;
    const origin = index % 2 ? `https://congdoan.${['stp', 'sotuphap', 'hatinh'][next(3)]}.gov.vn` : `http://127.0.0.1:${1024 + next(60_000)}`;
    return `${origin}/checkin/${1 + next(100_000)}?code=${14_000_000 + next(2_000_000)}-${letters(next, 10)}`;
  });
}

/**
 * The code as a camera frame: 480×480 RGBA, white around, the symbol `size` pixels wide at the
 * centre moved by (dx, dy). Sizes that are not a whole number of pixels per module give modules
 * of uneven width, as a camera's do.
 */
function frame(text, size, dx, dy) {
  const symbol = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const margin = 2;
  const modules = symbol.size + 2 * margin;
  const side = 480;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  const left = (side - size) / 2 + dx;
  const top = (side - size) / 2 + dy;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const column = Math.floor(((x - left) / size) * modules) - margin;
      const row = Math.floor(((y - top) / size) * modules) - margin;
      if (column < 0 || row < 0 || column >= symbol.size || row >= symbol.size || !symbol.get(row, column)) continue;
      data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return { data, width: side, height: side, colorSpace: 'srgb' };
}

// The poses the camera test films (a hand a little off, nearer or farther) and a far one.
const poses = [[400, 0, 0], [380, 4, -3], [420, -4, 3], [390, 2, 4], [250, -30, 20]];

test('the scanner reads every code the app draws, at every pose', async () => {
  const unread = [];
  const texts = codes(240);
  for (const [index, text] of texts.entries()) {
    const [size, dx, dy] = poses[index % poses.length];
    const [found] = await readBarcodes(frame(text, size, dx, dy), { formats: ['QRCode'], maxNumberOfSymbols: 1 });
    if (found?.text !== text) unread.push(`${text} at ${size}px: ${found ? JSON.stringify(found.text) : 'nothing read'}`);
  }
  assert.deepEqual(unread, [], `${unread.length} of ${texts.length} codes not read back`);
});
