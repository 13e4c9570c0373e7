// The officer's verifier against an attacker who can re-sign packs, replay old issuer-signed
// status lists in a freshly dated pack, edit the files on the officer's disk, or fork the registry
// log: through the real CLI (built dist/), every attack ends in a refusal with a code, never "valid".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistryApp, trustPackContent } from '@corridor/registry';
import {
  createBitstring, createRegistryClient, encodeBitstring, jpCareWorkerQualification, setBit, signCredential, signJson, signRecord,
  type GeneralJws, type KeyPair, type StatusListCredential, type TrustPackContent,
} from '@corridor/shared';
import { MAX_HELD_DELTAS, syncHeld, type HeldFile, type HeldPack } from '@corridor/verifier';
import { createWorld, newKey, type World } from './world.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const verifierCli = join(root, 'packages', 'verifier', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'corridor-trust-sync-'));
const file = (name: string) => join(dir, name);
const DAY = 86_400_000;

interface Run { code: number; out: string; err: string; json(): Record<string, unknown> }
/** The verifier CLI as a child process (async: the registries answer from this process). */
function verifier(data: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [verifierCli, ...args, '--data', file(data)], { cwd: dir, encoding: 'utf8' }, (error, out, err) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, out, err, json: () => JSON.parse(out) as Record<string, unknown> });
    });
  });
}
const statusCode = (run: Run) => (run.json().checks as { id: string; code?: string }[]).find((c) => c.id === 'status')?.code;

/** A loopback HTTP server for `handler` (a registry app, or an attacker's). */
async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}
const servers: Server[] = [];
async function serveRegistry(world: World): Promise<string> {
  const { server, url } = await listen(createRegistryApp({ registry: world.registry, operatorKey: world.keys.operator, writesPerMinute: 10_000 }));
  servers.push(server);
  return url;
}
/** An attacker's "registry": the same signed body for the pack and the delta endpoints. */
async function serveAttack(body: unknown): Promise<string> {
  const { server, url } = await listen((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  });
  servers.push(server);
  return url;
}

const contentOf = (jws: GeneralJws) => JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as TrustPackContent;
const withContent = (jws: GeneralJws, content: unknown): GeneralJws => ({ ...jws, payload: Buffer.from(JSON.stringify(content)).toString('base64url') });

let clock = Date.now() - 5 * DAY;
let world: World;
let registryUrl: string;
let operator: string;
/** Revoked once its first status list was published; `good` stays valid. */
let revoked: string;
let good: string;
let oldList: StatusListCredential;

beforeAll(async () => {
  world = await createWorld({ now: () => new Date(clock) });
  operator = world.keys.operator.description.controller;
  registryUrl = await serveRegistry(world);
  const a = await world.issue();
  const b = await world.issue({ subject: { name: 'Ana Reyes', birthDate: '1994-02-03' } });
  revoked = file('revoked.json');
  good = file('good.json');
  writeFileSync(revoked, JSON.stringify(a));
  writeFileSync(good, JSON.stringify(b));
  // Five days ago the list said "not revoked" (signed, valid 3 days); a minute ago it said "revoked".
  await world.publishStatus();
  [oldList] = await world.issuer.statusListCredentials();
  clock = Date.now() - 60_000;
  world.issuer.revoke(a.id);
  await world.publishStatus();
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  world.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the operator a verifier trusts', () => {
  it('with no operator configured, verify --trust-pack is a usage error that says how to configure one', async () => {
    const packFile = file('pack.json');
    writeFileSync(packFile, JSON.stringify(await world.pack()));
    const run = await verifier('unconfigured', 'verify', good, '--trust-pack', packFile, '--country', 'JP', '--root', world.keys.jp.description.controller);
    expect(run.code).toBe(3);
    expect(run.err).toMatch(/^ERR_TRUST_NOT_CONFIGURED: .*--registry-key/);
    expect((await verifier('unconfigured', 'verify', good, '--country', 'JP', '--root', world.keys.jp.description.controller)).err).toMatch(/^ERR_TRUST_NOT_CONFIGURED/);
    // Configured, the same pack verifies.
    const ok = await verifier('unconfigured', 'verify', good, '--trust-pack', packFile, '--registry-key', operator, '--country', 'JP', '--root', world.keys.jp.description.controller, '--json');
    expect(ok.json().verdict).toBe('valid');
  });

  it('a pack re-signed by a stranger never verifies: not from a file, not from sync', async () => {
    const stranger = newKey();
    const forged = await signJson(contentOf(await world.pack()), stranger);
    writeFileSync(file('forged.json'), JSON.stringify(forged));
    const jp = world.keys.jp.description.controller;
    const run = await verifier('stranger', 'verify', good, '--trust-pack', file('forged.json'), '--registry-key', operator, '--country', 'JP', '--root', jp);
    expect(run.code).toBe(3);
    expect(run.err).toMatch(/^ERR_TRUST_PACK_INVALID/);
    // A verifier pinned by sync refuses it too, as a file and from a "registry" serving it.
    expect((await verifier('stranger', 'sync', '--registry', registryUrl, '--country', 'JP')).code).toBe(0);
    expect((await verifier('stranger', 'verify', good, '--trust-pack', file('forged.json'), '--country', 'JP', '--root', jp)).err).toMatch(/^ERR_TRUST_PACK_INVALID/);
    const sync = await verifier('stranger', 'sync', '--registry', await serveAttack(forged), '--country', 'JP', '--full');
    expect(sync.code).toBe(3);
    expect(sync.err).toMatch(/ERR_TRUST_PACK_INVALID/);
  });
});

describe('status freshness from the issuer, not from the pack', () => {
  it('the real operator re-dating an old status list in a fresh pack: stale as a file, refused as older than held on sync', async () => {
    const jp = world.keys.jp.description.controller;
    const officer = 'officer';
    expect((await verifier(officer, 'sync', '--registry', registryUrl, '--country', 'JP', '--registry-key', operator)).code).toBe(0);
    const before = await verifier(officer, 'verify', revoked, '--country', 'JP', '--root', jp, '--json');
    expect(before.code).toBe(1);
    expect(statusCode(before)).toBe('ERR_CREDENTIAL_REVOKED');

    // A pack dated now, signed by the operator's own key, carrying the list of five days ago.
    const fresh = trustPackContent(world.registry, { country: 'JP', now: new Date() });
    const replay = await signJson({ ...fresh, statusLists: [oldList] }, world.keys.operator);
    writeFileSync(file('replay.json'), JSON.stringify(replay));
    const asFile = await verifier(officer, 'verify', revoked, '--trust-pack', file('replay.json'), '--country', 'JP', '--root', jp, '--json');
    expect(asFile.json().verdict).toBe('indeterminate');
    expect(asFile.code).toBe(2);
    expect(statusCode(asFile)).toBe('ERR_STATUS_STALE');

    // Served by the registry (or whoever holds its key) at the next sync: refused, the last good pack kept.
    const attack = await serveAttack(replay);
    const sync = await verifier(officer, 'sync', '--registry', attack, '--country', 'JP');
    expect(sync.code).toBe(3);
    expect(sync.err).toMatch(/ERR_TRUST_PACK_ROLLBACK/);
    expect((await verifier(officer, 'sync', '--registry', attack, '--country', 'JP', '--full')).err).toMatch(/ERR_TRUST_PACK_ROLLBACK/);
    const after = await verifier(officer, 'verify', revoked, '--country', 'JP', '--root', jp, '--json');
    expect(statusCode(after)).toBe('ERR_CREDENTIAL_REVOKED');
  });

  it('a list the issuer signed without validUntil proves nothing: stale', async () => {
    const [current] = await world.issuer.statusListCredentials();
    const { proof: _proof, validUntil: _until, ...unsigned } = current!;
    const bare = await signCredential({ credential: unsigned, signer: world.keys.centre.signer, now: new Date(unsigned.validFrom) });
    const fresh = trustPackContent(world.registry, { country: 'JP', now: new Date() });
    writeFileSync(file('bare.json'), JSON.stringify(await signJson({ ...fresh, statusLists: [bare] }, world.keys.operator)));
    const run = await verifier('bare', 'verify', good, '--trust-pack', file('bare.json'), '--registry-key', operator, '--country', 'JP', '--root', world.keys.jp.description.controller, '--json');
    expect(run.json().verdict).toBe('indeterminate');
    expect(statusCode(run)).toBe('ERR_STATUS_STALE');
  });
});

describe('the pack held on disk', () => {
  const jp = () => world.keys.jp.description.controller;
  const held = (data: string) => JSON.parse(readFileSync(join(file(data), 'trust-pack.json'), 'utf8')) as {
    format: string; operator: string; pack: GeneralJws; deltas: GeneralJws[]; syncedAt: string;
  };
  const tampered = (name: string, edit: (h: ReturnType<typeof held>) => unknown) => {
    cpSync(file('disk'), file(name), { recursive: true });
    writeFileSync(join(file(name), 'trust-pack.json'), JSON.stringify(edit(held(name))));
    return name;
  };

  beforeAll(async () => {
    expect((await verifier('disk', 'sync', '--registry', registryUrl, '--country', 'JP')).code).toBe(0);
    // A delta on top, so the file holds both kinds.
    await world.registry.submit(await signRecord({ ...jpCareWorkerQualification(jp()), version: 2 }, world.keys.jp));
    expect((await verifier('disk', 'sync', '--registry', registryUrl, '--country', 'JP')).code).toBe(0);
  });

  it('is the signed pack and deltas as received, and verifies as it is', async () => {
    const h = held('disk');
    expect(h).toMatchObject({ format: 'corridor-held-pack/1', operator });
    expect(h.deltas).toHaveLength(1);
    expect((await verifier('disk', 'verify', good, '--country', 'JP', '--root', jp(), '--json')).json().verdict).toBe('valid');
    expect((await verifier('disk', 'status')).out).toMatch(/^JP trust pack #\d+/);
  });

  it('refuses a record, a status bit or the operator changed in the file, and tells the officer to sync --full', async () => {
    const editRecord = tampered('edit-record', (h) => {
      const content = contentOf(h.pack);
      const [first, ...rest] = content.records;
      const changed = JSON.parse(Buffer.from(first!.payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      return { ...h, pack: withContent(h.pack, { ...content, records: [{ ...first!, payload: Buffer.from(JSON.stringify({ ...changed, status: 'withdrawn' })).toString('base64url') }, ...rest] }) };
    });
    const editBit = tampered('edit-bit', (h) => {
      const content = contentOf(h.pack);
      const bits = createBitstring();
      setBit(bits, 1, true);
      const statusLists = content.statusLists.map((l) => ({ ...l, credentialSubject: { ...l.credentialSubject, encodedList: encodeBitstring(bits) } }));
      return { ...h, pack: withContent(h.pack, { ...content, statusLists }) };
    });
    const stranger = newKey();
    const editOperator = tampered('edit-operator', (h) => ({ ...h, operator: stranger.description.controller }));
    const editDelta = tampered('edit-delta', (h) => ({ ...h, deltas: [withContent(h.deltas[0]!, { ...contentOf(h.deltas[0]!), sequence: 999 })] }));
    const oldFormat = tampered('old-format', (h) => ({ operator: h.operator, content: contentOf(h.pack), syncedAt: h.syncedAt }));
    for (const data of [editRecord, editBit, editOperator, editDelta, oldFormat]) {
      const run = await verifier(data, 'verify', good, '--country', 'JP', '--root', jp());
      expect({ data, code: run.code, err: run.err }).toEqual({ data, code: 3, err: expect.stringMatching(/^ERR_TRUST_PACK_INVALID: .*sync --full/) });
    }
    // Re-signed throughout by the attacker's own key with the operator swapped: refused where the key is configured.
    const resigned = tampered('resigned', (h) => ({ ...h, operator: stranger.description.controller, deltas: [], pack: h.pack }));
    const resign = held(resigned);
    writeFileSync(join(file(resigned), 'trust-pack.json'), JSON.stringify({ ...resign, pack: await signJson(contentOf(resign.pack), stranger) }));
    expect((await verifier(resigned, 'verify', good, '--country', 'JP', '--root', jp(), '--registry-key', operator)).err).toMatch(/^ERR_TRUST_PACK_INVALID/);
    // sync --full starts over from the registry, with the key it had pinned.
    expect((await verifier(editBit, 'sync', '--registry', registryUrl, '--country', 'JP', '--full')).code).toBe(0);
    expect((await verifier(editBit, 'verify', good, '--country', 'JP', '--root', jp(), '--json')).json().verdict).toBe('valid');
  });
});

describe('a forked registry log', () => {
  it('sync refuses a pack or delta whose log does not extend the head held, and keeps the last good pack', async () => {
    // Two registries with the same operator key and the same first entries, then different ones.
    const at = Date.now() - DAY;
    const keys = { ph: newKey(), jp: newKey(), centre: newKey(), operator: newKey() } satisfies Record<string, KeyPair>;
    const left = await createWorld({ now: () => new Date(at), keys });
    const right = await createWorld({ now: () => new Date(at), keys });
    try {
      expect(right.registry.store.head()).toEqual(left.registry.store.head());
      const [leftUrl, rightUrl] = [await serveRegistry(left), await serveRegistry(right)];
      const officer = 'fork';
      expect((await verifier(officer, 'sync', '--registry', leftUrl, '--country', 'JP')).code).toBe(0);
      const jpDid = keys.jp.description.controller;
      const qualification = jpCareWorkerQualification(jpDid);
      await left.registry.submit(await signRecord({ ...qualification, version: 2 }, keys.jp));
      await right.registry.submit(await signRecord({ ...qualification, version: 2, title: { en: 'Another care worker' } }, keys.jp));
      await right.registry.submit(await signRecord({ ...qualification, version: 3 }, keys.jp));
      // The honest continuation, checked against the log links: accepted.
      const synced = await verifier(officer, 'sync', '--registry', leftUrl, '--country', 'JP', '--json');
      expect(synced.code).toBe(0);
      const kept = synced.json().sequence;

      for (const args of [[], ['--full']]) {
        const forked = await verifier(officer, 'sync', '--registry', rightUrl, '--country', 'JP', ...args);
        expect({ code: forked.code, err: forked.err }).toEqual({ code: 3, err: expect.stringMatching(/ERR_LOG_INCONSISTENT/) });
      }
      // Same sequence, another head: refused without even asking for links.
      await left.registry.submit(await signRecord({ ...qualification, version: 3, title: { en: 'Yet another' } }, keys.jp));
      expect((await verifier('fork2', 'sync', '--registry', rightUrl, '--country', 'JP')).code).toBe(0);
      expect((await verifier('fork2', 'sync', '--registry', leftUrl, '--country', 'JP')).err).toMatch(/ERR_LOG_INCONSISTENT/);

      const status = await verifier(officer, 'status', '--json');
      expect(status.json().sequence).toBe(kept);
    } finally {
      left.close();
      right.close();
    }
  });

  it('takes a full pack from the delta endpoint (since too old), still checked against the log held', async () => {
    const officer = 'full-from-delta';
    expect((await verifier(officer, 'sync', '--registry', registryUrl, '--country', 'JP')).code).toBe(0);
    const heldSeq = world.registry.store.head().seq;
    await world.registry.submit(await signRecord({ ...jpCareWorkerQualification(world.keys.jp.description.controller), version: 3 }, world.keys.jp));
    // A registry that answers every delta with its full pack, and forwards log links.
    const { server, url } = await listen((req, res) => {
      const path = req.url!.startsWith('/trust-pack/delta') ? '/trust-pack?country=JP' : req.url!;
      fetch(registryUrl + path).then(async (answer) => {
        res.statusCode = answer.status;
        res.setHeader('content-type', 'application/json');
        res.end(await answer.text());
      }, () => { res.statusCode = 502; res.end(); });
    });
    servers.push(server);
    const synced = await verifier(officer, 'sync', '--registry', url, '--country', 'JP', '--json');
    expect(synced.code).toBe(0);
    expect(synced.json()).toMatchObject({ sequence: heldSeq + 1, deltas: 0 });
  });
});

describe('deltas held', () => {
  it('compacts deltas that pile up into a full pack, checked like any other', async () => {
    const client = createRegistryClient(registryUrl);
    let kept: { file: HeldFile; held: HeldPack } | undefined = await syncHeld(undefined, client, { country: 'JP', operator });
    let most = 0;
    for (let i = 0; i <= MAX_HELD_DELTAS; i++) {
      kept = await syncHeld(kept, client, { country: 'JP' });
      most = Math.max(most, kept.file.deltas.length);
    }
    expect(most).toBeLessThanOrEqual(MAX_HELD_DELTAS);
    expect(kept.file.deltas.length).toBeLessThan(MAX_HELD_DELTAS);
    expect(kept.held.content.sequence).toBe(world.registry.store.head().seq);
  });
});
