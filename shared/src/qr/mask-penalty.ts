/**
 * Choosing the mask: the standard scores all eight masked symbols and keeps the lowest. Scoring
 * them one by one was most of the cost of making a QR code, so `maskPenalties` scores all eight
 * in one pass over the symbol: each module becomes one byte whose bit p is its value under mask
 * p; runs of five, 2×2 blocks and finder-like runs are found for all eight masks at once with
 * byte-wide logic and counted through histograms of those bytes. Same scores as scoring each
 * masked symbol on its own, as `qrcode` does (mask-penalty.test.ts holds it to that).
 */
import { formatBits, formatPositions, type Layout } from './symbol-layout.js';

/** Per-mask totals from a histogram of byte vectors: total[p] = Σ count[v] for v with bit p set. */
function perMask(histogram: Uint32Array, into: Float64Array, weight: number): void {
  for (let v = 1; v < 256; v++) {
    const count = histogram[v]!;
    if (count) for (let p = 0; p < 8; p++) if ((v >> p) & 1) into[p]! += count * weight;
  }
}

/**
 * Runs of one line for all eight masks, into two histograms of mask vectors: windows of five equal
 * modules, and those that begin a run. A run of L ≥ 5 scores L − 2 = (its L − 4 windows) + 2.
 */
function lineRuns(vectors: Uint8Array, at: number, step: number, size: number, windows: Uint32Array, starts: Uint32Array): void {
  for (let i = 0; i + 4 < size; i++, at += step) {
    const v0 = vectors[at]!;
    let same = ~((v0 ^ vectors[at + step]!) | (v0 ^ vectors[at + 2 * step]!)) & 0xff;
    if (same) same &= ~((v0 ^ vectors[at + 3 * step]!) | (v0 ^ vectors[at + 4 * step]!));
    if (!same) continue;
    windows[same]!++;
    const start = i === 0 ? same : same & (v0 ^ vectors[at - step]!);
    if (start) starts[start]!++;
  }
}

/** Finder-like windows of one line for all eight masks, into a histogram of match vectors. */
function lineFinders(vectors: Uint8Array, at: number, step: number, size: number, histogram: Uint32Array): void {
  // 1011101 then 0000, and 0000 then 1011101 (oldest module first).
  for (let s = 0; s + 10 < size; s++, at += step) {
    const v0 = vectors[at]!; const v1 = vectors[at + step]!; const v2 = vectors[at + 2 * step]!; const v3 = vectors[at + 3 * step]!;
    // Most windows fail on their first modules, for every mask: test those first.
    const a = v0 & ~v1 & v2 & v3;
    const b = ~(v0 | v1 | v2 | v3) & 0xff;
    if (!(a | b)) continue;
    const v4 = vectors[at + 4 * step]!; const v5 = vectors[at + 5 * step]!; const v6 = vectors[at + 6 * step]!;
    const v7 = vectors[at + 7 * step]!; const v8 = vectors[at + 8 * step]!; const v9 = vectors[at + 9 * step]!; const v10 = vectors[at + 10 * step]!;
    const matchA = a & v4 & ~v5 & v6 & ~(v7 | v8 | v9 | v10) & 0xff;
    const matchB = b & v4 & ~v5 & v6 & v7 & v8 & ~v9 & v10;
    if (matchA) histogram[matchA]!++;
    if (matchB) histogram[matchB]!++;
  }
}

/**
 * The penalty of each of the eight masks for an unmasked symbol (`modules`: function patterns
 * and data, format area light) at level `ecc` (ordinal), as each masked symbol scores on its own.
 */
export function maskPenalties(modules: Uint8Array, layout: Layout, ecc: number): Float64Array {
  const { size, maskBits } = layout;
  const { vectors, windows, starts, finders, blocks, dark } = scratchFor(size * size);
  for (let at = 0; at < size * size; at++) vectors[at] = -modules[at]! ^ maskBits[at]!;
  // The format bits differ by mask: bit i of mask p's format word, at both of its places.
  const [first, second] = formatPositions(size);
  for (let i = 0; i < 15; i++) {
    let vector = 0;
    for (let p = 0; p < 8; p++) vector |= ((formatBits(ecc, p) >>> i) & 1) << p;
    vectors[first[i]!] = vectors[second[i]!] = vector;
  }
  vectors[(size - 8) * size + 8] = 0xff; // the dark module

  for (let line = 0; line < size; line++) {
    lineRuns(vectors, line * size, 1, size, windows, starts);
    lineRuns(vectors, line, size, size, windows, starts);
    lineFinders(vectors, line * size, 1, size, finders);
    lineFinders(vectors, line, size, size, finders);
  }
  for (let at = 0; at < size * size; at++) dark[vectors[at]!]!++;
  for (let row = 0; row + 1 < size; row++) {
    for (let at = row * size, end = at + size - 1; at < end; at++) {
      const v = vectors[at]!;
      blocks[~((v ^ vectors[at + 1]!) | (v ^ vectors[at + size]!) | (v ^ vectors[at + size + 1]!)) & 0xff]!++;
    }
  }
  const total = new Float64Array(8);
  perMask(windows, total, 1);
  perMask(starts, total, 2);
  perMask(finders, total, 40);
  perMask(blocks, total, 3);
  const darkCount = new Float64Array(8);
  perMask(dark, darkCount, 1);
  for (let p = 0; p < 8; p++) total[p]! += Math.abs(Math.ceil((darkCount[p]! * 100) / (size * size) / 5) - 10) * 10;
  return total;
}

/** Working arrays, kept between symbols (thousands a cohort) and cleared for each. */
let scratch: { vectors: Uint8Array; windows: Uint32Array; starts: Uint32Array; finders: Uint32Array; blocks: Uint32Array; dark: Uint32Array } | undefined;
function scratchFor(modules: number) {
  if (!scratch || scratch.vectors.length < modules) {
    scratch = { vectors: new Uint8Array(modules), windows: new Uint32Array(256), starts: new Uint32Array(256), finders: new Uint32Array(256), blocks: new Uint32Array(256), dark: new Uint32Array(256) };
  } else {
    for (const histogram of [scratch.windows, scratch.starts, scratch.finders, scratch.blocks, scratch.dark]) histogram.fill(0);
  }
  return scratch;
}
