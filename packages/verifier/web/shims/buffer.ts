/**
 * The npm `buffer` polyfill, taught the one encoding node has and it lacks: base64url (used by
 * multibase, JWS and status lists). Patched once, on the shared prototype.
 */
import { Buffer } from 'buffer';

type Encoding = Parameters<Buffer['toString']>[0];
const toBase64 = (text: string) => text.replace(/-/g, '+').replace(/_/g, '/');
const toBase64url = (text: string) => text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const originalToString = Buffer.prototype.toString;
Buffer.prototype.toString = function toString(this: Buffer, encoding?: string, start?: number, end?: number): string {
  if (encoding === 'base64url') return toBase64url(originalToString.call(this, 'base64', start, end));
  return originalToString.call(this, encoding as Encoding, start, end);
};

const originalFrom = Buffer.from.bind(Buffer) as (...args: unknown[]) => Buffer;
Buffer.from = function from(value: unknown, encoding?: unknown, length?: unknown): Buffer {
  if (typeof value === 'string' && encoding === 'base64url') return originalFrom(toBase64(value), 'base64');
  return length === undefined ? (encoding === undefined ? originalFrom(value) : originalFrom(value, encoding)) : originalFrom(value, encoding, length);
} as typeof Buffer.from;

export { Buffer };
