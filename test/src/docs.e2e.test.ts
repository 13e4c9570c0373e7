// The docs are run, not just read: the ID → DE walkthrough from empty folders to a German officer's
// verdict, and every other page's shell blocks not marked `<!-- not run: reason -->`. Needs the build
// (`npm test` does it first) and Chromium for printing.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot, runDoc, shellBlocks } from './docs-runner.js';
import { runSync } from './run-sync.js';

const built = existsSync(join(repoRoot, 'packages', 'verifier', 'dist', 'cli.js'));
// What the pages ask of the reader's machine besides Node: said plainly here rather than as a failing block.
const missing = ['jq', 'curl', 'openssl', 'sqlite3'].filter((tool) => runSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (!existsSync('/usr/bin/chromium')) missing.push('/usr/bin/chromium');
const ready = () => {
  expect(built).toBe(true);
  expect({ missing }).toEqual({ missing: [] });
};
const docs = readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);

/** Key output of each page's commands, beyond every command's exit code (`set -e`). */
const EXPECTED: Record<string, RegExp[]> = {
  'docs/authority.md': [
    /partnership \S+ v1: proposed\npartnership \S+ v1: in-force/,
    /mapping \S+ v1: proposed\nmapping \S+ v1: in-force/,
    /mapping-table \S+ v1: proposed\nmapping-table \S+ v1: in-force/,
    /accreditation urn:corridor:accreditation:PH:manila-care-training-center v2: in-force/,
    /log intact: \d+ entries/,
    /trust pack for JP written/,
  ],
  'docs/operations.md': [/ERR_INSECURE_TRANSPORT[\s\S]*exit code 3/, /^\[\]$/m, /log intact: \d+ entries/],
  'docs/officer.md': [
    /synced JP trust pack #\d+/, /^有効：真正/m, /条件付きで認定 相当 介護（特定技能）/,
    /ERR_CREDENTIAL_REVOKED[\s\S]*exit code 1/, /^\["invalid",\["ERR_CREDENTIAL_REVOKED"\]\]$/m,
    /officer's page fingerprints: country JP, roots /, /^\{"verified":true,"outcome":"partial"\}$/m,
    /^ERR_INPUT_INVALID: Die Nachweisdatei missing\.png kann nicht gelesen werden: Datei nicht vorhanden\nexit code 3$/m,
    /^ERR_INPUT_INVALID: tidak dapat membaca berkas kredensial missing\.png: berkas tidak ada\nexit code 3$/m,
  ],
  'docs/training-centre.md': [
    /issued urn:uuid:[0-9a-f-]+ \(QR version \d+\)\nwrote /, /^401$/m, /^urn:uuid:[0-9a-f-]+\n404$/m, /"status":"revoked"/,
    /client-\S+ issue urn:uuid:/, /client-\S+ revoke urn:uuid:/, /client-\S+ wallet-download urn:uuid:/,
    /status list https:\/\/mctc\.example\.ph\/credentials\/status\/1 v1: accepted/,
  ],
};

function failure(run: { code: number | null; outputs: string[] }): string {
  return `exit ${run.code} in block ${run.outputs.length}:\n${run.outputs.at(-1)?.slice(-3000) ?? ''}`;
}

describe('docs/walkthrough-id-de.md, run from the page alone', () => {
  it('builds the ID → DE corridor, issues a 50-row cohort with bad rows, prints, revokes, and a German officer verifies', async () => {
    ready();
    const port = String(await freePort());
    const run = await runDoc('docs/walkthrough-id-de.md', {
      replace: [[/(?<=[:\s])8480\b/g, port]],
    });
    if (run.code !== 0) throw new Error(failure(run));
    const out = run.all;
    // Keys 0600; both authorities registered; the partnership and the mapping each proposed, then in force.
    expect(out).toMatch(/600 keys\/de-zab\.json\n600 keys\/id-bnsp\.json/);
    expect(out).toMatch(/partnership urn:corridor:partnership:ID-DE:care-workers v1: proposed\npartnership \S+ v1: in-force/);
    expect(out).toMatch(/mapping urn:corridor:mapping:ID-DE:caregiver-kkni-3 v1: proposed\nv1 proposed\nmapping \S+ v1: in-force/);
    // 45 credentials, the five bad rows by line and code, a printed PDF; re-running issues nothing twice.
    expect(out).toMatch(/issued 45 new, 0 already issued, 5 rows with problems/);
    expect(out).toMatch(/issued 0 new, 45 already issued, 5 rows with problems/);
    const errors = readFileSync(join(run.dir, 'cohort', 'errors.csv'), 'utf8');
    for (const row of ['47,ERR_PROPERTY_REFUSED', '48,ERR_PROPERTY_REFUSED', '49,ERR_QUALIFICATION_UNKNOWN', '50,ERR_INPUT_INVALID', '51,ERR_CONFLICT']) {
      expect(errors).toContain(row);
    }
    expect(readdirSync(join(run.dir, 'cohort')).filter((f) => f.endsWith('.json'))).toHaveLength(45);
    expect(readFileSync(join(run.dir, 'cohort', 'certificates.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // The officer: synced with the operator pinned, then offline verdicts (set -e: the valid one exited 0).
    expect(out).toMatch(/synced DE trust pack #\d+/);
    // Each verdict ends with its trust-pack line, in the officer's language (German here).
    const verdicts = run.outputs.filter((o) => /Vertrauenspaket Nr\. \d+|Trust pack #\d+/.test(o));
    expect(verdicts).toHaveLength(3);
    // The German officer reads German: the headline, and the destination qualification's German title.
    expect(verdicts[0]).toMatch(/^GÜLTIG: echt/m);
    expect(verdicts[0]).toMatch(/Pflegehelferin \/ Pflegehelfer/);
    expect(verdicts[0]).not.toMatch(/ERR_/);
    expect(verdicts[1]).toMatch(/ERR_CREDENTIAL_REVOKED[\s\S]*exit code 1/);
    expect(verdicts[2]).toMatch(/ERR_SIGNATURE_INVALID[\s\S]*exit code 1/);
    expect(out).toMatch(/log intact: \d+ entries/);
  }, 300_000);
});

describe('every other page of docs/', () => {
  it('links only to files that exist, and to headings that exist in them', () => {
    const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
    for (const page of ['README.md', ...docs]) {
      const text = readFileSync(join(repoRoot, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [path, anchor] = target!.split('#');
        const file = path ? join(repoRoot, page, '..', path) : join(repoRoot, page);
        expect(`${page} → ${target} ${existsSync(file)}`).toBe(`${page} → ${target} true`);
        if (anchor) {
          const headings = [...readFileSync(file, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!));
          expect(headings).toContain(anchor);
        }
      }
    }
  });

  it('names only commands and options the CLIs have, in every block, run or not (and in the README)', () => {
    expect(built).toBe(true);
    const help = Object.fromEntries(['registry', 'issuer', 'verifier'].map((name) => [name,
      runSync(process.execPath, [join(repoRoot, 'packages', name, 'bin', `corridor-${name}.js`), '--help'], { encoding: 'utf8' }).stdout]));
    for (const page of ['README.md', ...docs]) {
      for (const block of shellBlocks(readFileSync(join(repoRoot, page), 'utf8'))) {
        const lines = block.code.replace(/\\\n/g, ' ').split('\n').map((line) => line.replace(/(^|\s)#.*$/, ''));
        for (const line of lines) {
          for (const m of line.matchAll(/corridor-(registry|issuer|verifier) ([a-z-]+)((?:[^|;&)]|&&)*)/g)) {
            const [, tool, command, rest] = m as unknown as [string, string, string, string];
            const text = help[tool]!;
            expect(`${page}: corridor-${tool} ${command} ${text.includes(`corridor-${tool} ${command}`)}`).toBe(`${page}: corridor-${tool} ${command} true`);
            for (const [flag] of rest.matchAll(/--[a-z][a-z-]*/g)) {
              expect(`${page}: corridor-${tool} ${command} ${flag} ${text.includes(flag)}`).toBe(`${page}: corridor-${tool} ${command} ${flag} true`);
            }
          }
        }
      }
    }
  });

  it('has its shell blocks run, or marked as not run with a reason', () => {
    for (const doc of docs) {
      for (const block of shellBlocks(readFileSync(join(repoRoot, doc), 'utf8'))) {
        if (!block.run) expect(`${doc}:${block.line} ${block.reason}`).toMatch(/:\d+ \S.{5,}/);
      }
    }
  });

  it('shows each record template exactly as `corridor-registry template <kind>` prints it', () => {
    expect(built).toBe(true);
    const markdown = readFileSync(join(repoRoot, 'docs', 'authority.md'), 'utf8');
    const shown = [...markdown.matchAll(/<!-- template: ([a-z-]+) -->\s*\n```json\n([\s\S]*?)^```$/gm)];
    expect(shown.map((m) => m[1])).toEqual(['authority', 'partnership', 'qualification', 'accreditation', 'mapping', 'mapping-table']);
    for (const [, kind, json] of shown) {
      const printed = runSync(process.execPath, [join(repoRoot, 'packages', 'registry', 'bin', 'corridor-registry.js'), 'template', kind!], { encoding: 'utf8' });
      expect(printed.status).toBe(0);
      expect(json).toBe(printed.stdout);
    }
  });

  const runnable = docs.filter((doc) => doc !== 'docs/walkthrough-id-de.md'
    && shellBlocks(readFileSync(join(repoRoot, doc), 'utf8')).some((b) => b.run));
  it.each(runnable)('%s runs', async (doc) => {
    ready();
    // The pages' fixed ports (8480 registry, 8470 issuer, 8490 verifier) become free ones.
    const ports = await Promise.all(['8480', '8470', '8490'].map(async (fixed) => [new RegExp(`(?<=[:\\s])${fixed}\\b`, 'g'), String(await freePort())] as [RegExp, string]));
    const run = await runDoc(doc, { replace: ports });
    if (run.code !== 0) throw new Error(failure(run));
    for (const expected of EXPECTED[doc] ?? []) expect(run.all).toMatch(expected);
  }, 240_000);
});
