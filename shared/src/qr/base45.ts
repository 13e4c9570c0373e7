/** Base45 (RFC 9285): bytes as characters of the QR alphanumeric set, so QR codes stay in alphanumeric mode. */
import { CorridorError } from '../errors.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45; n = (n - c) / 45;
    const d = n % 45; const e = (n - d) / 45;
    out += ALPHABET[c]! + ALPHABET[d]! + ALPHABET[e]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += ALPHABET[n % 45]! + ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new CorridorError('ERR_QR_INVALID', 'base45 text has an impossible length');
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const chunk = text.slice(i, i + 3);
    const digits = [...chunk].map((c) => VALUE.get(c));
    if (digits.some((d) => d === undefined)) throw new CorridorError('ERR_QR_INVALID', 'character outside the base45 alphabet');
    const [c, d, e = 0] = digits as number[];
    const n = c! + d! * 45 + e * 45 * 45;
    if (chunk.length === 3) {
      if (n > 0xffff) throw new CorridorError('ERR_QR_INVALID', 'base45 triplet out of range');
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      if (n > 0xff) throw new CorridorError('ERR_QR_INVALID', 'base45 pair out of range');
      out[o++] = n;
    }
  }
  return out;
}
