/**
 * A minimal PNG writer for QR codes: 1-bit greyscale, one IDAT, zlib from node. Written here
 * because the generic encoders are slow for a job this simple (and 40× slower under test VMs).
 */
import { constants as zlibConstants, deflateSync } from 'node:zlib';

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data and its CRC-32 (tests build hostile PNGs with it too). */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

let scratch: { key: string; raw: Uint8Array } | undefined;
/**
 * The raw image buffer, kept between calls (a cohort makes thousands of same-size codes, and a
 * fresh 50 KB buffer each time was measurable): the Up-filtered repeat rows are written once and
 * never change; every call rewrites each module row's first pixel row in full.
 */
function scratchRaw(rowBytes: number, side: number, scale: number): Uint8Array {
  const key = `${rowBytes}:${side}:${scale}`;
  if (scratch?.key !== key) {
    const raw = new Uint8Array(rowBytes * side);
    for (let y = 0; y < side; y++) if (y % scale !== 0) raw[y * rowBytes] = 2;
    scratch = { key, raw };
  }
  return scratch.raw;
}

/**
 * Encodes a square module matrix (row-major, 1 = dark) as a 1-bit greyscale PNG with `scale` pixels per
 * module: each module row packed once, its repeat rows Up-filtered, deflated by node:zlib.
 */
export function encodeModulesPng(size: number, modules: Uint8Array, scale: number, margin: number): Buffer {
  const side = (size + 2 * margin) * scale;
  const idat = deflateRawImage(size, modules, scale, margin);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** The raw image (a filter byte, then 1-bit pixels, each row), deflated by zlib: any scale. */
export function deflateRawImage(size: number, modules: Uint8Array, scale: number, margin: number): Buffer {
  const side = (size + 2 * margin) * scale;
  const rowBytes = Math.ceil(side / 8) + 1;
  // Each module row is packed once into its first pixel row; the `scale - 1` rows below it are
  // filter type 2 (Up) with zero differences, which deflate to almost nothing, almost at once.
  const raw = scratchRaw(rowBytes, side, scale);
  for (let row = -margin; row < size + margin; row++) {
    const first = (row + margin) * scale * rowBytes;
    raw.fill(0xff, first + 1, first + rowBytes);
    if (row >= 0 && row < size) {
      for (let col = 0, at = row * size; col < size; col++, at++) {
        if (!modules[at]) continue;
        const x0 = (col + margin) * scale;
        // At 8 pixels a module each module is one whole byte; otherwise set its bits one by one.
        if (scale === 8) raw[first + 1 + (x0 >> 3)] = 0;
        else for (let x = x0, end = x0 + scale; x < end; x++) raw[first + 1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
      }
    }
  }
  // Run-length matches only: these rows are runs of 0x00 and 0xff bytes and Up-filtered zeros,
  // so RLE measured 4× faster than level 4 (0.08 against 0.34 ms) for a fifth more bytes (~2 KB).
  return deflateSync(raw, { strategy: zlibConstants.Z_RLE });
}
