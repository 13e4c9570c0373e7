// The officer's web page in Debian's Chromium: installed once from the verifier (an administrator confirms the
// keys it pins; officer-page-pinning.e2e.test.ts attacks that), then with the
// verifier stopped and the network cut, a fake camera showing a printed certificate and photos
// of certificates are verified on the device — valid, revoked, tampered, unaccredited, expired
// and stale-pack — in Japanese, Filipino, Arabic (right to left) and English.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { combineCertificates, htmlToPdf, htmlToPng, Issuer, IssuerStore, renderCertificateHtml, renderCredentialFiles } from '@corridor/issuer';
import { decodeQrText, encodeQrText, indexTrustPackContent, openTrustPack, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { createVerifierApp, OFFICER_TRUST_FORMAT, type OfficerTrustDocument } from '@corridor/verifier';
import { aimAtQr, grayFromPng, photograph, qrGray, toJpeg, toY4m, type Gray } from './photos.js';
import { launchChromium } from './loopback.js';
import { createWorld, newKey, WORKER, type World } from './world.js';

const DAY = 86_400_000;
const ARTIFACTS = new URL('../../artifacts/', import.meta.url).pathname;

let world: World;
let trust: TrustIndex;
let server: Server;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'corridor-officer-'));
const camera = join(dir, 'camera.y4m');
const requests: string[] = [];
const qr: Record<string, string> = {};

const qrText = (credential: object) => encodeQrText(credential, trust.qrCatalogue ? { catalogue: trust.qrCatalogue } : {});
const showToCamera = (text: string) => writeFileSync(camera, toY4m(photograph(qrGray(text, 4), { width: 640, height: 480, angle: 7, blur: 1 })));
/** The camera held over the QR of a certificate printed by Chromium (a screenshot of the A4 page). */
let printedPage: Gray;

async function result() {
  const panel = page.locator('#result [data-verdict]');
  await panel.waitFor({ timeout: 20_000 });
  return {
    verdict: await panel.getAttribute('data-verdict'),
    codes: await page.locator('#result [data-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-code'))),
    headline: await page.locator('#result .headline').textContent(),
    name: await page.locator('#result [data-field="name"]').count() > 0 ? await page.locator('#result [data-field="name"]').textContent() : null,
  };
}

async function cameraSees(text: string): Promise<Awaited<ReturnType<typeof result>>> {
  showToCamera(text);
  await page.evaluate(() => document.getElementById('result')!.replaceChildren());
  await page.click('#scan');
  return result();
}

async function uploadPhoto(name: string, bytes: Uint8Array): Promise<Awaited<ReturnType<typeof result>>> {
  await page.evaluate(() => document.getElementById('result')!.replaceChildren());
  await page.setInputFiles('#photo', { name, mimeType: name.endsWith('.png') ? 'image/png' : 'image/jpeg', buffer: Buffer.from(bytes) });
  return result();
}

const photoOf = (text: string, angle = -12) => toJpeg(photograph(qrGray(text, 5), { width: 1200, height: 900, angle, scale: 1.3, blur: 1 }), 75);

beforeAll(async () => {
  world = await createWorld();
  const valid = await world.issue();
  const revoked = await world.issue();
  world.issuer.revoke(revoked.id);
  const expiring = await world.issue({ validUntil: new Date(Date.now() + DAY).toISOString() });
  const hostile = await world.issue({ subject: { name: '<img src=x onerror="document.body.dataset.pwned=1">', birthDate: '1990-01-01' } });
  const rogue = new Issuer({ store: new IssuerStore(':memory:'), key: newKey(), name: 'Quick Certificates Inc.', baseUrl: 'https://quick.example' });
  const unaccredited = await rogue.issue({ qualification: world.caregiving, subject: WORKER, assessedAt: '2026-10-01T00:00:00Z', route: 'training' });
  await world.publishStatus();
  const pack = await world.pack('JP');
  const roots = [world.keys.jp.description.controller];
  const { operator, content: value } = await openTrustPack(pack);
  trust = await indexTrustPackContent(value, { roots, operator });
  const officer: OfficerTrustDocument = { format: OFFICER_TRUST_FORMAT, pack, deltas: [], country: 'JP', roots, operator, maxStatusAgeSeconds: 7 * 86400 };

  for (const [name, credential] of Object.entries({ valid, revoked, expiring, hostile, unaccredited })) qr[name] = await qrText(credential);
  const decoded = await decodeQrText(qr.valid!, trust.qrCatalogue ? { catalogue: trust.qrCatalogue } : {}) as unknown as SkillCredential;
  qr.tampered = await qrText({ ...decoded, credentialSubject: { ...decoded.credentialSubject, identifier: [{ ...decoded.credentialSubject.identifier[0], identityHash: '1986-04-12' }] } });

  const certificates = await Promise.all([valid, revoked].map(async (credential) => renderCertificateHtml({
    credential, qualification: world.caregiving, qrSvg: (await renderCredentialFiles(credential, trust.qrCatalogue ? { catalogue: trust.qrCatalogue } : {})).svg,
  })));
  await htmlToPdf(combineCertificates(certificates), join(dir, 'certificates.pdf'));
  await htmlToPng(certificates[0]!, join(dir, 'certificate.png'), { scale: 2 });
  printedPage = grayFromPng(readFileSync(join(dir, 'certificate.png')));

  server = createVerifierApp({ trust: () => trust, country: 'JP', officer: () => officer }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  writeFileSync(camera, toY4m(photograph(aimAtQr(printedPage, 640, 480), { width: 640, height: 480, angle: -4, blur: 1, background: 255 })));
  browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`]);
  context = await browser.newContext({ permissions: ['camera'], locale: 'en-US' });
  context.on('request', (request) => requests.push(request.url()));
  page = await context.newPage();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  world?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the officer page', () => {
  it('loads once, then works with the verifier stopped and the network cut', async () => {
    const response = await page.goto(`${base}/officer/?lang=ja`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // First installation: nothing is trusted until an administrator confirms the offered keys.
    await page.click('#setup-confirm', { timeout: 30_000 });
    await page.waitForSelector(`body[data-trust="JP#${trust.sequence}"]`, { timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');

    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector(`body[data-trust="JP#${trust.sequence}"]`, { timeout: 30_000 });
    expect(await page.locator('#title').textContent()).toBe('技能証明書の確認');
  }, 60_000);

  it('reads a printed certificate through the camera: valid, with the name and birth date to compare, in Japanese', async () => {
    await page.click('#scan');
    const seen = await result();
    expect(seen).toMatchObject({ verdict: 'valid', headline: '有効', name: WORKER.name, codes: [] });
    expect(await page.locator('#result [data-field="birthDate"]').textContent()).toBe(WORKER.birthDate);
    // How the worker was assessed competent (the credential's OB 3.0 Result): training, in Japanese.
    expect(await page.locator('#result [data-field="assessmentRoute"]').textContent()).toBe('訓練修了後の評価');
    expect(await page.locator('#result [data-outcome]').count()).toBe(1);
  }, 60_000);

  it('refuses, through the camera, a revoked, a tampered and an unaccredited certificate, each with its reason', async () => {
    await page.click('#languages button[value="en"]');
    expect(await cameraSees(qr.revoked!)).toMatchObject({ verdict: 'invalid', codes: ['ERR_CREDENTIAL_REVOKED'], headline: 'NOT VALID — do not accept' });
    expect(await cameraSees(qr.tampered!)).toMatchObject({ verdict: 'invalid', codes: ['ERR_SIGNATURE_INVALID'], name: null });
    expect(await cameraSees(qr.unaccredited!)).toMatchObject({ verdict: 'invalid', codes: expect.arrayContaining(['ERR_ISSUER_UNKNOWN']) });
  }, 60_000);

  it('says expired once the device clock passes validUntil, and cannot confirm with a trust list over 7 days old', async () => {
    await page.clock.setFixedTime(new Date(Date.now() + 2 * DAY));
    expect(await cameraSees(qr.expiring!)).toMatchObject({ verdict: 'invalid', codes: ['ERR_CREDENTIAL_EXPIRED'] });
    await page.clock.setFixedTime(new Date(Date.now() + 8 * DAY));
    expect(await cameraSees(qr.valid!)).toMatchObject({ verdict: 'indeterminate', codes: ['ERR_STATUS_STALE'], headline: 'CANNOT CONFIRM — check further' });
    await page.clock.setFixedTime(new Date());
  }, 60_000);

  it('reads photos of certificates, turned and blurred, and says so when a photo has no QR code', async () => {
    expect(await uploadPhoto('valid.jpg', photoOf(qr.valid!, 90))).toMatchObject({ verdict: 'valid', name: WORKER.name });
    expect(await uploadPhoto('revoked.jpg', photoOf(qr.revoked!, 180))).toMatchObject({ verdict: 'invalid', codes: ['ERR_CREDENTIAL_REVOKED'] });
    expect(await uploadPhoto('nothing.jpg', toJpeg(photograph({ width: 10, height: 10, pixels: new Uint8Array(100).fill(128) }, { width: 400, height: 300 }))))
      .toMatchObject({ verdict: 'unreadable', codes: ['ERR_QR_NOT_FOUND'] });
  }, 60_000);

  it('reads a PDF of certificates, a verdict for each page', async () => {
    await page.evaluate(() => document.getElementById('result')!.replaceChildren());
    await page.setInputFiles('#photo', { name: 'certificates.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(dir, 'certificates.pdf')) });
    await page.locator('#result [data-verdict]').nth(1).waitFor({ timeout: 30_000 });
    expect(await page.locator('#result [data-verdict]').evaluateAll((panels) => panels.map((p) => p.getAttribute('data-verdict')))).toEqual(['invalid', 'valid']);
    // A summary first, the page that is not valid before the valid one, and focus on the summary so it is read out.
    expect(await page.locator('#result .page').allTextContents()).toEqual(['Page 2', 'Page 1']);
    expect(await page.locator('#result .summary').getAttribute('data-summary')).toBe('invalid:1 valid:1');
    expect(await page.evaluate(() => document.activeElement?.closest('.summary') !== null)).toBe(true);
    // An office scanner's black-and-white (CCITT G4) PDF, read by pdf.js on the device: its QR is
    // found (a credential of another corridor's world, so not valid here — but not unreadable).
    await page.evaluate(() => document.getElementById('result')!.replaceChildren());
    await page.setInputFiles('#photo', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: readFileSync(new URL('./fixtures/certificate-g4.pdf', import.meta.url)) });
    const scanned = await result();
    expect(scanned.verdict).not.toBe('unreadable');
    expect(scanned.codes).not.toContain('ERR_QR_NOT_FOUND');
  }, 60_000);

  it('speaks Filipino and Arabic, right to left, and shows a hostile name as text', async () => {
    await page.click('#languages button[value="fil"]');
    expect(await uploadPhoto('valid.jpg', photoOf(qr.valid!, 30))).toMatchObject({ verdict: 'valid', headline: 'WASTO' });
    await page.click('#languages button[value="ar"]');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#result .headline').textContent()).toBe('صالحة');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'officer-page-ar.png'), fullPage: true });
    const hostile = await uploadPhoto('hostile.jpg', photoOf(qr.hostile!));
    expect(hostile.name).toBe('<img src=x onerror="document.body.dataset.pwned=1">');
    expect(await page.locator('#result img').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
  }, 90_000);

  it('sent nothing anywhere but the verifier that served it', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(base))).toEqual([]);
  });
});
