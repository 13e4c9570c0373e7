/**
 * A QR code symbol encoder (ISO/IEC 18004): text → module matrix, with typed arrays throughout.
 * Written here because making the symbol was the largest cost of printing a cohort (`qrcode`
 * took ~7 ms a credential). Same symbol as `qrcode` for the same segment, mask choice
 * included: the differential test in symbol.test.ts holds it to that, and jsQR reads it back.
 * One segment: alphanumeric when every character allows it (Corridor's `CC1:` base45 text
 * always does), bytes of UTF-8 otherwise.
 */
import { CorridorError } from '../errors.js';

export type EccLevel = 'L' | 'M' | 'Q' | 'H';

export interface QrSymbol {
  version: number;
  /** Modules per side. */
  size: number;
  /** Row-major, 1 = dark. */
  modules: Uint8Array;
  mask: number;
}

const ECC_ORDINAL: Record<EccLevel, number> = { L: 0, M: 1, Q: 2, H: 3 };
/** The two format bits of each level (M is 00, as the standard numbers them). */
const ECC_FORMAT_BITS = [1, 0, 3, 2];

// Per version 1–40 (index 0 unused), per level L, M, Q, H: ECC codewords per block, and blocks.
const ECC_PER_BLOCK = [
  [-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  [-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  [-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
];
const BLOCKS = [
  [-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  [-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  [-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
];

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const ALPHANUMERIC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHANUMERIC.length; i++) ALPHANUMERIC_VALUE[ALPHANUMERIC.charCodeAt(i)] = i;

/** Modules left for data and ECC once function patterns are placed. */
function rawDataModules(version: number): number {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    result -= (25 * align - 10) * align - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}

function dataCodewords(version: number, ecc: number): number {
  return Math.floor(rawDataModules(version) / 8) - ECC_PER_BLOCK[ecc]![version]! * BLOCKS[ecc]![version]!;
}

function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const size = version * 4 + 17;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const positions = [6];
  for (let at = size - 7; positions.length < count; at -= step) positions.splice(1, 0, at);
  return positions;
}

class BitWriter {
  readonly bytes: Uint8Array;
  length = 0;
  constructor(capacityBytes: number) { this.bytes = new Uint8Array(capacityBytes); }
  put(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      if ((value >>> i) & 1) this.bytes[this.length >>> 3]! |= 0x80 >>> (this.length & 7);
      this.length++;
    }
  }
}

interface Segment { alphanumeric: boolean; data: Uint8Array; characters: number }

function segmentOf(text: string): Segment {
  let alphanumeric = true;
  for (let i = 0; i < text.length && alphanumeric; i++) {
    const code = text.charCodeAt(i);
    alphanumeric = code < 128 && ALPHANUMERIC_VALUE[code]! >= 0;
  }
  if (alphanumeric) {
    const data = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) data[i] = ALPHANUMERIC_VALUE[text.charCodeAt(i)]!;
    return { alphanumeric, data, characters: text.length };
  }
  const data = new TextEncoder().encode(text);
  return { alphanumeric, data, characters: data.length };
}

function countBits(segment: Segment, version: number): number {
  const band = version < 10 ? 0 : version < 27 ? 1 : 2;
  return segment.alphanumeric ? [9, 11, 13][band]! : [8, 16, 16][band]!;
}

function segmentBits(segment: Segment, version: number): number {
  const payload = segment.alphanumeric ? Math.floor(segment.characters / 2) * 11 + (segment.characters % 2) * 6 : segment.characters * 8;
  return 4 + countBits(segment, version) + payload;
}

/** Data codewords: mode, count, payload, terminator, bit padding, then 0xEC 0x11 pad bytes. */
function dataCodewordBytes(segment: Segment, version: number, ecc: number): Uint8Array {
  const capacity = dataCodewords(version, ecc);
  const writer = new BitWriter(capacity);
  writer.put(segment.alphanumeric ? 0b0010 : 0b0100, 4);
  writer.put(segment.characters, countBits(segment, version));
  const { data } = segment;
  if (segment.alphanumeric) {
    let i = 0;
    for (; i + 1 < data.length; i += 2) writer.put(data[i]! * 45 + data[i + 1]!, 11);
    if (i < data.length) writer.put(data[i]!, 6);
  } else {
    for (const byte of data) writer.put(byte, 8);
  }
  writer.put(0, Math.min(4, capacity * 8 - writer.length));
  writer.length = Math.ceil(writer.length / 8) * 8;
  for (let at = writer.length / 8, pad = 0xec; at < capacity; at++, pad ^= 0xec ^ 0x11) writer.bytes[at] = pad;
  return writer.bytes;
}

// GF(256) with the QR polynomial 0x11D, by log tables.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x = (x << 1) ^ (x & 0x80 ? 0x11d : 0);
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
const gfMultiply = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

const divisors = new Map<number, Uint8Array>();
/** The Reed–Solomon generator polynomial of `degree`, highest coefficient (always 1) dropped. */
function divisor(degree: number): Uint8Array {
  let result = divisors.get(degree);
  if (result) return result;
  result = new Uint8Array(degree);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMultiply(result[j]!, root);
      if (j + 1 < degree) result[j]! ^= result[j + 1]!;
    }
    root = gfMultiply(root, 2);
  }
  divisors.set(degree, result);
  return result;
}

function reedSolomonRemainder(data: Uint8Array, degree: number): Uint8Array {
  const generator = divisor(degree);
  const remainder = new Uint8Array(degree);
  for (const byte of data) {
    const factor = byte ^ remainder[0]!;
    remainder.copyWithin(0, 1);
    remainder[degree - 1] = 0;
    if (factor === 0) continue;
    const logFactor = LOG[factor]!;
    for (let i = 0; i < degree; i++) if (generator[i]) remainder[i]! ^= EXP[LOG[generator[i]!]! + logFactor]!;
  }
  return remainder;
}

/** Splits data into blocks, adds each block's ECC, and interleaves them, as the symbol stores them. */
function interleavedCodewords(data: Uint8Array, version: number, ecc: number): Uint8Array {
  const blocks = BLOCKS[ecc]![version]!;
  const eccLength = ECC_PER_BLOCK[ecc]![version]!;
  const raw = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blocks - (raw % blocks);
  const shortData = Math.floor(raw / blocks) - eccLength;
  const dataBlocks: Uint8Array[] = [];
  const eccBlocks: Uint8Array[] = [];
  for (let i = 0, at = 0; i < blocks; i++) {
    const length = shortData + (i < shortBlocks ? 0 : 1);
    const block = data.subarray(at, at + length);
    at += length;
    dataBlocks.push(block);
    eccBlocks.push(reedSolomonRemainder(block, eccLength));
  }
  const out = new Uint8Array(raw);
  let o = 0;
  for (let i = 0; i <= shortData; i++) for (const block of dataBlocks) if (i < block.length) out[o++] = block[i]!;
  for (let i = 0; i < eccLength; i++) for (const block of eccBlocks) out[o++] = block[i]!;
  return out;
}

/** The 15 format bits: level and mask, BCH-protected, XOR-masked. */
function formatBits(ecc: number, mask: number): number {
  const data = (ECC_FORMAT_BITS[ecc]! << 3) | mask;
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  return ((data << 10) | remainder) ^ 0x5412;
}

function versionBits(version: number): number {
  let remainder = version;
  for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
  return (version << 12) | remainder;
}

/** The matrix with everything but the mask: function patterns (marked in `reserved`) and data. */
function unmaskedSymbol(version: number, codewords: Uint8Array) {
  const size = version * 4 + 17;
  const modules = new Uint8Array(size * size);
  const reserved = new Uint8Array(size * size);
  const set = (row: number, col: number, dark: boolean) => {
    modules[row * size + col] = dark ? 1 : 0;
    reserved[row * size + col] = 1;
  };
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [row, col] of [[3, 3], [3, size - 4], [size - 4, 3]] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const r = row + dy; const c = col + dx;
        const distance = Math.max(Math.abs(dx), Math.abs(dy));
        if (r >= 0 && r < size && c >= 0 && c < size) set(r, c, distance !== 2 && distance !== 4);
      }
    }
  }
  const align = alignmentPositions(version);
  const last = align.length - 1;
  for (let i = 0; i <= last; i++) {
    for (let j = 0; j <= last; j++) {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) continue;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(align[i]! + dy, align[j]! + dx, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  placeFormatBits(modules, reserved, size, 0);
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3); const b = Math.floor(i / 3);
      set(b, a, dark);
      set(a, b, dark);
    }
  }
  // Data in two-module columns, zigzagging up and down from the bottom right, skipping column 6.
  let bit = 0;
  const totalBits = codewords.length * 8;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step;
      for (let j = 0; j < 2; j++) {
        const at = row * size + right - j;
        if (reserved[at]) continue;
        if (bit < totalBits) modules[at] = (codewords[bit >>> 3]! >>> (7 - (bit & 7))) & 1;
        bit++;
      }
    }
  }
  return { size, modules, reserved };
}

function placeFormatBits(modules: Uint8Array, reserved: Uint8Array | undefined, size: number, bits: number): void {
  const set = (row: number, col: number, i: number) => {
    modules[row * size + col] = (bits >>> i) & 1;
    if (reserved) reserved[row * size + col] = 1;
  };
  for (let i = 0; i < 6; i++) set(i, 8, i);
  set(7, 8, 6);
  set(8, 8, 7);
  set(8, 7, 8);
  for (let i = 9; i < 15; i++) set(8, 14 - i, i);
  for (let i = 0; i < 8; i++) set(8, size - 1 - i, i);
  for (let i = 8; i < 15; i++) set(size - 15 + i, 8, i);
  modules[(size - 8) * size + 8] = 1; // the dark module
  if (reserved) reserved[(size - 8) * size + 8] = 1;
}

function isMasked(mask: number, row: number, col: number): boolean {
  switch (mask) {
    case 0: return (row + col) % 2 === 0;
    case 1: return row % 2 === 0;
    case 2: return col % 3 === 0;
    case 3: return (row + col) % 3 === 0;
    case 4: return (Math.floor(row / 2) + Math.floor(col / 3)) % 2 === 0;
    case 5: return ((row * col) % 2) + ((row * col) % 3) === 0;
    case 6: return (((row * col) % 2) + ((row * col) % 3)) % 2 === 0;
    default: return (((row + col) % 2) + ((row * col) % 3)) % 2 === 0;
  }
}

const maskPatterns = new Map<number, Uint8Array[]>();
/** The eight masks of a version as XOR patterns, function modules left out; made once per version. */
function masksOf(version: number, reserved: Uint8Array, size: number): Uint8Array[] {
  let masks = maskPatterns.get(version);
  if (!masks) {
    masks = Array.from({ length: 8 }, (_, mask) => {
      const pattern = new Uint8Array(size * size);
      for (let row = 0, at = 0; row < size; row++) {
        for (let col = 0; col < size; col++, at++) if (!reserved[at] && isMasked(mask, row, col)) pattern[at] = 1;
      }
      return pattern;
    });
    maskPatterns.set(version, masks);
  }
  return masks;
}

function applyMask(modules: Uint8Array, pattern: Uint8Array): void {
  for (let at = 0; at < modules.length; at++) modules[at]! ^= pattern[at]!;
}

/**
 * The standard's four penalty rules, scored exactly as `qrcode` scores them (runs of five or
 * more, 2×2 blocks, finder-like 1:1:3:1:1 runs with four light modules, dark balance), so that
 * both choose the same mask.
 */
export function maskPenalty(modules: Uint8Array, size: number): number {
  let runs = 0; let blocks = 0; let finders = 0; let dark = 0;
  for (let a = 0; a < size; a++) {
    let rowRun = 0; let colRun = 0; let rowLast = -1; let colLast = -1; let rowBits = 0; let colBits = 0;
    for (let b = 0; b < size; b++) {
      const inRow = modules[a * size + b]!;
      const inCol = modules[b * size + a]!;
      dark += inRow;
      if (inRow === rowLast) rowRun++;
      else { if (rowRun >= 5) runs += 3 + rowRun - 5; rowLast = inRow; rowRun = 1; }
      if (inCol === colLast) colRun++;
      else { if (colRun >= 5) runs += 3 + colRun - 5; colLast = inCol; colRun = 1; }
      rowBits = ((rowBits << 1) & 0x7ff) | inRow;
      colBits = ((colBits << 1) & 0x7ff) | inCol;
      if (b >= 10) {
        if (rowBits === 0x5d0 || rowBits === 0x05d) finders++;
        if (colBits === 0x5d0 || colBits === 0x05d) finders++;
      }
      if (a + 1 < size && b + 1 < size) {
        const sum = inRow + modules[a * size + b + 1]! + modules[(a + 1) * size + b]! + modules[(a + 1) * size + b + 1]!;
        if (sum === 0 || sum === 4) blocks++;
      }
    }
    if (rowRun >= 5) runs += 3 + rowRun - 5;
    if (colRun >= 5) runs += 3 + colRun - 5;
  }
  const balance = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  return runs + blocks * 3 + finders * 40 + balance * 10;
}

/** The smallest QR symbol holding `text` at level `ecc` (M by default: survives creases and smudges). */
export function encodeQrSymbol(text: string, ecc: EccLevel = 'M'): QrSymbol {
  const level = ECC_ORDINAL[ecc];
  const segment = segmentOf(text);
  let version = 1;
  while (version <= 40 && segmentBits(segment, version) > dataCodewords(version, level) * 8) version++;
  if (version > 40) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'the text is too long for any QR code');
  const codewords = interleavedCodewords(dataCodewordBytes(segment, version, level), version, level);
  const { size, modules, reserved } = unmaskedSymbol(version, codewords);
  const masks = masksOf(version, reserved, size);
  const candidate = new Uint8Array(modules.length);
  let best = 0; let bestPenalty = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    candidate.set(modules);
    placeFormatBits(candidate, undefined, size, formatBits(level, mask));
    applyMask(candidate, masks[mask]!);
    const penalty = maskPenalty(candidate, size);
    if (penalty < bestPenalty) { best = mask; bestPenalty = penalty; }
  }
  placeFormatBits(modules, undefined, size, formatBits(level, best));
  applyMask(modules, masks[best]!);
  return { version, size, modules, mask: best };
}
