// The achievement's criteria read naturally for any number of units ("both units", not "all 2
// units"), while the QR catalogue keeps the wording credentials were signed with before, at the
// same code: a catalogue built from the same log is the same list, string for string.
import { describe, expect, it } from '@jest/globals';
import { legacyUnitsNarrative, qualificationAchievement, unitsNarrative } from './credential.js';
import { createCatalogueBuilder } from './qr/catalogue.js';
import { phCaregivingQualification } from './reference.js';
import type { QualificationRecord } from './types.js';

const ph = phCaregivingQualification('did:key:z6MkAuthority');
const withUnits = (n: number, id = `urn:corridor:qualification:PH:q${n}`): QualificationRecord => ({ ...ph, id, title: { en: `Qualification with ${n}` }, units: ph.units.slice(0, n) });

describe('the criteria narrative', () => {
  it('reads naturally for one, two and many units, and says nothing of units when none are listed', () => {
    expect(unitsNarrative(0)).toBe('Assessed competent.');
    expect(unitsNarrative(1)).toBe('Assessed competent in the one unit of competency.');
    expect(unitsNarrative(2)).toBe('Assessed competent in both units of competency.');
    expect(unitsNarrative(3)).toBe('Assessed competent in all 3 units of competency.');
    expect(unitsNarrative(8)).toBe('Assessed competent in all 8 units of competency.');
    for (let n = 0; n < 40; n++) expect(unitsNarrative(n)).not.toMatch(/all [012] units/);
    expect(qualificationAchievement(withUnits(2)).criteria.narrative).toBe('Assessed competent in both units of competency.');
  });

  it('from three units up is the wording credentials were always issued with', () => {
    for (let n = 3; n < 40; n++) expect(unitsNarrative(n)).toBe(legacyUnitsNarrative(n));
  });

  it('the QR catalogue keeps the old wording at the codes it always had (append-only), whatever the new wording', () => {
    const builder = createCatalogueBuilder();
    for (const q of [withUnits(2), withUnits(1), ph, withUnits(0)]) builder.addRecord(q);
    const none = builder.build().none;
    // The list as the builder made it before the wording changed: title, description, narrative, level name, ISCO-08, level, framework per record.
    expect(none).toEqual([
      'Qualification with 2', 'Qualification with 2, PQF level 2, PH', 'Assessed competent in all 2 units of competency.', 'PQF level 2', '5322', '2', 'PQF',
      'Qualification with 1', 'Qualification with 1, PQF level 2, PH', 'Assessed competent in all 1 units of competency.',
      'Caregiving NC II', 'Caregiving NC II, PQF level 2, PH', 'Assessed competent in all 8 units of competency.',
      'Qualification with 0', 'Qualification with 0, PQF level 2, PH', 'Assessed competent in all 0 units of competency.',
    ]);
  });
});
