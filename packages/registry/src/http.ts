/**
 * The registry over HTTP (express): public reads, signed writes, the log, trust packs and
 * deltas. Each route is parse → call → respond; every failure is RFC 9457 problem+json with a
 * stable code. The only file that knows express.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { CorridorError, httpGuards, problemDetails, problemForError, type ErrorCode, type KeyPair } from '@corridor/shared';
import type { AccreditationRecord, MappingRecord, PartnershipRecord } from '@corridor/shared';
import type { Registry, RecordState, RecordSummary } from './registry.js';
import { acceptSignedWrite } from './signed-writes.js';
import { createLogLinks } from './log-links.js';
import { createPackService, type PackService, type ServedDocument } from './pack-service.js';
import type { LogKind } from './store.js';

export interface RegistryAppOptions {
  registry: Registry;
  operatorKey: KeyPair;
  now?: () => Date;
  /** Signed writes per key per minute. */
  writesPerMinute?: number;
  /** Trust-pack and delta requests per client per minute (default 60). */
  packReadsPerMinute?: number;
  /** Largest request body accepted. */
  bodyLimit?: string;
  log?: (line: string) => void;
  /** Signed packs and deltas, cached per log head; made from the options above when not given. */
  packs?: PackService;
}

const KINDS: Record<string, LogKind> = {
  authorities: 'authority', partnerships: 'partnership', qualifications: 'qualification',
  accreditations: 'accreditation', mappings: 'mapping', 'mapping-tables': 'mapping-table', 'status-lists': 'status-list',
};
const STATES = new Set<RecordState>(['proposed', 'in-force', 'withdrawn', 'superseded']);
const MAX_PAGE = 500;

const sequenceParam = (value: unknown, name: string): number => {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new CorridorError('ERR_INPUT_INVALID', `${name} must be a log sequence`);
  return n;
};

/** Does one of the If-None-Match tags name this document (weak comparison, RFC 9110 §13.1.2)? */
function notModified(req: Request, doc: ServedDocument, gzipTag: string): boolean {
  const header = req.get('if-none-match');
  if (!header) return false;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(doc.etag) || tags.includes(gzipTag);
}

/** Sends a signed document as its cached bytes: strong ETag, 304 on a match, gzip when the client takes it. */
async function sendDocument(req: Request, res: Response, doc: ServedDocument): Promise<void> {
  const gzipTag = `${doc.etag.slice(0, -1)}-gzip"`;
  const gzipped = req.acceptsEncodings('gzip', 'identity') === 'gzip';
  res.set({ 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding', ETag: gzipped ? gzipTag : doc.etag });
  if (notModified(req, doc, gzipTag)) return void res.status(304).end();
  res.type('application/json');
  if (gzipped) res.set('Content-Encoding', 'gzip');
  res.send(gzipped ? await doc.gzipped() : doc.bytes);
}

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
  const packs = options.packs ?? createPackService({ registry, operatorKey, now });
  const logLinks = createLogLinks(registry.store);
  const app = express();
  app.disable('x-powered-by');
  app.use(httpGuards({ limited: ['GET /trust-pack', 'GET /trust-pack/delta'], perMinute: options.packReadsPerMinute ?? 60 }));
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

  // The links between two heads, for a verifier to check a new pack's log extends the one it holds.
  app.get('/log/links', (req, res) => {
    const after = sequenceParam(req.query.after, 'after');
    const to = sequenceParam(req.query.to, 'to');
    res.json({ links: logLinks(after, to) });
  });

  app.get('/trust-pack', async (req, res) => {
    await sendDocument(req, res, await packs.pack(countryParam(req.query.country)));
  });

  // A delta after `since`, or the full pack when `since` is older than the deltas kept (see pack-service.ts).
  app.get('/trust-pack/delta', async (req, res) => {
    const country = countryParam(req.query.country);
    await sendDocument(req, res, await packs.delta(country, sequenceParam(req.query.since, 'since')));
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
