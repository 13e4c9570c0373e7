/**
 * Signed writes to the registry: the request body is a JWS by the writer's key over
 * { action, iat, nonce, body }. The signature says who asks; `iat` bounds when; the nonce,
 * remembered by the server, makes each request usable once.
 */
import { randomUUID } from 'node:crypto';
import { CorridorError } from './errors.js';
import type { KeyPair } from './keys.js';
import { signJson, verifyJson } from './records.js';
import type { GeneralJws } from './types.js';
import { isObject } from './validate.js';

export type WriteAction = 'submit-record' | 'push-status-list';

export interface OpenedRequest {
  signer: string;
  action: WriteAction;
  iat: number;
  nonce: string;
  body: unknown;
}

/** How far a request's time may be from the server's, either way. */
export const REQUEST_WINDOW_SECONDS = 300;

export async function signRequest(action: WriteAction, body: unknown, key: KeyPair, now = new Date()): Promise<GeneralJws> {
  return signJson({ action, iat: Math.floor(now.getTime() / 1000), nonce: randomUUID(), body }, key);
}

/** Verifies the signature and the time window; the caller checks and remembers the nonce. */
export async function openRequest(jws: unknown, options: { now?: Date; windowSeconds?: number } = {}): Promise<OpenedRequest> {
  const { now = new Date(), windowSeconds = REQUEST_WINDOW_SECONDS } = options;
  let verified: { value: unknown; signers: string[] };
  try {
    verified = await verifyJson(jws);
  } catch (error) {
    if (error instanceof CorridorError && error.code === 'ERR_RECORD_INVALID') throw new CorridorError('ERR_INPUT_INVALID', 'the request body is not a signed request (JWS)');
    throw error;
  }
  const { value, signers } = verified;
  if (signers.length !== 1) throw new CorridorError('ERR_INPUT_INVALID', 'a request is signed by exactly one key');
  if (!isObject(value) || (value.action !== 'submit-record' && value.action !== 'push-status-list') ||
      !Number.isSafeInteger(value.iat) || typeof value.nonce !== 'string' || value.nonce.length < 16 || value.nonce.length > 100 || !('body' in value)) {
    throw new CorridorError('ERR_INPUT_INVALID', 'a signed request needs action, iat, nonce and body');
  }
  if (Math.abs((value.iat as number) - now.getTime() / 1000) > windowSeconds) {
    throw new CorridorError('ERR_REQUEST_REPLAYED', 'the request time is outside the accepted window; check the clock and sign a new request');
  }
  return { signer: signers[0]!, action: value.action, iat: value.iat as number, nonce: value.nonce, body: value.body };
}
