import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { maskPenalties } from './mask-penalty.js';
import { ECC_ORDINAL, formatBits, formatPositions, layoutOf, placeFormatBits } from './symbol-layout.js';
import { encodeQrSymbol, type EccLevel } from './symbol.js';

const runs = Number(process.env.CORRIDOR_DIFFERENTIAL_RUNS ?? 1000);

/**
 * The reference: the standard's four penalty rules for one masked symbol, scored exactly as
 * `qrcode` scores them (runs of five or more, 2×2 blocks, finder-like 1:1:3:1:1 runs with four
 * light modules, dark balance), one module at a time.
 */
function maskPenalty(modules: Uint8Array, size: number): number {
  let runs = 0; let blocks = 0; let finders = 0; let dark = 0;
  for (let a = 0; a < size; a++) {
    const row = a * size;
    let rowRun = 0; let colRun = 0; let rowLast = 2; let colLast = 2; let rowBits = 0; let colBits = 0;
    for (let b = 0; b < size; b++) {
      const inRow = modules[row + b]!;
      const inCol = modules[b * size + a]!;
      dark += inRow;
      // A run grows while the module repeats; it scores 3 on reaching five, then 1 a module.
      rowRun = (rowRun & -((inRow ^ rowLast ^ 1) & 1)) + 1;
      colRun = (colRun & -((inCol ^ colLast ^ 1) & 1)) + 1;
      rowLast = inRow;
      colLast = inCol;
      const rowLong = (4 - rowRun) >>> 31; const colLong = (4 - colRun) >>> 31;
      runs += rowLong + ((rowLong & ((rowRun - 6) >>> 31)) << 1) + colLong + ((colLong & ((colRun - 6) >>> 31)) << 1);
      rowBits = ((rowBits << 1) & 0x7ff) | inRow;
      colBits = ((colBits << 1) & 0x7ff) | inCol;
      const rowFinder = Number(rowBits === 0x5d0 || rowBits === 0x05d);
      const colFinder = Number(colBits === 0x5d0 || colBits === 0x05d);
      if ((rowFinder | colFinder) && b >= 10) finders += rowFinder + colFinder;
    }
  }
  for (let a = 0; a + 1 < size; a++) {
    const row = a * size; const next = row + size;
    let left = modules[row]! + modules[next]!;
    for (let b = 1; b < size; b++) {
      const right = modules[row + b]! + modules[next + b]!;
      blocks += (((left + right) & 3) - 1) >>> 31; // all four light (0) or all dark (4)
      left = right;
    }
  }
  const balance = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  return runs + blocks * 3 + finders * 40 + balance * 10;
}


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
