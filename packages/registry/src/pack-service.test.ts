// Packs and deltas over HTTP on a loopback port: signed once per log head and served from cache
// with a strong ETag (304 on If-None-Match), gzip when asked, the full pack for a `since` older
// than the window; and the log links that let a verifier prove a new head extends the one it holds.
import { afterEach, describe, expect, it } from '@jest/globals';
import { get as httpGet, type Server } from 'node:http';
import {
  createRegistryClient, generateKeyPair, importKeyPair, jpCareWorkerQualification, openTrustPackEnvelope, signRecord, verifyLogExtension,
  type KeyPair, type LogHead, type QualificationRecord,
} from '@corridor/shared';
import { createRegistryApp } from './http.js';
import { createPackService, type PackServiceOptions } from './pack-service.js';
import { Registry } from './registry.js';
import { setUpReferenceCorridor } from './reference-setup.js';
import { RegistryStore } from './store.js';

const newKey = () => importKeyPair(generateKeyPair());
const keys = { ph: newKey(), jp: newKey(), centre: newKey(), operator: newKey() };
const servers: Server[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve)))); });

const T0 = new Date('2026-11-01T00:00:00Z');

async function referenceRegistry(now = () => T0) {
  const registry = new Registry(new RegistryStore(':memory:'), { now });
  await setUpReferenceCorridor(registry, keys);
  return registry;
}

async function serve(registry: Registry, options: Partial<PackServiceOptions> & { now?: () => Date } = {}) {
  const packs = createPackService({ registry, operatorKey: keys.operator, ...options });
  const app = createRegistryApp({ registry, operatorKey: keys.operator, packs, ...(options.now ? { now: options.now } : {}) });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  return { packs, base: `http://127.0.0.1:${port}` };
}

const jpQualification = (n: number, key: KeyPair = keys.jp): QualificationRecord => ({
  ...jpCareWorkerQualification(key.description.controller), id: `urn:corridor:qualification:JP:extra-${n}`, title: { en: `Extra ${n}` },
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, etag: response.headers.get('etag'), encoding: response.headers.get('content-encoding'), text: await response.text() };
}

async function contentOf(text: string) {
  return (await openTrustPackEnvelope(JSON.parse(text), keys.operator.description.controller)).value as { format: string; sequence: number; logHead: string; issuedAt: string };
}

describe('trust packs served once per log head', () => {
  it('signs once for many requests, answers If-None-Match with 304, and a new record changes the ETag', async () => {
    const registry = await referenceRegistry();
    const { packs, base } = await serve(registry, { now: () => T0 });
    const url = `${base}/trust-pack?country=JP`;
    const [first, ...rest] = await Promise.all(Array.from({ length: 5 }, () => get(url)));
    expect(first!.status).toBe(200);
    expect(first!.etag).toMatch(/^"[\w-]{43}(-gzip)?"$/);
    for (const other of rest) expect(other).toEqual(first);
    const second = await get(url);
    expect(second.etag).toBe(first!.etag);
    const revalidated = await get(url, { 'if-none-match': first!.etag! });
    expect(revalidated).toMatchObject({ status: 304, etag: first!.etag, text: '' });
    expect(packs.signed).toBe(1);

    await registry.submit(await signRecord(jpQualification(1), keys.jp));
    const changed = await get(url, { 'if-none-match': first!.etag! });
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(first!.etag);
    expect(packs.signed).toBe(2);
    // The signed log head is the chain hash of the entry at the pack's sequence.
    const content = await contentOf(changed.text);
    expect(content.sequence).toBe(registry.store.head().seq);
    expect(content.logHead).toBe(registry.store.entry(content.sequence)!.entryHash);
  });

  it('serves gzip when the client takes it, the same document under its own tag', async () => {
    const registry = await referenceRegistry();
    const { packs, base } = await serve(registry, { now: () => T0 });
    const plain = await get(`${base}/trust-pack?country=JP`, { 'accept-encoding': 'identity' });
    const zipped = await get(`${base}/trust-pack?country=JP`, { 'accept-encoding': 'gzip' });
    expect(plain.encoding).toBeNull();
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.text).toBe(plain.text);
    expect(zipped.etag).not.toBe(plain.etag);
    expect((await get(`${base}/trust-pack?country=JP`, { 'accept-encoding': 'gzip', 'if-none-match': zipped.etag! })).status).toBe(304);
    // A client that names no encoding gets none.
    const bare = await new Promise<{ encoding?: string; length: number }>((resolve, reject) => {
      httpGet(`${base}/trust-pack?country=JP`, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ encoding: res.headers['content-encoding'], length: Buffer.concat(chunks).length }));
      }).on('error', reject);
    });
    expect(bare).toEqual({ encoding: undefined, length: Buffer.byteLength(plain.text) });
    expect(packs.signed).toBe(1);
  });

  it('re-signs a standing head only after the reissue interval, with a newer issuedAt', async () => {
    const registry = await referenceRegistry();
    let now = T0;
    const { packs, base } = await serve(registry, { now: () => now, reissueAfterMs: 3_600_000 });
    const url = `${base}/trust-pack?country=JP`;
    const first = await get(url);
    now = new Date(T0.getTime() + 3_599_000);
    expect((await get(url)).etag).toBe(first.etag);
    now = new Date(T0.getTime() + 3_600_000);
    const later = await get(url);
    expect(later.etag).not.toBe(first.etag);
    expect((await contentOf(later.text)).issuedAt).toBe(now.toISOString());
    expect(packs.signed).toBe(2);
  });

  it('signs a delta once per (since, head), with the pack\'s issue time; an old since gets the full pack', async () => {
    const registry = await referenceRegistry();
    const { packs, base } = await serve(registry, { now: () => T0, deltaWindow: 2 });
    const start = registry.store.head().seq;
    await registry.submit(await signRecord(jpQualification(1), keys.jp));
    await registry.submit(await signRecord(jpQualification(2), keys.jp));
    const url = `${base}/trust-pack/delta?country=JP&since=${start}`;
    const a = await get(url);
    const b = await get(url, { 'if-none-match': a.etag! });
    expect(b.status).toBe(304);
    expect(packs.signed).toBe(1);
    const delta = await contentOf(a.text);
    expect(delta).toMatchObject({ format: 'corridor-trust-pack-delta/1', sequence: start + 2, logHead: registry.store.head().hash });

    const old = await get(`${base}/trust-pack/delta?country=JP&since=${start - 1}`);
    const full = await get(`${base}/trust-pack?country=JP`);
    expect(old.etag).toBe(full.etag);
    expect(await contentOf(old.text)).toMatchObject({ format: 'corridor-trust-pack/1', issuedAt: delta.issuedAt, sequence: start + 2 });
    expect(packs.signed).toBe(2);
  });

  it('keeps a bounded cache: the least recently used document is signed again', async () => {
    const registry = await referenceRegistry();
    const packs = createPackService({ registry, operatorKey: keys.operator, now: () => T0, maxCacheEntries: 2 });
    const head = registry.store.head().seq;
    const first = await packs.delta('JP', head - 1);
    await packs.delta('JP', head - 2);
    expect(await packs.delta('JP', head - 1)).toBe(first);
    expect(packs.signed).toBe(2);
    await packs.delta('JP', head - 3); // evicts head - 2, the least recently used
    await packs.delta('JP', head - 1);
    expect(packs.signed).toBe(3);
    await packs.delta('JP', head - 2);
    expect(packs.signed).toBe(4);
  });

  it('refuses a since ahead of the log, and malformed sequences', async () => {
    const registry = await referenceRegistry();
    const { base } = await serve(registry);
    const head = registry.store.head().seq;
    const code = async (path: string) => JSON.parse((await get(base + path)).text).code as string;
    expect(await code(`/trust-pack/delta?country=JP&since=${head + 1}`)).toBe('ERR_TRUST_PACK_ROLLBACK');
    for (const since of ['', '-1', '1.5', '1e3', 'x']) expect(await code(`/trust-pack/delta?country=JP&since=${since}`)).toBe('ERR_INPUT_INVALID');
  });
});

describe('log links', () => {
  /** A registry holding `bodies` in this order (the same documents, accepted in another history). */
  async function registryOf(bodies: string[]) {
    const registry = new Registry(new RegistryStore(':memory:'), { now: () => T0 });
    for (const body of bodies) await registry.submit(JSON.parse(body));
    return registry;
  }
  const bodiesOf = (registry: Registry) => registry.store.log(1, 1000).map((e) => e.body);
  const headOf = async (base: string): Promise<LogHead> => {
    const { sequence, logHead } = await contentOf((await get(`${base}/trust-pack?country=JP`)).text);
    return { seq: sequence, hash: logHead };
  };
  async function codeOf(fn: () => unknown) {
    try { await fn(); } catch (error) { return (error as { code?: string }).code; }
    return 'no error';
  }

  it('prove that a newer pack\'s log extends the head held, and refuse a forked registry\'s', async () => {
    const origin = await referenceRegistry();
    const { base } = await serve(origin);
    const held = await headOf(base);
    await origin.submit(await signRecord(jpQualification(1), keys.jp));
    await origin.submit(await signRecord(jpQualification(2), keys.jp));
    const next = await headOf(base);
    const client = createRegistryClient(base);
    const { links } = await client.logLinks(held.seq, next.seq);
    expect(links.map((l) => l.seq)).toEqual([held.seq + 1, held.seq + 2]);
    expect(() => verifyLogExtension(held, next, links)).not.toThrow();
    expect(() => verifyLogExtension(held, next, links.slice(1))).toThrow(expect.objectContaining({ code: 'ERR_LOG_INCONSISTENT' }));

    // The same records, two of them accepted in the other order: the same length, another history.
    const bodies = bodiesOf(origin);
    const swapped = [...bodies];
    [swapped[4], swapped[5]] = [swapped[5]!, swapped[4]!];
    // The same records plus one entry the origin never had, before the head held.
    const extra = [...bodies.slice(0, 5), await signRecord(jpQualification(9), keys.jp).then(JSON.stringify), ...bodies.slice(5)];
    for (const history of [swapped, extra]) {
      const fork = await serve(await registryOf(history));
      const forkHead = await headOf(fork.base);
      const forkLinks = (await createRegistryClient(fork.base).logLinks(held.seq, forkHead.seq)).links;
      expect(await codeOf(() => verifyLogExtension(held, forkHead, forkLinks))).toBe('ERR_LOG_INCONSISTENT');
    }
    // Its own history checks out against itself.
    const replayed = await serve(await registryOf(bodies));
    expect(await headOf(replayed.base)).toEqual(next);
  });

  it('validates the range: integers, to ≥ after, to within the log, at most 100,000 at once', async () => {
    const registry = await referenceRegistry();
    const { base } = await serve(registry);
    const head = registry.store.head().seq;
    const code = async (query: string) => {
      const response = await get(`${base}/log/links?${query}`);
      return `${response.status} ${JSON.parse(response.text).code}`;
    };
    expect(JSON.parse((await get(`${base}/log/links?after=0&to=${head}`)).text).links).toHaveLength(head);
    expect(JSON.parse((await get(`${base}/log/links?after=${head}&to=${head}`)).text).links).toEqual([]);
    expect(await code('after=3&to=2')).toBe('400 ERR_INPUT_INVALID');
    expect(await code('after=-1&to=2')).toBe('400 ERR_INPUT_INVALID');
    expect(await code('after=0')).toBe('400 ERR_INPUT_INVALID');
    expect(await code(`after=0&to=${head + 1}`)).toBe('404 ERR_NOT_FOUND');
    expect(await code('after=0&to=100001')).toBe('413 ERR_PAYLOAD_TOO_LARGE');
  });
});
