// A newcomer's path: start `corridor-registry serve`, two authorities agree on a mapping with the
// CLI over HTTP, a verifier syncs; the registry goes down and the verifier keeps its pack; the
// server is killed with SIGKILL mid-writes and loses nothing it acknowledged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorityRecord, Registry, RegistryStore } from '@corridor/registry';
import {
  jpCareWorkerQualification, phCaregivingQualification, phJpCareMapping, readKeyFile, signRecord, signRequest,
  PH_JP_PARTNERSHIP, type PartnershipRecord, type QualificationRecord,
} from '@corridor/shared';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = (name: string) => join(root, 'packages', name, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'corridor-serve-'));
const file = (name: string) => join(dir, name);
const run = (name: string, ...args: string[]) => {
  const result = runSync(process.execPath, [cli(name), ...args], { encoding: 'utf8', cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr, json: () => JSON.parse(result.stdout) as Record<string, unknown> };
};
const registryCli = (...args: string[]) => run('registry', ...args, '--data', file('reg'));

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli('registry'), 'serve', '--port', '0', '--data', file('reg')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { child, url };
}
const stopped = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)));

let server: { child: ChildProcess; url: string };

beforeAll(async () => {
  if (!existsSync(cli('registry'))) throw new Error('the CLIs are not built: run `npm test` (or `npm run setup`) first');
  expect(registryCli('init').code).toBe(0);
  for (const who of ['ph', 'jp']) expect(registryCli('authority', 'keygen', '--out', file(`${who}.json`)).code).toBe(0);
  const ph = readKeyFile(file('ph.json'));
  const jp = readKeyFile(file('jp.json'));
  // The operator registers the two authorities locally; everything else goes over HTTP.
  writeFileSync(file('ph-authority.json'), JSON.stringify(authorityRecord('urn:corridor:authority:PH:tesda', ph, 'PH', { en: 'TESDA' })));
  writeFileSync(file('jp-authority.json'), JSON.stringify(authorityRecord('urn:corridor:authority:JP:mhlw', jp, 'JP', { en: 'MHLW' })));
  expect(registryCli('propose', file('ph-authority.json'), '--key', file('ph.json')).code).toBe(0);
  expect(registryCli('propose', file('jp-authority.json'), '--key', file('jp.json')).code).toBe(0);
  server = await startServer();
}, 30_000);

afterAll(() => {
  server.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the registry service from the command line', () => {
  it('two authorities agree on a mapping over HTTP with the CLI, and a verifier syncs', async () => {
    const ph = readKeyFile(file('ph.json'));
    const jp = readKeyFile(file('jp.json'));
    const over = (...args: string[]) => run('registry', ...args, '--registry', server.url, '--json');
    const write = (name: string, value: unknown) => { writeFileSync(file(name), JSON.stringify(value)); return file(name); };
    const partnership: PartnershipRecord = {
      kind: 'partnership', id: PH_JP_PARTNERSHIP, version: 1, issuedAt: '2026-01-15T00:00:00Z', name: { en: 'PH–JP SMP' },
      authorities: [ph.description.controller, jp.description.controller], countries: ['PH', 'JP'], validFrom: '2026-01-15T00:00:00Z', status: 'active',
    };
    expect(over('propose', write('p.json', partnership), '--key', file('ph.json')).json().state).toBe('proposed');
    expect(over('sign', PH_JP_PARTNERSHIP, '--version', '1', '--key', file('jp.json')).json().state).toBe('in-force');
    expect(over('propose', write('q1.json', phCaregivingQualification(ph.description.controller)), '--key', file('ph.json')).code).toBe(0);
    expect(over('propose', write('q2.json', jpCareWorkerQualification(jp.description.controller)), '--key', file('jp.json')).code).toBe(0);
    expect(over('propose', write('m.json', phJpCareMapping()), '--key', file('ph.json')).json().state).toBe('proposed');
    const wrong = over('sign', phJpCareMapping().id, '--version', '1', '--key', file('ph.json'));
    expect(wrong.code).toBe(1);
    expect(over('sign', phJpCareMapping().id, '--version', '1', '--key', file('jp.json')).json().state).toBe('in-force');

    const verifier = (...args: string[]) => run('verifier', ...args, '--data', file('officer'));
    const synced = verifier('sync', '--registry', server.url, '--country', 'JP', '--json');
    expect(synced.code).toBe(0);
    expect(verifier('status').out).toMatch(/^JP trust pack #\d+ \(Japan\), issued /);
    // A second sync is a delta from where it stands; in the officer's language, with the country's name.
    expect(verifier('sync', '--registry', server.url, '--country', 'JP', '--language', 'de').out).toMatch(/^Vertrauenspaket JP Nr\. \d+ synchronisiert \(Japan: \d+ Einträge, /);
    expect(verifier('status', '--language', 'id').out).toMatch(/^paket kepercayaan JP #\d+ \(Jepang\), diterbitkan \S+ \(berumur [\d.]+ hari\)/);
  });

  it('survives SIGKILL mid-writes: every acknowledged write is there and the log verifies; the verifier keeps its pack', async () => {
    const ph = readKeyFile(file('ph.json'));
    const qualification = (i: number): QualificationRecord => ({
      ...phCaregivingQualification(ph.description.controller), id: `urn:corridor:qualification:PH:load-${i}`, title: { en: `Load ${i}` },
    });
    const acknowledged: string[] = [];
    const writes = Array.from({ length: 120 }, async (_, i) => {
      const body = JSON.stringify(await signRequest('submit-record', await signRecord(qualification(i), ph), ph));
      try {
        const response = await fetch(`${server.url}/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (response.status === 201) acknowledged.push(qualification(i).id);
      } catch { /* the server died under this request: not acknowledged */ }
    });
    // Kill it once some writes are acknowledged and others are still in flight.
    for (let waited = 0; acknowledged.length < 5 && waited < 20_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    server.child.kill('SIGKILL');
    await Promise.all(writes);
    await stopped(server.child);

    const registry = new Registry(new RegistryStore(join(file('reg'), 'registry.db')));
    const audit = await registry.audit();
    const present = new Set(registry.list({ kind: 'qualification' }).map((s) => s.recordId));
    registry.store.close();
    expect(audit.ok).toBe(true);
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);

    const kept = run('verifier', 'sync', '--registry', server.url, '--country', 'JP', '--data', file('officer'));
    expect(kept.code).toBe(2);
    expect(kept.err).toMatch(/registry unavailable: kept pack #\d+/);
    server = await startServer();
    expect(registryCli('audit').code).toBe(0);
  }, 60_000);
});

