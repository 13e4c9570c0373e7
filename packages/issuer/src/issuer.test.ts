import { describe, expect, it } from '@jest/globals';
import {
  decodeBitstring, generateKeyPair, getBit, importKeyPair, phCaregivingQualification, signCredential, verifyCredentialProof,
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

describe('the audit trail commits with what it records', () => {
  it('an issue names its client, and a failure writing the entry leaves no credential behind', async () => {
    const store = new IssuerStore(':memory:');
    const issuer = newIssuer(store);
    const credential = await issuer.issue({ ...request, id: 'urn:uuid:00000000-0000-4000-8000-0000000000a1' }, { auditAs: 'desk-1' });
    expect(store.auditLog()).toEqual([expect.objectContaining({ clientId: 'desk-1', action: 'issue', credentialId: credential.id })]);
    expect(JSON.stringify(store.auditLog())).not.toContain('Maria');

    const original = store.audit.bind(store);
    store.audit = () => { throw new Error('disk full'); };
    await expect(issuer.issue({ ...request, id: 'urn:uuid:00000000-0000-4000-8000-0000000000a2' }, { auditAs: 'desk-1' })).rejects.toThrow('disk full');
    store.audit = original;
    expect(issuer.find('urn:uuid:00000000-0000-4000-8000-0000000000a2')).toBeUndefined();
  });
});

describe('status indices', () => {
  it('are never reused, even when the random draw repeats and a crash lost a credential after allocation', async () => {
    const store = new IssuerStore(':memory:');
    const draws = [7, 7, 7, 9, 7, 9, 11];
    const issuer = newIssuer(store, () => draws.shift() ?? 13);
    // A crash between allocation and save: the index is spent, the credential never existed.
    store.allocateIndices({ credentialIds: ['urn:uuid:lost'], issuerDid: issuer.did, length: 131072, capacity: 100, draw: () => 7, now: NOW.toISOString() });
    const indices = [];
    for (let i = 0; i < 3; i++) indices.push((await issuer.issue(request)).credentialStatus.statusListIndex);
    expect(indices).toEqual(['9', '11', '13']);
  });

  it('opens a new list when one fills', () => {
    const store = new IssuerStore(':memory:');
    const allocate = (i: number) => store.allocateIndices({ credentialIds: [`urn:uuid:${i}`], issuerDid: 'did:key:z6Mkx', length: 131072, capacity: 3, draw: () => 42 + i, now: NOW.toISOString() })[0]!;
    expect([0, 1, 2].map(allocate).map((a) => a.listId)).toEqual([1, 1, 1]);
    expect(allocate(3)).toEqual({ listId: 2, index: 45 });
    expect(store.statusLists().map((l) => l.allocated)).toEqual([3, 1]);
    // One call that fills a list part way through goes on in a new one, and counts both right.
    let next = 100;
    const many = store.allocateIndices({ credentialIds: ['a', 'b', 'c', 'd', 'e'].map((x) => `urn:uuid:${x}`), issuerDid: 'did:key:z6Mkx', length: 131072, capacity: 3, draw: () => next++, now: NOW.toISOString() });
    expect(many).toEqual([{ listId: 2, index: 100 }, { listId: 2, index: 101 }, { listId: 3, index: 102 }, { listId: 3, index: 103 }, { listId: 3, index: 104 }]);
    expect(store.statusLists().map((l) => l.allocated)).toEqual([3, 3, 3]);
  });
});

describe('a crash between reserving an index and saving the credential', () => {
  it('lets the retry of the same credential id take its own reservation back, and nobody else', async () => {
    const store = new IssuerStore(':memory:');
    const issuer = newIssuer(store, () => 77);
    const id = 'urn:uuid:00000000-0000-4000-8000-0000000000aa';
    store.allocateIndices({ credentialIds: [id], issuerDid: issuer.did, length: 131072, capacity: 100, draw: () => 5, now: NOW.toISOString() });
    const retried = await issuer.issue({ ...request, id });
    expect(retried.credentialStatus.statusListIndex).toBe('5');
    const other = await issuer.issue(request);
    expect(other.credentialStatus.statusListIndex).toBe('77');
  });
});

describe('issuing a batch in two halves (reserve, sign anywhere, record)', () => {
  const ids = [1, 2, 3].map((i) => `urn:uuid:00000000-0000-4000-8000-00000000010${i}`);

  it('reserves distinct indices in one go, and records credentials signed elsewhere that verify', async () => {
    const store = new IssuerStore(':memory:');
    const issuer = newIssuer(store);
    const reserved = issuer.reserve(ids.map((id) => ({ ...request, id })));
    const fresh = reserved.filter((r) => 'credential' in r);
    expect(fresh).toHaveLength(3);
    expect(new Set(fresh.map((r) => r.index)).size).toBe(3);
    const signed = await Promise.all(fresh.map(async (r) => ({ reserved: r, signed: await signCredential({ credential: r.credential, signer: issuer.signingKey.signer, now: r.signedAt }) })));
    issuer.record(signed);
    for (const { signed: credential } of signed) {
      expect(issuer.find(credential.id)).toEqual(credential);
      await expect(verifyCredentialProof({ credential })).resolves.toEqual({ verified: true });
    }
    // Reserving the same ids again gives back what was recorded, and draws nothing new.
    const again = issuer.reserve(ids.map((id) => ({ ...request, id })));
    expect(again.map((r) => 'existing' in r && r.existing.id)).toEqual(ids);
    expect(store.statusLists()[0]!.allocated).toBe(3);
  });

  it('after a crash between the halves, a re-run takes back the same reservations', () => {
    const store = new IssuerStore(':memory:');
    const key = importKeyPair(generateKeyPair());
    const issuerOn = () => new Issuer({ store, key, name: 'Centre', baseUrl: 'https://centre.example/', now: () => NOW });
    const first = issuerOn().reserve(ids.map((id) => ({ ...request, id })));
    // The process died here: nothing was signed or recorded. A new run reserves the same ids.
    const rerun = issuerOn().reserve(ids.map((id) => ({ ...request, id })));
    expect(rerun.map((r) => 'index' in r && r.index)).toEqual(first.map((r) => 'index' in r && r.index));
    expect(store.statusLists().reduce((sum, list) => sum + list.allocated, 0)).toBe(3);
  });

  it('refuses to record a credential that is not the one reserved, or not signed by this issuer', async () => {
    const issuer = newIssuer();
    const [r] = issuer.reserve([{ ...request, id: ids[0]! }]);
    if (!r || !('credential' in r)) throw new Error('expected a reservation');
    const stranger = importKeyPair(generateKeyPair());
    const forged = await signCredential({ credential: { ...r.credential, issuer: { ...r.credential.issuer, id: stranger.description.controller } }, signer: stranger.signer, now: NOW });
    expect(() => issuer.record([{ reserved: r, signed: forged }])).toThrow(expect.objectContaining({ code: 'ERR_CREDENTIAL_MALFORMED' }));
    expect(() => issuer.record([{ reserved: r, signed: r.credential }])).toThrow(expect.objectContaining({ code: 'ERR_CREDENTIAL_MALFORMED' }));
    expect(issuer.find(ids[0]!)).toBeUndefined();
  });

  it('gives a request that cannot make a valid credential its own coded error, and the others their reservations', () => {
    const issuer = newIssuer();
    const results = issuer.reserve([{ ...request, id: ids[0]! }, { ...request, id: ids[1]!, subject: { name: '', birthDate: 'not a date' } }]);
    expect('credential' in results[0]!).toBe(true);
    expect(results[1]).toEqual({ error: expect.objectContaining({ code: expect.stringMatching(/^ERR_/) }) });
  });
});

describe('revocation', () => {
  it('sets the bit in the signed list at once; unknown ids are ERR_NOT_FOUND', async () => {
    const issuer = newIssuer();
    const credential = await issuer.issue(request);
    issuer.revoke(credential.id);
    const [list] = await issuer.statusListCredentials();
    await expect(verifyCredentialProof({ credential: list!, now: NOW })).resolves.toEqual({ verified: true });
    expect(getBit(decodeBitstring(list!.credentialSubject.encodedList), Number(credential.credentialStatus.statusListIndex))).toBe(true);
    expect(() => issuer.revoke('urn:uuid:nope')).toThrow(expect.objectContaining({ code: 'ERR_NOT_FOUND' }));
  });
});

describe('status list freshness', () => {
  it('signs lists valid for 3 days, gives the same list again until it changes or nears its end, and always dates a new one later', async () => {
    let now = NOW;
    const store = new IssuerStore(':memory:');
    const issuer = new Issuer({ store, key: importKeyPair(generateKeyPair()), name: 'Centre', baseUrl: 'https://centre.example/', now: () => now });
    const credential = await issuer.issue(request);
    const [first] = await issuer.statusListCredentials();
    expect(first).toMatchObject({ validFrom: '2026-11-01T09:00:00Z', validUntil: '2026-11-04T09:00:00Z' });
    expect(await issuer.statusListCredentials()).toEqual([first]);

    // A revocation in the same second: the new list is still dated after the one published.
    issuer.revoke(credential.id);
    const [revoked] = await issuer.statusListCredentials();
    expect(Date.parse(revoked!.validFrom)).toBeGreaterThan(Date.parse(first!.validFrom));
    await expect(verifyCredentialProof({ credential: revoked!, now })).resolves.toEqual({ verified: true });

    now = new Date(NOW.getTime() + 1.5 * 86_400_000);
    expect(await issuer.statusListCredentials()).toEqual([revoked]);
    now = new Date(NOW.getTime() + 2.5 * 86_400_000);
    const [renewed] = await issuer.statusListCredentials();
    expect(renewed).toMatchObject({ validFrom: '2026-11-03T21:00:00Z', validUntil: '2026-11-06T21:00:00Z' });
    expect(renewed!.credentialSubject.encodedList).toBe(revoked!.credentialSubject.encodedList);
  });

  it('takes its lifetime from the options', async () => {
    const issuer = new Issuer({ store: new IssuerStore(':memory:'), key: importKeyPair(generateKeyPair()), name: 'C', baseUrl: 'https://c.example', now: () => NOW, statusListLifetimeSeconds: 86_400 });
    await issuer.issue(request);
    expect((await issuer.statusListCredentials())[0]).toMatchObject({ validUntil: '2026-11-02T09:00:00Z' });
  });
});
