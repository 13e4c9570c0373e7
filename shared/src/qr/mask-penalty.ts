/**
 * Choosing the mask: the standard scores all eight masked symbols and keeps the lowest, and that
 * scoring was most of the cost of making a QR code. Here each masked symbol is held as bit planes,
 * 32 modules to a word, twice: row by row and column by column. A rule along a line then compares
 * whole words of neighbouring lines (32 lines at once) and counts with popcount: runs of five,
 * finder-like runs, 2×2 blocks, the dark share. Same scores as scoring each masked symbol module by
 * module, as `qrcode` does (mask-penalty.test.ts holds it to that).
 */
import { formatBits, formatPositions, type Layout } from './symbol-layout.js';

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The symbol's modules as planes: `lines[line * words + k]` holds modules 32k…32k+31 across `line`
 * (bit j = module 32k + j), for lines that are rows (`byRow`) and for lines that are columns.
 */
interface Planes { byRow: Int32Array; byColumn: Int32Array }

/**
 * Transposes a 32×32 bit block in place (word i, bit j ↔ word j, bit i), by swapping ever smaller
 * sub-blocks (Hacker's Delight §7-3): a few hundred word operations instead of 1024 bit moves.
 */
function transpose32(block: Int32Array): void {
  for (let j = 16, m = 0x0000ffff; j !== 0; j >>>= 1, m ^= m << j) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const t = ((block[k]! >>> j) ^ block[k + j]!) & m;
      block[k + j]! ^= t;
      block[k]! ^= t << j;
    }
  }
}

const block = new Int32Array(32);

/** The planes of `modules` (1 = dark), into `into` when given: rows packed, columns by transposing them. */
function planesOf(size: number, words: number, modules: Uint8Array, into?: Planes): Planes {
  const planes = into ?? { byRow: new Int32Array(size * words), byColumn: new Int32Array(size * words) };
  const { byRow, byColumn } = planes;
  for (let row = 0, at = 0; row < size; row++) {
    let word = 0;
    for (let col = 0; col < size; col++, at++) {
      word |= modules[at]! << (col & 31);
      if ((col & 31) === 31 || col === size - 1) {
        byRow[row * words + (col >>> 5)] = word;
        word = 0;
      }
    }
  }
  for (let rowWord = 0; rowWord < words; rowWord++) {
    for (let colWord = 0; colWord < words; colWord++) {
      for (let i = 0; i < 32; i++) {
        const row = 32 * rowWord + i;
        block[i] = row < size ? byRow[row * words + colWord]! : 0;
      }
      transpose32(block);
      for (let i = 0; i < 32 && 32 * colWord + i < size; i++) byColumn[(32 * colWord + i) * words + rowWord] = block[i]!;
    }
  }
  return planes;
}

/** Each mask's pattern as planes, made once a version. */
const maskPlanes = new WeakMap<Layout, Planes[]>();
function maskPlanesOf(layout: Layout, words: number): Planes[] {
  let planes = maskPlanes.get(layout);
  if (!planes) {
    planes = layout.masks.map((pattern) => planesOf(layout.size, words, pattern));
    maskPlanes.set(layout, planes);
  }
  return planes;
}

/**
 * The penalty of runs of five or more (N1) and of finder-like runs (N3, 40 each) along every line
 * of `lines`, 32 lines to a word: a run of L ≥ 5 scores L − 2, that is its L − 4 windows of five
 * plus 2 for its start. Every symbol is at least 21 modules across, so modules 0…10 all exist.
 */
function alongLines(lines: Int32Array, size: number, words: number, valid: Int32Array): number {
  let runs = 0; let finders = 0;
  for (let k = 0; k < words; k++) {
    const keep = valid[k]!;
    // Modules i … i + 10 of 32 lines, moved along one module a step: one load a step.
    let x0 = lines[k]!; let x1 = lines[words + k]!; let x2 = lines[2 * words + k]!; let x3 = lines[3 * words + k]!;
    let x4 = lines[4 * words + k]!; let x5 = lines[5 * words + k]!; let x6 = lines[6 * words + k]!; let x7 = lines[7 * words + k]!;
    let x8 = lines[8 * words + k]!; let x9 = lines[9 * words + k]!; let x10 = lines[10 * words + k]!;
    // same(i): bit set where module i equals module i + 1.
    let before = 0; let s0 = ~(x0 ^ x1); let s1 = ~(x1 ^ x2); let s2 = ~(x2 ^ x3);
    for (let i = 0, next = 11 * words + k; i + 4 < size; i++, next += words) {
      const s3 = ~(x3 ^ x4);
      const window = s0 & s1 & s2 & s3 & keep;
      if (window) runs += popcount(window) + 2 * popcount(i === 0 ? window : window & ~before);
      before = s0; s0 = s1; s1 = s2; s2 = s3;
      // 1011101 then 0000, or 0000 then 1011101 (module i first), when all eleven are in the line.
      const core = x4 & ~x5 & x6;
      const matchA = core & x0 & ~x1 & x2 & x3 & ~(x7 | x8 | x9 | x10);
      const matchB = core & ~(x0 | x1 | x2 | x3) & x7 & x8 & ~x9 & x10;
      if (i + 10 < size && (matchA | matchB)) finders += popcount(matchA | matchB);
      x0 = x1; x1 = x2; x2 = x3; x3 = x4; x4 = x5; x5 = x6; x6 = x7; x7 = x8; x8 = x9; x9 = x10;
      x10 = i + 11 < size ? lines[next]! : 0;
    }
  }
  return runs + 40 * finders;
}

/** 2×2 blocks of one colour (N2), from the row planes: a row and the next, 32 columns at once. */
function blocksOf(byRow: Int32Array, size: number, words: number, validPairs: Int32Array): number {
  let blocks = 0;
  for (let row = 0; row + 1 < size; row++) {
    const top = row * words; const bottom = top + words;
    for (let k = 0; k < words; k++) {
      const a = byRow[top + k]!; const b = byRow[bottom + k]!;
      const aNext = k + 1 < words ? byRow[top + k + 1]! : 0;
      const bNext = k + 1 < words ? byRow[bottom + k + 1]! : 0;
      const vertical = ~(a ^ b); // column j equal in both rows
      const verticalRight = (vertical >>> 1) | (~(aNext ^ bNext) << 31); // the same for column j + 1
      const across = ~(a ^ ((a >>> 1) | (aNext << 31))); // columns j and j + 1 equal in the top row
      const block = vertical & verticalRight & across & validPairs[k]!;
      if (block) blocks += popcount(block);
    }
  }
  return blocks;
}

/**
 * The penalty of each of the eight masks for an unmasked symbol (`modules`: function patterns
 * and data, format area light) at level `ecc` (ordinal), as each masked symbol scores on its own.
 */
export function maskPenalties(modules: Uint8Array, layout: Layout, ecc: number): Float64Array {
  const { size } = layout;
  const words = (size + 31) >>> 5;
  const work = scratchFor(size, words);
  const unmasked = planesOf(size, words, modules, work.unmasked);
  const masks = maskPlanesOf(layout, words);
  const places = formatPlacesOf(layout, words);
  const { byRow, byColumn } = work.masked;
  const total = new Float64Array(8);
  for (let p = 0; p < 8; p++) {
    const mask = masks[p]!;
    for (let i = 0; i < byRow.length; i++) {
      byRow[i] = unmasked.byRow[i]! ^ mask.byRow[i]!;
      byColumn[i] = unmasked.byColumn[i]! ^ mask.byColumn[i]!;
    }
    // This mask's format bits at both of their places (bit i at places i and 15 + i), and the
    // dark module (place 30).
    const bits = formatBits(ecc, p);
    const format = bits | (bits << 15) | (1 << 30);
    for (let i = 0, at = 0; i < 31; i++, at += 4) {
      if (!((format >>> i) & 1)) continue;
      byRow[places[at]!]! |= places[at + 1]!;
      byColumn[places[at + 2]!]! |= places[at + 3]!;
    }

    let dark = 0;
    for (let i = 0; i < byRow.length; i++) dark += popcount(byRow[i]!);
    total[p] = alongLines(byColumn, size, words, work.valid) + alongLines(byRow, size, words, work.valid)
      + 3 * blocksOf(byRow, size, words, work.validPairs) + Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10) * 10;
  }
  return total;
}

/**
 * Where the format bits and the dark module sit in the planes, made once a version: for each of
 * the 31 places (format bit i at its first place, then at its second, then the dark module), the
 * row plane's word index and bit, and the column plane's.
 */
const formatPlaces = new WeakMap<Layout, Int32Array>();
function formatPlacesOf(layout: Layout, words: number): Int32Array {
  let places = formatPlaces.get(layout);
  if (!places) {
    const { size } = layout;
    const [first, second] = formatPositions(size);
    places = new Int32Array(31 * 4);
    [...first, ...second, (size - 8) * size + 8].forEach((at, i) => {
      const row = Math.floor(at / size); const col = at - row * size;
      places!.set([row * words + (col >>> 5), 1 << (col & 31), col * words + (row >>> 5), 1 << (row & 31)], 4 * i);
    });
    formatPlaces.set(layout, places);
  }
  return places;
}

/** Working planes, kept between symbols (thousands a cohort), and which bits of a word are modules. */
let scratch: { size: number; unmasked: Planes; masked: Planes; valid: Int32Array; validPairs: Int32Array } | undefined;
function scratchFor(size: number, words: number) {
  if (scratch?.size !== size) {
    // valid: modules 0…size − 1 of a line; validPairs: 0…size − 2 (a pair needs a right neighbour).
    const bitsBelow = (n: number, k: number) => { const m = n - 32 * k; return m >= 32 ? -1 : m <= 0 ? 0 : (1 << m) - 1; };
    scratch = {
      size,
      unmasked: { byRow: new Int32Array(size * words), byColumn: new Int32Array(size * words) },
      masked: { byRow: new Int32Array(size * words), byColumn: new Int32Array(size * words) },
      valid: Int32Array.from({ length: words }, (_, k) => bitsBelow(size, k)),
      validPairs: Int32Array.from({ length: words }, (_, k) => bitsBelow(size - 1, k)),
    };
  }
  return scratch;
}
