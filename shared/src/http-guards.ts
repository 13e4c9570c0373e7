/**
 * What every service mounts in front of its routes, with one line: a per-client rate limit on
 * the expensive endpoints (429 ERR_RATE_LIMITED with Retry-After) and a per-request deadline
 * (503 ERR_TIMEOUT), so one client or one slow request cannot starve the others.
 * Plain node:http types: express mounts it as it is, and shared stays free of express.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { problemDetails } from './problem.js';
import type { ErrorCode } from './errors.js';

export interface GuardOptions {
  /**
   * The expensive endpoints, as `METHOD /path` (exact) or `METHOD /prefix/` (a trailing slash
   * matches everything under it). Each has its own budget per client.
   */
  limited: string[];
  /** Requests per client per endpoint per minute (default 60). */
  perMinute?: number;
  /** Per-endpoint overrides of perMinute, keyed like `limited`. */
  perMinuteFor?: Record<string, number>;
  /** Milliseconds a request may take before it is answered 503 ERR_TIMEOUT (default 20 s). */
  deadlineMs?: number;
  now?: () => number;
}

type Next = (error?: unknown) => void;
type GuardedResponse = ServerResponse & { locals?: Record<string, unknown> };

function sendProblem(req: IncomingMessage, res: ServerResponse, code: ErrorCode, detail: string, headers: Record<string, string> = {}): void {
  const body = problemDetails(code, detail, (req.url ?? '/').split('?')[0]!);
  res.statusCode = body.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-type', 'application/problem+json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * The client a request is counted against: the authenticated API client where a service has
 * set one (`res.locals.clientId`, after verifying its token), else the remote address.
 */
export function clientKey(req: IncomingMessage, res: GuardedResponse): string {
  const clientId = res.locals?.clientId;
  return typeof clientId === 'string' ? `client:${clientId}` : `addr:${req.socket.remoteAddress ?? 'unknown'}`;
}

/** A fixed one-minute window per key; the map is bounded (cleared past 100 000 keys). */
export function createRateLimiter(options: { perMinute: number; now?: () => number }) {
  const { perMinute, now = Date.now } = options;
  const windows = new Map<string, { start: number; count: number }>();
  /** Undefined when allowed; else the seconds until the window resets. */
  return (key: string): number | undefined => {
    const t = now();
    const held = windows.get(key);
    if (!held || t - held.start >= 60_000) {
      if (windows.size > 100_000) windows.clear();
      windows.set(key, { start: t, count: 1 });
      return undefined;
    }
    held.count += 1;
    return held.count > perMinute ? Math.max(1, Math.ceil((held.start + 60_000 - t) / 1000)) : undefined;
  };
}

function matches(rule: string, method: string, path: string): boolean {
  const [ruleMethod, rulePath] = rule.split(' ') as [string, string];
  if (ruleMethod !== method) return false;
  return rulePath.endsWith('/') ? path.startsWith(rulePath) : path === rulePath;
}

/** The deadline and, for the `limited` endpoints, the rate limit. Mount before the routes. */
export function httpGuards(options: GuardOptions): (req: IncomingMessage, res: GuardedResponse, next: Next) => void {
  const { limited, perMinute = 60, perMinuteFor = {}, deadlineMs = 20_000, now } = options;
  const limiters = new Map(limited.map((rule) => [rule, createRateLimiter({ perMinute: perMinuteFor[rule] ?? perMinute, ...(now ? { now } : {}) })]));
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      sendProblem(req, res, 'ERR_TIMEOUT', 'the request took longer than this service allows', { connection: 'close' });
    }, deadlineMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);

    const path = (req.url ?? '/').split('?')[0]!;
    for (const [rule, limiter] of limiters) {
      if (!matches(rule, req.method ?? 'GET', path)) continue;
      // The authenticated client, if the service identified one before this guard ran.
      const retryAfter = limiter(clientKey(req, res));
      if (retryAfter !== undefined) {
        return sendProblem(req, res, 'ERR_RATE_LIMITED', 'too many requests to this endpoint; retry later', { 'retry-after': String(retryAfter) });
      }
    }
    next();
  };
}
