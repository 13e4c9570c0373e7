// The officer's page in Chromium, given hostile certificates as a PDF (one QR per page): a
// worker's signed name full of escape codes, bidi overrides and line breaks is shown as inert
// text under the real verdict (valid, then revoked), and a QR whose uncompressed CBOR-LD carries
// a `__proto__` key (lending an unsigned "valid until 2031") is refused as ERR_QR_INVALID.
// Then the files built to stall a QR reader (stall-files.ts), chosen as an officer would: the
// 24 KB PDF painting one picture 600 times, a PDF whose page inflates to 200 MB, PNGs of 36 and
// 40 megapixels of finder patterns or a checkerboard, 23 megapixels just within the pixel budget,
// and 200 pages of look-alikes. Each ends within the file's time budget with the page saying it
// cannot read the file, and why (a coded reason); a real certificate still reads VALID afterwards.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { renderCredentialFiles } from '@corridor/issuer';
import { encodeQrText, indexTrustPackContent, MAX_FILE_READ_MS, openTrustPack, type SkillCredential } from '@corridor/shared';
import { createVerifierApp, type OfficerTrustDocument } from '@corridor/verifier';
import { cborJson, cborldFrame, HOSTILE_NAME, qrPagesPdf, qrTextOf, resign } from './hostile.js';
import { installOfficerPage, launchChromium, listenOnLoopback, type Listening } from './loopback.js';
import { CHECKER, finderTile, inflationBombPdf, lookAlikePagesPdf, repaintingPdf, rleBitmap, tiledPng } from './stall-files.js';
import { createWorld, type World } from './world.js';

let world: World;
let service: Listening;
let browser: Browser;
let page: Page;
let pdf: Uint8Array;
let certificatePng: Uint8Array;

beforeAll(async () => {
  world = await createWorld();
  const plain = await world.issue();
  const toRevoke = await world.issue();
  world.issuer.revoke(toRevoke.id);
  const fresh = await world.issue();
  const named = (c: SkillCredential) => ({ ...c, credentialSubject: { ...c.credentialSubject, name: HOSTILE_NAME } });
  const hostileValid = await resign(fresh, world.keys.centre, named);
  const hostileRevoked = await resign(toRevoke, world.keys.centre, named);
  await world.publishStatus();
  const roots = [world.keys.jp.description.controller];
  const pack = await world.pack('JP');
  const { operator, content } = await openTrustPack(pack);
  const trust = await indexTrustPackContent(content, { roots, operator });
  const officer: OfficerTrustDocument = { format: 'corridor-officer-trust/2', pack, deltas: [], country: 'JP', roots, operator, maxStatusAgeSeconds: 7 * 86400 };
  const withProto = JSON.parse(JSON.stringify(plain).replace(/^\{/, '{"__proto__":{"validUntil":"2031-12-31T00:00:00Z"},')) as object;
  pdf = qrPagesPdf([
    await encodeQrText(hostileValid, { catalogue: trust.qrCatalogue! }),
    await encodeQrText(hostileRevoked, { catalogue: trust.qrCatalogue! }),
    qrTextOf(cborldFrame(cborJson(0), cborJson(withProto))),
  ]);
  certificatePng = (await renderCredentialFiles(plain, { catalogue: trust.qrCatalogue! })).png;

  service = await listenOnLoopback(createVerifierApp({ trust: () => trust, country: 'JP', officer: () => officer }));
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  // First installation: an administrator confirms the offered keys before anything is verified.
  await installOfficerPage(page, `${service.base}/officer/?lang=en`, 'JP', trust.sequence);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
  world?.close();
});

describe('the officer page and hostile certificates', () => {
  it('a hostile name is inert text under the real verdict; a __proto__ QR is refused', async () => {
    await page.setInputFiles('#photo', { name: 'hostile.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    const panels = page.locator('#result [data-verdict]');
    await panels.nth(2).waitFor({ timeout: 30_000 });
    // The pages that are not valid come first, under the count of each verdict.
    expect(await panels.evaluateAll((all) => all.map((p) => p.getAttribute('data-verdict')))).toEqual(['invalid', 'unreadable', 'valid']);
    expect(await page.locator('#result .summary').getAttribute('data-summary')).toBe('invalid:1 unreadable:1 valid:1');
    expect(await page.locator('#result [data-verdict] .headline').allTextContents()).toEqual(['NOT VALID — do not accept', expect.any(String), 'VALID']);
    // The name, exactly as signed, as the text of one element: no markup, no reordering outside it.
    const names = page.locator('#result [data-field="name"]');
    expect(await names.count()).toBe(2);
    for (const name of await names.all()) {
      expect(await name.textContent()).toBe(HOSTILE_NAME);
      expect(await name.evaluate((dd) => [...dd.querySelectorAll('*')].map((e) => `${e.tagName}:${e.getAttribute('dir')}`))).toEqual(['BDI:auto']);
    }
    expect(await panels.nth(0).locator('[data-code]').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(['ERR_CREDENTIAL_REVOKED']);
    expect(await panels.nth(1).locator('[data-code]').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(['ERR_QR_INVALID']);
    expect(await page.locator('#result').textContent()).not.toContain('2031');
  }, 90_000);
});

/** Within the file's time budget; a render or read under way at the deadline may finish first. */
const WITHIN_BUDGET_MS = MAX_FILE_READ_MS + 10_000;

/** The officer chooses `bytes` as a file: the verdict shown and its reasons' codes, shown within the budget. */
async function choose(name: string, bytes: Uint8Array): Promise<{ verdict: string | null; codes: (string | null)[] }> {
  await page.evaluate(() => document.getElementById('result')!.replaceChildren());
  const mimeType = ({ pdf: 'application/pdf', bmp: 'image/bmp' } as Record<string, string>)[name.slice(-3)] ?? 'image/png';
  const started = Date.now();
  await page.setInputFiles('#photo', { name, mimeType, buffer: Buffer.from(bytes) });
  const panel = page.locator('#result [data-verdict]').first();
  await panel.waitFor({ timeout: WITHIN_BUDGET_MS });
  expect(Date.now() - started).toBeLessThan(WITHIN_BUDGET_MS);
  return { verdict: await panel.getAttribute('data-verdict'), codes: await panel.locator('[data-code]').evaluateAll((items) => items.map((i) => i.getAttribute('data-code'))) };
}

describe('the officer page and files built to stall its reader', () => {
  it('a 24 KB PDF painting one picture 600 times: refused from its operator list', async () => {
    expect(await choose('repainted.pdf', repaintingPdf(600))).toEqual({ verdict: 'unreadable', codes: ['ERR_PAYLOAD_TOO_LARGE'] });
  }, 60_000);

  it('a PDF under 400 KB whose page inflates to 200 MB: refused before pdf.js is given it', async () => {
    const bomb = inflationBombPdf(200);
    expect(bomb.length).toBeLessThan(400_000);
    expect(await choose('bomb.pdf', bomb)).toEqual({ verdict: 'unreadable', codes: ['ERR_PAYLOAD_TOO_LARGE'] });
  }, 60_000);

  it('PNGs of 36 and 40 megapixels and a BMP of 400 refused from their header, before the browser decodes them; 23 megapixels read, nothing found', async () => {
    const cases = [
      ['finders-36mp.png', () => tiledPng(6000, 6000, finderTile(1)), 'ERR_PAYLOAD_TOO_LARGE'],
      ['finders-40mp.png', () => tiledPng(6400, 6250, finderTile(1)), 'ERR_PAYLOAD_TOO_LARGE'],
      ['checker-40mp.png', () => tiledPng(6400, 6250, CHECKER), 'ERR_PAYLOAD_TOO_LARGE'],
      ['finders-23mp.png', () => tiledPng(4800, 4800, finderTile(1)), 'ERR_QR_NOT_FOUND'],
      ['checker-23mp.png', () => tiledPng(4800, 4800, CHECKER), 'ERR_QR_NOT_FOUND'],
      // The browser decodes BMP (and GIF, WebP) itself: 1 KB declaring 400 MP, refused from its header.
      ['rle-400mp.bmp', () => rleBitmap(20_000, 20_000), 'ERR_PAYLOAD_TOO_LARGE'],
    ] as const;
    for (const [name, png, code] of cases) expect({ name, ...await choose(name, png()) }).toEqual({ name, verdict: 'unreadable', codes: [code] });
  }, 180_000);

  it('200 pages of look-alikes: the time budget ends it with a coded reason', async () => {
    expect(await choose('look-alikes.pdf', lookAlikePagesPdf(200))).toEqual({ verdict: 'unreadable', codes: ['ERR_PAYLOAD_TOO_LARGE'] });
  }, 120_000);

  it('afterwards, a real certificate still reads VALID', async () => {
    expect(await choose('certificate.png', certificatePng)).toEqual({ verdict: 'valid', codes: [] });
  }, 60_000);
});
