import { describe, expect, it } from '@jest/globals';
import { phCaregivingQualification, PH_CAREGIVING_NC_II } from '@corridor/shared';
import { checkAgainstRegistry, readIssueRequest } from './issue-request.js';

const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const now = new Date('2026-12-01T04:00:00Z');
const body = (credential: Record<string, unknown> = {}, subject: Record<string, unknown> = {}) => ({
  credential: {
    '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], ...credential,
    credentialSubject: { name: ' Maria Santos ', birthDate: '1996-04-12', achievement: { id: PH_CAREGIVING_NC_II }, ...subject },
  },
});
const refusedAt = (pointer: string, code = 'ERR_PROPERTY_REFUSED') => expect.objectContaining({ code, pointer });

describe('readIssueRequest', () => {
  it('reads a minimal request: an OpenBadgeCredential by default, the name trimmed, the assessment left to the caller', () => {
    const read = readIssueRequest(body(), did, now);
    expect(read).toMatchObject({ qualificationId: PH_CAREGIVING_NC_II, subject: { name: 'Maria Santos', birthDate: '1996-04-12' }, route: 'training', extras: {}, walletLink: false });
    expect(read.assessedAt).toBeUndefined();
  });

  it('names a refused property by an RFC 6901 pointer, escaping / and ~', () => {
    expect(() => readIssueRequest(body({ 'a/b~c': 1 }), did, now)).toThrow(refusedAt('/credential/a~1b~0c'));
    expect(() => readIssueRequest({ ...body(), extra: true }, did, now)).toThrow(refusedAt('/extra'));
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
