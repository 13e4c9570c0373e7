import { describe, expect, test } from '@jest/globals';
import { encodeBase64url } from './encoding.js';
import { generateKeyPair, importKeyPair } from './keys.js';
import { addSignature, recordContentHash, signRecord, verifyRecord } from './records.js';
import type { AuthorityRecord, GeneralJws, QualificationRecord } from './types.js';

const ph = importKeyPair(generateKeyPair());
const jp = importKeyPair(generateKeyPair());
const authority: AuthorityRecord = {
  kind: 'authority', id: 'urn:corridor:authority:PH:tesda', version: 1, issuedAt: '2026-01-05T00:00:00Z',
  did: ph.description.controller, country: 'PH', name: { en: 'Technical Education and Skills Development Authority' },
};
const qualification: QualificationRecord = {
  kind: 'qualification', id: 'urn:corridor:qualification:PH:caregiving-nc-ii', version: 1, issuedAt: '2026-01-05T00:00:00Z',
  authority: ph.description.controller, country: 'PH', title: { en: 'Caregiving NC II', fil: 'Pag-aalaga NC II' },
  level: { framework: 'PQF', level: '2', referencedTo: { framework: 'AQRF', level: '2' } }, isco08: '5322',
  units: [{ code: 'HCS323301', title: { en: 'Develop the role of caregiver' } }], achievementType: 'Certificate', status: 'active',
};
const tamperPayload = (jws: GeneralJws, change: (value: Record<string, unknown>) => void): GeneralJws => {
  const value = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
  change(value);
  return { ...jws, payload: encodeBase64url(new TextEncoder().encode(JSON.stringify(value))) };
};

describe('registry records as JWS', () => {
  test('a signed record verifies and names its signer', async () => {
    const jws = await signRecord(authority, ph);
    const verified = await verifyRecord(jws);
    expect(verified.record).toEqual(authority);
    expect(verified.signers).toEqual([ph.description.controller]);
    expect(verified.contentHash).toBe(recordContentHash(authority));
  });

  test('co-signing adds a second signature over the identical payload; a key cannot sign twice', async () => {
    const jws = await addSignature(await signRecord(qualification, ph), jp);
    expect((await verifyRecord(jws)).signers).toEqual([ph.description.controller, jp.description.controller]);
    await expect(addSignature(jws, ph)).rejects.toMatchObject({ code: 'ERR_CONFLICT' });
  });

  test('a changed payload, swapped signature or foreign kid fails with ERR_RECORD_SIGNATURE_INVALID', async () => {
    const jws = await signRecord(qualification, ph);
    const other = await signRecord({ ...qualification, version: 2 }, ph);
    const jpSigned = await signRecord(qualification, jp);
    const cases: GeneralJws[] = [
      tamperPayload(jws, (v) => { v.isco08 = '2221'; }),
      { payload: jws.payload, signatures: other.signatures },
      { payload: jws.payload, signatures: [{ protected: jpSigned.signatures[0]!.protected, signature: jws.signatures[0]!.signature }] },
      { payload: jws.payload, signatures: [{ protected: encodeBase64url(new TextEncoder().encode('{"alg":"none"}')), signature: '' }] },
      { payload: jws.payload, signatures: [...jws.signatures, ...jws.signatures] },
    ];
    for (const bad of cases) await expect(verifyRecord(bad)).rejects.toMatchObject({ code: 'ERR_RECORD_SIGNATURE_INVALID' });
  });

  test('malformed JWS and malformed records are ERR_RECORD_INVALID', async () => {
    for (const bad of [null, {}, { payload: 'x', signatures: [] }, 'a.b.c']) {
      await expect(verifyRecord(bad)).rejects.toMatchObject({ code: 'ERR_RECORD_INVALID' });
    }
    await expect(signRecord({ ...authority, country: 'Philippines' } as AuthorityRecord, ph)).rejects.toMatchObject({ code: 'ERR_RECORD_INVALID' });
    await expect(signRecord({ ...qualification, isco08: '53' } as QualificationRecord, ph)).rejects.toMatchObject({ code: 'ERR_RECORD_INVALID' });
    await expect(signRecord({ ...authority, extra: 1 } as AuthorityRecord, ph)).rejects.toMatchObject({ code: 'ERR_RECORD_INVALID' });
  });
});
