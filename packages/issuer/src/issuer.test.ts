import { describe, expect, it } from '@jest/globals';
import {
  decodeBitstring, generateKeyPair, getBit, importKeyPair, phCaregivingQualification, verifyCredentialProof,
} from '@corridor/shared';
import { Issuer } from './issuer.js';
import { IssuerStore } from './store.js';

const NOW = new Date('2026-11-01T09:00:00Z');
const authority = importKeyPair(generateKeyPair());
const qualification = phCaregivingQualification(authority.description.controller);
const request = { qualification, subject: { name: 'Maria Santos', birthDate: '1996-04-12' }, assessedAt: '2026-10-30T00:00:00Z', route: 'training' as const };

function newIssuer(store = new IssuerStore(':memory:'), draw?: (n: number) => number) {
  return new Issuer({ store, key: importKeyPair(generateKeyPair()), name: 'Centre', baseUrl: 'https://centre.example/', now: () => NOW, ...(draw ? { draw } : {}) });
}

describe('issuing', () => {
  it('signs an OpenBadgeCredential with eddsa-rdfc-2022 and a BitstringStatusListEntry', async () => {
    const credential = await newIssuer().issue(request);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });
    expect(credential.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: 'https://centre.example/credentials/status/1',
    });
    expect(credential.credentialSubject.achievement.id).toBe(qualification.id);
    await expect(verifyCredentialProof({ credential })).resolves.toEqual({ verified: true });
  });

  it('issuing again with the same id returns the same credential, not a second one', async () => {
    const issuer = newIssuer();
    const first = await issuer.issue({ ...request, id: 'urn:uuid:00000000-0000-4000-8000-000000000001' });
    const again = await issuer.issue({ ...request, id: 'urn:uuid:00000000-0000-4000-8000-000000000001' });
    expect(again).toEqual(first);
  });
});

describe('status indices', () => {
  it('are never reused, even when the random draw repeats and a crash lost a credential after allocation', async () => {
    const store = new IssuerStore(':memory:');
    const draws = [7, 7, 7, 9, 7, 9, 11];
    const issuer = newIssuer(store, () => draws.shift() ?? 13);
    // A crash between allocation and save: the index is spent, the credential never existed.
    store.allocateIndex({ credentialId: 'urn:uuid:lost', issuerDid: issuer.did, length: 131072, capacity: 100, draw: () => 7, now: NOW.toISOString() });
    const indices = [];
    for (let i = 0; i < 3; i++) indices.push((await issuer.issue(request)).credentialStatus.statusListIndex);
    expect(indices).toEqual(['9', '11', '13']);
  });

  it('opens a new list when one fills', () => {
    const store = new IssuerStore(':memory:');
    const allocate = (i: number) => store.allocateIndex({ credentialId: `urn:uuid:${i}`, issuerDid: 'did:key:z6Mkx', length: 131072, capacity: 3, draw: () => 42 + i, now: NOW.toISOString() });
    expect([0, 1, 2].map(allocate).map((a) => a.listId)).toEqual([1, 1, 1]);
    expect(allocate(3)).toEqual({ listId: 2, index: 45 });
    expect(store.statusLists().map((l) => l.allocated)).toEqual([3, 1]);
  });
});

describe('a crash between reserving an index and saving the credential', () => {
  it('lets the retry of the same credential id take its own reservation back, and nobody else', async () => {
    const store = new IssuerStore(':memory:');
    const issuer = newIssuer(store, () => 77);
    const id = 'urn:uuid:00000000-0000-4000-8000-0000000000aa';
    store.allocateIndex({ credentialId: id, issuerDid: issuer.did, length: 131072, capacity: 100, draw: () => 5, now: NOW.toISOString() });
    const retried = await issuer.issue({ ...request, id });
    expect(retried.credentialStatus.statusListIndex).toBe('5');
    const other = await issuer.issue(request);
    expect(other.credentialStatus.statusListIndex).toBe('77');
  });
});

describe('revocation', () => {
  it('sets the bit in the signed list at once; unknown ids are ERR_NOT_FOUND', async () => {
    const issuer = newIssuer();
    const credential = await issuer.issue(request);
    issuer.revoke(credential.id);
    const [list] = await issuer.statusListCredentials();
    await expect(verifyCredentialProof({ credential: list! })).resolves.toEqual({ verified: true });
    expect(getBit(decodeBitstring(list!.credentialSubject.encodedList), Number(credential.credentialStatus.statusListIndex))).toBe(true);
    expect(() => issuer.revoke('urn:uuid:nope')).toThrow(expect.objectContaining({ code: 'ERR_NOT_FOUND' }));
  });
});
