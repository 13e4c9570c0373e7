/**
 * `corridor-registry template <kind>`: an example record of each kind that `propose` accepts as
 * printed, taken from the reference PH → JP care corridor, and the meaning of each field from the
 * JSON Schemas in packages/registry/schemas/ (the same files an editor uses to check a record file).
 */
import { readFileSync } from 'node:fs';
import {
  phCaregivingQualification, phJpCareMapping, PH_CAREGIVING_NC_II, PH_JP_PARTNERSHIP, JP_CARE_WORKER_SSW,
  type RegistryRecord,
} from '@corridor/shared';

export const RECORD_KINDS = ['authority', 'partnership', 'qualification', 'accreditation', 'mapping', 'mapping-table'] as const;
export type TemplateKind = (typeof RECORD_KINDS)[number];

/** Example keys, valid did:keys nobody holds: replace them with yours (authority keygen, issuer init). */
export const EXAMPLE_DIDS = {
  origin: 'did:key:z6Mkqdii9FR5XnfYQc3kBAfNUnWMoxGTFFpJTkrTXyjjWw58',
  destination: 'did:key:z6MkmkABy496Y4kPrdztPhoySQSiQW8bs7EVqsg5XWmwEZ4c',
  trainingBody: 'did:key:z6Mkj5mYB1q8ThgxZX1HMZjqGXCDgeySreBtjXZ755W2GB9j',
} as const;

const ISSUED = '2027-01-15T00:00:00Z';

export function recordTemplate(kind: TemplateKind): RegistryRecord {
  const { origin, destination, trainingBody } = EXAMPLE_DIDS;
  switch (kind) {
    case 'authority':
      return {
        kind, id: 'urn:corridor:authority:PH:tesda', version: 1, issuedAt: ISSUED, did: origin, country: 'PH',
        name: { en: 'Technical Education and Skills Development Authority', fil: 'Pangasiwaan sa Edukasyong Teknikal at Pagpapaunlad ng Kasanayan' },
      };
    case 'partnership':
      return {
        kind, id: PH_JP_PARTNERSHIP, version: 1, issuedAt: ISSUED,
        name: { en: 'Philippines–Japan Skills Mobility Partnership: care workers' },
        authorities: [origin, destination], countries: ['PH', 'JP'], validFrom: ISSUED, status: 'active',
      };
    case 'qualification':
      return { ...phCaregivingQualification(origin), issuedAt: ISSUED };
    case 'accreditation':
      return {
        kind, id: 'urn:corridor:accreditation:PH:manila-care-training-center', version: 1, issuedAt: ISSUED, authority: origin,
        trainingBody: { did: trainingBody, name: 'Manila Care Training Center', country: 'PH', baseUrl: 'https://mctc.example.ph' },
        qualifications: [PH_CAREGIVING_NC_II], validFrom: ISSUED, validUntil: '2030-12-31T23:59:59Z', status: 'active',
      };
    case 'mapping':
      return { ...phJpCareMapping(), issuedAt: ISSUED, validFrom: ISSUED };
    case 'mapping-table': {
      const mapping = phJpCareMapping();
      return {
        kind, id: 'urn:corridor:mapping-table:PH-JP:2027-schedule', version: 1, issuedAt: ISSUED, partnership: PH_JP_PARTNERSHIP,
        origin: { country: 'PH' }, destination: { country: 'JP' }, conditions: mapping.conditions,
        rows: [{
          origin: { qualification: PH_CAREGIVING_NC_II }, destination: { qualification: JP_CARE_WORKER_SSW }, outcome: 'partial',
          conditions: mapping.conditions.map((c) => c.id), purpose: 'employment',
        }, {
          origin: { qualification: PH_CAREGIVING_NC_II },
          destination: { occupation: { isco08: '5322', title: { en: 'Home-based personal care worker', ja: '訪問介護員' } } },
          outcome: 'full', conditions: [], purpose: 'further-study',
        }],
        validFrom: ISSUED, status: 'active',
      };
    }
  }
}

/**
 * The record a record file holds: the file as written, less a top-level `"$schema"` string, which
 * tells an editor where the kind's JSON Schema is and is never signed. Anything else is left for
 * the registry's validation to judge (a `"$schema"` that is not a string is refused there).
 */
export function recordFromFile(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { $schema?: unknown }).$schema !== 'string') return value;
  const { $schema: _editorOnly, ...record } = value as Record<string, unknown>;
  return record;
}

type Schema = { $ref?: string; description?: string; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[] };

const SCHEMA_DIR = new URL('../schemas/', import.meta.url);
export const schemaUrl = (kind: TemplateKind | 'common') => new URL(`${kind}.schema.json`, SCHEMA_DIR);
const readSchema = (kind: TemplateKind | 'common') => JSON.parse(readFileSync(schemaUrl(kind), 'utf8')) as Schema & { $defs: Record<string, Schema> };

/** One line per field, as a JSON Pointer with its meaning, from the kind's JSON Schema. */
export function fieldNotes(kind: TemplateKind): string[] {
  const defs = readSchema('common').$defs;
  const resolve = (schema: Schema): Schema => {
    const name = schema.$ref?.split('#/$defs/')[1];
    const target = name ? resolve(defs[name]!) : {};
    const merged: Schema = { ...target, ...schema };
    for (const part of schema.allOf ?? []) {
      const r = resolve(part);
      merged.properties = { ...r.properties, ...merged.properties };
    }
    return merged;
  };
  const notes: string[] = [];
  const walk = (schema: Schema, pointer: string) => {
    const s = resolve(schema);
    if (pointer && s.description) notes.push(`${pointer}  ${s.description}`);
    for (const [key, child] of Object.entries(s.properties ?? {})) walk(child, `${pointer}/${key}`);
    if (s.items) walk(s.items, `${pointer}/0`);
  };
  walk(readSchema(kind), '');
  return notes;
}
