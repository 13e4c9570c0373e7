/**
 * Trust packs and deltas as served over HTTP: each signed once per (country, log head) — a delta
 * once per (country, since, head) — and kept in a bounded in-memory cache as the exact bytes sent,
 * with a strong ETag (the bytes' hash) and a gzip copy made on first demand. Nothing is built
 * before the registry's tables are known to match its log (Registry.assertConsistent).
 *
 * One issue time per head: the pack and every delta at a head carry the same `issuedAt`, so a
 * verifier holding that head's pack never sees a delta at the same head that looks older. The
 * time is renewed after `reissueAfterMs` even if the log stands still, so a quiet registry's
 * packs do not read as weeks old on an officer's screen.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { CorridorError, signJson, type KeyPair, type LogHead } from '@corridor/shared';
import type { Registry } from './registry.js';
import { trustPackContent, trustPackDelta } from './trust-pack.js';

const gzipAsync = promisify(gzip);

/** One response body, ready to send. */
export interface ServedDocument {
  bytes: Buffer;
  /** Strong entity tag of `bytes` (quoted). */
  etag: string;
  /** The same bytes gzip-compressed, computed once. */
  gzipped(): Promise<Buffer>;
}

export interface PackServiceOptions {
  registry: Registry;
  operatorKey: KeyPair;
  now?: () => Date;
  /** Re-sign with a new `issuedAt` after this long even when the log has not moved (default 1 h). */
  reissueAfterMs?: number;
  /** Deltas are served for `since` within this many log entries of the head; older gets the full pack (default 1,000). */
  deltaWindow?: number;
  /** Bytes of signed documents kept (default 256 MiB); the least recently used go first. */
  maxCacheBytes?: number;
  /** Documents kept (default 1,024), whatever their size. */
  maxCacheEntries?: number;
}

export interface PackService {
  pack(country: string): Promise<ServedDocument>;
  /** A delta after `since`, or the full pack (format corridor-trust-pack/1) when `since` is outside the window. */
  delta(country: string, since: number): Promise<ServedDocument>;
  /** How many documents were signed so far (a pack or delta built). */
  readonly signed: number;
}

const MAX_ATTEMPTS = 5;

function served(bytes: Buffer): ServedDocument {
  let compressed: Promise<Buffer> | undefined;
  return {
    bytes,
    etag: `"${createHash('sha256').update(bytes).digest('base64url')}"`,
    gzipped: () => (compressed ??= gzipAsync(bytes, { level: 6 })),
  };
}

export function createPackService(options: PackServiceOptions): PackService {
  const { registry, operatorKey, now = () => new Date(), reissueAfterMs = 3_600_000, deltaWindow = 1000, maxCacheBytes = 256 * 1024 * 1024, maxCacheEntries = 1024 } = options;
  const cache = new Map<string, { doc: Promise<ServedDocument | undefined>; bytes: number }>();
  let cachedBytes = 0;
  let issue: { hash: string; at: Date } | undefined;
  let signed = 0;

  /** The issue time for documents at this head; a new one empties the cache (nothing in it is current). */
  function issuedAtFor(head: LogHead): Date {
    const t = now();
    if (!issue || issue.hash !== head.hash || t.getTime() - issue.at.getTime() >= reissueAfterMs) {
      issue = { hash: head.hash, at: t };
      cache.clear();
      cachedBytes = 0;
    }
    return issue.at;
  }

  function remember(key: string, doc: Promise<ServedDocument | undefined>): void {
    const entry = { doc, bytes: 0 };
    cache.set(key, entry);
    doc.then((value) => {
      if (cache.get(key) !== entry) return;
      if (!value) return void cache.delete(key);
      entry.bytes = value.bytes.length;
      cachedBytes += entry.bytes;
      // Oldest first (Map order is insertion order; a hit re-inserts). The newest always stays.
      for (const [k, e] of cache) {
        if ((cachedBytes <= maxCacheBytes && cache.size <= maxCacheEntries) || k === key) break;
        cache.delete(k);
        cachedBytes -= e.bytes;
      }
    }, () => { if (cache.get(key) === entry) cache.delete(key); });
  }

  async function serve(what: string, build: (issuedAt: Date) => { logHead: string }): Promise<ServedDocument> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const head = registry.store.head();
      const issuedAt = issuedAtFor(head);
      const key = `${what}|${head.hash}`;
      let entry = cache.get(key);
      if (entry) {
        cache.delete(key);
        cache.set(key, entry);
      } else {
        const doc = (async () => {
          await registry.assertConsistent();
          // The log moved while the audit ran: this head is no longer the one to sign.
          if (registry.store.head().hash !== head.hash) return undefined;
          const content = build(issuedAt);
          if (content.logHead !== head.hash) return undefined;
          signed += 1;
          return served(Buffer.from(JSON.stringify(await signJson(content, operatorKey))));
        })();
        remember(key, doc);
        entry = cache.get(key)!;
      }
      const doc = await entry.doc;
      if (doc) return doc;
    }
    throw new CorridorError('ERR_TIMEOUT', 'the registry log is moving too fast to sign a pack; try again');
  }

  const pack = (country: string) => serve(`pack|${country}`, (issuedAt) => trustPackContent(registry, { country, now: issuedAt }));

  return {
    pack,
    async delta(country, since) {
      const head = registry.store.head();
      if (since > head.seq) {
        throw new CorridorError('ERR_TRUST_PACK_ROLLBACK', 'since is ahead of this registry: it is not the registry that pack came from, or it lost data');
      }
      if (head.seq - since > deltaWindow) return pack(country);
      return serve(`delta|${country}|${since}`, (issuedAt) => trustPackDelta(registry, { country, since, now: issuedAt }));
    },
    get signed() { return signed; },
  };
}
