// Our base45 is the npm `base45` package behind a strict wrapper. The package is lenient on text an
// attacker chooses, so each hostile case it would decode is refused here with the code and message
// our own codec gave; and a copy of that codec (below) is the reference the wrapper is held to.
import { describe, expect, it } from '@jest/globals';
import base45 from 'base45';
import fc from 'fast-check';
import { CorridorError } from '../errors.js';
import { decodeBase45, encodeBase45 } from './base45.js';

const runs = Number(process.env.CORRIDOR_DIFFERENTIAL_RUNS ?? 1000);
/** To replay a run fast-check reported (its seed), or to try new ones. */
const seed = process.env.CORRIDOR_DIFFERENTIAL_SEED === undefined ? {} : { seed: Number(process.env.CORRIDOR_DIFFERENTIAL_SEED) };

// The hand-written RFC 9285 codec Corridor used before the package, verbatim: the reference.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));
function referenceEncode(bytes: Uint8Array): string {
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
function referenceDecode(text: string): Uint8Array {
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

/** Bytes, or the refusal as `code: message` — so two decoders compare in one `toEqual`. */
function outcome(decode: (text: string) => Uint8Array, text: string): Uint8Array | string {
  try { return decode(text); } catch (error) {
    if (!(error instanceof CorridorError)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('base45 (RFC 9285)', () => {
  it.each([['AB', 'BB8'], ['Hello!!', '%69 VD92EX0'], ['base-45', 'UJCLQE7W581'], ['ietf!', 'QED8WEX0']])('matches the RFC example %j ↔ %j', (plain, encoded) => {
    expect(encodeBase45(utf8(plain))).toBe(encoded);
    expect(decodeBase45(encoded)).toEqual(utf8(plain));
  });

  it('round-trips random bytes (0–2000) and encodes them as the reference does', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 2000 }), (bytes) => {
      const text = encodeBase45(bytes);
      expect(text).toBe(referenceEncode(bytes));
      const back = decodeBase45(text);
      expect(back).toBeInstanceOf(Uint8Array);
      expect(Buffer.isBuffer(back)).toBe(false);
      expect(back).toEqual(bytes);
    }), { numRuns: runs, ...seed });
  });

  it('decodes random text over the alphabet to the reference\'s bytes, or refuses exactly when and as it did', () => {
    // The largest digits make out-of-range triplets and pairs common; any length, so 1 mod 3 too.
    const digit = fc.oneof(fc.constantFrom(...ALPHABET), fc.constantFrom(...ALPHABET.slice(-6)));
    fc.assert(fc.property(fc.string({ unit: digit, maxLength: 60 }), (text) => {
      expect(outcome(decodeBase45, text)).toEqual(outcome(referenceDecode, text));
    }), { numRuns: runs, ...seed });
  });

  it('refuses hostile text exactly as the reference does, on any characters', () => {
    const unit = fc.oneof(fc.constantFrom(...ALPHABET), fc.constantFrom('a', 'z', '#', '\0', '\u00c0', '\u0130', '😀', '\ud83d'));
    fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
      expect(outcome(decodeBase45, text)).toEqual(outcome(referenceDecode, text));
    }), { numRuns: runs, ...seed });
  });
});

describe('base45: what the package would decode and we refuse', () => {
  // Each case: the text, what the package alone makes of it (so the test shows why the wrapper
  // exists, and notices if the package turns strict), and our refusal.
  it.each([
    ['a trailing single character', 'BB8A', [65, 66, 0], 'base45 text has an impossible length'],
    ['a lone character', 'A', [0], 'base45 text has an impossible length'],
    ['lowercase', 'ab', [210], 'character outside the base45 alphabet'],
    ['lowercase of a valid triplet', 'bb8', [63, 26], 'character outside the base45 alphabet'],
    ['a character outside the alphabet', 'A#B', [86, 224], 'character outside the base45 alphabet'],
    ['a NUL', 'BB\0', [250, 17], 'character outside the base45 alphabet'],
    ['a character past ASCII', 'AB\u00c0', [250, 16], 'character outside the base45 alphabet'],
    ['an astral character', 'A😀', [221], 'character outside the base45 alphabet'],
    ['a triplet just over 65535', 'GGW', [0, 0], 'base45 triplet out of range'],
    ['the largest triplet', ':::', [99, 244], 'base45 triplet out of range'],
    ['a pair over 255', ':9', [193], 'base45 pair out of range'],
    ['a valid triplet then a bad pair', 'BB8:9', [65, 66, 193], 'base45 pair out of range'],
  ])('refuses %s (%j)', (_, text, lenient, message) => {
    expect([...base45.decode(text)]).toEqual(lenient);
    expect(() => decodeBase45(text)).toThrow(expect.objectContaining({ code: 'ERR_QR_INVALID', message }));
    expect(outcome(referenceDecode, text)).toBe(`ERR_QR_INVALID: ${message}`);
  });

  it('accepts the edges that are valid: the largest triplet (65535) and pair (255), and empty text', () => {
    expect(decodeBase45('FGW')).toEqual(Uint8Array.from([255, 255]));
    expect(decodeBase45('U5')).toEqual(Uint8Array.from([255]));
    expect(decodeBase45('')).toEqual(new Uint8Array(0));
  });
});
