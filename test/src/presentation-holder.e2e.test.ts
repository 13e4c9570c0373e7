// Companion credentials in a presentation count only when they are about the worker the
// qualification is about: same subject id when both carry one, else the same name (after
// Unicode NFC normalisation, nothing looser) and birth date; in a holder-signed presentation a
// subject id must be the signing wallet's. Someone else's language test or bridging course
// meets no condition and is reported with ERR_HOLDER_MISMATCH. Over HTTP (POST /presentations/verify).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Issuer, IssuerStore } from '@corridor/issuer';
import { accreditationRecord } from '@corridor/registry';
import {
  JP_CARE_BRIDGING, JP_JLPT_N4, signPresentation, signRecord, type KeyPair, type QualificationRecord, type SkillCredential, type TrustIndex,
} from '@corridor/shared';
import { createVerifierApp } from '@corridor/verifier';
import { resign } from './hostile.js';
import { listenOnLoopback, type Listening } from './loopback.js';
import { createWorld, newKey, WORKER, type World } from './world.js';

let world: World;
let trust: TrustIndex;
let service: Listening;
let base: string;
const wallet = newKey();
const otherWallet = newKey();
const OTHER = { name: 'Ana Reyes', birthDate: '1994-02-03' };
// "José" with a precomposed é (NFC) and with e + combining acute (NFD): the same name.
const JOSE = { name: 'Jos\u00e9 Dela Cruz', birthDate: '1990-07-21' };
const JOSE_NFD = { ...JOSE, name: 'Jose\u0301 Dela Cruz' };
// A look-alike: Cyrillic а (U+0430) for Latin a. Different code points, a different name.
const MARIA_LOOKALIKE = { ...WORKER, name: 'M\u0430ria Santos' };

type Subject = { name: string; birthDate: string; walletDid?: string };
const companions: Record<string, { key: KeyPair; issuer: Issuer; qualification: QualificationRecord }> = {};

async function jpIssuer(qualificationId: string, name: string) {
  const key = newKey();
  const baseUrl = `https://${name.toLowerCase().replace(/\W+/g, '')}.example.jp`;
  await world.registry.submit(await signRecord(accreditationRecord({
    id: `urn:corridor:accreditation:JP:${name.toLowerCase().replace(/\W+/g, '-')}`, authority: world.keys.jp, trainingBody: key, name, country: 'JP',
    baseUrl, qualifications: [qualificationId], validFrom: '2026-01-01T00:00:00Z',
  }), world.keys.jp));
  const issuer = new Issuer({ store: new IssuerStore(':memory:'), key, name, baseUrl });
  const qualification = (await world.trust('JP')).qualifications.get(qualificationId) as QualificationRecord;
  companions[qualificationId] = { key, issuer, qualification };
  // The first credential opens the centre's status list, which the trust pack then carries.
  await issuer.issue({ qualification, subject: WORKER, assessedAt: '2026-09-01T00:00:00Z', route: 'training' });
}

/**
 * A companion credential about `subject`, signed by its accredited JP centre. Issued for the
 * worker, then the subject set and signed again by the same key: the issuer's own name rules
 * (normalisation, refusals) are not what this test is about.
 */
async function companion(qualificationId: string, subject: Subject): Promise<SkillCredential> {
  const { key, issuer, qualification } = companions[qualificationId]!;
  const issued = await issuer.issue({ qualification, subject: WORKER, assessedAt: '2026-09-01T00:00:00Z', route: 'training' });
  return resign(issued, key, (c) => ({
    ...c, credentialSubject: {
      ...c.credentialSubject, name: subject.name, identifier: [{ ...c.credentialSubject.identifier[0], identityHash: subject.birthDate }],
      ...(subject.walletDid ? { id: subject.walletDid } : {}),
    },
  }));
}

const post = async (body: unknown) => {
  const response = await fetch(`${base}/presentations/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() as Record<string, any> };
};
const presentation = (...credentials: SkillCredential[]) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: wallet.description.controller, verifiableCredential: credentials,
});
const codesOf = (result: Record<string, any>) => (result.credentials as { checks: { code?: string }[] }[]).map((c) => c.checks.filter((k) => k.code).map((k) => k.code));

let maria: SkillCredential;
let mariaInWallet: SkillCredential;
let jose: SkillCredential;

beforeAll(async () => {
  world = await createWorld();
  await jpIssuer(JP_JLPT_N4, 'Japan Foundation Test Centre');
  await jpIssuer(JP_CARE_BRIDGING, 'Tokyo Care Academy');
  maria = await world.issue();
  mariaInWallet = await world.issue({ subject: { ...WORKER, walletDid: wallet.description.controller } });
  jose = await world.issue({ subject: JOSE });
  for (const { issuer } of Object.values(companions)) await world.publishStatus(issuer);
  await world.publishStatus();
  trust = await world.trust('JP');
  service = await listenOnLoopback(createVerifierApp({ trust: () => trust, country: 'JP' }));
  base = service.base;
}, 60_000);

afterAll(async () => {
  await service?.close();
  world?.close();
});

describe('companion credentials must be about the same holder', () => {
  it('the worker\'s own language test and bridging course: full', async () => {
    const all = await post({ verifiablePresentation: presentation(maria, await companion(JP_JLPT_N4, WORKER), await companion(JP_CARE_BRIDGING, WORKER)) });
    expect(all).toMatchObject({ status: 200, body: { verified: true, primary: 0, recognition: { outcome: 'full' } } });
    expect(codesOf(all.body)).toEqual([[], [], []]);
  });

  it('another person\'s language test meets no condition and is reported; the recognition stays partial', async () => {
    const result = await post({ verifiablePresentation: presentation(maria, await companion(JP_JLPT_N4, OTHER), await companion(JP_CARE_BRIDGING, WORKER)) });
    expect(result.body.recognition).toMatchObject({ outcome: 'partial', conditions: [{ id: 'japanese-language', met: false }, { met: true }] });
    expect(codesOf(result.body)).toEqual([[], ['ERR_HOLDER_MISMATCH'], []]);
    expect(result.body.credentials[1].verdict).toBe('invalid');
    // The qualification itself is still what it is: valid, partial.
    expect(result.body).toMatchObject({ verified: true, verdict: 'valid', primary: 0 });
  });

  it('same name and birth date is not enough when both credentials carry different subject ids', async () => {
    const theirs = await companion(JP_JLPT_N4, { ...WORKER, walletDid: otherWallet.description.controller });
    const bridging = await companion(JP_CARE_BRIDGING, { ...WORKER, walletDid: wallet.description.controller });
    const result = await post({ verifiablePresentation: presentation(mariaInWallet, theirs, bridging) });
    expect(result.body.recognition).toMatchObject({ outcome: 'partial', conditions: [{ met: false }, { met: true }] });
    expect(codesOf(result.body)).toEqual([[], ['ERR_HOLDER_MISMATCH'], []]);
  });

  it('a name that differs only by Unicode normal form is the same name: full', async () => {
    const result = await post({ verifiablePresentation: presentation(jose, await companion(JP_JLPT_N4, JOSE_NFD), await companion(JP_CARE_BRIDGING, JOSE_NFD)) });
    expect(JOSE_NFD.name).not.toBe(JOSE.name);
    expect(result).toMatchObject({ status: 200, body: { recognition: { outcome: 'full' } } });
    expect(codesOf(result.body)).toEqual([[], [], []]);
  });

  it('a look-alike name (other code points) is another name: condition not met', async () => {
    const result = await post({ verifiablePresentation: presentation(maria, await companion(JP_JLPT_N4, MARIA_LOOKALIKE), await companion(JP_CARE_BRIDGING, WORKER)) });
    expect(result.body.recognition).toMatchObject({ outcome: 'partial', conditions: [{ met: false }, { met: true }] });
    expect(codesOf(result.body)).toEqual([[], ['ERR_HOLDER_MISMATCH'], []]);
  });
});

describe('holder-signed presentations bind the credentials to the signing wallet', () => {
  const options = { challenge: 'c-789', domain: 'border.example.jp' };
  const signed = (p: object, key = wallet) => signPresentation({ presentation: p, signer: key.signer, ...options });

  it('credentials about the wallet that signed: full', async () => {
    const own = { ...WORKER, walletDid: wallet.description.controller };
    const result = await post({ verifiablePresentation: await signed(presentation(mariaInWallet, await companion(JP_JLPT_N4, own), await companion(JP_CARE_BRIDGING, own))), options });
    expect(result).toMatchObject({ status: 200, body: { verified: true, holder: { ok: true }, recognition: { outcome: 'full' } } });
  });

  it('a companion naming another wallet, though the name matches, meets nothing', async () => {
    const theirs = await companion(JP_JLPT_N4, { ...WORKER, walletDid: otherWallet.description.controller });
    const result = await post({ verifiablePresentation: await signed(presentation(maria, theirs, await companion(JP_CARE_BRIDGING, WORKER))), options });
    expect(result.body).toMatchObject({ holder: { ok: true }, recognition: { outcome: 'partial', conditions: [{ met: false }, { met: true }] } });
    expect(codesOf(result.body)).toEqual([[], ['ERR_HOLDER_MISMATCH'], []]);
  });

  it('a qualification about another wallet than the signer\'s, or a `holder` the signer is not: refused', async () => {
    const { holder: _holder, ...unnamed } = presentation(mariaInWallet);
    const stolen = await post({ verifiablePresentation: await signed(unnamed, otherWallet), options });
    expect(stolen).toMatchObject({ status: 400, body: { verified: false, holder: { ok: false, code: 'ERR_HOLDER_MISMATCH' } } });
    const claimed = await post({ verifiablePresentation: await signed({ ...presentation(maria), holder: wallet.description.controller }, otherWallet), options });
    expect(claimed).toMatchObject({ status: 400, body: { verified: false, holder: { ok: false, code: 'ERR_HOLDER_MISMATCH' } } });
  });

  it('a presentation off our shape never reaches the proof library', async () => {
    const p = await signed(presentation(maria));
    const padded = { ...p, proof: { ...p.proof, extra: 'x'.repeat(100_000) } };
    const result = await post({ verifiablePresentation: padded, options });
    expect(result).toMatchObject({ status: 400, body: { verified: false, holder: { ok: false, code: 'ERR_INPUT_INVALID' } } });
  });
});
