// A QR code printed before Corridor followed the VC Barcodes draft (`CC1:` + base45, our own CBOR-LD
// entry 100, the credential shape with https://w3id.org/corridor/v1) still reads and verifies.
// The fixture was made by the code of commit e0a78b9, with throwaway test keys.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { subjectFacts } from '../credential.js';
import { verifyCredentialProof } from '../proof.js';
import type { VerifiableSkillCredential } from '../types.js';
import { assertSkillCredential, assertVerifiableSkillCredential } from '../validate.js';
import { decodeBase45, encodeBase45 } from './base45.js';
import { decodeQrText, QR_PREFIX } from './cborld.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/legacy-cc1.json', import.meta.url), 'utf8')) as { text: string; credential: VerifiableSkillCredential };

describe('a CC1: code already printed', () => {
  it('decodes to the credential then issued, whose proof still verifies and whose facts the verifier reads', async () => {
    const decoded = await decodeQrText(fixture.text);
    expect(decoded).toEqual(fixture.credential);
    expect((decoded['@context'] as string[]).at(-1)).toBe('https://w3id.org/corridor/v1');
    expect((await verifyCredentialProof({ credential: decoded, now: new Date('2026-11-02T00:00:00Z') })).verified).toBe(true);
    assertVerifiableSkillCredential(decoded);
    expect(subjectFacts(decoded)).toEqual({ name: 'Maria Santos', birthDate: '1996-04-12', assessmentRoute: 'recognition-of-prior-learning' });
    // Verified, never issued: the issuing check takes only the new shape.
    expect(() => assertSkillCredential(decoded)).toThrow(expect.objectContaining({ code: 'ERR_CREDENTIAL_MALFORMED' }));
  });

  it('is read only under its own prefix: the same bytes behind VC1-R are refused', async () => {
    const bytes = decodeBase45(fixture.text.slice('CC1:'.length));
    await expect(decodeQrText(QR_PREFIX + encodeBase45(bytes))).rejects.toMatchObject({ code: 'ERR_QR_INVALID' });
  });

  it('a tampered old code does not verify', async () => {
    const decoded = await decodeQrText(fixture.text);
    const changed = { ...decoded, credentialSubject: { ...(decoded.credentialSubject as object), birthDate: '1990-04-12' } };
    expect((await verifyCredentialProof({ credential: changed, now: new Date('2026-11-02T00:00:00Z') })).verified).toBe(false);
  });
});
