// The standards path over the W3C eddsa-rdfc-2022 vector: its signature is good, but its issuer
// (an https URL) is not the key's controller, so nothing offline ties the key to the issuer —
// refused with ERR_DID_UNRESOLVABLE, as the reference library also refuses it. The same credential
// issued by the vector key's own did:key verifies. Status comes only from lists held in the pack.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createDocumentLoader, importKeyPair, signCredential, verifyCredentialProof, type TrustIndex } from '@corridor/shared';
import { isCorridorCredential, verifyGenericCredential } from './generic-verify.js';

const dir = new URL('../../../shared/vectors/eddsa-rdfc-2022/', import.meta.url);
const json = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const vector = json('signedDataInt.json');
const unsigned = json('unsigned.json');
const keyPair = json('keyPair.json');
const vectorKey = importKeyPair({ publicKeyMultibase: keyPair.publicKeyMultibase, secretKeyMultibase: keyPair.privateKeyMultibase });

// The spec's examples context (shared/vectors/README.md): a test document only, never bundled.
const documents = new Map([['https://www.w3.org/ns/credentials/examples/v2', { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } }]]);
const documentLoader = createDocumentLoader({ documents });
const now = new Date('2026-06-01T00:00:00Z');
const LIST = 'https://status.example/lists/1';
const trustWith = (lists: [string, { issuer: string; purpose: 'revocation' | 'suspension'; bits: Uint8Array }][] = [], issuedAt = '2026-05-31T00:00:00Z') => ({
  sequence: 7, issuedAt,
  statusLists: new Map(lists.map(([url, l]) => [url, { url, validFrom: issuedAt, ...l }])),
}) as unknown as TrustIndex;
const codes = (result: { checks: { ok: boolean; code?: string }[] }) => result.checks.filter((c) => !c.ok).map((c) => c.code);

describe('verifyGenericCredential', () => {
  it('the W3C vector: the examples context is not bundled, so by default ERR_CONTEXT_UNKNOWN', async () => {
    const result = await verifyGenericCredential(vector, { trust: trustWith(), now });
    expect([result.verdict, codes(result)]).toEqual(['invalid', ['ERR_CONTEXT_UNKNOWN']]);
  });

  it('the W3C vector with its context given: the issuer is not a DID the key belongs to → ERR_DID_UNRESOLVABLE', async () => {
    const result = await verifyGenericCredential(vector, { trust: trustWith(), now, documents });
    expect([result.verdict, codes(result)]).toEqual(['invalid', ['ERR_DID_UNRESOLVABLE']]);
    // The reference library refuses it too ("issuer must match the verification method controller").
    expect(await verifyCredentialProof({ credential: vector, documentLoader, now })).toMatchObject({ verified: false });
  });

  it('the vector credential issued by the vector key\'s own did:key verifies; the issuer stays "not evaluated"', async () => {
    const credential = { ...unsigned, issuer: vectorKey.description.controller };
    const signed = await signCredential({ credential, signer: vectorKey.signer, now: new Date('2023-02-24T23:36:38Z'), documentLoader });
    const result = await verifyGenericCredential(signed, { trust: trustWith(), now, documents });
    expect(result).toMatchObject({ verdict: 'valid', issuerTrusted: false, warnings: [{ check: 'issuer' }], credential: { issuer: vectorKey.description.controller } });
    const tampered = await verifyGenericCredential({ ...signed, credentialSubject: { ...signed.credentialSubject, alumniOf: 'Another School' } }, { trust: trustWith(), now, documents });
    expect(codes(tampered)).toEqual(['ERR_SIGNATURE_INVALID']);
  });

  it('status: clear bit passes, set bit revokes, a list of another issuer or none is unavailable, an old pack is stale', async () => {
    const did = vectorKey.description.controller;
    const entry = (index: number, purpose = 'revocation') => ({ type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: LIST });
    const issue = async (status: unknown) => signCredential({
      credential: { ...unsigned, issuer: did, credentialStatus: status }, signer: vectorKey.signer, now: new Date('2023-02-24T23:36:38Z'), documentLoader,
    });
    const bits = new Uint8Array(16);
    bits[0] = 0b1000_0000; // index 0 set (most significant bit first)
    const held = trustWith([[LIST, { issuer: did, purpose: 'revocation', bits }]]);
    const run = async (status: unknown, trust = held) => verifyGenericCredential(await issue(status), { trust, now, documents });

    expect((await run(entry(5))).verdict).toBe('valid');
    expect(codes(await run(entry(0)))).toEqual(['ERR_CREDENTIAL_REVOKED']);
    expect(codes(await run([entry(5), entry(0)]))).toEqual(['ERR_CREDENTIAL_REVOKED']);
    expect(codes(await run(entry(9999)))).toEqual(['ERR_CREDENTIAL_MALFORMED']);
    const unavailable = await run(entry(5, 'suspension'));
    expect([unavailable.verdict, codes(unavailable)]).toEqual(['indeterminate', ['ERR_STATUS_UNAVAILABLE']]);
    const otherIssuer = trustWith([[LIST, { issuer: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', purpose: 'revocation', bits }]]);
    expect(codes(await run(entry(5), otherIssuer))).toEqual(['ERR_STATUS_UNAVAILABLE']);
    const old = trustWith([[LIST, { issuer: did, purpose: 'revocation', bits }]], '2026-01-01T00:00:00Z');
    expect(codes(await run(entry(5), old))).toEqual(['ERR_STATUS_STALE']);
  });

  it('never throws on hostile input', async () => {
    for (const input of [null, 4, 'x', [], {}, { '@context': 'x' }, { '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'VerifiableCredential' }]) {
      await expect(verifyGenericCredential(input, { trust: trustWith(), now })).resolves.toMatchObject({ verdict: 'invalid', issuerTrusted: false });
    }
  });
});

describe('isCorridorCredential', () => {
  it('is decided by the Corridor context, as the strict pipeline expects', () => {
    expect(isCorridorCredential({ '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/corridor/v1'] })).toBe(true);
    expect(isCorridorCredential(vector)).toBe(false);
    expect(isCorridorCredential({ '@context': 'https://w3id.org/corridor/v1' })).toBe(false);
    expect(isCorridorCredential({ '@context': ['https://www.w3.org/ns/credentials/v2'], credentialSubject: { identifier: [{ identityType: 'ext:birthDate' }] } })).toBe(true);
    expect(isCorridorCredential({ '@context': ['https://www.w3.org/ns/credentials/v2'], credentialSubject: { identifier: [{ identityType: 'emailAddress' }] } })).toBe(false);
  });
});
