// The officer's page believes nothing a response says about whom to trust. An administrator pins
// the roots, the registry operator, the country and the freshness policy at installation; then a
// man in the middle (a loopback proxy in front of the verifier, answering /officer/trust.json
// itself) offers: (a) other roots, under which a forged "Registered Nurse" is green; (b) a pack
// signed by a stranger that brings back the status list from before a revocation; (c) an older
// pack, genuinely signed, from before that revocation; (d) an unsigned v1 document. Each is
// refused with a code, nothing green comes of it, and offline the device still holds the good list.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accreditationRecord, trustPackDelta } from '@corridor/registry';
import {
  addSignature, encodeQrText, jpCareWorkerQualification, openTrustPack, phCaregivingQualification, phJpCareMapping, signJson, signRecord,
  type MappingRecord, type QualificationRecord, type SignedTrustPack, type SkillCredential,
} from '@corridor/shared';
import {
  anchorsDigest, anchorsOf, createVerifierApp, fingerprint, OFFICER_TRUST_FORMAT, openChain, verifySkillCredential, type OfficerTrustDocument,
} from '@corridor/verifier';
import { photograph, qrGray, toJpeg } from './photos.js';
import { launchChromium } from './loopback.js';
import { CENTRE_NAME, createWorld, newKey, WORKER, type World } from './world.js';

const MAX_AGE = 7 * 86400;
const NURSE = 'urn:corridor:qualification:PH:registered-nurse';

let world: World;
let attacker: World;
let genuine: OfficerTrustDocument;
let sequence: number;
const attacks: Record<'otherRoots' | 'stranger' | 'strangerNamed' | 'older' | 'unsigned', unknown> = {} as never;
const qr: Record<'valid' | 'revoked' | 'nurse', string> = {} as never;
let verifier: Server;
let proxy: Server;
let base: string;
/** What the man in the middle answers to /officer/trust.json; undefined: the verifier's own answer. */
let swapped: unknown;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const listen = async (server: Server) => {
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return (server.address() as { port: number }).port;
};
const close = (server?: Server) => new Promise((resolve) => {
  server?.closeAllConnections();
  if (server) server.close(resolve);
  else resolve(undefined);
});
const photoOf = (text: string) => toJpeg(photograph(qrGray(text, 5), { width: 1200, height: 900, angle: 8, scale: 1.3, blur: 1 }), 75);

async function verdictOf(text: string) {
  await page.evaluate(() => document.getElementById('result')!.replaceChildren());
  await page.setInputFiles('#photo', { name: 'certificate.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photoOf(text)) });
  const panel = page.locator('#result [data-verdict]');
  await panel.waitFor({ timeout: 20_000 });
  return {
    verdict: await panel.getAttribute('data-verdict'),
    codes: await page.locator('#result [data-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-code'))),
  };
}

/** A registry the attacker runs with its own "authorities": a Registered Nurse qualification, accredited and mapped. */
async function forgeNurse(): Promise<SkillCredential> {
  attacker = await createWorld();
  const { ph, jp, centre } = attacker.keys;
  const nurse: QualificationRecord = { ...phCaregivingQualification(ph.description.controller), id: NURSE, title: { en: 'Registered Nurse' }, isco08: '2221', units: [] };
  await attacker.registry.submit(await signRecord(nurse, ph));
  await attacker.registry.submit(await signRecord(accreditationRecord({
    id: 'urn:corridor:accreditation:PH:nurse', authority: ph, trainingBody: centre, name: CENTRE_NAME, country: 'PH', baseUrl: attacker.issuer.baseUrl, qualifications: [NURSE], validFrom: '2026-01-01T00:00:00Z',
  }), ph));
  const mapping: MappingRecord = { ...phJpCareMapping(), id: 'urn:corridor:mapping:PH-JP:nurse', origin: { country: 'PH', qualification: NURSE }, outcome: 'full', conditions: [] };
  await attacker.registry.submit(await addSignature(await signRecord(mapping, ph), jp));
  const forged = await attacker.issue({ qualification: nurse });
  await attacker.publishStatus();
  return forged;
}

const documentFor = (pack: SignedTrustPack, over: Partial<OfficerTrustDocument> = {}): OfficerTrustDocument => ({
  format: OFFICER_TRUST_FORMAT, pack, deltas: [], country: 'JP', roots: [world.keys.jp.description.controller],
  operator: world.keys.operator.description.controller, maxStatusAgeSeconds: MAX_AGE, ...over,
});

/** The verdict a document's own anchors would give: what the page would have shown had it believed the response. */
async function verdictUnder(document: OfficerTrustDocument, credential: SkillCredential): Promise<string> {
  const { index } = await openChain(document, anchorsOf(document));
  return (await verifySkillCredential(credential, { trust: index, country: 'JP', maxStatusAgeSeconds: MAX_AGE })).verdict;
}

beforeAll(async () => {
  world = await createWorld();
  const valid = await world.issue();
  const revoked = await world.issue();
  await world.publishStatus();
  const before = await world.pack('JP');
  // The registry moves on (a new record, the revocation published): the pack served is newer.
  const jpDid = world.keys.jp.description.controller;
  await world.registry.submit(await signRecord({ ...jpCareWorkerQualification(jpDid), id: 'urn:corridor:qualification:JP:care-worker-2' }, world.keys.jp));
  world.issuer.revoke(revoked.id);
  await world.publishStatus();
  const current = await world.pack('JP');
  const { content } = await openTrustPack(current);
  const { content: old } = await openTrustPack(before);
  sequence = content.sequence;
  expect(old.sequence).toBeLessThan(sequence);
  genuine = documentFor(current);

  const forged = await forgeNurse();
  const evilPack = await attacker.pack('JP');
  const evilAnchors = { roots: [attacker.keys.jp.description.controller], operator: attacker.keys.operator.description.controller };
  attacks.otherRoots = documentFor(evilPack, evilAnchors);
  // A stranger re-signs the genuine records with the status lists from before the revocation, as newer.
  const stranger = newKey();
  const replayed = { ...content, sequence: sequence + 10, issuedAt: new Date().toISOString(), statusLists: old.statusLists };
  attacks.stranger = documentFor(await signJson(replayed, stranger));
  attacks.strangerNamed = documentFor(await signJson(replayed, stranger), { operator: stranger.description.controller });
  attacks.older = documentFor(before);
  const { content: evilContent } = await openTrustPack(evilPack);
  attacks.unsigned = { format: 'corridor-officer-trust/1', country: 'JP', ...evilAnchors, maxStatusAgeSeconds: MAX_AGE, content: evilContent };

  // Each attack matters: believed, it would make a forged or revoked credential green.
  expect(await verdictUnder(genuine, forged)).toBe('invalid');
  expect(await verdictUnder(genuine, revoked)).toBe('invalid');
  expect(await verdictUnder(attacks.otherRoots as OfficerTrustDocument, forged)).toBe('valid');
  expect(await verdictUnder(attacks.strangerNamed as OfficerTrustDocument, revoked)).toBe('valid');
  expect(await verdictUnder(attacks.older as OfficerTrustDocument, revoked)).toBe('valid');

  const catalogue = content.qrCatalogue ? { catalogue: content.qrCatalogue } : {};
  qr.valid = await encodeQrText(valid, catalogue);
  qr.revoked = await encodeQrText(revoked, catalogue);
  qr.nurse = await encodeQrText(forged, catalogue);

  verifier = createServer(createVerifierApp({ trust: () => { throw new Error('the page verifies on the device'); }, country: 'JP', officer: () => genuine }));
  const upstream = await listen(verifier);
  // The man in the middle: passes everything to the verifier except the trust list, when it swaps it.
  proxy = createServer((req, res) => {
    if (swapped !== undefined && req.url?.split('?')[0] === '/officer/trust.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(swapped));
      return;
    }
    const forward = httpRequest({ host: '127.0.0.1', port: upstream, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.once('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  base = `http://127.0.0.1:${await listen(proxy)}`;
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await close(proxy);
  await close(verifier);
  world?.close();
  attacker?.close();
});

const trustState = () => page.locator('body').getAttribute('data-trust');

describe('the officer page pins its trust at installation', () => {
  it('first installation: shows what the verifier offers as fingerprints, trusts nothing until an administrator confirms', async () => {
    await page.goto(`${base}/officer/`);
    await page.locator('#setup-panel').waitFor({ timeout: 30_000 });
    expect(await trustState()).toBe('setup');
    expect(await page.locator('#setup-panel [data-pin="root"]').allTextContents()).toEqual([fingerprint(world.keys.jp.description.controller)]);
    expect(await page.locator('#setup-panel [data-pin="operator"]').textContent()).toBe(fingerprint(world.keys.operator.description.controller));
    expect(await page.locator('#setup-panel [data-pin="country"]').textContent()).toBe('JP');
    expect(fingerprint(world.keys.jp.description.controller)).toMatch(/^[0-9A-F]{4} [0-9A-F]{4} … [0-9A-F]{4}$/);
    // Before the confirmation nothing is verified, let alone green.
    expect(await verdictOf(qr.valid)).toEqual({ verdict: 'unreadable', codes: ['ERR_TRUST_NOT_CONFIGURED'] });

    await page.click('#setup-confirm');
    await page.waitForSelector(`body[data-trust="JP#${sequence}"]`, { timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    expect(await verdictOf(qr.valid)).toEqual({ verdict: 'valid', codes: [] });
  }, 90_000);

  it('shows the pinned keys as fingerprints, in the administration panel', async () => {
    await page.reload();
    await page.waitForSelector(`body[data-trust="JP#${sequence}"]`, { timeout: 30_000 });
    expect(await page.locator('#setup-panel').count()).toBe(0);
    await page.click('#admin summary');
    expect(await page.locator('#admin [data-pin="root"]').allTextContents()).toEqual([fingerprint(world.keys.jp.description.controller)]);
    expect(await page.locator('#admin [data-pin="operator"]').textContent()).toBe(fingerprint(world.keys.operator.description.controller));
    expect(await page.locator('#admin [data-pin="country"]').textContent()).toBe('JP');
    expect(await page.locator('#admin [data-pin="maxAge"]').textContent()).toContain('7 days');
  }, 60_000);

  it.each([
    ['(a) other roots, under which a forged Registered Nurse is green', 'otherRoots', 'ERR_TRUST_PACK_INVALID'],
    ['(b) a pack signed by a stranger, claiming the pinned operator', 'stranger', 'ERR_TRUST_PACK_INVALID'],
    ['(b) a pack signed by a stranger, naming the stranger as operator', 'strangerNamed', 'ERR_TRUST_PACK_INVALID'],
    ['(c) an older pack, genuinely signed, from before a revocation', 'older', 'ERR_TRUST_PACK_ROLLBACK'],
    ['(d) an unsigned v1 document with the attacker\'s roots and records', 'unsigned', 'ERR_TRUST_PACK_INVALID'],
  ] as const)('refuses %s: a coded error, never green, never kept; offline the held list is still the good one', async (_name, attack, code) => {
    swapped = attacks[attack];
    try {
      await page.reload();
      const refusal = page.locator('#trust-panels .trust-error[data-refused="offer"]');
      await refusal.waitFor({ timeout: 30_000 });
      expect(await refusal.getAttribute('data-code')).toBe(code);
      expect(await refusal.textContent()).toContain('does not accept');
      expect(await trustState()).toBe(`JP#${sequence}`);
      expect((await verdictOf(qr.nurse)).verdict).toBe('invalid');
      expect(await verdictOf(qr.revoked)).toEqual({ verdict: 'invalid', codes: ['ERR_CREDENTIAL_REVOKED'] });
      // Nothing of the response was cached: no Cache Storage entry holds a trust list.
      expect(await page.evaluate(async () => {
        const held = await Promise.all((await caches.keys()).map(async (key) => (await (await caches.open(key)).keys()).map((r) => r.url)));
        return held.flat().filter((url) => url.includes('trust.json'));
      })).toEqual([]);
    } finally {
      swapped = undefined;
    }
    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector(`body[data-trust="JP#${sequence}"]`, { timeout: 30_000 });
      expect(await page.locator('#trust-panels .trust-error').count()).toBe(0);
      expect(await verdictOf(qr.valid)).toEqual({ verdict: 'valid', codes: [] });
      expect((await verdictOf(qr.nurse)).verdict).toBe('invalid');
      expect(await verdictOf(qr.revoked)).toEqual({ verdict: 'invalid', codes: ['ERR_CREDENTIAL_REVOKED'] });
    } finally {
      await context.setOffline(false);
    }
  }, 90_000);

  it('re-verifies the list it keeps: one rewritten on the device is refused at load, never used', async () => {
    await context.setOffline(true);
    try {
      const stranger = attacks.strangerNamed as OfficerTrustDocument;
      await page.evaluate(async (chain) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('corridor-officer', 1);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const transaction = db.transaction('trust', 'readwrite');
        transaction.objectStore('trust').put(chain, 'chain');
        await new Promise((resolve) => { transaction.oncomplete = resolve; });
        db.close();
      }, { pack: stranger.pack, deltas: [] });
      await page.reload();
      const refusal = page.locator('#trust-panels .trust-error[data-refused="held"]');
      await refusal.waitFor({ timeout: 30_000 });
      expect(await refusal.getAttribute('data-code')).toBe('ERR_TRUST_PACK_INVALID');
      expect(await trustState()).toBe('none');
      expect(await verdictOf(qr.revoked)).toEqual({ verdict: 'unreadable', codes: ['ERR_TRUST_NOT_CONFIGURED'] });
    } finally {
      await context.setOffline(false);
    }
    // Back online, the genuine list (same pins) is taken again.
    await page.reload();
    await page.waitForSelector(`body[data-trust="JP#${sequence}"]`, { timeout: 30_000 });
  }, 90_000);

  it('takes a newer list from the pinned operator, sent as the pack plus a signed delta, and keeps it offline', async () => {
    const jpDid = world.keys.jp.description.controller;
    await world.registry.submit(await signRecord({ ...jpCareWorkerQualification(jpDid), id: 'urn:corridor:qualification:JP:care-worker-3' }, world.keys.jp));
    const delta = await signJson(trustPackDelta(world.registry, { country: 'JP', since: sequence }), world.keys.operator);
    const newer = (JSON.parse(Buffer.from(delta.payload, 'base64url').toString('utf8')) as { sequence: number }).sequence;
    expect(newer).toBeGreaterThan(sequence);
    genuine = documentFor(genuine.pack, { deltas: [delta] });
    await page.reload();
    await page.waitForSelector(`body[data-trust="JP#${newer}"]`, { timeout: 30_000 });
    expect(await page.locator('#trust-panels .trust-error').count()).toBe(0);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector(`body[data-trust="JP#${newer}"]`, { timeout: 30_000 });
      expect(await verdictOf(qr.valid)).toEqual({ verdict: 'valid', codes: [] });
    } finally {
      await context.setOffline(false);
    }
  }, 90_000);

  it('changes its keys only by the administrator\'s typed reset, then asks to be set up again', async () => {
    await page.click('#admin summary');
    expect(await page.locator('#reset').isDisabled()).toBe(true);
    await page.fill('#reset-confirm', 'reset?');
    expect(await page.locator('#reset').isDisabled()).toBe(true);
    await page.fill('#reset-confirm', 'RESET');
    // The man in the middle answers the setup: the administrator sees fingerprints that are not the verifier's.
    swapped = attacks.otherRoots;
    try {
      await page.click('#reset');
      await page.locator('#setup-panel').waitFor({ timeout: 30_000 });
      expect(await trustState()).toBe('setup');
      expect(await page.locator('#setup-panel [data-pin="root"]').allTextContents()).toEqual([fingerprint(attacker.keys.jp.description.controller)]);
      expect(fingerprint(attacker.keys.jp.description.controller)).not.toBe(fingerprint(world.keys.jp.description.controller));
    } finally {
      swapped = undefined;
    }
    await page.reload();
    await page.locator('#setup-panel').waitFor({ timeout: 30_000 });
    expect(await page.locator('#setup-panel [data-pin="root"]').allTextContents()).toEqual([fingerprint(world.keys.jp.description.controller)]);
  }, 90_000);

  it('installs from a setup link only what the link names: a swapped offer is refused, the genuine one confirmed', async () => {
    const link = `${base}/officer/#pin=${anchorsDigest(anchorsOf(genuine))}`;
    swapped = attacks.otherRoots;
    try {
      await page.goto(link);
      await page.reload();
      const refusal = page.locator('#trust-panels .trust-error[data-refused="link"]');
      await refusal.waitFor({ timeout: 30_000 });
      expect(await refusal.getAttribute('data-code')).toBe('ERR_TRUST_PACK_INVALID');
      expect(await page.locator('#setup-panel').count()).toBe(0);
      expect(await trustState()).toBe('setup');
    } finally {
      swapped = undefined;
    }
    await page.reload();
    await page.locator('#setup-panel [data-link="match"]').waitFor({ timeout: 30_000 });
    await page.click('#setup-confirm');
    await page.waitForSelector('body[data-trust^="JP#"]', { timeout: 30_000 });
    expect(await trustState()).not.toBe(`JP#${sequence}`);
    expect(await verdictOf(qr.valid)).toEqual({ verdict: 'valid', codes: [] });
  }, 90_000);
});
