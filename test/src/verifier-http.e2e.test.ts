// The verifier's VC-API endpoints and presentations: a qualification plus a language test and a
// bridging course turns `partial` into `full`; holder-bound presentations check challenge and
// domain; every failure comes with its code and a plain-language message in the asked language.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import { Issuer, IssuerStore } from '@corridor/issuer';
import { accreditationRecord } from '@corridor/registry';
import {
  ERROR_CODES, JP_CARE_BRIDGING, JP_JLPT_N4, signPresentation, signRecord,
  type ErrorCode, type QualificationRecord, type SkillCredential, type TrustIndex,
} from '@corridor/shared';
import { createVerifierApp, LANGUAGES, MESSAGES } from '@corridor/verifier';
import { createWorld, newKey, type World } from './world.js';

let world: World;
let trust: TrustIndex;
let server: Server;
let base: string;
let caregiving: SkillCredential;
let jlpt: SkillCredential;
let bridging: SkillCredential;
const holder = newKey();

async function jpIssuer(qualificationId: string, name: string) {
  const key = newKey();
  await world.registry.submit(await signRecord(accreditationRecord({
    id: `urn:corridor:accreditation:JP:${name.toLowerCase().replace(/\W+/g, '-')}`, authority: world.keys.jp, trainingBody: key, name, country: 'JP',
    qualifications: [qualificationId], validFrom: '2026-01-01T00:00:00Z',
  }), world.keys.jp));
  const issuer = new Issuer({ store: new IssuerStore(':memory:'), key, name, baseUrl: `https://${name.toLowerCase().replace(/\W+/g, '')}.example.jp` });
  const qualification = (await world.trust('JP')).qualifications.get(qualificationId) as QualificationRecord;
  const credential = await issuer.issue({ qualification, subject: { name: 'Maria Santos', birthDate: '1996-04-12' }, assessedAt: '2026-09-01T00:00:00Z', route: 'training' });
  await world.publishStatus(issuer);
  return credential;
}

const post = async (path: string, body: unknown) => {
  const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() as Record<string, any> };
};
const presentation = (...credentials: SkillCredential[]) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: holder.description.controller, verifiableCredential: credentials,
});

beforeAll(async () => {
  world = await createWorld();
  caregiving = await world.issue();
  await world.publishStatus();
  jlpt = await jpIssuer(JP_JLPT_N4, 'Japan Foundation Test Centre');
  bridging = await jpIssuer(JP_CARE_BRIDGING, 'Tokyo Care Academy');
  trust = await world.trust('JP');
  server = createVerifierApp({ trust: () => trust, country: 'JP' }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('POST /credentials/verify', () => {
  it('200 {verified: true} with the recognition for a valid credential', async () => {
    const { status, body } = await post('/credentials/verify', { verifiableCredential: caregiving, options: { language: 'ja' } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ verified: true, verdict: 'valid', headline: '有効', recognition: { outcome: 'partial' } });
  });

  it('400 {verified: false, errors} with plain words in the asked language', async () => {
    const tampered = { ...caregiving, credentialSubject: { ...caregiving.credentialSubject, name: 'Someone Else' } };
    const { status, body } = await post('/credentials/verify', { verifiableCredential: tampered, options: { language: 'ar' } });
    expect(status).toBe(400);
    expect(body.verified).toBe(false);
    expect(body.errors).toEqual([{ code: 'ERR_SIGNATURE_INVALID', check: 'proof', message: MESSAGES.ar.ERR_SIGNATURE_INVALID }]);
    const bad = await post('/credentials/verify', { verifiableCredential: 'x' });
    expect(bad).toMatchObject({ status: 400, body: { verified: false, code: 'ERR_INPUT_INVALID' } });
    expect((await post('/credentials/verify', { verifiableCredential: caregiving, options: { language: 'xx' } })).status).toBe(400);
  });

  it('has a plain-language message for every error code in every language', () => {
    for (const language of LANGUAGES) {
      for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) expect(MESSAGES[language][code].length).toBeGreaterThan(5);
    }
  });
});

describe('POST /presentations/verify', () => {
  it('the qualification alone is partial; with the language test one condition is met; with the bridging course too it is full', async () => {
    const alone = await post('/presentations/verify', { verifiablePresentation: presentation(caregiving) });
    expect(alone.body.recognition).toMatchObject({ outcome: 'partial', conditions: [{ met: false }, { met: false }] });
    const withTest = await post('/presentations/verify', { verifiablePresentation: presentation(caregiving, jlpt) });
    expect(withTest.body.recognition).toMatchObject({ outcome: 'partial', conditions: [{ id: 'japanese-language', met: true }, { met: false }] });
    const all = await post('/presentations/verify', { verifiablePresentation: presentation(jlpt, caregiving, bridging) });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ verified: true, primary: 1, recognition: { outcome: 'full' } });
  });

  it('a tampered language certificate meets no condition', async () => {
    const forged = { ...jlpt, credentialSubject: { ...jlpt.credentialSubject, name: 'Other Person' } };
    const result = await post('/presentations/verify', { verifiablePresentation: presentation(caregiving, forged, bridging) });
    expect(result.body.recognition).toMatchObject({ outcome: 'partial', conditions: [{ met: false }, { met: true }] });
  });

  it('holder-bound: the right challenge and domain pass; another challenge, or no proof, fail', async () => {
    const signed = await signPresentation({ presentation: presentation(caregiving), signer: holder.signer, challenge: 'c-123', domain: 'border.example.jp' });
    const ok = await post('/presentations/verify', { verifiablePresentation: signed, options: { challenge: 'c-123', domain: 'border.example.jp' } });
    expect(ok).toMatchObject({ status: 200, body: { verified: true, holder: { ok: true } } });
    const replayed = await post('/presentations/verify', { verifiablePresentation: signed, options: { challenge: 'c-456', domain: 'border.example.jp' } });
    expect(replayed).toMatchObject({ status: 400, body: { verified: false, holder: { ok: false, code: 'ERR_SIGNATURE_INVALID' } } });
    const unsigned = await post('/presentations/verify', { verifiablePresentation: presentation(caregiving), options: { challenge: 'c-123' } });
    expect(unsigned.body).toMatchObject({ verified: false, holder: { code: 'ERR_PROOF_MISSING' } });
    // Without a challenge asked for, an unsigned presentation is accepted, as the VC data model allows.
    expect((await post('/presentations/verify', { verifiablePresentation: presentation(caregiving) })).status).toBe(200);
  });

  it('refuses a presentation without credentials when no challenge is asked (it proves nothing), and one with too many', async () => {
    // Without credentials it is DID authentication (verifier-generic.e2e.test.ts): only against a challenge.
    expect(await post('/presentations/verify', { verifiablePresentation: presentation() })).toMatchObject({
      status: 400, body: { verified: false, holder: { code: 'ERR_INPUT_INVALID' }, errors: [{ code: 'ERR_INPUT_INVALID', check: 'holder' }] },
    });
    expect((await post('/presentations/verify', { verifiablePresentation: presentation(...Array(11).fill(caregiving)) })).body).toMatchObject({ code: 'ERR_PAYLOAD_TOO_LARGE' });
  });
});
