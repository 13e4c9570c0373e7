/**
 * What a QR symbol of a given version looks like before any data (ISO/IEC 18004): its block
 * structure, function patterns, the order data modules are filled in, the masks, the format and
 * version bits, and GF(256). Shared by the encoder (symbol.ts) and the reader (symbol-read.ts),
 * so both speak about exactly the same symbol.
 */

export type EccLevel = 'L' | 'M' | 'Q' | 'H';

/** The 45 characters of alphanumeric mode, in code order. */
export const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export const ECC_ORDINAL: Record<EccLevel, number> = { L: 0, M: 1, Q: 2, H: 3 };
/** The two format bits of each level, by ordinal (M is 00, as the standard numbers them). */
export const ECC_FORMAT_BITS = [1, 0, 3, 2];

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

export interface BlockStructure {
  /** All codewords, data and ECC. */
  total: number;
  blocks: number;
  eccPerBlock: number;
  /** Blocks with one data codeword fewer come first. */
  shortBlocks: number;
  shortBlockData: number;
  dataCodewords: number;
}

export function blockStructure(version: number, ecc: number): BlockStructure {
  const total = Math.floor(rawDataModules(version) / 8);
  const blocks = BLOCKS[ecc]![version]!;
  const eccPerBlock = ECC_PER_BLOCK[ecc]![version]!;
  return {
    total, blocks, eccPerBlock, shortBlocks: blocks - (total % blocks), shortBlockData: Math.floor(total / blocks) - eccPerBlock,
    dataCodewords: total - eccPerBlock * blocks,
  };
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

// GF(256) with the QR polynomial 0x11D, by log tables.
export const EXP = new Uint8Array(512);
export const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x = (x << 1) ^ (x & 0x80 ? 0x11d : 0);
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;

/** The 15 format bits: level (by ordinal) and mask, BCH-protected, XOR-masked. */
export function formatBits(ecc: number, mask: number): number {
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

/** Where the 15 format bits go, bit i at both positions (row-major offsets). */
export function formatPositions(size: number): [number[], number[]] {
  const first: number[] = []; const second: number[] = [];
  const at = (row: number, col: number) => row * size + col;
  for (let i = 0; i < 6; i++) first.push(at(i, 8));
  first.push(at(7, 8), at(8, 8), at(8, 7));
  for (let i = 9; i < 15; i++) first.push(at(8, 14 - i));
  for (let i = 0; i < 8; i++) second.push(at(8, size - 1 - i));
  for (let i = 8; i < 15; i++) second.push(at(size - 15 + i, 8));
  return [first, second];
}

export function placeFormatBits(modules: Uint8Array, size: number, bits: number): void {
  const [first, second] = formatPositions(size);
  for (let i = 0; i < 15; i++) modules[first[i]!] = modules[second[i]!] = (bits >>> i) & 1;
  modules[(size - 8) * size + 8] = 1; // the dark module
}

export interface Layout {
  version: number;
  size: number;
  /** Function patterns drawn (format area left light), data area light. */
  functionModules: Uint8Array;
  /** 1 where a module belongs to a function pattern (or the format and version areas). */
  reserved: Uint8Array;
  /** Data module offsets in the order codeword bits fill them. */
  dataOrder: Uint32Array;
  /** The eight masks as XOR patterns over data modules only. */
  masks: Uint8Array[];
  /** The same eight masks as one byte a module: bit p set where mask p flips it. */
  maskBits: Uint8Array;
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

const layouts = new Map<number, Layout>();

/** The layout of a version (1–40), made once and kept. */
export function layoutOf(version: number): Layout {
  const known = layouts.get(version);
  if (known) return known;
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
  for (const at of formatPositions(size).flat()) { modules[at] = 0; reserved[at] = 1; }
  set(size - 8, 8, true);
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3); const b = Math.floor(i / 3);
      set(b, a, dark);
      set(a, b, dark);
    }
  }
  // Data fills two-module columns, zigzagging up and down from the bottom right, skipping column 6.
  const order: number[] = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step;
      for (let j = 0; j < 2; j++) if (!reserved[row * size + right - j]) order.push(row * size + right - j);
    }
  }
  const masks = Array.from({ length: 8 }, (_, mask) => {
    const pattern = new Uint8Array(size * size);
    for (let row = 0, at = 0; row < size; row++) {
      for (let col = 0; col < size; col++, at++) if (!reserved[at] && isMasked(mask, row, col)) pattern[at] = 1;
    }
    return pattern;
  });
  const maskBits = new Uint8Array(size * size);
  masks.forEach((pattern, mask) => { for (let at = 0; at < pattern.length; at++) maskBits[at]! |= pattern[at]! << mask; });
  const layout = { version, size, functionModules: modules, reserved, dataOrder: Uint32Array.from(order), masks, maskBits };
  layouts.set(version, layout);
  return layout;
}
