/** RFC 8785 JSON Canonicalization Scheme: the bytes every registry signature covers. */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { CorridorError } from './errors.js';

export function canonicalJson(value: unknown): string {
  const text = (canonicalize as unknown as (input: unknown) => string | undefined)(value);
  if (text === undefined) throw new CorridorError('ERR_INPUT_INVALID', 'value cannot be canonicalized as JSON');
  return text;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
