import { describe, expect, test } from '@jest/globals';
import { buildSkillCredential } from './credential.js';
import { isCorridorError } from './errors.js';
import { phCaregivingQualification } from './reference.js';
import { assertSkillCredential } from './validate.js';

const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const credential = () => buildSkillCredential({
  id: 'urn:uuid:5e4c1d3a-9f8b-4c2e-8a7d-1b2c3d4e5f60', issuer: { did, name: 'Training Centre' },
  qualification: phCaregivingQualification(did), subject: { name: 'A. Worker', birthDate: '1990-01-01' },
  assessedAt: '2026-10-30T00:00:00Z', route: 'training', validFrom: '2026-11-01T00:00:00Z',
  status: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://c.example/credentials/status/1' },
});

const refusal = (value: unknown): string => {
  try {
    assertSkillCredential(value);
  } catch (error) {
    if (isCorridorError(error) && error.code === 'ERR_CREDENTIAL_MALFORMED') return error.message;
    throw error;
  }
  throw new Error('accepted');
};

describe('the closed credential shape', () => {
  test('the shape Corridor issues passes', () => {
    expect(() => assertSkillCredential(credential())).not.toThrow();
  });

  test('an extra member is refused at every level, by path and never by value', () => {
    const top = { ...credential(), extra: 'A. Worker' };
    expect(refusal(top)).toBe('credential.extra is not allowed');
    const nested = credential();
    (nested.credentialSubject.achievement.criteria as Record<string, unknown>).extra = 1;
    expect(refusal(nested)).toBe('credential.credentialSubject.achievement.criteria.extra is not allowed');
  });

  test("members named like Object.prototype's are refused too (as JSON.parse makes them)", () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const parsed = JSON.parse(JSON.stringify(credential()).replace('"name":', `"${name}":1,"name":`)) as unknown;
      expect(refusal(parsed)).toBe(`credential.issuer.${name} is not allowed`);
    }
  });

  test('a missing or mistyped member names its path', () => {
    const { name: _name, ...nameless } = credential();
    expect(refusal(nameless)).toBe('credential.name must be a non-empty string');
    expect(refusal({ ...credential(), validFrom: 'yesterday' })).toBe('credential.validFrom must be an ISO 8601 date-time');
  });
});

describe('what the issuer honours on request is within the shape', () => {
  const extras = () => ({
    ...credential(), type: ['VerifiableCredential', 'AchievementCredential'], validUntil: '2031-12-01T00:00:00Z', description: 'Autumn cohort.',
    evidence: [{ id: 'https://c.example/portfolio/1', type: ['Evidence'], name: 'Practical', narrative: 'Observed.', genre: 'Assessment', audience: 'Employers' }],
    credentialSubject: { ...credential().credentialSubject, id: 'did:web:wallet.example:a' },
  });

  test('AchievementCredential, validUntil, description, evidence and a holder DID pass', () => {
    expect(() => assertSkillCredential(extras())).not.toThrow();
  });

  test('other types, both Open Badges names, and evidence beyond OB 3.0 are refused', () => {
    expect(refusal({ ...extras(), type: ['VerifiableCredential', 'EndorsementCredential'] })).toMatch(/^credential\.type must be one of/);
    expect(refusal({ ...extras(), type: ['VerifiableCredential', 'OpenBadgeCredential', 'AchievementCredential'] })).toMatch(/^credential\.type/);
    expect(refusal({ ...extras(), evidence: [{ type: ['Evidence'], score: 1 }] })).toBe('credential.evidence[0].score is not allowed');
    expect(refusal({ ...extras(), evidence: [] })).toMatch(/^credential\.evidence must be an array of 1\.\.10/);
  });

  test('the builder refuses a name that is no registered title, and worker data it would not sign', () => {
    const input = {
      id: 'urn:uuid:5e4c1d3a-9f8b-4c2e-8a7d-1b2c3d4e5f60', issuer: { did, name: 'Training Centre' }, qualification: phCaregivingQualification(did),
      subject: { name: 'A. Worker', birthDate: '1990-01-01' }, assessedAt: '2026-10-30T00:00:00Z', route: 'training' as const, validFrom: '2026-11-01T00:00:00Z',
      status: { type: 'BitstringStatusListEntry' as const, statusPurpose: 'revocation' as const, statusListIndex: '7', statusListCredential: 'https://c.example/credentials/status/1' },
    };
    expect(buildSkillCredential({ ...input, name: 'Pag-aalaga NC II' }).name).toBe('Pag-aalaga NC II');
    expect(() => buildSkillCredential({ ...input, name: 'Registered Nurse' })).toThrow(expect.objectContaining({ code: 'ERR_NAME_MISMATCH' }));
    expect(() => buildSkillCredential({ ...input, achievementName: 'Registered Nurse' })).toThrow(expect.objectContaining({ code: 'ERR_NAME_MISMATCH' }));
    for (const bad of [
      { subject: { name: 'A\u0000Worker', birthDate: '1990-01-01' } }, { subject: { name: 'A. Worker', birthDate: '2024-02-30' } },
      { assessedAt: '2026-12-01T00:00:00Z' }, { assessedAt: '1989-12-31T00:00:00Z' }, { validUntil: '2026-10-01T00:00:00Z' }, { validUntil: '2031-02-30T00:00:00Z' },
    ]) {
      expect(() => buildSkillCredential({ ...input, ...bad })).toThrow(expect.objectContaining({ code: 'ERR_PROPERTY_REFUSED' }));
    }
  });
});
