// createQrSymbol against plain `qrcode.create`: the same version, the same mask and the same modules,
// on texts of our credential's shape (`VC1-` + base45 of random bytes, as long as our QRs and
// shorter and longer), on digit-heavy alphanumeric texts (where qrcode's optimiser turns to numeric
// segments near the seven-digit bound) and on any text at all, at every error correction level.
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type QRCodeType from 'qrcode';
import { encodeBase45 } from './base45.js';
import { alphanumericAsOneSegment, createQrSymbol, maskPenalty } from './mask.js';

const QRCode = createRequire(import.meta.url)('qrcode') as typeof QRCodeType;
// qrcode's own scorer, for the penalty test (not in its type declarations).
const MaskPattern = createRequire(import.meta.url)('qrcode/lib/core/mask-pattern') as {
  getPenaltyN1(m: unknown): number; getPenaltyN2(m: unknown): number; getPenaltyN3(m: unknown): number; getPenaltyN4(m: unknown): number;
};
const runs = Number(process.env.CORRIDOR_DIFFERENTIAL_RUNS ?? 300);
const ECC = fc.constantFrom('L' as const, 'M' as const, 'Q' as const, 'H' as const);

function expectLibrarySymbol(text: string, ecc: 'L' | 'M' | 'Q' | 'H') {
  const theirs = QRCode.create(text, { errorCorrectionLevel: ecc });
  const ours = createQrSymbol(text, ecc);
  expect({ version: ours.version, size: ours.size, mask: ours.maskPattern }).toEqual({ version: theirs.version, size: theirs.modules.size, mask: theirs.maskPattern });
  if (!Buffer.from(ours.modules).equals(Buffer.from(theirs.modules.data))) throw new Error(`modules differ from qrcode's for a ${text.length}-character text at ECC ${ecc}`);
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const credentialShaped = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 600 }).map((bytes) => `VC1-${encodeBase45(bytes)}`),
  // As a cohort's credentials share bytes, some share a long run of digits (one of 8 seen), anywhere.
  fc.tuple(fc.uint8Array({ minLength: 0, maxLength: 300 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 16 }), fc.uint8Array({ minLength: 0, maxLength: 300 }))
    .map(([before, digits, after]) => `VC1-${encodeBase45(before)}${digits}${encodeBase45(after)}`),
);
const digitHeavy = fc.array(fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 16 }),
  fc.string({ unit: fc.constantFrom(...ALPHANUMERIC.slice(10)), minLength: 1, maxLength: 4 }),
), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

describe('createQrSymbol', () => {
  it('is qrcode.create\'s symbol for texts of our credential\'s shape', () => {
    fc.assert(fc.property(credentialShaped, ECC, (text, ecc) => expectLibrarySymbol(text, ecc)), { numRuns: runs });
  });

  it('is qrcode.create\'s symbol for digit-heavy alphanumeric texts, short and long', () => {
    fc.assert(fc.property(digitHeavy, ECC, (text, ecc) => expectLibrarySymbol(text, ecc)), { numRuns: runs });
    fc.assert(fc.property(fc.array(digitHeavy, { minLength: 1, maxLength: 10 }).map((p) => p.join('')), ECC, (text, ecc) => expectLibrarySymbol(text, ecc)), { numRuns: Math.ceil(runs / 3) });
  });

  it('is qrcode.create\'s symbol for any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ minLength: 1, maxLength: 300 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(...ALPHANUMERIC, 'a', 'é'), minLength: 1, maxLength: 400 })), ECC, (text, ecc) => expectLibrarySymbol(text, ecc)), { numRuns: runs });
  });

  it('at every version, on the edges of the one-segment rule', () => {
    const edges = ['VC1-', '1', '1234567', '123456', 'A1234567', 'A123456', '1234567A', '123456A', 'A' + '1'.repeat(12) + 'B', 'A' + '1'.repeat(13) + 'B', 'A' + '1'.repeat(14) + 'B', 'A'.repeat(4296)];
    // Each at many lengths, so that the versions with each size of character count are crossed.
    for (const text of [...edges, ...edges.slice(0, -1).flatMap((e) => [1, 20, 60, 200, 400].map((n) => 'B1'.repeat(n) + e + '2C'.repeat(n)))]) {
      for (const ecc of ['L', 'M', 'Q', 'H'] as const) if (text.length < 4000 || ecc === 'L') expectLibrarySymbol(text, ecc);
    }
    expect(alphanumericAsOneSegment('VC1-ABC 123456')).toBe(true);
    expect(alphanumericAsOneSegment('VC1-ABC 1234567')).toBe(false);
    expect(alphanumericAsOneSegment('VC1-ABC 123456789012 D')).toBe(true);
    expect(alphanumericAsOneSegment('VC1-ABC 1234567890123 D')).toBe(false);
    expect(alphanumericAsOneSegment('1234567VC1-')).toBe(false);
    expect(alphanumericAsOneSegment('vc1-')).toBe(false);
    expect(alphanumericAsOneSegment('123456')).toBe(false);
  });
});

describe('maskPenalty', () => {
  it('is qrcode\'s N1 + N2 + N3 + N4 on any matrix', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 15 }), (version, seed, darkOdds) => {
      const size = 17 + 4 * version;
      let state = seed;
      const data = Uint8Array.from({ length: size * size }, () => { state = (state * 1103515245 + 12345) & 0x7fffffff; return (state >> 16) % 16 < darkOdds ? 1 : 0; });
      const matrix = { size, data, get: (row: number, col: number) => data[row * size + col] };
      expect(maskPenalty(data, size)).toBe(MaskPattern.getPenaltyN1(matrix) + MaskPattern.getPenaltyN2(matrix) + MaskPattern.getPenaltyN3(matrix) + MaskPattern.getPenaltyN4(matrix));
    }), { numRuns: Math.ceil(runs / 3) });
  });
});
