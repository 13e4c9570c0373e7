// Issue 18 on the officer's page in Chromium: "Ask the worker's wallet" shows an OpenID4VP request
// as a QR; the wallet (the @openid4vc/openid4vp client) reads that QR from the screen and answers by
// direct_post; the page verifies the answer on the device and shows the verdict as for a scanned
// certificate: full with the worker's language test and bridging course, invalid when the
// presentation was signed over another nonce.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { Issuer, IssuerStore } from '@corridor/issuer';
import { accreditationRecord } from '@corridor/registry';
import {
  JP_CARE_BRIDGING, JP_JLPT_N4, openTrustPack, readQrFromPng, signPresentation, signRecord, type KeyPair, type QualificationRecord, type SkillCredential,
} from '@corridor/shared';
import { createVerifierApp, LABELS, LANGUAGES, OFFICER_TRUST_FORMAT, type OfficerTrustDocument } from '@corridor/verifier';
import { installOfficerPage, launchChromium, listenOnLoopback, type Listening } from './loopback.js';
import { createWorld, newKey, WORKER, type World } from './world.js';

const PUBLIC = 'https://verifier.example.jp';
let world: World;
let service: Listening;
let base: string;
let browser: Browser;
let page: Page;
const phone = newKey();
const held: SkillCredential[] = [];

async function jpCredential(qualificationId: string, name: string): Promise<SkillCredential> {
  const key = newKey();
  const slug = name.toLowerCase().replace(/\W+/g, '-');
  await world.registry.submit(await signRecord(accreditationRecord({
    id: `urn:corridor:accreditation:JP:${slug}`, authority: world.keys.jp, trainingBody: key, name, country: 'JP',
    baseUrl: `https://${slug}.example.jp`, qualifications: [qualificationId], validFrom: '2026-01-01T00:00:00Z',
  }), world.keys.jp));
  const issuer = new Issuer({ store: new IssuerStore(':memory:'), key, name, baseUrl: `https://${slug}.example.jp` });
  const qualification = (await world.trust('JP')).qualifications.get(qualificationId) as QualificationRecord;
  const credential = await issuer.issue({ qualification, subject: { ...WORKER, walletDid: phone.description.controller }, assessedAt: '2026-09-01T00:00:00Z', route: 'training' });
  await world.publishStatus(issuer);
  return credential;
}

const unused = (): never => { throw new Error('not used'); };

/** The wallet reads the QR off the screen and answers; `nonceOf` lets it sign over another nonce. */
async function walletAnswers(holder: KeyPair, credentials: SkillCredential[], nonceOf = (nonce: string) => nonce) {
  const qr = page.locator('#wallet-qr');
  await qr.waitFor({ timeout: 20_000 });
  const uri = await readQrFromPng(await qr.screenshot());
  const client = new Openid4vpClient({
    callbacks: {
      hash: unused, signJwt: unused, verifyJwt: unused, encryptJwe: unused, decryptJwe: unused,
      fetch: ((url: string | URL, init?: RequestInit) => fetch(String(url).replace(PUBLIC, base), init)) as typeof fetch,
    } as never,
  });
  const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: uri });
  const resolved = await client.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: (parsed as { params: never }).params });
  const request = resolved.authorizationRequestPayload as { nonce: string; client_id: string; response_uri: string };
  const vp = await signPresentation({
    presentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: holder.description.controller, verifiableCredential: credentials },
    signer: holder.signer, challenge: nonceOf(request.nonce), domain: request.client_id,
  });
  const { authorizationResponsePayload } = await client.createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: resolved.authorizationRequestPayload, authorizationResponsePayload: { vp_token: { skill: [vp] } as never },
  });
  await client.submitOpenid4vpAuthorizationResponse({ authorizationRequestPayload: request, authorizationResponsePayload });
}

async function verdict() {
  const panel = page.locator('#result [data-verdict]');
  await panel.waitFor({ timeout: 30_000 });
  return {
    verdict: await panel.getAttribute('data-verdict'),
    outcome: await page.locator('#result [data-outcome]').count() > 0 ? await page.locator('#result [data-outcome]').getAttribute('data-outcome') : null,
    codes: await page.locator('#result [data-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-code'))),
  };
}

beforeAll(async () => {
  world = await createWorld();
  held.push(await world.issue({ subject: { ...WORKER, walletDid: phone.description.controller } }));
  held.push(await jpCredential(JP_JLPT_N4, 'Japan Foundation Test Centre'));
  held.push(await jpCredential(JP_CARE_BRIDGING, 'Tokyo Care Academy'));
  await world.publishStatus();
  const pack = await world.pack('JP');
  const roots = [world.keys.jp.description.controller];
  const { operator } = await openTrustPack(pack);
  const trust = await world.trust('JP');
  const officer: OfficerTrustDocument = { format: OFFICER_TRUST_FORMAT, pack, deltas: [], country: 'JP', roots, operator, maxStatusAgeSeconds: 7 * 86400 };
  service = await listenOnLoopback(createVerifierApp({ trust: () => trust, country: 'JP', officer: () => officer, publicUrl: PUBLIC }));
  base = service.base;
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'en-US', deviceScaleFactor: 3 })).newPage();
  await installOfficerPage(page, `${base}/officer/?lang=en`, 'JP', trust.sequence);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
  world?.close();
});

describe('the officer page asks the worker\'s wallet (OpenID4VP)', () => {
  it('shows the request as a QR; the wallet\'s skill credential + JLPT N4 + bridging course: valid, full', async () => {
    await page.click('#wallet');
    await walletAnswers(phone, held);
    expect(await verdict()).toMatchObject({ verdict: 'valid', outcome: 'full', codes: [] });
  }, 60_000);

  it('a presentation signed over another nonce: not valid, and the holder check says why', async () => {
    await page.evaluate(() => document.getElementById('result')!.replaceChildren());
    await page.click('#wallet');
    await walletAnswers(phone, held, () => 'a-nonce-this-page-never-chose-000');
    const seen = await verdict();
    expect(seen.verdict).toBe('invalid');
    expect(seen.codes.length).toBeGreaterThan(0);
  }, 60_000);

  it('the wallet button, its hint and the QR\'s text alternative are in the officer\'s language (src/languages/)', async () => {
    for (const language of LANGUAGES) {
      await page.click(`#languages button[value="${language}"]`);
      expect([language, await page.locator('#wallet').textContent()]).toEqual([language, LABELS[language].askWallet]);
    }
    await page.click('#languages button[value="id"]');
    await page.click('#wallet');
    await page.locator('#wallet-qr').waitFor();
    expect(await page.locator('#wallet-slot p').textContent()).toBe(LABELS.id.scanWallet);
    expect(await page.locator('#wallet-qr').getAttribute('alt')).toBe(LABELS.id.scanWallet);
    expect(await page.locator('#wallet').textContent()).toBe(LABELS.id.stop);
    await page.click('#wallet');
    await page.locator('#wallet-qr').waitFor({ state: 'detached' });
    await page.click('#languages button[value="en"]');
  }, 60_000);
});
