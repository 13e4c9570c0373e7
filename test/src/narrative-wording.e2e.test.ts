// Credentials now say "the one unit" / "both units" of competency instead of "all 1 units" /
// "all 2 units". Those signed with the old wording are untouched by the change: their JSON and
// their QR codes (whose narrative is a catalogue code) still verify VALID offline, and the new
// wording travels in the QR code as text, so any verifier decodes it, whatever its catalogue.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Issuer, IssuerStore } from '@corridor/issuer';
import { accreditationRecord } from '@corridor/registry';
import {
  decodeQrText, encodeQrText, JP_CARE_WORKER_SSW, legacyUnitsNarrative, signRecord,
  type QualificationRecord, type SkillCredential, type TrustIndex,
} from '@corridor/shared';
import { verifySkillCredential } from '@corridor/verifier';
import { resign } from './hostile.js';
import { createWorld, newKey, WORKER, type World } from './world.js';

let world: World;
let trust: TrustIndex;
let current: SkillCredential;
let old: SkillCredential;

beforeAll(async () => {
  world = await createWorld();
  // A JP centre accredited for the care worker qualification, which lists one unit.
  const key = newKey();
  await world.registry.submit(await signRecord(accreditationRecord({
    id: 'urn:corridor:accreditation:JP:tokyo-care-exams', authority: world.keys.jp, trainingBody: key, name: 'Tokyo Care Exams', country: 'JP',
    baseUrl: 'https://tokyo-care-exams.example.jp', qualifications: [JP_CARE_WORKER_SSW], validFrom: '2026-01-01T00:00:00Z',
  }), world.keys.jp));
  const issuer = new Issuer({ store: new IssuerStore(':memory:'), key, name: 'Tokyo Care Exams', baseUrl: 'https://tokyo-care-exams.example.jp' });
  const qualification = (await world.trust('JP')).qualifications.get(JP_CARE_WORKER_SSW) as QualificationRecord;
  expect(qualification.units).toHaveLength(1);
  current = await issuer.issue({ qualification, subject: WORKER, assessedAt: '2026-09-01T00:00:00Z', route: 'training' });
  // The same credential as the code before the change signed it, with the same key.
  old = await resign(current, key, (c) => ({
    ...c, credentialSubject: { ...c.credentialSubject, achievement: { ...c.credentialSubject.achievement, criteria: { narrative: legacyUnitsNarrative(1) } } },
  }));
  await world.publishStatus(issuer);
  trust = await world.trust('JP');
}, 60_000);

afterAll(() => world?.close());

describe('the criteria narrative, before and after the wording changed', () => {
  it('a credential issued now reads naturally', () => {
    expect(current.credentialSubject.achievement.criteria.narrative).toBe('Assessed competent in the one unit of competency.');
    expect(old.credentialSubject.achievement.criteria.narrative).toBe('Assessed competent in all 1 units of competency.');
  });

  it('a credential issued with the old wording still verifies VALID from its JSON', async () => {
    const result = await verifySkillCredential(JSON.parse(JSON.stringify(old)), { trust, country: 'JP' });
    expect(result.verdict).toBe('valid');
    expect((await verifySkillCredential(current, { trust, country: 'JP' })).verdict).toBe('valid');
  });

  it('its QR code (the old wording a catalogue code) decodes to the same credential and verifies VALID', async () => {
    const catalogue = trust.qrCatalogue!;
    expect(catalogue.none).toContain(legacyUnitsNarrative(1));
    const oldText = await encodeQrText(old, { catalogue });
    const decoded = await decodeQrText(oldText, { catalogue });
    expect(decoded).toEqual(JSON.parse(JSON.stringify(old)));
    expect((await verifySkillCredential(decoded, { trust, country: 'JP' })).verdict).toBe('valid');
    // The new wording is carried as text: a little longer, readable with any catalogue or none.
    const newText = await encodeQrText(current, { catalogue });
    expect(newText.length).toBeGreaterThan(oldText.length);
    for (const options of [{ catalogue }, {}]) {
      const read = await decodeQrText(await encodeQrText(current, options), options);
      expect((await verifySkillCredential(read, { trust, country: 'JP' })).verdict).toBe('valid');
    }
  });
});
