/**
 * The compressed image data (zlib stream, RFC 1950/1951) of a QR PNG at 8 pixels a module,
 * written straight from the modules instead of deflating a 50 KB raw image. At that scale each
 * module is one byte, 0x00 or 0xff, and the image is, per module row, one pixel row of such bytes
 * followed by seven Up-filtered rows that repeat the row above (a filter byte 2 and zeros). So
 * each module row is its bytes as 2-bit literals plus one back-reference to the previous module
 * row's seven repeat rows, under one Huffman table made for exactly that. Six times faster than
 * zlib's run-length deflate of the raw image, and a little smaller. png.test.ts inflates the
 * result with zlib and compares it with the raw image, byte for byte.
 */

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which a dynamic block lists its code-length code lengths (RFC 1951 §3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const ADLER_MODULUS = 65521;
/** The longest back-reference deflate allows, and the farthest. */
const MAX_MATCH = 258;
const MAX_DISTANCE = 32768;

/**
 * Code lengths of the literal/length alphabet: the module bytes 0x00 and 0xff and the Up filter
 * byte take 2–3 bits; every other symbol gets a (complete, as inflate requires) longer code, the
 * full 258-byte match the shortest of them.
 */
function literalLengths(): Uint8Array {
  const lengths = new Uint8Array(286);
  // 0x00 and 0xff must stay 2 bits each: four modules are written as one byte (QUAD_CODES).
  lengths[0x00] = 2; lengths[0xff] = 2; lengths[0x02] = 3; lengths[285] = 4;
  // The end-of-block code and the other 28 length codes: 11 of 6 bits and 18 of 7 fill the code exactly.
  for (let symbol = 256, n = 0; symbol < 285; symbol++, n++) lengths[symbol] = n < 11 ? 6 : 7;
  return lengths;
}

/** Distance codes: all 30, two of 4 bits and 28 of 5 (a complete code). */
function distanceLengths(): Uint8Array {
  return Uint8Array.from({ length: 30 }, (_, symbol) => (symbol < 2 ? 4 : 5));
}

/** Canonical Huffman codes for `lengths` (RFC 1951 §3.2.2), bit-reversed for deflate's LSB-first stream. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const counts = new Uint16Array(16);
  for (const length of lengths) if (length) counts[length]!++;
  const next = new Uint16Array(16);
  for (let bits = 1, code = 0; bits < 16; bits++) {
    code = (code + counts[bits - 1]!) << 1;
    next[bits] = code;
  }
  return Uint16Array.from(lengths, (length) => {
    if (!length) return 0;
    let code = next[length]!++;
    let reversed = 0;
    for (let i = 0; i < length; i++, code >>= 1) reversed = (reversed << 1) | (code & 1);
    return reversed;
  });
}

/**
 * Four modules (bit i = module i is dark) as four 2-bit literals in one 8-bit write, with what they
 * add to the Adler-32 sums: Σ bytes, and Σ (4 − i) × byte_i.
 */
const QUAD_CODES = new Uint16Array(16);
const QUAD_SUM = new Uint16Array(16);
const QUAD_WEIGHTED = new Uint16Array(16);

class BitWriter {
  readonly out: Uint8Array;
  length = 0;
  /** Bits not yet written out, and how many. */
  buffer = 0;
  bits = 0;
  constructor(capacity: number) { this.out = new Uint8Array(capacity); }
  /** Appends `count` ≤ 16 bits, least significant first. */
  put(value: number, count: number): void {
    this.buffer |= value << this.bits;
    this.bits += count;
    while (this.bits >= 8) {
      this.out[this.length++] = this.buffer & 0xff;
      this.buffer >>>= 8;
      this.bits -= 8;
    }
  }
  /** Starts over as a copy of `other` (a prepared beginning). */
  copyFrom(other: BitWriter): void {
    this.out.set(other.out.subarray(0, other.length));
    this.length = other.length;
    this.buffer = other.buffer;
    this.bits = other.bits;
  }
  /** Pads to a whole byte. */
  align(): void {
    if (this.bits > 0) this.put(0, 8 - this.bits);
  }
}

const LITERAL_LENGTHS = literalLengths();
const LITERAL_CODES = canonicalCodes(LITERAL_LENGTHS);
const DISTANCE_LENGTHS = distanceLengths();
const DISTANCE_CODES = canonicalCodes(DISTANCE_LENGTHS);
for (let quad = 0; quad < 16; quad++) {
  for (let i = 0; i < 4; i++) {
    const dark = (quad >> i) & 1;
    QUAD_CODES[quad]! |= LITERAL_CODES[dark ? 0x00 : 0xff]! << (2 * i);
    if (!dark) { QUAD_SUM[quad]! += 0xff; QUAD_WEIGHTED[quad]! += (4 - i) * 0xff; }
  }
}

/**
 * The block header: final block, dynamic Huffman, then the two tables as code lengths, themselves
 * coded with eight 3-bit codes (the lengths 0, 2–7, and 18 for a run of 11–138 zeros).
 */
function writeBlockHeader(writer: BitWriter): void {
  writer.put(1, 1); // the final block
  writer.put(2, 2); // dynamic Huffman codes
  writer.put(286 - 257, 5);
  writer.put(30 - 1, 5);
  writer.put(19 - 4, 4);
  const used = [0, 2, 3, 4, 5, 6, 7, 18];
  const codeLengthLengths = new Uint8Array(19);
  for (const symbol of used) codeLengthLengths[symbol] = 3;
  for (const symbol of CODE_LENGTH_ORDER) writer.put(codeLengthLengths[symbol]!, 3);
  const codeLengthCodes = canonicalCodes(codeLengthLengths);
  for (const lengths of [LITERAL_LENGTHS, DISTANCE_LENGTHS]) {
    for (let i = 0; i < lengths.length;) {
      let zeros = 0;
      while (lengths[i + zeros] === 0 && i + zeros < lengths.length && zeros < 138) zeros++;
      if (zeros >= 11) {
        writer.put(codeLengthCodes[18]!, 3);
        writer.put(zeros - 11, 7);
        i += zeros;
      } else {
        writer.put(codeLengthCodes[lengths[i]!]!, 3);
        i++;
      }
    }
  }
}

/** The zlib header and the block header: the same for every image, so written once. */
const STREAM_START = (() => {
  const writer = new BitWriter(512);
  writer.put(0x78, 8); writer.put(0x01, 8); // deflate, 32 KB window, no dictionary, fastest
  writeBlockHeader(writer);
  return writer;
})();

/** Code index of a match length (3–258) or distance, from its base table. */
function codeIndex(bases: number[], value: number): number {
  let index = bases.length - 1;
  while (bases[index]! > value) index--;
  return index;
}

/** A back-reference as the (code, bit count) pairs that write it, in chunks of at most 258 bytes. */
function matchCodes(length: number, distance: number): number[] {
  const d = codeIndex(DISTANCE_BASE, distance);
  const codes: number[] = [];
  while (length > 0) {
    // Chunks of at most 258, none shorter than 3.
    const chunk = length <= MAX_MATCH ? length : length - MAX_MATCH < 3 ? length - 3 : MAX_MATCH;
    const l = codeIndex(LENGTH_BASE, chunk);
    codes.push(LITERAL_CODES[257 + l]!, LITERAL_LENGTHS[257 + l]!);
    if (LENGTH_EXTRA[l]) codes.push(chunk - LENGTH_BASE[l]!, LENGTH_EXTRA[l]!);
    codes.push(DISTANCE_CODES[d]!, DISTANCE_LENGTHS[d]!);
    if (DISTANCE_EXTRA[d]) codes.push(distance - DISTANCE_BASE[d]!, DISTANCE_EXTRA[d]!);
    length -= chunk;
  }
  return codes;
}

function writeCodes(writer: BitWriter, codes: number[]): void {
  for (let i = 0; i < codes.length; i += 2) writer.put(codes[i]!, codes[i + 1]!);
}

/** Whether `zlibModuleImage` can write an image `modulesAcross` wide (with margins) at `scale`. */
export function fitsModuleImage(modulesAcross: number, scale: number): boolean {
  // Eight pixels a module, and a module row's repeat rows within reach of the next (deflate's window).
  return scale === 8 && (modulesAcross + 1) * 8 <= MAX_DISTANCE;
}

/**
 * The zlib stream of the PNG raw image (filter byte + 1-bit pixels per row) of a square module
 * matrix (each module exactly 0 or 1, as QrSymbol holds them) at 8 pixels a module with `margin`
 * light modules around it: exactly the bytes the raw image would inflate from, with its Adler-32.
 */
export function zlibModuleImage(size: number, modules: Uint8Array, margin: number): Uint8Array {
  const side = size + 2 * margin; // modules a row, and bytes a pixel row
  const rowBytes = side + 1;
  const writer = new BitWriter(256 + side * (rowBytes + 8));
  writer.copyFrom(STREAM_START);
  // The module row with its margins, 1 = dark: the margins stay light, the middle is each row's.
  const line = new Uint8Array(side);
  // Every module row but the first copies the seven repeat rows of the one above it.
  const repeatRows = matchCodes(7 * rowBytes, 8 * rowBytes);
  let a = 1; let b = 0;
  for (let row = -margin; row < size + margin; row++) {
    if (row >= 0 && row < size) line.set(modules.subarray(row * size, (row + 1) * size), margin);
    else if (row === size) line.fill(0);
    // The module row's first pixel row: filter 0 (None), then a byte a module (0x00 dark, 0xff
    // light), four modules to a write: their codes and their share of the Adler-32 come from a table.
    writer.put(LITERAL_CODES[0x00]!, LITERAL_LENGTHS[0x00]!);
    b += a;
    let col = 0;
    // Eight bits a write leave the bit position where it was: one byte out each, kept in locals.
    const { out } = writer;
    let pending = writer.buffer; let length = writer.length; const shift = writer.bits;
    for (; col + 4 <= side; col += 4) {
      const quad = line[col]! | (line[col + 1]! << 1) | (line[col + 2]! << 2) | (line[col + 3]! << 3);
      pending |= QUAD_CODES[quad]! << shift;
      out[length++] = pending & 0xff;
      pending >>>= 8;
      b += 4 * a + QUAD_WEIGHTED[quad]!;
      a += QUAD_SUM[quad]!;
    }
    writer.buffer = pending; writer.length = length;
    for (; col < side; col++) {
      writer.put(line[col] ? LITERAL_CODES[0x00]! : LITERAL_CODES[0xff]!, 2);
      if (!line[col]) a += 0xff;
      b += a;
    }
    a %= ADLER_MODULUS; b %= ADLER_MODULUS;
    // Seven Up rows (a 2, then zeros): copied from the module row above, or, for the first one,
    // written once and then copied from itself.
    if (row === -margin) {
      writer.put(LITERAL_CODES[0x02]!, LITERAL_LENGTHS[0x02]!);
      for (let i = 1; i < rowBytes; i++) writer.put(LITERAL_CODES[0x00]!, LITERAL_LENGTHS[0x00]!);
      writeCodes(writer, matchCodes(6 * rowBytes, rowBytes));
    } else {
      writeCodes(writer, repeatRows);
    }
    for (let i = 0; i < 7; i++) {
      // A row [2, 0, …, 0] adds 2 to the sum and, its 2 being first, 2 × rowBytes to the weighted sum.
      b = (b + rowBytes * a + 2 * rowBytes) % ADLER_MODULUS;
      a = (a + 2) % ADLER_MODULUS;
    }
  }
  writer.put(LITERAL_CODES[256]!, LITERAL_LENGTHS[256]!);
  writer.align();
  for (const byte of [b >>> 8, b & 0xff, a >>> 8, a & 0xff]) writer.put(byte, 8);
  return writer.out.subarray(0, writer.length);
}
