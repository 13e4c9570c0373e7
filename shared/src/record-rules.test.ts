import { describe, expect, test } from '@jest/globals';
import { allowedSigners, checkSigners, signaturePolicy, type RulesView } from './record-rules.js';
import { jpCareWorkerQualification, phCaregivingQualification, PH_CAREGIVING_NC_II, JP_CARE_WORKER_SSW } from './reference.js';
import type { AccreditationRecord, AuthorityRecord, PartnershipRecord, RegistryRecord } from './types.js';
import { assertRegistryRecord, isUnderBaseUrl } from './validate.js';

const PH = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const JP = 'did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG';
const NEW = 'did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf';
const authority = (id: string, did: string, country: string): AuthorityRecord => ({ kind: 'authority', id, version: 1, issuedAt: '2026-01-15T00:00:00Z', did, country, name: { en: country } });
const partnership: PartnershipRecord = {
  kind: 'partnership', id: 'urn:p', version: 1, issuedAt: '2026-01-15T00:00:00Z', name: { en: 'p' }, authorities: [PH, JP], countries: ['PH', 'JP'],
  validFrom: '2026-01-15T00:00:00Z', status: 'active',
};

/** A view over one state: records by id, keys as the registry sees them (the key in force only). */
function view(records: RegistryRecord[]): RulesView {
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    current: (id) => byId.get(id),
    authorityIdOf: (did) => records.find((r): r is AuthorityRecord => r.kind === 'authority' && r.did === did)?.id,
    keysOf: (id) => { const a = byId.get(id) as AuthorityRecord | undefined; return a && a.status !== 'withdrawn' ? [a.did] : []; },
    partnersOf: (id) => (id === 'urn:a:ph' ? ['urn:a:jp'] : ['urn:a:ph']),
  };
}
const state = () => [authority('urn:a:ph', PH, 'PH'), authority('urn:a:jp', JP, 'JP'), partnership, phCaregivingQualification(PH), jpCareWorkerQualification(JP)];

describe('who may write what', () => {
  test('a later version keeps its owner: PH cannot amend JP\'s qualification under any label', () => {
    const v = view(state());
    const jpQual = jpCareWorkerQualification(JP);
    expect(() => signaturePolicy({ ...jpQual, version: 2, authority: PH, country: 'PH' }, v)).toThrow(expect.objectContaining({ code: 'ERR_SIGNER_NOT_AUTHORIZED' }));
    expect(() => signaturePolicy({ ...jpQual, version: 2, authority: PH }, v)).toThrow(expect.objectContaining({ code: 'ERR_SIGNER_NOT_AUTHORIZED' }));
    expect(() => checkSigners(signaturePolicy({ ...jpQual, version: 2 }, v), [PH])).toThrow(expect.objectContaining({ code: 'ERR_SIGNER_NOT_AUTHORIZED' }));
    expect(checkSigners(signaturePolicy({ ...jpQual, version: 2 }, v), [JP])).toEqual({ complete: true });
  });

  test('an accreditation covers only its own country\'s qualifications', () => {
    const accreditation: AccreditationRecord = {
      kind: 'accreditation', id: 'urn:acc', version: 1, issuedAt: '2026-01-15T00:00:00Z', authority: PH,
      trainingBody: { did: NEW, name: 'C', country: 'PH', baseUrl: 'https://c.example' }, qualifications: [JP_CARE_WORKER_SSW],
      validFrom: '2026-01-15T00:00:00Z', status: 'active',
    };
    expect(() => signaturePolicy(accreditation, view(state()))).toThrow(/own country's qualifications/);
    expect(signaturePolicy({ ...accreditation, qualifications: [PH_CAREGIVING_NC_II] }, view(state())).options).toEqual([[[PH]]]);
  });

  test('an authority record: rotation by the key in force and the new key; recovery by the new key and every partner; another\'s key never', () => {
    const v = view(state());
    const ph = authority('urn:a:ph', PH, 'PH');
    expect(() => signaturePolicy({ ...ph, version: 2, did: JP }, v)).toThrow(/another authority/);
    expect(() => signaturePolicy({ ...ph, version: 2, country: 'JP' }, v)).toThrow(/country/);
    const rotation = signaturePolicy({ ...ph, version: 2, did: NEW }, v);
    expect(rotation.options).toEqual([[[PH], [NEW]], [[NEW], [JP]]]);
    expect(allowedSigners(rotation)).toEqual(new Set([PH, NEW, JP]));
    expect(checkSigners(rotation, [NEW])).toEqual({ complete: false });
    // Once withdrawn, only a recovery replaces the key.
    const withdrawn = view([...state().filter((r) => r.id !== 'urn:a:ph'), { ...ph, status: 'withdrawn' }]);
    expect(signaturePolicy({ ...ph, version: 3, did: NEW }, withdrawn).options).toEqual([[[NEW], [JP]]]);
  });

  test('keyCompromised only on a withdrawal; a base URL is https and holds only what is below it', () => {
    expect(() => assertRegistryRecord({ ...authority('urn:a', PH, 'PH'), keyCompromised: true })).toThrow(/only declared by a withdrawal/);
    expect(() => assertRegistryRecord({ ...authority('urn:a', PH, 'PH'), status: 'withdrawn', keyCompromised: true })).not.toThrow();
    expect(isUnderBaseUrl('https://mctc.example.ph/credentials/status/1', 'https://mctc.example.ph')).toBe(true);
    expect(isUnderBaseUrl('https://mctc.example.ph/a/credentials/status/1', 'https://mctc.example.ph/a/')).toBe(true);
    expect(isUnderBaseUrl('https://MCTC.example.ph:443/a/./credentials/1', 'https://mctc.example.ph/a')).toBe(true);
    expect(isUnderBaseUrl('https://mctc.example.ph/ab/credentials/1', 'https://mctc.example.ph/a')).toBe(false);
    expect(isUnderBaseUrl('https://mctc.example.ph/a/../b/1', 'https://mctc.example.ph/a')).toBe(false);
    expect(isUnderBaseUrl('https://mctc.example.ph.evil.example/1', 'https://mctc.example.ph')).toBe(false);
    expect(isUnderBaseUrl('http://mctc.example.ph/1', 'https://mctc.example.ph')).toBe(false);
    expect(isUnderBaseUrl('https://mctc.example.ph/1?x=1', 'https://mctc.example.ph')).toBe(false);
  });
});
