import { describe, expect, it } from '@jest/globals';
import { phCaregivingQualification, PH_CAREGIVING_NC_II } from '@corridor/shared';
import { checkAgainstRegistry, readIssueRequest } from './issue-request.js';

const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const now = new Date('2026-12-01T04:00:00Z');
const body = (credential: Record<string, unknown> = {}, subject: Record<string, unknown> = {}) => ({
  credential: {
    '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], ...credential,
    credentialSubject: { name: 'Maria Santos', birthDate: '1996-04-12', achievement: { id: PH_CAREGIVING_NC_II }, ...subject },
  },
});
const refusedAt = (pointer: string, code = 'ERR_PROPERTY_REFUSED') => expect.objectContaining({ code, pointer });

describe('readIssueRequest', () => {
  it('reads a minimal request: an OpenBadgeCredential by default, the assessment left to the caller', () => {
    const read = readIssueRequest(body(), did, now);
    expect(read).toMatchObject({ qualificationId: PH_CAREGIVING_NC_II, subject: { name: 'Maria Santos', birthDate: '1996-04-12' }, route: 'training', extras: {}, walletLink: false });
    expect(read.assessedAt).toBeUndefined();
  });

  it('refuses a name it would sign otherwise than sent (surrounding spaces, not in Unicode NFC) rather than changing it', () => {
    for (const name of [' Maria Santos ', 'Maria Santos\u3000', 'Jose\u0301 Dela Cruz']) {
      expect(() => readIssueRequest(body({}, { name }), did, now)).toThrow(refusedAt('/credential/credentialSubject/name'));
    }
    expect(readIssueRequest(body({}, { name: 'Jos\u00e9 Dela Cruz' }), did, now).subject.name).toBe('Jos\u00e9 Dela Cruz');
  });

  it('names a refused property by an RFC 6901 pointer, escaping / and ~', () => {
    expect(() => readIssueRequest(body({ 'a/b~c': 1 }), did, now)).toThrow(refusedAt('/credential/a~1b~0c'));
    expect(() => readIssueRequest({ ...body(), extra: true }, did, now)).toThrow(refusedAt('/extra'));
  });

  it('reads the birth date and route in the OB 3.0 forms it signs, as it reads the shorthands', () => {
    const identity = { type: 'IdentityObject', hashed: false, identityHash: '1996-04-12', identityType: 'ext:birthDate' };
    const ob = readIssueRequest(body({}, { birthDate: undefined, identifier: [identity], result: [{ type: ['Result'], value: 'recognition-of-prior-learning' }] }), did, now);
    expect(ob).toMatchObject({ subject: { birthDate: '1996-04-12' }, route: 'recognition-of-prior-learning' });
    expect(readIssueRequest(body({}, { assessmentRoute: 'recognition-of-prior-learning' }), did, now).route).toBe('recognition-of-prior-learning');
    // Both forms at once, a hashed or other identity, two of them, a route off the list: refused where they are.
    expect(() => readIssueRequest(body({}, { identifier: [identity] }), did, now)).toThrow(refusedAt('/credential/credentialSubject/birthDate', 'ERR_INPUT_INVALID'));
    expect(() => readIssueRequest(body({}, { birthDate: undefined, identifier: [{ ...identity, hashed: true }] }), did, now)).toThrow(refusedAt('/credential/credentialSubject/identifier/0/hashed'));
    expect(() => readIssueRequest(body({}, { birthDate: undefined, identifier: [{ ...identity, identityType: 'emailAddress' }] }), did, now)).toThrow(refusedAt('/credential/credentialSubject/identifier/0/identityType'));
    expect(() => readIssueRequest(body({}, { birthDate: undefined, identifier: [identity, identity] }), did, now)).toThrow(refusedAt('/credential/credentialSubject/identifier', 'ERR_INPUT_INVALID'));
    expect(() => readIssueRequest(body({}, { birthDate: undefined, identifier: [{ ...identity, identityHash: '1996-02-30' }] }), did, now)).toThrow(refusedAt('/credential/credentialSubject/identifier/0/identityHash'));
    expect(() => readIssueRequest(body({}, { result: [{ type: ['Result'], value: 'exam' }] }), did, now)).toThrow(refusedAt('/credential/credentialSubject/result/0/value', 'ERR_INPUT_INVALID'));
    expect(() => readIssueRequest(body({}, { result: [{ type: ['Result'], value: 'training', status: 'Completed' }] }), did, now)).toThrow(refusedAt('/credential/credentialSubject/result/0/status'));
  });

  it('refuses a credential id it would not sign as written: an upper-case urn:uuid is not lowercased behind the client\'s back', () => {
    const id = 'urn:uuid:0b5e7a52-7d0e-4c51-9d1e-7f1f3c2f5a10';
    expect(readIssueRequest(body({ id }), did, now).id).toBe(id);
    expect(() => readIssueRequest(body({ id: id.toUpperCase().replace('URN:UUID:', 'urn:uuid:') }), did, now)).toThrow(refusedAt('/credential/id'));
    expect(() => readIssueRequest(body({ id: 'URN:UUID:0b5e7a52-7d0e-4c51-9d1e-7f1f3c2f5a10' }), did, now)).toThrow(refusedAt('/credential/id'));
  });

  it('validUntil: a date-time that names no real instant is refused (422) like a birth date on 30 February; a malformed one is 400', () => {
    expect(readIssueRequest(body({ validUntil: '2031-12-01T00:00:00+14:00' }), did, now).validUntil).toBe('2031-12-01T00:00:00+14:00');
    for (const validUntil of ['2031-02-30T00:00:00Z', '2031-12-01T24:00:00Z', '2031-12-01T00:00:00+14:30']) {
      expect(() => readIssueRequest(body({ validUntil }), did, now)).toThrow(refusedAt('/credential/validUntil'));
    }
    for (const validUntil of ['2031-12-01', '2031-12-01T00:00:00', 20311201]) {
      expect(() => readIssueRequest(body({ validUntil }), did, now)).toThrow(refusedAt('/credential/validUntil', 'ERR_INPUT_INVALID'));
    }
  });

  it('refuses an issuer profile beyond id, type and name', () => {
    expect(() => readIssueRequest(body({ issuer: { id: did, url: 'https://x.example' } }), did, now)).toThrow(refusedAt('/credential/issuer/url'));
  });
});

describe('checkAgainstRegistry', () => {
  const qualification = phCaregivingQualification(did);
  it('honours any registered title, and achievement properties equal to the registry\'s', () => {
    const read = readIssueRequest(body({ name: 'Pag-aalaga NC II' }, { achievement: { id: PH_CAREGIVING_NC_II, type: 'Achievement', achievementType: 'Certificate', name: 'Caregiving NC II' } }), did, now);
    expect(checkAgainstRegistry(read, qualification, 'Centre')).toEqual({ name: 'Pag-aalaga NC II', achievementName: 'Caregiving NC II' });
  });

  it('refuses a forged name or achievement property, by pointer', () => {
    const forged = readIssueRequest(body({}, { achievement: { id: PH_CAREGIVING_NC_II, achievementType: 'License' } }), did, now);
    expect(() => checkAgainstRegistry(forged, qualification, 'Centre')).toThrow(refusedAt('/credential/credentialSubject/achievement/achievementType'));
    const issuerName = readIssueRequest(body({ issuer: { id: did, name: 'Other' } }), did, now);
    expect(() => checkAgainstRegistry(issuerName, qualification, 'Centre')).toThrow(refusedAt('/credential/issuer/name', 'ERR_NAME_MISMATCH'));
  });
});
