/**
 * A QR code symbol encoder (ISO/IEC 18004): text → module matrix, with typed arrays throughout.
 * Written here because making the symbol was the largest cost of printing a cohort (`qrcode`
 * took ~7 ms a credential). Same symbol as `qrcode` for the same segment, mask choice
 * included: the differential test in symbol.test.ts holds it to that, and jsQR reads it back.
 * One segment: alphanumeric when every character allows it (Corridor's `CC1:` base45 text
 * always does), bytes of UTF-8 otherwise.
 */
import { CorridorError } from '../errors.js';
import { maskPenalties } from './mask-penalty.js';
import { ALPHANUMERIC, blockStructure, ECC_ORDINAL, EXP, formatBits, layoutOf, LOG, placeFormatBits, type EccLevel } from './symbol-layout.js';

export type { EccLevel } from './symbol-layout.js';

export interface QrSymbol {
  version: number;
  /** Modules per side. */
  size: number;
  /** Row-major, 1 = dark. */
  modules: Uint8Array;
  mask: number;
}

const ALPHANUMERIC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHANUMERIC.length; i++) ALPHANUMERIC_VALUE[ALPHANUMERIC.charCodeAt(i)] = i;

class BitWriter {
  readonly bytes: Uint8Array;
  length = 0;
  constructor(capacityBytes: number) { this.bytes = new Uint8Array(capacityBytes); }
  put(value: number, bits: number): void {
    // Fill the current byte, then whole bytes, a chunk of bits at a time.
    while (bits > 0) {
      const free = 8 - (this.length & 7);
      const take = Math.min(free, bits);
      const chunk = (value >>> (bits - take)) & ((1 << take) - 1);
      this.bytes[this.length >>> 3]! |= chunk << (free - take);
      this.length += take;
      bits -= take;
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
  const capacity = blockStructure(version, ecc).dataCodewords;
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

const gfMultiply = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

/** The coefficients of the Reed–Solomon generator polynomial of `degree`, highest (always 1) dropped. */
function generatorPolynomial(degree: number): Uint8Array {
  const coefficients = new Uint8Array(degree);
  coefficients[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      coefficients[j] = gfMultiply(coefficients[j]!, root);
      if (j + 1 < degree) coefficients[j]! ^= coefficients[j + 1]!;
    }
    root = gfMultiply(root, 2);
  }
  return coefficients;
}

/**
 * The generator polynomial of `degree` times every factor, as 32-bit words, four times over: for
 * each byte offset s (0–3), the products preceded by s zero bytes. A division step then XORs a
 * handful of aligned words into the message instead of `degree` single bytes.
 */
interface ShiftedProducts { words: Int32Array; wordsPerRow: number }
const products = new Map<number, ShiftedProducts>();
function shiftedProducts(degree: number): ShiftedProducts {
  let table = products.get(degree);
  if (table) return table;
  const coefficients = generatorPolynomial(degree);
  const wordsPerRow = (degree + 3 + 3) >>> 2;
  const words = new Int32Array(4 * 256 * wordsPerRow);
  const bytes = new Uint8Array(words.buffer);
  for (let shift = 0; shift < 4; shift++) {
    for (let factor = 1; factor < 256; factor++) {
      const row = ((shift * 256 + factor) * wordsPerRow) * 4 + shift;
      for (let i = 0; i < degree; i++) bytes[row + i] = gfMultiply(coefficients[i]!, factor);
    }
  }
  table = { words, wordsPerRow };
  products.set(degree, table);
  return table;
}

/** The remainder of data × x^degree divided by the generator: the block's ECC codewords. */
function reedSolomonRemainder(data: Uint8Array, degree: number): Uint8Array {
  const { words: table, wordsPerRow } = shiftedProducts(degree);
  // The message then room for the remainder, in whole words, with a row's reach to spare.
  const message = new Int32Array(((data.length + degree + 3) >>> 2) + wordsPerRow);
  const bytes = new Uint8Array(message.buffer);
  bytes.set(data);
  for (let d = 0; d < data.length; d++) {
    const factor = bytes[d]!;
    if (factor === 0) continue;
    // Subtract factor × generator at byte d + 1 (the leading term cancels byte d itself).
    const at = d + 1;
    const row = ((at & 3) * 256 + factor) * wordsPerRow;
    const word = at >>> 2;
    for (let k = 0; k < wordsPerRow; k++) message[word + k]! ^= table[row + k]!;
  }
  return bytes.slice(data.length, data.length + degree);
}

/** Splits data into blocks, adds each block's ECC, and interleaves them, as the symbol stores them. */
function interleavedCodewords(data: Uint8Array, version: number, ecc: number): Uint8Array {
  const { total, blocks, eccPerBlock, shortBlocks, shortBlockData } = blockStructure(version, ecc);
  const out = new Uint8Array(total);
  const eccStart = total - blocks * eccPerBlock;
  for (let i = 0, at = 0; i < blocks; i++) {
    const length = shortBlockData + (i < shortBlocks ? 0 : 1);
    const block = data.subarray(at, at + length);
    at += length;
    // Codeword k of every block, block by block; only the long blocks have a last one.
    for (let k = 0; k < shortBlockData; k++) out[k * blocks + i] = block[k]!;
    if (length > shortBlockData) out[shortBlockData * blocks + i - shortBlocks] = block[shortBlockData]!;
    const remainder = reedSolomonRemainder(block, eccPerBlock);
    for (let k = 0; k < eccPerBlock; k++) out[eccStart + k * blocks + i] = remainder[k]!;
  }
  return out;
}

/** XORs the mask's pattern into the modules, four modules to a word where both are word-aligned. */
function applyMask(modules: Uint8Array, pattern: Uint8Array): void {
  let at = 0;
  if (modules.byteOffset % 4 === 0 && pattern.byteOffset % 4 === 0) {
    const words = modules.length >>> 2;
    const target = new Int32Array(modules.buffer, modules.byteOffset, words);
    const source = new Int32Array(pattern.buffer, pattern.byteOffset, words);
    for (let i = 0; i < words; i++) target[i]! ^= source[i]!;
    at = words * 4;
  }
  for (; at < modules.length; at++) modules[at]! ^= pattern[at]!;
}

/** The smallest QR symbol holding `text` at level `ecc` (M by default: survives creases and smudges). */
export function encodeQrSymbol(text: string, ecc: EccLevel = 'M'): QrSymbol {
  const level = ECC_ORDINAL[ecc];
  const segment = segmentOf(text);
  let version = 1;
  while (version <= 40 && segmentBits(segment, version) > blockStructure(version, level).dataCodewords * 8) version++;
  if (version > 40) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'the text is too long for any QR code');
  const codewords = interleavedCodewords(dataCodewordBytes(segment, version, level), version, level);
  const layout = layoutOf(version);
  const { size, functionModules, dataOrder, masks } = layout;
  const modules = functionModules.slice();
  // A codeword's eight bits at a time, most significant first; the remainder bits stay light.
  const whole = Math.min(codewords.length, dataOrder.length >>> 3);
  for (let i = 0, bit = 0; i < whole; i++, bit += 8) {
    const c = codewords[i]!;
    modules[dataOrder[bit]!] = c >>> 7; modules[dataOrder[bit + 1]!] = (c >>> 6) & 1;
    modules[dataOrder[bit + 2]!] = (c >>> 5) & 1; modules[dataOrder[bit + 3]!] = (c >>> 4) & 1;
    modules[dataOrder[bit + 4]!] = (c >>> 3) & 1; modules[dataOrder[bit + 5]!] = (c >>> 2) & 1;
    modules[dataOrder[bit + 6]!] = (c >>> 1) & 1; modules[dataOrder[bit + 7]!] = c & 1;
  }
  const penalties = maskPenalties(modules, layout, level);
  let best = 0;
  for (let mask = 1; mask < 8; mask++) if (penalties[mask]! < penalties[best]!) best = mask;
  placeFormatBits(modules, size, formatBits(level, best));
  applyMask(modules, masks[best]!);
  return { version, size, modules, mask: best };
}
