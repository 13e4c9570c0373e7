/**
 * Reads a pristine QR code: a clean, upright, module-aligned rendering such as the PNG the issuer
 * prints or a screenshot of it. The grid is measured from the finder pattern, each module sampled
 * once, and the codewords accepted only when the format bits are a valid codeword and every
 * Reed–Solomon block checks with no error at all. Anything else (a photo, a smudge, a rotated scan)
 * returns undefined, and the caller falls back to the general reader (jsQR). The point is speed:
 * no 150 ms of loading and searching for the file the verifier meets most.
 */
import { ALPHANUMERIC, blockStructure, EXP, formatBits, formatPositions, layoutOf, LOG } from './symbol-layout.js';
const utf8 = new TextDecoder('utf-8', { fatal: true });

class BitReader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  get left(): number { return this.bytes.length * 8 - this.at; }
  read(bits: number): number {
    let value = 0;
    for (let i = 0; i < bits; i++, this.at++) value = (value << 1) | ((this.bytes[this.at >>> 3]! >>> (7 - (this.at & 7))) & 1);
    return value;
  }
}

/** The level ordinal and mask whose format bits are exactly `bits`, if any. */
function formatOf(bits: number): { ecc: number; mask: number } | undefined {
  for (let ecc = 0; ecc < 4; ecc++) for (let mask = 0; mask < 8; mask++) if (formatBits(ecc, mask) === bits) return { ecc, mask };
  return undefined;
}

/** True when the block (data then ECC codewords) is a Reed–Solomon codeword: all syndromes zero. */
function blockChecks(block: Uint8Array, eccLength: number): boolean {
  for (let i = 0; i < eccLength; i++) {
    let syndrome = 0;
    for (const byte of block) syndrome = (syndrome === 0 ? 0 : EXP[LOG[syndrome]! + i]!) ^ byte;
    if (syndrome !== 0) return false;
  }
  return true;
}

function parseSegments(data: Uint8Array, version: number): string | undefined {
  const band = version < 10 ? 0 : version < 27 ? 1 : 2;
  const reader = new BitReader(data);
  let text = '';
  while (reader.left >= 4) {
    const mode = reader.read(4);
    if (mode === 0) break;
    if (mode === 0b0001) {
      let count = reader.read([10, 12, 14][band]!);
      if (reader.left < Math.floor(count / 3) * 10 + [0, 4, 7][count % 3]!) return undefined;
      for (; count >= 3; count -= 3) {
        const digits = reader.read(10);
        if (digits > 999) return undefined;
        text += String(digits).padStart(3, '0');
      }
      if (count > 0) {
        const digits = reader.read(count === 2 ? 7 : 4);
        if (digits >= 10 ** count) return undefined;
        text += String(digits).padStart(count, '0');
      }
    } else if (mode === 0b0010) {
      let count = reader.read([9, 11, 13][band]!);
      if (reader.left < Math.floor(count / 2) * 11 + (count % 2) * 6) return undefined;
      for (; count >= 2; count -= 2) {
        const pair = reader.read(11);
        if (pair >= 45 * 45) return undefined;
        text += ALPHANUMERIC[Math.floor(pair / 45)]! + ALPHANUMERIC[pair % 45]!;
      }
      if (count === 1) {
        const single = reader.read(6);
        if (single >= 45) return undefined;
        text += ALPHANUMERIC[single]!;
      }
    } else if (mode === 0b0100) {
      const count = reader.read([8, 16, 16][band]!);
      if (reader.left < count * 8) return undefined;
      const bytes = new Uint8Array(count);
      for (let i = 0; i < count; i++) bytes[i] = reader.read(8);
      try {
        text += utf8.decode(bytes);
      } catch {
        return undefined; // not UTF-8: the general reader knows other encodings
      }
    } else {
      return undefined; // ECI, Kanji, structured append, FNC1: left to the general reader
    }
  }
  return text;
}

/** The text of a module matrix (row-major, 1 = dark), or undefined unless it decodes without a single error. */
export function decodeQrModules(modules: Uint8Array, size: number): string | undefined {
  if (size < 21 || size > 177 || (size - 17) % 4 !== 0 || modules.length !== size * size) return undefined;
  const version = (size - 17) / 4;
  const layout = layoutOf(version);
  const [first, second] = formatPositions(size);
  let bits = 0; let copy = 0;
  for (let i = 0; i < 15; i++) {
    bits |= modules[first[i]!]! << i;
    copy |= modules[second[i]!]! << i;
  }
  const format = bits === copy ? formatOf(bits) : undefined;
  if (!format) return undefined;
  const isFormat = new Set([...first, ...second]);
  for (let at = 0; at < modules.length; at++) {
    if (layout.reserved[at] && !isFormat.has(at) && modules[at] !== layout.functionModules[at]) return undefined;
  }
  const structure = blockStructure(version, format.ecc);
  const codewords = new Uint8Array(structure.total);
  const mask = layout.masks[format.mask]!;
  for (let bit = 0; bit < structure.total * 8; bit++) {
    const at = layout.dataOrder[bit]!;
    if (modules[at]! ^ mask[at]!) codewords[bit >>> 3]! |= 0x80 >>> (bit & 7);
  }
  // The few remainder modules after the last codeword are light before masking.
  for (let bit = structure.total * 8; bit < layout.dataOrder.length; bit++) {
    const at = layout.dataOrder[bit]!;
    if (modules[at]! ^ mask[at]!) return undefined;
  }
  // Undo the interleaving: data codewords across blocks, then ECC codewords across blocks.
  const { blocks, eccPerBlock, shortBlocks, shortBlockData } = structure;
  const blockData = Array.from({ length: blocks }, (_, b) => new Uint8Array(shortBlockData + (b < shortBlocks ? 0 : 1) + eccPerBlock));
  let next = 0;
  for (let i = 0; i <= shortBlockData; i++) {
    for (let b = 0; b < blocks; b++) if (i < shortBlockData || b >= shortBlocks) blockData[b]![i] = codewords[next++]!;
  }
  for (let i = 0; i < eccPerBlock; i++) {
    for (let b = 0; b < blocks; b++) blockData[b]![blockData[b]!.length - eccPerBlock + i] = codewords[next++]!;
  }
  if (!blockData.every((block) => blockChecks(block, eccPerBlock))) return undefined;
  const data = new Uint8Array(structure.dataCodewords);
  let o = 0;
  for (const block of blockData) for (let i = 0; i < block.length - eccPerBlock; i++) data[o++] = block[i]!;
  return parseSegments(data, version);
}

/**
 * The text of a pristine QR code in RGBA pixels (the code alone, upright, on a light quiet zone,
 * whole pixels per module), or undefined. Never throws: anything unusual is the general reader's.
 */
export function readPristineQr(data: Uint8Array | Uint8ClampedArray, width: number, height: number): string | undefined {
  const dark = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return data[i]! + data[i + 1]! + data[i + 2]! < 384;
  };
  // The first dark pixel, row by row, is the top-left corner of the top-left finder pattern.
  let x0 = -1; let y0 = -1;
  for (let y = 0; y < height && x0 < 0; y++) for (let x = 0; x < width; x++) if (dark(x, y)) { x0 = x; y0 = y; break; }
  if (x0 < 0) return undefined;
  let run = 0;
  while (x0 + run < width && dark(x0 + run, y0)) run++;
  if (run % 7 !== 0) return undefined;
  const scale = run / 7;
  let x1 = width - 1;
  while (x1 > x0 && !dark(x1, y0)) x1--;
  const side = x1 - x0 + 1;
  if (side % scale !== 0 || y0 + side > height) return undefined;
  const size = side / scale;
  if (size < 21 || size > 177 || (size - 17) % 4 !== 0) return undefined;
  const modules = new Uint8Array(size * size);
  const half = Math.floor(scale / 2);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) modules[row * size + col] = dark(x0 + col * scale + half, y0 + row * scale + half) ? 1 : 0;
  }
  return decodeQrModules(modules, size);
}
