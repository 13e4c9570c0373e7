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
