// An authority writes records from `corridor-registry template <kind>` alone: the printed example,
// with the example keys replaced by real ones, is proposed and counter-signed through the CLI
// until the mapping is in force. A broken file is refused with the field named.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIDS } from '@corridor/registry';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'corridor-templates-'));
const file = (name: string) => join(dir, name);
const registry = (...args: string[]) => {
  const result = runSync(process.execPath, [join(root, 'packages/registry/dist/cli.js'), ...args, '--data', file('reg')], { encoding: 'utf8', cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('record templates through the CLI', () => {
  it('prints JSON on stdout and the fields explained on stderr; an unknown kind is a usage error', () => {
    const printed = registry('template', 'mapping');
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.out).kind).toBe('mapping');
    expect(printed.err).toContain('/conditions/0/satisfiedBy');
    expect(printed.err).toContain('mapping.schema.json');
    const unknown = registry('template', 'treaty');
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('mapping-table');
  });

  it('a whole corridor from the templates: authorities, partnership, qualifications, mapping in force', () => {
    expect(registry('init').code).toBe(0);
    const did = (name: string) => {
      const made = registry('authority', 'keygen', '--out', file(`${name}-key.json`));
      expect(made.code).toBe(0);
      return made.out.trim();
    };
    const ph = did('ph');
    const jp = did('jp');
    const fromTemplate = (kind: string, name: string, edit: (text: string) => string = (t) => t) => {
      const text = registry('template', kind).out.replaceAll(EXAMPLE_DIDS.origin, ph).replaceAll(EXAMPLE_DIDS.destination, jp);
      writeFileSync(file(name), edit(text));
      return file(name);
    };
    const propose = (path: string, key: string) => registry('propose', path, '--key', file(`${key}-key.json`), '--json');

    // A file may name its JSON Schema for the author's editor; propose drops it, and it is never signed.
    const schema = join(root, 'packages/registry/schemas/authority.schema.json');
    expect(propose(fromTemplate('authority', 'ph.json', (t) => JSON.stringify({ $schema: schema, ...JSON.parse(t) })), 'ph').code).toBe(0);
    const listed = registry('list', '--kind', 'authority', '--json');
    expect([listed.code, listed.out.includes('authority'), listed.out.includes('$schema')]).toEqual([0, true, false]);
    const jpAuthority = fromTemplate('authority', 'jp.json', (t) => {
      const record = JSON.parse(t);
      return JSON.stringify({ ...record, id: 'urn:corridor:authority:JP:mhlw', did: jp, country: 'JP', name: { en: 'Ministry of Health, Labour and Welfare', ja: '厚生労働省' } });
    });
    expect(propose(jpAuthority, 'jp').code).toBe(0);

    const partnership = fromTemplate('partnership', 'partnership.json');
    expect(JSON.parse(propose(partnership, 'ph').out).state).toBe('proposed');
    const partnershipId = JSON.parse(readFileSync(partnership, 'utf8')).id as string;
    expect(JSON.parse(registry('sign', partnershipId, '--version', '1', '--key', file('jp-key.json'), '--json').out).state).toBe('in-force');

    expect(propose(fromTemplate('qualification', 'ph-qualification.json'), 'ph').code).toBe(0);
    const mapping = JSON.parse(readFileSync(fromTemplate('mapping', 'mapping.json'), 'utf8'));
    const jpQualification = fromTemplate('qualification', 'jp-qualification.json', (t) => JSON.stringify({
      ...JSON.parse(t), id: mapping.destination.qualification, authority: jp, country: 'JP', title: { en: 'Care worker', ja: '介護職員' },
    }));
    expect(propose(jpQualification, 'jp').code).toBe(0);

    expect(JSON.parse(propose(file('mapping.json'), 'ph').out).state).toBe('proposed');
    expect(JSON.parse(registry('sign', mapping.id, '--version', '1', '--key', file('jp-key.json'), '--json').out).state).toBe('in-force');
  }, 60_000);

  it('a record file with a wrong field is refused, naming the field and what was expected', () => {
    const text = registry('template', 'qualification').out.replaceAll(EXAMPLE_DIDS.origin, 'did:key:z6MkqNotAKey');
    writeFileSync(file('broken.json'), JSON.stringify({ ...JSON.parse(text), isco08: '53' }));
    const refused = registry('propose', file('broken.json'), '--key', file('ph-key.json'));
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/isco08/);
    expect(refused.err).toMatch(/4-digit ISCO-08/);
  });
});
