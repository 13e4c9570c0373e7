/** RFC 8785 JSON Canonicalization Scheme: the bytes every registry signature covers. */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { CorridorError } from './errors.js';

export function canonicalJson(value: unknown): string {
  const text = (canonicalize as unknown as (input: unknown) => string | undefined)(value);
  if (text === undefined) throw new CorridorError('ERR_INPUT_INVALID', 'value cannot be canonicalized as JSON');
  return text;
}

/**
 * Whether `text` is already the canonical form of `value` (which JSON.parse made from it). RFC
 * 8785 is JSON.stringify with object keys in UTF-16 order, so: every object's keys in order, and
 * the native serializer gives the text back. A duplicate key or any other spelling fails. Linear,
 * and far faster than re-serializing a multi-megabyte trust pack by hand.
 */
export function isCanonicalJsonText(value: unknown, text: string): boolean {
  if (keysInOrder(value, 0) && JSON.stringify(value) === text) return true;
  // Integer-like keys ("9", "10") are enumerated numerically, not in UTF-16 order: ask the slow way.
  return canonicalJson(value) === text;
}

function keysInOrder(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > 512) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysInOrder(item, depth + 1)) return false;
    return true;
  }
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!keysInOrder((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
