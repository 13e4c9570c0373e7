/**
 * W3C Bitstring Status List: a gzip-compressed bitstring, multibase base64url ('u' prefix).
 * Bit 0 is the most significant bit of the first byte. Lists hold at least 131,072 entries
 * so one revoked index hides among many (herd privacy).
 */
import { gzipSync, gunzipSync } from 'node:zlib';
import { VC_V2_CONTEXT } from './contexts/index.js';
import { CorridorError } from './errors.js';
import type { StatusListCredential } from './types.js';

export const MIN_STATUS_LIST_LENGTH = 131_072;
/** Refuse lists that would decompress past this: a zip bomb must fail fast. */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

export function createBitstring(length = MIN_STATUS_LIST_LENGTH): Uint8Array {
  if (!Number.isSafeInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
    throw new CorridorError('ERR_INPUT_INVALID', `status list length must be a multiple of 8 and at least ${MIN_STATUS_LIST_LENGTH}`);
  }
  return new Uint8Array(length / 8);
}

export function getBit(bits: Uint8Array, index: number): boolean {
  const byte = bits[index >> 3];
  if (byte === undefined || index < 0) throw new CorridorError('ERR_INPUT_INVALID', 'status index is outside the list');
  return (byte & (0x80 >> (index & 7))) !== 0;
}

export function setBit(bits: Uint8Array, index: number, value: boolean): void {
  const byte = bits[index >> 3];
  if (byte === undefined || index < 0) throw new CorridorError('ERR_INPUT_INVALID', 'status index is outside the list');
  bits[index >> 3] = value ? byte | (0x80 >> (index & 7)) : byte & ~(0x80 >> (index & 7));
}

export function encodeBitstring(bits: Uint8Array): string {
  return 'u' + gzipSync(bits).toString('base64url');
}

export function decodeBitstring(encodedList: string): Uint8Array {
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', 'encodedList is not multibase base64url');
  }
  try {
    const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), { maxOutputLength: MAX_STATUS_LIST_BYTES });
    if (bits.length * 8 < MIN_STATUS_LIST_LENGTH) throw new Error('list too short');
    return new Uint8Array(bits);
  } catch (cause) {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', 'encodedList does not decode to a status list', { cause });
  }
}

/**
 * How long an issuer vouches for a list it signs (validUntil - validFrom) unless told otherwise.
 * A verifier treats a list past its validUntil as saying nothing, so the issuer re-signs well before.
 */
export const DEFAULT_STATUS_LIST_LIFETIME_SECONDS = 3 * 86_400;

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The unsigned BitstringStatusListCredential for a list; the issuer signs it. */
export function createStatusListCredential(options: {
  url: string;
  issuer: string;
  statusPurpose: 'revocation' | 'suspension';
  bits: Uint8Array;
  now?: Date;
  /** Seconds from `now` to validUntil. */
  lifetimeSeconds?: number;
}): StatusListCredential {
  const { url, issuer, statusPurpose, bits, now = new Date(), lifetimeSeconds = DEFAULT_STATUS_LIST_LIFETIME_SECONDS } = options;
  return {
    '@context': [VC_V2_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: isoSeconds(now),
    validUntil: isoSeconds(new Date(now.getTime() + lifetimeSeconds * 1000)),
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose, encodedList: encodeBitstring(bits) },
  };
}
