import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeBase58btc, encodeBase58btc } from './encoding.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const runs = Number(process.env.CORRIDOR_DIFFERENTIAL_RUNS ?? 1000);

// The textbook algorithm, digit by digit: the reference the fast limb-based one is held to.
function referenceEncode(bytes: Uint8Array): string {
  let n = 0n;
  for (const byte of bytes) n = n * 256n + BigInt(byte);
  let out = '';
  while (n > 0n) { out = ALPHABET[Number(n % 58n)] + out; n /= 58n; }
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  return '1'.repeat(zeros) + out;
}

describe('base58btc', () => {
  it('encodes as the textbook algorithm does, leading zero bytes included, and decodes back', () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 100 }), fc.tuple(fc.integer({ min: 0, max: 5 }), fc.uint8Array({ maxLength: 70 }))
      .map(([zeros, rest]) => Uint8Array.from([...new Array<number>(zeros).fill(0), ...rest])));
    fc.assert(fc.property(bytes, (input) => {
      const text = encodeBase58btc(input);
      expect(text).toBe(referenceEncode(input));
      expect(decodeBase58btc(text)).toEqual(input);
    }), { numRuns: runs });
  });

  it('decodes any base58 text to bytes that encode back to it, and refuses other characters', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 120 }), (text) => {
      expect(encodeBase58btc(decodeBase58btc(text)!)).toBe(text);
    }), { numRuns: runs });
    for (const bad of ['0', 'O', 'I', 'l', 'z z', 'zé', '+']) expect(decodeBase58btc(`2${bad}`)).toBeUndefined();
    expect(decodeBase58btc('')).toEqual(new Uint8Array(0));
    expect(encodeBase58btc(new Uint8Array(0))).toBe('');
    // The multibase key of the did:key specification's first example.
    expect(encodeBase58btc(decodeBase58btc('6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp')!)).toBe('6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp');
  });
});
