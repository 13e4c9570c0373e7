import { describe, expect, test } from '@jest/globals';
import { buildSkillCredential } from './credential.js';
import { isCorridorError } from './errors.js';
import { phCaregivingQualification } from './reference.js';
import { encodeBase58btc } from './encoding.js';
import { assertRegistryRecord, assertSkillCredential, assertVerifiableSkillCredential, jsonPointerOf, keyPath } from './validate.js';

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

  test('only VC 2.0 and OB 3.0 terms: the birth date one plain IdentityObject, the route one Result, the status entry with an id', () => {
    const c = credential();
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(c.credentialSubject.identifier).toEqual([{ type: 'IdentityObject', hashed: false, identityHash: '1990-01-01', identityType: 'ext:birthDate' }]);
    expect(c.credentialSubject.result).toEqual([{ type: ['Result'], value: 'training' }]);
    expect(c.credentialStatus.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(c.credentialSubject.achievement.alignment[0]!.targetUrl).toBe('http://data.europa.eu/esco/isco/C5322');
    const subject = (change: Record<string, unknown>) => ({ ...c, credentialSubject: { ...c.credentialSubject, ...change } });
    const identity = c.credentialSubject.identifier[0];
    expect(refusal(subject({ identifier: [{ ...identity, hashed: true }] }))).toMatch(/^credential\.credentialSubject\.identifier\[0\]\.hashed/);
    expect(refusal(subject({ identifier: [identity, identity] }))).toMatch(/^credential\.credentialSubject\.identifier must be/);
    expect(refusal(subject({ result: [{ type: ['Result'], value: 'exam' }] }))).toMatch(/^credential\.credentialSubject\.result\[0\]\.value/);
    expect(refusal(subject({ birthDate: '1990-01-01' }))).toBe('credential.credentialSubject.birthDate is not allowed');
    const { id: _id, ...noId } = c.credentialStatus;
    expect(refusal({ ...c, credentialStatus: noId })).toMatch(/^credential\.credentialStatus\.id/);
    // Corridor's own context is the old shape's: verified, never issued; and never mixed with the new one.
    const mixed = { ...c, '@context': [...c['@context'], 'https://w3id.org/corridor/v1'] };
    expect(() => assertSkillCredential(mixed)).toThrow(expect.objectContaining({ code: 'ERR_CREDENTIAL_MALFORMED' }));
    expect(() => assertVerifiableSkillCredential(mixed)).toThrow(expect.objectContaining({ code: 'ERR_CREDENTIAL_MALFORMED' }));
    expect(() => assertVerifiableSkillCredential(c)).not.toThrow();
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

describe('what the checks read, and what their messages show', () => {
  const proof = () => ({
    type: 'DataIntegrityProof', created: '2026-11-01T00:00:00Z', verificationMethod: `${did}#${did.slice('did:key:'.length)}`,
    cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', proofValue: `z${encodeBase58btc(new Uint8Array(64).fill(7))}`,
  });

  test('own properties of plain objects only: a field lent by a prototype is refused, not read', () => {
    const lent = Object.setPrototypeOf(credential(), { validUntil: '2031-12-31T00:00:00Z' }) as object;
    expect(refusal(lent)).toBe('credential must be a plain object');
    const nested = credential();
    Object.setPrototypeOf(nested.credentialSubject, { id: 'did:key:z6Mkother' });
    expect(refusal(nested)).toBe('credential.credentialSubject must be a plain object');
    expect(() => assertSkillCredential(Object.assign(Object.create(null) as object, credential()))).not.toThrow();
  });

  test('a key chosen by an attacker is named escaped and cut short', () => {
    expect(refusal({ ...credential(), '\u001b[2J\u009b\u202eVALID\n': 1 })).toBe('credential["\\u001b[2J\\u009b\\u202eVALID\\n"] is not allowed');
    expect(refusal({ ...credential(), ['x'.repeat(100)]: 1 })).toBe(`credential["${'x'.repeat(40)}\\u2026"] is not allowed`);
    expect(keyPath('p', 'plain_name-1')).toBe('p.plain_name-1');
  });

  test('the proof is closed: exactly our members, suite, purpose, method and signature length', () => {
    expect(() => assertSkillCredential({ ...credential(), proof: proof() })).not.toThrow();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...proof(), extra: {} }, 'credential.proof.extra is not allowed'],
      [{ ...proof(), cryptosuite: 'ecdsa-rdfc-2019' }, 'credential.proof.cryptosuite must be one of eddsa-rdfc-2022'],
      [{ ...proof(), proofPurpose: 'authentication' }, 'credential.proof.proofPurpose must be one of assertionMethod'],
      [{ ...proof(), verificationMethod: `${did}#z6MkotherKeyz6MkotherKeyz6MkotherKeyz6MkotherKey` }, 'credential.proof.verificationMethod must be a did:key verification method (did:key:<key>#<key>)'],
      [{ ...proof(), proofValue: `z${encodeBase58btc(new Uint8Array(63).fill(7))}` }, 'credential.proof.proofValue must be a base58btc Ed25519 signature'],
      [{ ...proof(), created: undefined }, 'credential.proof.created must be an ISO 8601 date-time'],
    ];
    for (const [bad, message] of cases) expect(refusal({ ...credential(), proof: bad })).toBe(message);
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

describe('record errors name the field as a JSON Pointer', () => {
  test('paths become RFC 6901 pointers, odd keys escaped', () => {
    expect(jsonPointerOf('record')).toBe('');
    expect(jsonPointerOf('record.rows[3].origin.qualification')).toBe('/rows/3/origin/qualification');
    expect(jsonPointerOf('record["a/b~c"]')).toBe('/a~1b~0c');
    expect(jsonPointerOf(keyPath('record.name', '\u001b[2J'))).toBe('/name/\u001b[2J');
  });

  test('a broken record file says where and what was expected', () => {
    const record = { ...phCaregivingQualification(did), isco08: '53' };
    try {
      assertRegistryRecord(record);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({ code: 'ERR_RECORD_INVALID', pointer: '/isco08' });
      expect((error as Error).message).toBe('record.isco08 must be a 4-digit ISCO-08 unit group (at /isco08)');
    }
  });
});
