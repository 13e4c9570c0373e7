// Record templates are accepted as printed, and the JSON Schemas an editor checks record files
// with agree with the registry's own validation (validate.ts) on thousands of broken variants:
// an editor never shows green for a file the registry refuses, or red for one it accepts.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { assertRegistryRecord } from '@corridor/shared';
import { fieldNotes, RECORD_KINDS, recordFromFile, recordTemplate, schemaUrl, type TemplateKind } from './templates.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addSchema(JSON.parse(readFileSync(schemaUrl('common'), 'utf8')));
for (const kind of RECORD_KINDS) ajv.addSchema(JSON.parse(readFileSync(schemaUrl(kind), 'utf8')));
const schemaValid = (kind: TemplateKind) => ajv.getSchema(`https://corridor.example/schemas/${kind}.schema.json`)!;
/** The registry's verdict on a record file as `propose` reads it, and its reason when it refuses. */
const registryVerdict = (value: unknown): { valid: boolean; reason?: string } => {
  try {
    assertRegistryRecord(recordFromFile(value));
    return { valid: true };
  } catch (error) {
    return { valid: false, reason: (error as Error).message };
  }
};
const registryValid = (value: unknown) => registryVerdict(value).valid;
/** The one rule a JSON Schema cannot state: a table row may name only conditions the table defines. */
const CROSS_REFERENCE = 'names a condition the table does not define';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every variant with one change: a member removed, a value replaced by a wrong one, an unknown member added. */
function* variants(value: Json): Generator<Json> {
  const wrong: Json[] = [null, true, 42, 0.5, '', 'x', 'urn:x:y', '2026-13-45', [], {}, ['x'], { en: 'x' }, 'did:key:z6Mkqdii9FR5XnfYQc3kBAfNUnWMoxGTFFpJTkrTXyjjWw58'];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      yield value.filter((_, j) => j !== i);
      for (const inner of variants(value[i]!)) yield value.map((v, j) => (j === i ? inner : v));
    }
    yield [...value, value[0] ?? 'x'];
  } else if (value !== null && typeof value === 'object') {
    yield { ...value, unexpected: 'x' };
    for (const key of Object.keys(value)) {
      const { [key]: _removed, ...rest } = value;
      yield rest;
      for (const inner of variants(value[key]!)) yield { ...value, [key]: inner };
    }
  } else {
    yield* wrong.filter((w) => w !== value);
  }
}

describe('record templates', () => {
  test('a record file may name its JSON Schema for an editor: propose drops a top-level "$schema" string, nothing else', () => {
    const record = recordTemplate('mapping');
    expect(recordFromFile({ $schema: '../schemas/mapping.schema.json', ...record })).toEqual(record);
    expect(recordFromFile({ $schema: 7, ...record })).toEqual({ $schema: 7, ...record });
    expect(recordFromFile(record)).toBe(record);
    expect(recordFromFile([record])).toEqual([record]);
    expect(registryVerdict({ $schema: 7, ...record })).toEqual({ valid: false, reason: expect.stringContaining('$schema') });
  });

  test.each(RECORD_KINDS)('the %s template is valid as printed, for the registry and for its JSON Schema', (kind) => {
    const record = recordTemplate(kind);
    expect(registryValid(record)).toBe(true);
    const validate = schemaValid(kind);
    expect(validate(record)).toBe(true);
    expect(fieldNotes(kind).length).toBeGreaterThan(4);
  });

  test.each(RECORD_KINDS)('the %s schema and the registry agree on every one-change variant of the template', (kind) => {
    const validate = schemaValid(kind);
    const disagreements: string[] = [];
    let count = 0;
    const template = recordTemplate(kind) as unknown as { [key: string]: Json };
    // An editor's "$schema" member: a string is dropped by propose; anything else, or one deeper down, is refused by both.
    const editorVariants: Json[] = [{ $schema: `./${kind}.schema.json`, ...template }, { $schema: 42, ...template }, { $schema: null, ...template },
      ...Object.keys(template).filter((key) => template[key] !== null && typeof template[key] === 'object' && !Array.isArray(template[key]))
        .map((key) => ({ ...template, [key]: { $schema: 'x', ...(template[key] as { [key: string]: Json }) } }))];
    for (const variant of [...editorVariants, ...variants(template)]) {
      count += 1;
      const bySchema = validate(variant);
      const { valid: byRegistry, reason } = registryVerdict(variant);
      if (bySchema && !byRegistry && reason?.includes(CROSS_REFERENCE)) continue;
      if (bySchema !== byRegistry) disagreements.push(`schema ${bySchema ? 'accepts' : 'refuses'}, registry ${byRegistry ? 'accepts' : 'refuses'}: ${JSON.stringify(variant).slice(0, 300)}`);
    }
    expect(count).toBeGreaterThan(100 + editorVariants.length);
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
