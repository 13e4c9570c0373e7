/**
 * A small client for the registry's HTTP API, used by the CLIs and by verifier sync. A refusal
 * comes back as a CorridorError with the server's code; an unreachable or failing registry as
 * RegistryUnavailable, which a verifier treats as "keep the pack you have".
 */
import { CorridorError, isErrorCode } from './errors.js';
import type { KeyPair } from './keys.js';
import { signRequest, type WriteAction } from './signed-request.js';
import type { LogLink } from './log-chain.js';
import type { GeneralJws, StatusListCredential } from './types.js';

export class RegistryUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegistryUnavailable';
  }
}

export interface RegistryClient {
  baseUrl: string;
  submitRecord(record: GeneralJws, key: KeyPair): Promise<Record<string, unknown>>;
  pushStatusList(list: StatusListCredential, key: KeyPair): Promise<Record<string, unknown>>;
  records(query?: Record<string, string>): Promise<{ items: { recordId: string; version: number; state: string; jws?: GeneralJws }[]; next?: string }>;
  trustPack(country: string): Promise<unknown>;
  delta(country: string, since: number): Promise<unknown>;
  /** The log links after `after` up to `to` (inclusive): what proves a newer log head extends one held. */
  logLinks(after: number, to: number): Promise<{ links: LogLink[] }>;
}

/** Largest response we read: a trust pack for a big corridor is a few MB. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export function createRegistryClient(baseUrl: string, options: { timeoutMs?: number } = {}): RegistryClient {
  const base = baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(base)) throw new CorridorError('ERR_INPUT_INVALID', 'the registry URL must be http(s)');
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function call(path: string, init: RequestInit = {}): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(base + path, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      throw new RegistryUnavailable('the registry cannot be reached', { cause });
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_RESPONSE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'the registry response is too large');
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      if (response.status >= 500) throw new RegistryUnavailable(`the registry answered ${response.status}`, { cause });
      throw new CorridorError('ERR_TRUST_PACK_INVALID', 'the registry response is not JSON', { cause });
    }
    if (!response.ok) {
      const problem = body as { code?: unknown; detail?: unknown };
      if (response.status >= 500) throw new RegistryUnavailable(`the registry answered ${response.status}`);
      if (isErrorCode(problem.code)) throw new CorridorError(problem.code, typeof problem.detail === 'string' ? problem.detail : undefined);
      throw new CorridorError('ERR_INPUT_INVALID', `the registry refused the request (${response.status})`);
    }
    return body;
  }

  const write = async (path: string, action: WriteAction, body: unknown, key: KeyPair) =>
    call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(await signRequest(action, body, key)) }) as Promise<Record<string, unknown>>;

  return {
    baseUrl: base,
    submitRecord: (record, key) => write('/records', 'submit-record', record, key),
    pushStatusList: (list, key) => write('/status-lists', 'push-status-list', list, key),
    records: (query = {}) => call(`/records?${new URLSearchParams(query)}`) as ReturnType<RegistryClient['records']>,
    trustPack: (country) => call(`/trust-pack?country=${encodeURIComponent(country)}`),
    delta: (country, since) => call(`/trust-pack/delta?country=${encodeURIComponent(country)}&since=${since}`),
    logLinks: (after, to) => call(`/log/links?after=${after}&to=${to}`) as Promise<{ links: LogLink[] }>,
  };
}
