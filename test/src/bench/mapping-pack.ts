/**
 * A trust pack for one destination with 100,000 mappings and 500 accredited training bodies:
 * compressed size, load time (every signature checked) and recognition lookup time. Baselines
 * from the same run: the same mappings as one two-signature record each (signed for a sample,
 * scaled up), and a lookup by scanning every mapping instead of the index.
 */
import { gzipSync } from 'node:zlib';
import { accreditationRecord, authorityRecord } from '@corridor/registry';
import {
  addSignature, jpCareWorkerQualification, loadTrustPack, MAX_MAPPING_TABLE_ROWS, mappingsOfTable, phCaregivingQualification,
  PH_JP_PARTNERSHIP, signJson, signRecord, type GeneralJws, type MappingTableRecord, type PartnershipRecord, type SkillCredential,
} from '@corridor/shared';
import { recognize } from '@corridor/verifier';
import { newKey } from '../world.js';
import { round } from './measure.js';

export interface MappingPackResults {
  mappings: number; issuers: number; originQualifications: number; tables: number;
  packBytes: number; packGzipBytes: number; loadMs: number;
  lookupMicros: number; scanLookupMicros: number; lookupRatio: number;
  perRecordGzipBytesEstimate: number; perRecordSample: number;
}

const ISSUED = '2026-11-01T00:00:00Z';

export async function benchMappingPack(mappingCount = 100_000, issuerCount = 500, originQualifications = 2_000): Promise<MappingPackResults> {
  const ph = newKey();
  const jp = newKey();
  const operator = newKey();
  const records: GeneralJws[] = [];
  records.push(await signRecord(authorityRecord('urn:corridor:authority:PH', ph, 'PH', { en: 'PH authority' }), ph));
  records.push(await signRecord(authorityRecord('urn:corridor:authority:JP', jp, 'JP', { en: 'JP authority' }), jp));
  const partnership: PartnershipRecord = {
    kind: 'partnership', id: PH_JP_PARTNERSHIP, version: 1, issuedAt: ISSUED, name: { en: 'PH–JP' },
    authorities: [ph.description.controller, jp.description.controller], countries: ['PH', 'JP'], validFrom: ISSUED, status: 'active',
  };
  records.push(await addSignature(await signRecord(partnership, ph), jp));
  const qualificationIds = Array.from({ length: originQualifications }, (_, i) => `urn:corridor:qualification:PH:q-${i}`);
  for (const id of qualificationIds) records.push(await signRecord({ ...phCaregivingQualification(ph.description.controller), id }, ph));
  const destinations = Array.from({ length: 50 }, (_, i) => `urn:corridor:qualification:JP:d-${i}`);
  for (const id of destinations) records.push(await signRecord({ ...jpCareWorkerQualification(jp.description.controller), id }, jp));
  for (let i = 0; i < issuerCount; i++) {
    records.push(await signRecord(accreditationRecord({
      id: `urn:corridor:accreditation:PH:centre-${i}`, authority: ph, trainingBody: newKey(), name: `Training centre ${i}`, country: 'PH', baseUrl: `https://centre-${i}.example.ph`,
      qualifications: qualificationIds.slice((i * 7) % originQualifications, ((i * 7) % originQualifications) + 5), validFrom: ISSUED,
    }), ph));
  }

  const rowFor = (i: number): MappingTableRecord['rows'][number] => i % 3 === 0
    ? { origin: { qualification: qualificationIds[i % originQualifications]! }, destination: { occupation: { isco08: String(5300 + (i % 90)), title: { en: `Occupation ${i % 90}`, ja: `職業 ${i % 90}` } } },
      outcome: 'partial', conditions: ['ja-n4', 'bridging'], purpose: 'employment' }
    : { origin: { qualification: qualificationIds[i % originQualifications]! }, destination: { qualification: destinations[i % destinations.length]! },
      outcome: 'full', conditions: [], purpose: i % 2 ? 'employment' : 'further-study' };
  const tableOf = (n: number, rows: MappingTableRecord['rows']): MappingTableRecord => ({
    kind: 'mapping-table', id: `urn:corridor:mapping-table:PH-JP:${n}`, version: 1, issuedAt: ISSUED, partnership: PH_JP_PARTNERSHIP,
    origin: { country: 'PH' }, destination: { country: 'JP' }, validFrom: ISSUED, status: 'active',
    conditions: [
      { id: 'ja-n4', type: 'language', language: 'ja', minimumLevel: 'JLPT N4', description: { en: 'Japanese at JLPT N4', ja: '日本語能力試験N4' } },
      { id: 'bridging', type: 'bridging-training', hours: 40, description: { en: 'Bridging course, 40 hours', ja: 'ブリッジング研修40時間' } },
    ],
    rows,
  });
  const tables: MappingTableRecord[] = [];
  for (let start = 0; start < mappingCount; start += MAX_MAPPING_TABLE_ROWS) {
    tables.push(tableOf(tables.length, Array.from({ length: Math.min(MAX_MAPPING_TABLE_ROWS, mappingCount - start) }, (_, k) => rowFor(start + k))));
  }
  for (const table of tables) records.push(await addSignature(await signRecord(table, ph), jp));

  const content = {
    format: 'corridor-trust-pack/1', country: 'JP', sequence: records.length, logHead: 'a'.repeat(64), issuedAt: new Date().toISOString(),
    records, statusLists: [],
  };
  const pack = await signJson(content, operator);
  const text = JSON.stringify(pack);
  const started = performance.now();
  const trust = await loadTrustPack(JSON.parse(text), { roots: [jp.description.controller] });
  const loadMs = round(performance.now() - started, 0);
  const loaded = [...trust.mappings.values()].reduce((n, list) => n + list.length, 0);
  if (loaded !== mappingCount) throw new Error(`expected ${mappingCount} mappings in force, found ${loaded}`);

  // Recognition lookups for credentials of random origin qualifications, through the verifier's own function.
  const credentials = Array.from({ length: 2000 }, (_, i) => ({
    validFrom: ISSUED, credentialSubject: { achievement: { id: qualificationIds[(i * 7919) % originQualifications]! } },
  }) as unknown as SkillCredential);
  const now = new Date();
  const lookups = 200_000;
  let t = performance.now();
  for (let i = 0; i < lookups; i++) recognize(credentials[i % credentials.length]!, trust, { country: 'JP', purpose: 'employment', now });
  const lookupMicros = round(((performance.now() - t) * 1000) / lookups, 2);
  const all = [...trust.mappings.values()].flat();
  const scans = 200;
  t = performance.now();
  for (let i = 0; i < scans; i++) {
    const id = credentials[i % credentials.length]!.credentialSubject.achievement.id;
    all.filter((m) => m.origin.qualification === id && m.destination.country === 'JP' && m.purpose === 'employment');
  }
  const scanLookupMicros = round(((performance.now() - t) * 1000) / scans, 2);

  // The alternative the tables replace: each mapping its own record with both signatures.
  const sample = 2000;
  const single = await Promise.all(mappingsOfTable(tableOf(0, Array.from({ length: sample }, (_, k) => rowFor(k))))
    .map(async (m) => addSignature(await signRecord({ ...m, id: m.id.replace('#', ':') }, ph), jp)));
  const perRecordGzipBytesEstimate = Math.round(gzipSync(JSON.stringify(single)).length * (mappingCount / sample));

  return {
    mappings: mappingCount, issuers: issuerCount, originQualifications, tables: tables.length,
    packBytes: Buffer.byteLength(text), packGzipBytes: gzipSync(text).length, loadMs,
    lookupMicros, scanLookupMicros, lookupRatio: round(scanLookupMicros / lookupMicros, 0),
    perRecordGzipBytesEstimate, perRecordSample: sample,
  };
}
