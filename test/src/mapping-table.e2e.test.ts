// Mapping tables: many mappings of one partnership agreed and signed at once. A table is in
// force only with both authorities' signatures, each row then counts exactly as a mapping (the
// officer's recognition comes from it), a withdrawal by either authority takes every row out, and
// rows naming unknown qualifications or undefined conditions are refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addSignature, isCorridorError, JP_CARE_WORKER_SSW, PH_CAREGIVING_NC_II, PH_JP_PARTNERSHIP, signRecord,
  type MappingTableRecord, type SkillCredential,
} from '@corridor/shared';
import { verifySkillCredential } from '@corridor/verifier';
import { createWorld, type World } from './world.js';

let world: World;
let credential: SkillCredential;

const table = (overrides: Partial<MappingTableRecord> = {}): MappingTableRecord => ({
  kind: 'mapping-table', id: 'urn:corridor:mapping-table:PH-JP:further-study-2026', version: 1, issuedAt: '2026-11-01T00:00:00Z',
  partnership: PH_JP_PARTNERSHIP, origin: { country: 'PH' }, destination: { country: 'JP' },
  conditions: [{ id: 'ja-n3', type: 'language', language: 'ja', minimumLevel: 'JLPT N3', description: { en: 'Japanese at JLPT N3', ja: '日本語能力試験N3' } }],
  rows: [
    { origin: { qualification: PH_CAREGIVING_NC_II }, destination: { qualification: JP_CARE_WORKER_SSW }, outcome: 'partial', conditions: ['ja-n3'], purpose: 'further-study' },
    { origin: { qualification: PH_CAREGIVING_NC_II }, destination: { occupation: { isco08: '5322', title: { en: 'Home-based personal care worker' } } }, outcome: 'full', conditions: [], purpose: 'further-study' },
  ],
  validFrom: '2026-11-01T00:00:00Z', status: 'active', ...overrides,
});

const furtherStudy = async () => verifySkillCredential(credential, { trust: await world.trust('JP'), country: 'JP', purpose: 'further-study' });
const refusal = async (jws: Promise<unknown>) => {
  try {
    await world.registry.submit(await jws);
  } catch (error) {
    return isCorridorError(error) ? error.code : String(error);
  }
  return 'accepted';
};

beforeAll(async () => {
  world = await createWorld();
  credential = await world.issue();
  await world.publishStatus();
}, 60_000);

afterAll(() => world.close());

describe('mapping tables', () => {
  it('are proposed by one authority and not in force: no recognition for that purpose yet', async () => {
    const proposed = await world.registry.submit(await signRecord(table(), world.keys.ph));
    expect(proposed.state).toBe('proposed');
    const result = await furtherStudy();
    expect(result.verdict).toBe('indeterminate');
    expect(result.checks.find((c) => c.id === 'recognition')?.code).toBe('ERR_RECOGNITION_NONE');
  });

  it('come into force when the partner signs: each row is a mapping the officer sees', async () => {
    const both = await addSignature(await signRecord(table(), world.keys.ph), world.keys.jp);
    expect((await world.registry.submit(both)).state).toBe('in-force');
    const trust = await world.trust('JP');
    const rows = trust.mappings.get(PH_CAREGIVING_NC_II)!.filter((m) => m.purpose === 'further-study');
    expect(rows.map((m) => m.id)).toEqual([`${table().id}#1`, `${table().id}#2`]);
    expect(rows[0]).toMatchObject({ partnership: PH_JP_PARTNERSHIP, origin: { country: 'PH' }, destination: { country: 'JP', qualification: JP_CARE_WORKER_SSW } });
    const result = await furtherStudy();
    expect(result.verdict).toBe('valid');
    expect(result.recognition).toMatchObject({ purpose: 'further-study', country: 'JP' });
    // The employment mapping record is untouched by the table.
    expect((await verifySkillCredential(credential, { trust, country: 'JP' })).recognition?.mapping).toBe('urn:corridor:mapping:PH-JP:caregiving-nc-ii');
  });

  it('leave force entirely when either authority withdraws the table', async () => {
    const withdrawn = await signRecord(table({ version: 2, status: 'withdrawn', issuedAt: '2026-11-10T00:00:00Z' }), world.keys.jp);
    expect((await world.registry.submit(withdrawn)).state).toBe('withdrawn');
    expect((await world.trust('JP')).mappings.get(PH_CAREGIVING_NC_II)!.filter((m) => m.purpose === 'further-study')).toEqual([]);
    expect((await furtherStudy()).verdict).toBe('indeterminate');
  });

  it('are refused with rows naming unknown qualifications or undefined conditions, or too many rows', async () => {
    const unknown = table({ id: 'urn:corridor:mapping-table:PH-JP:bad-1', rows: [{ ...table().rows[0]!, origin: { qualification: 'urn:corridor:qualification:PH:nowhere' } }] });
    expect(await refusal(signRecord(unknown, world.keys.ph))).toBe('ERR_RECORD_INVALID');
    const undefinedCondition = table({ id: 'urn:corridor:mapping-table:PH-JP:bad-2', rows: [{ ...table().rows[0]!, conditions: ['not-defined'] }] });
    expect(await refusal(signRecord(undefinedCondition, world.keys.ph))).toBe('ERR_RECORD_INVALID');
    const tooMany = table({ id: 'urn:corridor:mapping-table:PH-JP:bad-3', rows: Array.from({ length: 1001 }, () => table().rows[1]!) });
    expect(await refusal(signRecord(tooMany, world.keys.ph))).toBe('ERR_RECORD_INVALID');
  });
});
