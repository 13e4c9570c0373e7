/**
 * `qrcode.create`, the same symbol in a tenth of the time. Of its ~3 ms for our 570-character
 * credential QR, ~45 % is choosing the mask (eight masks laid on the matrix and scored one module
 * at a time through method calls) and ~40 % is its segment optimiser (a Dijkstra over ~300
 * alternating digit/letter runs); the Reed–Solomon code and placing the bits take ~0.15 ms.
 *
 * Here `qrcode` still does all the encoding: segments, error correction, bit placement, function
 * patterns, format and version information. It is asked for the symbol with mask 0; the other
 * seven are that symbol XOR a difference qrcode itself drew (its mask-0 and mask-p symbols of the
 * same data, once per version), scored by `qrcode`'s own penalty rules (N1–N4 as it computes
 * them) 32 modules at a time, the first lowest kept, as qrcode keeps it. Text the optimiser
 * would encode as one alphanumeric segment anyway (below) skips it. mask.test.ts holds all of it
 * to plain `qrcode.create`, module for module, on random texts of our shape and others (qrcode
 * is pinned to ~1.5.4: an upgrade that chose otherwise fails it).
 */
import { createRequire } from 'node:module';

type Qrcode = typeof import('qrcode');
type Ecc = 'L' | 'M' | 'Q' | 'H';
// CommonJS, loaded on first use: a verifier never renders a QR code.
const require = createRequire(import.meta.url);
let library: Qrcode | undefined;
const qrcode = (): Qrcode => (library ??= require('qrcode') as Qrcode);

/**
 * Whether `qrcode`'s optimiser gives `text` one alphanumeric segment: text of the QR alphanumeric
 * set, not all digits, whose digit runs are at most 6 long at its start and end and at most 12
 * inside. Its graph (lib/core/segments.js, buildGraph) prices a run of d digits as numeric at
 * N(d) + 4 + ccN bits, plus 4 + ccAN to return to alphanumeric after it (the alphanumeric path pays
 * those itself at the start), against ~5.5d to stay alphanumeric; with ccN = 10 and ccAN = 9 at
 * versions 1–9 (more above), numeric wins or ties from 7 digits at an end and from 13 inside.
 * Our `VC1-` + base45 is such text but for a rare long run of digits, which goes to the optimiser.
 */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

export function alphanumericAsOneSegment(text: string): boolean {
  if (!ALPHANUMERIC.test(text)) return false;
  let run = 0; let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) { run++; continue; }
    if (run > (atStart ? 6 : 12)) return false;
    atStart = false;
    run = 0;
  }
  return !atStart && run <= 6;
}

/** A square matrix as bit lines: its rows, then its columns, `words` 32-bit words each; module i of a line is bit i & 31 of word i >> 5. */
function toLines(m: Uint8Array, size: number): Int32Array {
  const words = (size + 31) >>> 5;
  const lines = new Int32Array(2 * size * words);
  const columns = size * words;
  // Without branches: a module's 0 or 1 shifted into place (dark and light come at random).
  for (let row = 0, at = 0; row < size; row++) {
    const rowWord = row >>> 5; const rowBit = row & 31;
    let word = 0;
    for (let col = 0; col < size; col++, at++) {
      const bit = m[at]!;
      word |= bit << (col & 31);
      if ((col & 31) === 31 || col === size - 1) { lines[row * words + (col >>> 5)] = word; word = 0; }
      lines[columns + col * words + rowWord]! |= bit << rowBit;
    }
  }
  return lines;
}

/** Per version and error correction level, for each mask p: qrcode's mask-p symbol XOR its mask-0 one, as modules and as lines. */
const deltas = new Map<string, { modules: Uint8Array; lines: Int32Array }[]>();

function maskDeltas(version: number, ecc: Ecc): { modules: Uint8Array; lines: Int32Array }[] {
  const key = `${version}${ecc}`;
  let found = deltas.get(key);
  if (!found) {
    const drawn = Array.from({ length: 8 }, (_, maskPattern) =>
      qrcode().create('0', { version, errorCorrectionLevel: ecc, maskPattern: maskPattern as 0 }).modules);
    found = drawn.map(({ data, size }) => {
      const modules = data.map((bit, i) => bit ^ drawn[0]!.data[i]!);
      return { modules, lines: toLines(modules, size) };
    });
    deltas.set(key, found);
  }
  return found;
}

/** The symbol qrcode.create(text, { errorCorrectionLevel }) makes: version, size, modules (row-major, 1 = dark), mask. */
export function createQrSymbol(text: string, ecc: Ecc): { version: number; size: number; modules: Uint8Array; maskPattern: number } {
  const data = alphanumericAsOneSegment(text) ? [{ data: text, mode: 'alphanumeric' as const }] : text;
  const first = qrcode().create(data, { errorCorrectionLevel: ecc, maskPattern: 0 });
  const { size } = first.modules;
  const masks = maskDeltas(first.version, ecc);
  const lines = toLines(first.modules.data, size);
  const candidate = new Int32Array(lines.length);
  let bestPattern = 0;
  let lowest = Infinity;
  for (let p = 0; p < 8; p++) {
    const delta = masks[p]!.lines;
    for (let i = 0; i < lines.length; i++) candidate[i] = lines[i]! ^ delta[i]!;
    const penalty = linesPenalty(candidate, size);
    if (penalty < lowest) {
      lowest = penalty;
      bestPattern = p;
    }
  }
  const delta = masks[bestPattern]!.modules;
  const modules = new Uint8Array(delta.length);
  for (let i = 0; i < modules.length; i++) modules[i] = first.modules.data[i]! ^ delta[i]!;
  return { version: first.version, size, modules, maskPattern: bestPattern };
}

/**
 * qrcode 1.5.4's getPenaltyN1 + N2 + N3 + N4 (lib/core/mask-pattern.js): the same sums, counted
 * 32 modules at a time on bit lines instead of one BitMatrix.get() at a time.
 */
export function maskPenalty(m: Uint8Array, size: number): number {
  return linesPenalty(toLines(m, size), size);
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Per size: for each word of a line, the bits at which a run of five (N1), a 2×2 block (N2) and an 11-module finder-like window (N3) may start. */
const starts = new Map<number, { run: Int32Array; block: Int32Array; finder: Int32Array }>();

function startsFor(size: number): { run: Int32Array; block: Int32Array; finder: Int32Array } {
  let found = starts.get(size);
  if (!found) {
    const words = (size + 31) >>> 5;
    const upTo = (last: number) => Int32Array.from({ length: words }, (_, k) => {
      let word = 0;
      for (let bit = 0; bit < 32; bit++) if (32 * k + bit <= last) word |= 1 << bit;
      return word;
    });
    found = { run: upTo(size - 5), block: upTo(size - 2), finder: upTo(size - 11) };
    starts.set(size, found);
  }
  return found;
}

function linesPenalty(lines: Int32Array, size: number): number {
  const words = (size + 31) >>> 5;
  const { run, block, finder } = startsFor(size);
  let points = 0;
  // N1 (3 + L − 5 a run of L ≥ 5 alike) and N3 (40 a window 10111010000 or 00001011101), rows and columns.
  for (let line = 0; line < 2 * size; line++) {
    const at = line * words;
    let carry = 0;
    for (let k = 0; k < words; k++) {
      const x0 = lines[at + k]!; const hi = k + 1 < words ? lines[at + k + 1]! : 0;
      // xs: module i + s of the line at bit i.
      const x1 = (x0 >>> 1) | (hi << 31); const x2 = (x0 >>> 2) | (hi << 30); const x3 = (x0 >>> 3) | (hi << 29);
      const x4 = (x0 >>> 4) | (hi << 28); const x5 = (x0 >>> 5) | (hi << 27); const x6 = (x0 >>> 6) | (hi << 26);
      const x7 = (x0 >>> 7) | (hi << 25); const x8 = (x0 >>> 8) | (hi << 24); const x9 = (x0 >>> 9) | (hi << 23);
      const x10 = (x0 >>> 10) | (hi << 22);
      // same: module i is module i + 1's colour. A run of L is L − 1 sames in a row; five alike
      // start where four sames do; a run scores (L − 4) such starts + 2 for its first.
      const same = ~(x0 ^ x1);
      const five = same & ~(x1 ^ x2) & ~(x2 ^ x3) & ~(x3 ^ x4) & run[k]!;
      const sameBefore = (same << 1) | carry;
      carry = same >>> 31;
      points += popcount(five) + 2 * popcount(five & ~sameBefore);
      const finders = ((x0 & ~x1 & x2 & x3 & x4 & ~x5 & x6 & ~(x7 | x8 | x9 | x10)) |
        (~(x0 | x1 | x2 | x3) & x4 & ~x5 & x6 & x7 & x8 & ~x9 & x10)) & finder[k]!;
      points += 40 * popcount(finders);
    }
  }
  // N2 (3 a 2×2 block alike) and N4 (10 a 5 % step of dark modules away from half), on rows.
  let blocks = 0; let dark = 0;
  for (let row = 0; row < size; row++) {
    const at = row * words;
    for (let k = 0; k < words; k++) {
      const a = lines[at + k]!;
      dark += popcount(a);
      if (row === size - 1) continue;
      const b = lines[at + words + k]!;
      const aHi = k + 1 < words ? lines[at + k + 1]! : 0; const bHi = k + 1 < words ? lines[at + words + k + 1]! : 0;
      const a1 = (a >>> 1) | (aHi << 31); const b1 = (b >>> 1) | (bHi << 31);
      blocks += popcount(~(a ^ b) & ~(a1 ^ b1) & ~(a ^ a1) & block[k]!);
    }
  }
  const total = size * size;
  return points + 3 * blocks + 10 * Math.abs(Math.ceil((dark * 100 / total) / 5) - 10);
}
