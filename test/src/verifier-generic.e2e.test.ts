// The standards verifier behind VC-API: `POST /credentials/verify` verifies any VC 2.0
// eddsa-rdfc-2022 (Ed25519) or ecdsa-rdfc-2019 (P-256, P-384) credential whose contexts are bundled
// (proof by did:key offline, dates, status from the trust pack) and says plainly that the issuer
// was not evaluated, while a Corridor credential keeps the strict eddsa-rdfc-2022 pipeline; unknown contexts and
// other DIDs are refused without a network call. `POST /presentations/verify` verifies DID
// authentication (a presentation without credentials) against the verifier's challenge only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { from as ecdsaKey } from '@digitalbazaar/ecdsa-multikey';
import * as vc from '@digitalbazaar/vc';
import { documentLoader, OB_V3_CONTEXT, signCredential, signPresentation, type KeyPair, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { createVerifierApp } from '@corridor/verifier';
import { createWorld, newKey, type World } from './world.js';

let world: World;
let trust: TrustIndex;
let server: Server;
let base: string;
/** A loopback host that counts requests: a context or did:web pointing here must never be fetched. */
let bait: Server;
let baitBase: string;
let baitHits = 0;
let revoked: SkillCredential;
let kept: SkillCredential;

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const vectors = new URL('../../shared/vectors/', import.meta.url);
const vectorFile = (name: string) => JSON.parse(readFileSync(new URL(name, vectors), 'utf8'));
const vector = vectorFile('eddsa-rdfc-2022/signedDataInt.json');
/** The W3C ecdsa-rdfc-2019 vector key pairs (P-256, P-384), as the did:key issuers of the credentials below. */
const ecdsaVectorKeys = [vectorFile('ecdsa-rdfc-2019/p256KeyPair.json'), vectorFile('ecdsa-rdfc-2019/p384KeyPair.json')]
  .map((k: Record<string, string>) => ({ publicKeyMultibase: k.publicKeyMultibase!, secretKeyMultibase: (k.secretKeyMultibase ?? k.privateKeyMultibase)! }));

const post = async (path: string, body: unknown) => {
  const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() as Record<string, any> };
};
const verify = (credential: unknown) => post('/credentials/verify', { verifiableCredential: credential });
const codes = (body: Record<string, any>) => (body.errors ?? []).map((e: { code: string }) => e.code);

/**
 * A plain VC 2.0 credential of another issuer, no Corridor fields. The bundled VC 2.0 context (the
 * Recommendation's) has no @vocab, so it uses only terms that context defines.
 */
const alumni = (key: KeyPair, extra: Record<string, unknown> = {}) => ({
  '@context': [VC_V2], id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33', type: ['VerifiableCredential'],
  name: 'Alumni Credential', description: 'A minimum viable example of an Alumni Credential.',
  issuer: key.description.controller, validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', name: 'Alex Example' }, ...extra,
});
/** An Open Badges 3.0 credential of another issuer: bundled contexts, not Corridor's. */
const badge = (key: KeyPair) => ({
  '@context': [VC_V2, OB_V3_CONTEXT], id: 'urn:uuid:1f0e3a52-6c9b-4f5e-9a51-3e1f1b2c4d5e', type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: key.description.controller, type: ['Profile'], name: 'Example Welding College' }, name: 'Welding basics', validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { type: ['AchievementSubject'], achievement: {
    id: 'https://welding.example/achievements/basics', type: ['Achievement'], name: 'Welding basics', description: 'Safe MIG welding.', criteria: { narrative: 'Passed the practical.' },
  } },
});
const sign = (credential: object, key: KeyPair, now = new Date('2026-01-02T00:00:00Z')) => signCredential({ credential, signer: key.signer, now });
/** An ECDSA key of the library, with the description `alumni` and `badge` read (its did:key as controller). */
async function ecdsaIssuer(keys: { publicKeyMultibase: string; secretKeyMultibase: string }) {
  const did = `did:key:${keys.publicKeyMultibase}`;
  const key = await ecdsaKey({ type: 'Multikey', id: `${did}#${keys.publicKeyMultibase}`, controller: did, ...keys });
  return { description: { controller: did }, signer: key.signer() } as unknown as KeyPair;
}
/** ecdsa-rdfc-2019 by the library: the signer's key decides P-256 (SHA-256) or P-384 (SHA-384). */
const ecdsaSign = (credential: object, key: KeyPair, now = new Date('2026-01-02T00:00:00Z')) =>
  vc.issue({ credential, suite: new DataIntegrityProof({ signer: key.signer, cryptosuite: ecdsaRdfc2019, date: now }), documentLoader, now }) as Promise<Record<string, any>>;

beforeAll(async () => {
  world = await createWorld();
  revoked = await world.issue();
  kept = await world.issue();
  world.issuer.revoke(revoked.id);
  await world.publishStatus();
  trust = await world.trust('JP');
  server = createVerifierApp({ trust: () => trust, country: 'JP' }).listen(0, '127.0.0.1');
  bait = createServer((_req, res) => { baitHits++; res.setHeader('content-type', 'application/ld+json'); res.end('{"@context": {"@vocab": "https://bait.example/#"}}'); }).listen(0, '127.0.0.1');
  await Promise.all([server, bait].map((s) => new Promise((resolve) => s.once('listening', resolve))));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  baitBase = `http://127.0.0.1:${(bait.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await Promise.all([server, bait].map((s) => new Promise((resolve) => s.close(resolve))));
  world.close();
});

describe('POST /credentials/verify: a credential of another issuer', () => {
  const foreign = newKey();

  it('verifies a plain VC 2.0 credential signed by a fresh did:key, and says the issuer was not evaluated', async () => {
    const { status, body } = await verify(await sign(alumni(foreign), foreign));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      verified: true, verdict: 'valid', issuerTrusted: false,
      warnings: [{ check: 'issuer', message: expect.stringMatching(/not evaluated/) }],
      credential: { issuer: foreign.description.controller, type: ['VerifiableCredential'] },
    });
    expect(body.checks.map((c: { id: string; ok: boolean }) => [c.id, c.ok])).toEqual([['format', true], ['proof', true], ['validity', true], ['status', true]]);
    // Nothing about recognition or accreditation is claimed, and no subject data is echoed.
    expect(body.recognition).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('Alex Example');
    const openBadge = await verify(await sign(badge(foreign), foreign));
    expect(openBadge).toMatchObject({ status: 200, body: { verified: true, issuerTrusted: false, credential: { type: ['VerifiableCredential', 'OpenBadgeCredential'] } } });
  });

  it('refuses it tampered (ERR_SIGNATURE_INVALID), expired, not yet valid, or signed by another did:key than its issuer', async () => {
    const signed = await sign(alumni(foreign), foreign);
    const tampered = await verify({ ...signed, credentialSubject: { ...signed.credentialSubject, name: 'Someone Else' } });
    expect(tampered).toMatchObject({ status: 400, body: { verified: false, verdict: 'invalid', issuerTrusted: false } });
    expect(codes(tampered.body)).toEqual(['ERR_SIGNATURE_INVALID']);

    const expired = await verify(await sign(alumni(foreign, { validUntil: '2026-02-01T00:00:00Z' }), foreign));
    expect(expired).toMatchObject({ status: 400, body: { verified: false } });
    expect(codes(expired.body)).toEqual(['ERR_CREDENTIAL_EXPIRED']);

    const early = await verify(await sign(alumni(foreign, { validFrom: '2099-01-01T00:00:00Z' }), foreign));
    expect(codes(early.body)).toEqual(['ERR_CREDENTIAL_NOT_YET_VALID']);

    // An expiry in the proof itself: the library checks only its form, the date is judged here.
    const suite = new DataIntegrityProof({ signer: foreign.signer, cryptosuite, date: new Date('2026-01-02T00:00:00Z') });
    (suite as unknown as { proof: object }).proof = { expires: '2026-01-03T00:00:00Z' };
    const proofExpired = await vc.issue({ credential: alumni(foreign), suite, documentLoader, now: new Date('2026-01-02T00:00:00Z') });
    expect((proofExpired.proof as { expires?: string }).expires).toBe('2026-01-03T00:00:00Z');
    const expiredProof = await verify(proofExpired);
    expect([expiredProof.status, codes(expiredProof.body)]).toEqual([400, ['ERR_CREDENTIAL_EXPIRED']]);

    const other = newKey();
    const borrowed = await verify(await sign(alumni(foreign, { issuer: other.description.controller }), foreign));
    expect(codes(borrowed.body)).toEqual(['ERR_SIGNATURE_INVALID']);
  });

  it('refuses the W3C vector for its context, which is not bundled: ERR_CONTEXT_UNKNOWN, nothing fetched', async () => {
    const attempts = (globalThis as { __corridorNetworkAttempts?: string[] }).__corridorNetworkAttempts ?? [];
    const before = attempts.length;
    const answer = await verify(vector);
    expect(answer).toMatchObject({ status: 400, body: { verified: false } });
    expect(codes(answer.body)).toEqual(['ERR_CONTEXT_UNKNOWN']);
    // A context on a host we can see: never asked for.
    const baited = await verify(await sign(alumni(foreign), foreign).then((c) => ({ ...c, '@context': [VC_V2, `${baitBase}/context.jsonld`] })));
    expect(codes(baited.body)).toEqual(['ERR_CONTEXT_UNKNOWN']);
    const inline = await verify({ ...(await sign(alumni(foreign), foreign)), '@context': [VC_V2, { '@import': `${baitBase}/context.jsonld` }] });
    expect(codes(inline.body)).toEqual(['ERR_CONTEXT_UNKNOWN']);
    // A context reached from inside the document (a scoped context) goes through the offline loader: refused too.
    const nested = await verify({ ...(await sign(alumni(foreign), foreign)), credentialSubject: { '@context': `${baitBase}/context.jsonld`, id: 'did:example:x' } });
    expect(nested.body.verified).toBe(false);
    expect(codes(nested.body)).toEqual(['ERR_CONTEXT_UNKNOWN']);
    expect(baitHits).toBe(0);
    expect(attempts.length).toBe(before);
  });

  it('refuses a did:web (or any non-did:key) issuer or key with ERR_DID_UNRESOLVABLE, without a network call', async () => {
    const didWeb = `did:web:127.0.0.1%3A${new URL(baitBase).port}`;
    const signed = await sign(alumni(foreign), foreign);
    const webKey = { ...signed, issuer: didWeb, proof: { ...signed.proof, verificationMethod: `${didWeb}#key-1` } };
    const webIssuer = { ...signed, issuer: didWeb };
    const urlIssuer = { ...signed, issuer: `${baitBase}/issuers/5678` };
    for (const credential of [webKey, webIssuer, urlIssuer]) {
      const { status, body } = await verify(credential);
      expect([status, body.verified, codes(body)]).toEqual([400, false, ['ERR_DID_UNRESOLVABLE']]);
    }
    expect(baitHits).toBe(0);
  });

  it('closes the proof shape before any library path: one DataIntegrityProof, its own fields only, bounded input', async () => {
    const signed = await sign(alumni(foreign), foreign);
    const cases: [unknown, string][] = [
      [{ ...signed, proof: [signed.proof, signed.proof] }, 'ERR_CREDENTIAL_MALFORMED'],
      [{ ...signed, proof: { ...signed.proof, '@context': `${baitBase}/context.jsonld` } }, 'ERR_CREDENTIAL_MALFORMED'],
      [{ ...signed, proof: { ...signed.proof, cryptosuite: 'ecdsa-sd-2023' } }, 'ERR_PROOF_MISSING'],
      [{ ...signed, proof: { ...signed.proof, type: 'Ed25519Signature2020' } }, 'ERR_PROOF_MISSING'],
      [{ ...signed, proof: { ...signed.proof, proofPurpose: 'authentication' } }, 'ERR_SIGNATURE_INVALID'],
      [{ ...signed, proof: undefined }, 'ERR_PROOF_MISSING'],
      [{ ...signed, credentialSubject: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) }, 'ERR_PAYLOAD_TOO_LARGE'],
      [{ ...signed, credentialSubject: { many: Array.from({ length: 6000 }, () => 0) } }, 'ERR_PAYLOAD_TOO_LARGE'],
      [{ ...signed, '@context': VC_V2 }, 'ERR_CREDENTIAL_MALFORMED'],
      [{ ...signed, type: ['AlumniCredential'] }, 'ERR_CREDENTIAL_MALFORMED'],
    ];
    for (const [credential, code] of cases) {
      const { status, body } = await verify(credential);
      expect([status, body.verified, codes(body)]).toEqual([400, false, [code]]);
    }
    expect(baitHits).toBe(0);
  });

  it('checks status from a list in the trust pack; a list it does not hold leaves it unverified (indeterminate)', async () => {
    // The Corridor training centre also issues a plain credential, pointing at its published list.
    const centre = world.keys.centre;
    const withStatus = (entry: unknown) => sign(alumni(centre, { credentialStatus: entry }), centre);
    const notRevoked = await verify(await withStatus(kept.credentialStatus));
    expect(notRevoked).toMatchObject({ status: 200, body: { verified: true, issuerTrusted: false } });
    expect(notRevoked.body.checks.find((c: { id: string }) => c.id === 'status')).toMatchObject({ ok: true, message: expect.stringMatching(/not revoked/) });

    const gone = await verify(await withStatus(revoked.credentialStatus));
    expect([gone.status, gone.body.verdict, codes(gone.body)]).toEqual([400, 'invalid', ['ERR_CREDENTIAL_REVOKED']]);

    const elsewhere = await verify(await withStatus({ ...kept.credentialStatus, statusListCredential: `${baitBase}/status/1` }));
    expect([elsewhere.status, elsewhere.body.verified, elsewhere.body.verdict, codes(elsewhere.body)]).toEqual([400, false, 'indeterminate', ['ERR_STATUS_UNAVAILABLE']]);
    // Another issuer cannot borrow the centre's list to look "not revoked".
    const foreign2 = newKey();
    const borrowed = await verify(await sign(alumni(foreign2, { credentialStatus: kept.credentialStatus }), foreign2));
    expect(codes(borrowed.body)).toEqual(['ERR_STATUS_UNAVAILABLE']);
    expect(baitHits).toBe(0);
  });

  it('verifies ecdsa-rdfc-2019 by a P-256 or P-384 did:key (the W3C vector keys), and refuses it tampered', async () => {
    for (const keys of ecdsaVectorKeys) {
      const issuer = await ecdsaIssuer(keys);
      for (const credential of [alumni(issuer), badge(issuer)]) {
        const signed = await ecdsaSign(credential, issuer);
        const { status, body } = await verify(signed);
        expect([status, body.verified, body.verdict, body.issuerTrusted]).toEqual([200, true, 'valid', false]);
        expect(body.checks.find((c: { id: string }) => c.id === 'proof')).toMatchObject({ ok: true, message: expect.stringMatching(/ecdsa-rdfc-2019/) });
        expect(body.credential.issuer).toBe(issuer.description.controller);
        const tampered = await verify({ ...signed, name: 'Another name' });
        expect([tampered.status, codes(tampered.body)]).toEqual([400, ['ERR_SIGNATURE_INVALID']]);
      }
    }
    expect(baitHits).toBe(0);
  });

  it('refuses a P-256 key claiming an eddsa-rdfc-2022 proof, an Ed25519 key claiming ecdsa-rdfc-2019, and another key than the issuer', async () => {
    const p256 = await ecdsaIssuer(ecdsaVectorKeys[0]!);
    const ecdsa = await ecdsaSign(alumni(p256), p256);
    const eddsa = await sign(alumni(foreign), foreign);
    for (const credential of [
      { ...ecdsa, proof: { ...ecdsa.proof, cryptosuite: 'eddsa-rdfc-2022' } },
      { ...eddsa, proof: { ...eddsa.proof, cryptosuite: 'ecdsa-rdfc-2019' } },
      await ecdsaSign(alumni(foreign), p256),
    ]) {
      const { status, body } = await verify(credential);
      expect([status, body.verified, codes(body)]).toEqual([400, false, ['ERR_SIGNATURE_INVALID']]);
    }
  });

  it('refuses the W3C ecdsa-rdfc-2019 vectors as published: their context is not bundled and their issuer is no DID', async () => {
    for (const name of ['ecdsa-rdfc-2019/signedECDSAP256.json', 'ecdsa-rdfc-2019/signedECDSAP384.json']) {
      const published = vectorFile(name);
      expect(codes((await verify(published)).body)).toEqual(['ERR_CONTEXT_UNKNOWN']);
      expect(codes((await verify({ ...published, '@context': [VC_V2] })).body)).toEqual(['ERR_DID_UNRESOLVABLE']);
    }
  });

  it('the strict pipeline refuses an ecdsa-rdfc-2019 proof on a Corridor credential, by a Corridor issuer or not', async () => {
    const p256 = await ecdsaIssuer(ecdsaVectorKeys[0]!);
    const { proof: _proof, ...unsigned } = kept;
    for (const credential of [
      await ecdsaSign(unsigned, p256),
      await ecdsaSign({ ...unsigned, issuer: { ...unsigned.issuer, id: p256.description.controller } }, p256),
    ]) {
      const { status, body } = await verify(credential);
      expect([status, body.verified]).toEqual([400, false]);
      // The strict pipeline answered (its format check), not the generic one (which warns "not evaluated").
      expect(body).toMatchObject({ errors: [{ code: 'ERR_CREDENTIAL_MALFORMED', check: 'format' }] });
      expect(body.warnings).toBeUndefined();
    }
  });

  it('a Corridor skill credential still goes through the Corridor checks (accreditation, recognition)', async () => {
    const { status, body } = await verify(kept);
    expect(status).toBe(200);
    expect(body).toMatchObject({ verified: true, recognition: { outcome: 'partial' } });
    expect(body.checks.map((c: { id: string }) => c.id)).toContain('issuer');
    expect(body.issuerTrusted).toBe(true);
    // Corridor's context with a broken shape stays in the strict pipeline, not the generic one.
    const { credentialSubject: _s, ...withoutSubject } = kept;
    expect((await verify(withoutSubject)).body).toMatchObject({ verified: false, errors: [{ code: 'ERR_CREDENTIAL_MALFORMED', check: 'format' }] });
  });
});

describe('POST /presentations/verify: DID authentication, a presentation without credentials', () => {
  const holder = newKey();
  const did = holder.description.controller;
  const empty = { '@context': [VC_V2], type: ['VerifiablePresentation'], holder: did };
  const present = (presentation: unknown, options: Record<string, unknown> = {}) => post('/presentations/verify', { verifiablePresentation: presentation, options });

  it('verifies when the holder proof checks out for the asked challenge and domain', async () => {
    const signed = await signPresentation({ presentation: empty, signer: holder.signer, challenge: 'c-1', domain: 'border.example.jp' });
    const { status, body } = await present(signed, { challenge: 'c-1', domain: 'border.example.jp' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ verified: true, authenticated: did, holder: { ok: true }, credentials: [] });
  });

  it('refuses another challenge or domain, no challenge asked, no proof, or a holder other than the signer', async () => {
    const signed = await signPresentation({ presentation: empty, signer: holder.signer, challenge: 'c-1', domain: 'border.example.jp' });
    const wrongChallenge = await present(signed, { challenge: 'c-2', domain: 'border.example.jp' });
    expect(wrongChallenge).toMatchObject({ status: 400, body: { verified: false, holder: { ok: false, code: 'ERR_SIGNATURE_INVALID' } } });
    const wrongDomain = await present(signed, { challenge: 'c-1', domain: 'elsewhere.example' });
    expect(wrongDomain.body).toMatchObject({ verified: false, holder: { code: 'ERR_SIGNATURE_INVALID' } });
    // Without a challenge nothing is proven (a signed one could be a replay; an unsigned one proves nothing).
    for (const presentation of [signed, empty]) {
      const noChallenge = await present(presentation);
      expect(noChallenge).toMatchObject({ status: 400, body: { verified: false, holder: { code: 'ERR_INPUT_INVALID' } } });
      expect(noChallenge.body.authenticated).toBeUndefined();
    }
    expect((await present(empty, { challenge: 'c-1' })).body).toMatchObject({ verified: false, holder: { code: 'ERR_PROOF_MISSING' } });
    const someoneElse = await signPresentation({ presentation: { ...empty, holder: newKey().description.controller }, signer: holder.signer, challenge: 'c-1' });
    expect((await present(someoneElse, { challenge: 'c-1' })).body).toMatchObject({ verified: false, holder: { code: 'ERR_SIGNATURE_INVALID' } });
    const didWeb = { ...signed, proof: { ...signed.proof, verificationMethod: `did:web:127.0.0.1%3A${new URL(baitBase).port}#key-1` } };
    expect((await present(didWeb, { challenge: 'c-1', domain: 'border.example.jp' })).body).toMatchObject({ verified: false, holder: { code: 'ERR_DID_UNRESOLVABLE' } });
    expect(baitHits).toBe(0);
  });
});
