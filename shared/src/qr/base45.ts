/**
 * Base45 (RFC 9285): bytes as characters of the QR alphanumeric set, so QR codes stay in alphanumeric mode.
 * The codec is the npm `base45` package (the EU Digital COVID Certificate's); this wrapper adds the strictness
 * QR text needs, since it is chosen by whoever printed the code. The package decodes anything: a character
 * outside the alphabet or lowercase counts as -1, a trailing single character as 0, and a triplet over 65535
 * or a pair over 255 wraps modulo 256 — each would turn a forged code into some other bytes rather than a
 * refusal. So the text is checked here first, chunk by chunk, and only well-formed text reaches the package.
 */
import base45 from 'base45';
import { CorridorError } from '../errors.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Character code → digit, -1 outside the alphabet (every code past 'Z' is outside). */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
const digitAt = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  return code < 128 ? DIGIT[code]! : -1;
};

export function encodeBase45(bytes: Uint8Array): string {
  return base45.encode(bytes);
}

export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new CorridorError('ERR_QR_INVALID', 'base45 text has an impossible length');
  for (let i = 0; i < text.length; i += 3) {
    const triplet = i + 2 < text.length;
    const c = digitAt(text, i);
    const d = digitAt(text, i + 1);
    const e = triplet ? digitAt(text, i + 2) : 0;
    if (c < 0 || d < 0 || e < 0) throw new CorridorError('ERR_QR_INVALID', 'character outside the base45 alphabet');
    const n = c + d * 45 + e * 45 * 45;
    if (triplet && n > 0xffff) throw new CorridorError('ERR_QR_INVALID', 'base45 triplet out of range');
    if (!triplet && n > 0xff) throw new CorridorError('ERR_QR_INVALID', 'base45 pair out of range');
  }
  // A plain Uint8Array, not the package's Buffer (a view that may share Node's pool), same as before.
  return new Uint8Array(base45.decode(text));
}
