// An intruder (or a careless operator) edits registry.db by hand: a withdrawn mapping put back in
// force by flipping `complete`, signers changed, a body swapped, a row deleted or added. The log is
// untouched, so the hash chain alone sees nothing; `corridor-registry audit` must replay the log,
// fail naming the record, and `export-pack` and the served packs must refuse. Needs the build.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import { Registry, RegistryStore, setUpReferenceCorridor } from '@corridor/registry';
import { phJpCareMapping, signRecord } from '@corridor/shared';
import { newKey } from './world.js';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'packages', 'registry', 'dist', 'cli.js');
// The registry's own SQLite driver, as anyone with the file and Node could use it.
const Database = createRequire(join(root, 'packages', 'registry', 'package.json'))('better-sqlite3') as typeof BetterSqlite3;
const dir = mkdtempSync(join(tmpdir(), 'corridor-tamper-'));
const MAPPING = phJpCareMapping().id;

const registryCli = (data: string, ...args: string[]) => {
  const result = runSync(process.execPath, [cli, ...args, '--data', join(dir, data)], { encoding: 'utf8', cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

/** A copy of the clean registry with `sql` run on its database. */
function tampered(name: string, sql: string): string {
  cpSync(join(dir, 'clean'), join(dir, name), { recursive: true });
  const db = new Database(join(dir, name, 'registry.db'));
  db.prepare(sql).run();
  db.close();
  return name;
}

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error('the CLIs are not built: run `npm test` (or `npm run setup`) first');
  expect(registryCli('clean', 'init').code).toBe(0);
  const keys = { ph: newKey(), jp: newKey(), centre: newKey() };
  const registry = new Registry(new RegistryStore(join(dir, 'clean', 'registry.db')));
  await setUpReferenceCorridor(registry, keys);
  // PH withdraws the mapping: from now on no JP verifier may recognise the qualification by it.
  expect((await registry.submit(await signRecord({ ...phJpCareMapping(), version: 2, status: 'withdrawn' }, keys.ph))).state).toBe('withdrawn');
  registry.store.close();
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases: [string, string][] = [
  ['flip-complete', `UPDATE records SET complete = 0 WHERE record_id = '${MAPPING}' AND version = 2`],
  ['signers', `UPDATE records SET signers = '[]' WHERE record_id = '${MAPPING}' AND version = 2`],
  ['body', `UPDATE records SET body = (SELECT body FROM records WHERE record_id = '${MAPPING}' AND version = 1) WHERE record_id = '${MAPPING}' AND version = 2`],
  ['delete', `DELETE FROM records WHERE record_id = '${MAPPING}' AND version = 2`],
  ['add', `INSERT INTO records (record_id, version, kind, content_hash, body, signers, complete, seq)
    SELECT record_id, 3, kind, content_hash, body, signers, 1, seq FROM records WHERE record_id = '${MAPPING}' AND version = 1`],
];

describe('a registry whose tables were edited by hand', () => {
  it('the clean registry audits and exports', () => {
    expect(registryCli('clean', 'audit').code).toBe(0);
    expect(registryCli('clean', 'export-pack', '--country', 'JP', '--out', join(dir, 'clean-pack.json')).code).toBe(0);
  });

  it.each(cases)('%s: audit fails naming the mapping, export-pack refuses and writes nothing', (name, sql) => {
    const data = tampered(name, sql);
    const audit = registryCli(data, 'audit');
    expect(audit.code).toBe(1);
    expect(audit.out).toMatch(/REGISTRY DOES NOT MATCH ITS LOG/);
    expect(audit.out).toContain(MAPPING);
    const json = JSON.parse(registryCli(data, 'audit', '--json').out) as { ok: boolean; firstBreak: { recordId: string } };
    expect(json).toMatchObject({ ok: false, firstBreak: { recordId: MAPPING } });
    const out = join(dir, `${name}-pack.json`);
    const exported = registryCli(data, 'export-pack', '--country', 'JP', '--out', out);
    expect(exported.code).toBe(1);
    expect(exported.err).toMatch(/^ERR_REGISTRY_INCONSISTENT/);
    expect(existsSync(out)).toBe(false);
  });

  it('the served pack and delta refuse with problem+json ERR_REGISTRY_INCONSISTENT', async () => {
    const data = tampered('served', cases[0]![1]);
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', join(dir, data)], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(seen);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      for (const path of ['/trust-pack?country=JP', '/trust-pack/delta?country=JP&since=1']) {
        const response = await fetch(url + path);
        expect(response.status).toBe(500);
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(await response.json()).toMatchObject({ code: 'ERR_REGISTRY_INCONSISTENT' });
      }
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});
