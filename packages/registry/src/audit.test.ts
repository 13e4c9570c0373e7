// The registry's tables are derived from its log; a row edited on disk (with better-sqlite3, as an
// intruder or a careless operator would) must fail the audit, naming the record, and stop every export.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateKeyPair, importKeyPair, phJpCareMapping, signRecord } from '@corridor/shared';
import { Registry } from './registry.js';
import { setUpReferenceCorridor } from './reference-setup.js';
import { RegistryStore } from './store.js';
import { exportTrustPack, exportTrustPackDelta } from './trust-pack.js';

const newKey = () => importKeyPair(generateKeyPair());
const MAPPING = phJpCareMapping().id;
const dirs: string[] = [];
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

/** A reference corridor on disk whose mapping PH has withdrawn (v2), the registry closed. */
async function withdrawnOnDisk() {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-audit-'));
  dirs.push(dir);
  const path = join(dir, 'registry.db');
  const keys = { ph: newKey(), jp: newKey(), centre: newKey() };
  const registry = new Registry(new RegistryStore(path), { now: () => new Date('2026-11-01T00:00:00Z') });
  await setUpReferenceCorridor(registry, keys);
  expect((await registry.submit(await signRecord({ ...phJpCareMapping(), version: 2, status: 'withdrawn' }, keys.ph))).state).toBe('withdrawn');
  registry.store.close();
  return { path, keys };
}

async function codeOf(promise: Promise<unknown>) {
  try { await promise; } catch (error) { return (error as { code?: string }).code; }
  return 'no error';
}

const tampers: [string, (db: Database.Database) => void][] = [
  ['the withdrawal marked incomplete (the old mapping back in force)', (db) => db.prepare('UPDATE records SET complete = 0 WHERE record_id = ? AND version = 2').run(MAPPING)],
  ['the withdrawal\'s signers emptied', (db) => db.prepare("UPDATE records SET signers = '[]' WHERE record_id = ? AND version = 2").run(MAPPING)],
  ['the withdrawal\'s body replaced by the agreed version', (db) => db.prepare('UPDATE records SET body = (SELECT body FROM records WHERE record_id = ? AND version = 1) WHERE record_id = ? AND version = 2').run(MAPPING, MAPPING)],
  ['the withdrawal deleted', (db) => db.prepare('DELETE FROM records WHERE record_id = ? AND version = 2').run(MAPPING)],
  ['a version 3 the log never had', (db) => db.prepare(`INSERT INTO records (record_id, version, kind, content_hash, body, signers, complete, seq)
    SELECT record_id, 3, kind, content_hash, body, signers, 1, seq FROM records WHERE record_id = ? AND version = 1`).run(MAPPING)],
  ['a version\'s seq moved', (db) => db.prepare('UPDATE records SET seq = 1 WHERE record_id = ? AND version = 2').run(MAPPING)],
];

describe('audit replays the log and compares every table', () => {
  it('passes a clean registry, reading the same state as the tables', async () => {
    const { path } = await withdrawnOnDisk();
    const registry = new Registry(new RegistryStore(path));
    expect(await registry.audit()).toMatchObject({ ok: true, entries: registry.store.head().seq, records: registry.store.records().length });
    await expect(registry.assertConsistent()).resolves.toBeUndefined();
    registry.store.close();
  });

  it.each(tampers)('finds %s, names the record, and refuses to export', async (_name, tamper) => {
    const { path } = await withdrawnOnDisk();
    const db = new Database(path);
    tamper(db);
    db.close();
    const registry = new Registry(new RegistryStore(path));
    const report = await registry.audit();
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ recordId: MAPPING });
    expect(report.firstBreak!.reason).toMatch(/^records /);
    const operatorKey = newKey();
    expect(await codeOf(exportTrustPack(registry, { country: 'JP', operatorKey }))).toBe('ERR_REGISTRY_INCONSISTENT');
    expect(await codeOf(exportTrustPackDelta(registry, { country: 'JP', since: 1, operatorKey }))).toBe('ERR_REGISTRY_INCONSISTENT');
    registry.store.close();
  });

  it('finds a derived table added beside the log, and a log entry the acceptance rules refuse', async () => {
    const { path } = await withdrawnOnDisk();
    let db = new Database(path);
    db.exec('CREATE TABLE overrides (record_id TEXT PRIMARY KEY, state TEXT)');
    db.close();
    let registry = new Registry(new RegistryStore(path));
    expect((await registry.audit()).firstBreak?.reason).toMatch(/table overrides exists only on disk/);
    registry.store.close();

    // An entry appended by hand with a correct chain hash: a version 3 signed by a stranger.
    db = new Database(path);
    db.exec('DROP TABLE overrides');
    db.close();
    const store = new RegistryStore(path);
    const rogue = await signRecord({ ...phJpCareMapping(), version: 3, status: 'active' }, newKey());
    store.transaction(() => store.appendLog({
      kind: 'mapping', recordId: MAPPING, version: 3, contentHash: 'x', body: JSON.stringify(rogue), acceptedAt: '2026-11-02T00:00:00Z',
    }));
    registry = new Registry(store);
    const report = await registry.audit();
    expect(report).toMatchObject({ ok: false, firstBreak: { seq: store.head().seq, recordId: MAPPING, version: 3 } });
    expect(report.firstBreak!.reason).toMatch(/acceptance rules refuse this entry \(ERR_SIGNER_NOT_AUTHORIZED\)/);
    store.close();
  });

  it('audits once per log head: a tamper after the check shows at the next head', async () => {
    const { path, keys } = await withdrawnOnDisk();
    const registry = new Registry(new RegistryStore(path), { now: () => new Date('2026-11-03T00:00:00Z') });
    await registry.assertConsistent();
    const db = new Database(path);
    db.prepare('UPDATE records SET complete = 0 WHERE record_id = ? AND version = 2').run(MAPPING);
    db.close();
    // Same head: the verdict is the cached one.
    await expect(registry.assertConsistent()).resolves.toBeUndefined();
    await registry.submit(await signRecord({ ...phJpCareMapping(), id: `${MAPPING}-2` }, keys.ph));
    expect(await codeOf(registry.assertConsistent())).toBe('ERR_REGISTRY_INCONSISTENT');
    registry.store.close();
  });
});
