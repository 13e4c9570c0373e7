/**
 * The registry over HTTP (express): public reads, signed writes, the log, trust packs and
 * deltas. Each route is parse → call → respond; every failure is RFC 9457 problem+json with a
 * stable code. The only file that knows express.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { CorridorError, problemDetails, problemForError, type ErrorCode, type KeyPair } from '@corridor/shared';
import type { AccreditationRecord, MappingRecord, PartnershipRecord } from '@corridor/shared';
import type { Registry, RecordState, RecordSummary } from './registry.js';
import { acceptSignedWrite } from './signed-writes.js';
import { linkOf, type LogKind } from './store.js';
import { exportTrustPack, exportTrustPackDelta } from './trust-pack.js';

export interface RegistryAppOptions {
  registry: Registry;
  operatorKey: KeyPair;
  now?: () => Date;
  /** Signed writes per key per minute. */
  writesPerMinute?: number;
  /** Largest request body accepted. */
  bodyLimit?: string;
  log?: (line: string) => void;
}

const KINDS: Record<string, LogKind> = {
  authorities: 'authority', partnerships: 'partnership', qualifications: 'qualification',
  accreditations: 'accreditation', mappings: 'mapping', 'mapping-tables': 'mapping-table', 'status-lists': 'status-list',
};
const STATES = new Set<RecordState>(['proposed', 'in-force', 'withdrawn', 'superseded']);
const MAX_PAGE = 500;

function problem(res: Response, code: ErrorCode | 'ERR_INTERNAL', detail: string, instance: string): void {
  const body = problemDetails(code, detail, instance);
  res.status(body.status).type('application/problem+json').json(body);
}

function countriesOf(summary: RecordSummary): string[] {
  const record = summary.record as unknown as Record<string, unknown>;
  switch (summary.kind) {
    case 'partnership': return (record as unknown as PartnershipRecord).countries;
    case 'accreditation': return [(record as unknown as AccreditationRecord).trainingBody.country];
    case 'mapping':
    case 'mapping-table': return [(record as unknown as MappingRecord).origin.country, (record as unknown as MappingRecord).destination.country];
    default: return typeof record.country === 'string' ? [record.country] : [];
  }
}

function pageParams(req: Request): { limit: number; offset: number } {
  const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
  const offset = req.query.cursor === undefined ? 0 : Number(req.query.cursor);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new CorridorError('ERR_INPUT_INVALID', `limit must be 1..${MAX_PAGE}`);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new CorridorError('ERR_INPUT_INVALID', 'cursor is not valid');
  return { limit, offset };
}

const countryParam = (value: unknown): string => {
  if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value)) throw new CorridorError('ERR_INPUT_INVALID', 'country must be an ISO 3166-1 alpha-2 code');
  return value;
};

/** A fixed one-minute window per key: enough to stop a runaway client without state on disk. */
function createRateLimiter(perMinute: number, now: () => Date) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string) => {
    const t = now().getTime();
    const held = windows.get(key);
    if (!held || t - held.start >= 60_000) {
      if (windows.size > 100_000) windows.clear();
      windows.set(key, { start: t, count: 1 });
      return;
    }
    held.count += 1;
    if (held.count > perMinute) throw new CorridorError('ERR_RATE_LIMITED');
  };
}

export function createRegistryApp(options: RegistryAppOptions): express.Express {
  const { registry, operatorKey, now = () => new Date(), writesPerMinute = 120, bodyLimit = '512kb', log = () => {} } = options;
  const limitWrites = createRateLimiter(writesPerMinute, now);
  const packCache = new Map<string, { at: number; seq: number; body: unknown }>();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: bodyLimit, type: ['application/json', 'application/jose+json'] }));

  app.get('/health', (_req, res) => {
    res.json({ ok: true, head: registry.store.head() });
  });

  app.get('/:collection', (req, res, next) => {
    const collection = req.params.collection!;
    const kind = KINDS[collection];
    if (!kind && collection !== 'records') return next();
    const state = req.query.state as RecordState | undefined;
    if (state !== undefined && !STATES.has(state)) throw new CorridorError('ERR_INPUT_INVALID', 'state must be proposed, in-force, withdrawn or superseded');
    const country = req.query.country === undefined ? undefined : countryParam(req.query.country);
    const id = typeof req.query.id === 'string' ? req.query.id : undefined;
    const { limit, offset } = pageParams(req);
    const matching = registry.list({ ...(kind ? { kind } : {}), ...(state ? { state } : {}) })
      .filter((s) => (!id || s.recordId === id) && (!country || countriesOf(s).includes(country)));
    const items = matching.slice(offset, offset + limit);
    res.json({ items, total: matching.length, ...(offset + limit < matching.length ? { next: String(offset + limit) } : {}) });
  });

  app.get('/log', (req, res) => {
    const after = req.query.after === undefined ? 0 : Number(req.query.after);
    if (!Number.isSafeInteger(after) || after < 0) throw new CorridorError('ERR_INPUT_INVALID', 'after must be a log sequence');
    const { limit } = pageParams(req);
    const entries = registry.store.log(after + 1, limit);
    const last = entries[entries.length - 1];
    res.json({ entries, head: registry.store.head(), ...(last && entries.length === limit ? { next: String(last.seq) } : {}) });
  });

  // MINIMAL /log/links from the sync branch (for its fork test); the log branch's version replaces it.
  app.get('/log/links', (req, res) => {
    const after = Number(req.query.after);
    const to = Number(req.query.to);
    const head = registry.store.head();
    if (!Number.isSafeInteger(after) || !Number.isSafeInteger(to) || after < 0 || to < after || to > head.seq) {
      throw new CorridorError('ERR_INPUT_INVALID', 'after and to must be log sequences with after <= to <= the head');
    }
    const links = [];
    for (const entry of registry.store.iterateLog()) {
      if (entry.seq > to) break;
      if (entry.seq > after) links.push(linkOf(entry));
    }
    res.json({ links });
  });

  app.get('/trust-pack', async (req, res) => {
    const country = countryParam(req.query.country);
    const seq = registry.store.head().seq;
    const cached = packCache.get(country);
    // Re-sign at most once a minute per country: a pack's time is what verifiers judge freshness by.
    if (cached && cached.seq === seq && now().getTime() - cached.at < 60_000) return void res.json(cached.body);
    const body = await exportTrustPack(registry, { country, operatorKey, now: now() });
    packCache.set(country, { at: now().getTime(), seq, body });
    res.json(body);
  });

  app.get('/trust-pack/delta', async (req, res) => {
    const country = countryParam(req.query.country);
    const since = Number(req.query.since);
    if (!Number.isSafeInteger(since) || since < 0) throw new CorridorError('ERR_INPUT_INVALID', 'since must be a log sequence');
    if (since > registry.store.head().seq) throw new CorridorError('ERR_TRUST_PACK_ROLLBACK', 'since is ahead of this registry: it is not the registry that pack came from, or it lost data');
    res.json(await exportTrustPackDelta(registry, { country, since, operatorKey, now: now() }));
  });

  const write = async (req: Request, res: Response) => {
    if (req.body === undefined || req.body === null || typeof req.body !== 'object') {
      throw new CorridorError('ERR_INPUT_INVALID', 'the body must be a signed request (JWS JSON)');
    }
    const { result, signer } = await acceptSignedWrite(registry, req.body, { now: now(), beforeWrite: limitWrites });
    log(`write ${result.kind} v${result.version} by ${signer.slice(0, 24)}… → ${result.state}${result.unchanged ? ' (unchanged)' : ''} seq ${result.seq}`);
    res.status(result.unchanged ? 200 : 201).json(result);
  };
  app.post('/records', write);
  app.post('/status-lists', write);

  app.use((req, res) => problem(res, 'ERR_NOT_FOUND', 'no such endpoint', req.path));

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { body, internal } = problemForError(error, req.path);
    if (internal) log(`internal error on ${req.method} ${req.path}: ${(error as Error)?.name ?? 'unknown'}`);
    res.status(body.status).type('application/problem+json').json(body);
  });
  return app;
}
