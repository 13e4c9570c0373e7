import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { maskPenalties, maskPenalty } from './mask-penalty.js';
import { ECC_ORDINAL, formatBits, formatPositions, layoutOf, placeFormatBits } from './symbol-layout.js';
import { encodeQrSymbol, type EccLevel } from './symbol.js';

const runs = Number(process.env.CORRIDOR_DIFFERENTIAL_RUNS ?? 1000);

describe('scoring the eight masks at once', () => {
  it('gives each mask exactly the score of scoring its masked symbol on its own', () => {
    fc.assert(fc.property(fc.constantFrom<EccLevel>('L', 'M', 'Q', 'H'), fc.string({ maxLength: 600 }), (ecc, text) => {
      const symbol = encodeQrSymbol(text, ecc);
      const layout = layoutOf(symbol.version);
      // Back to the unmasked symbol: undo the chosen mask, clear the format area.
      const base = symbol.modules.map((m, at) => m ^ layout.masks[symbol.mask]![at]!);
      for (const at of formatPositions(symbol.size).flat()) base[at] = 0;
      const together = maskPenalties(base, layout, ECC_ORDINAL[ecc]);
      for (let mask = 0; mask < 8; mask++) {
        const alone = base.map((m, at) => m ^ layout.masks[mask]![at]!);
        placeFormatBits(alone, symbol.size, formatBits(ECC_ORDINAL[ecc], mask));
        expect(together[mask]).toBe(maskPenalty(alone, symbol.size));
      }
      expect(Math.min(...together)).toBe(together[symbol.mask]);
    }), { numRuns: Math.max(50, Math.floor(runs / 5)) });
  });
});
