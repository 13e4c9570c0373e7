/**
 * A minimal PNG writer for QR codes: 1-bit greyscale, one IDAT, zlib from node. Written here
 * because the generic encoders are slow for a job this simple (and 40× slower under test VMs).
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encodes a square module matrix (true = dark) as a 1-bit greyscale PNG with `scale` pixels per
 * module: each module row is packed once and repeated, so a print-size QR takes well under a
 * millisecond instead of filling and deflating a byte per pixel.
 */
export function encodeModulesPng(size: number, isDark: (row: number, col: number) => boolean, scale: number, margin: number): Buffer {
  const side = (size + 2 * margin) * scale;
  const rowBytes = Math.ceil(side / 8) + 1;
  const raw = Buffer.alloc(rowBytes * side, 0xff);
  const packed = Buffer.alloc(rowBytes);
  for (let row = -margin; row < size + margin; row++) {
    packed.fill(0xff);
    packed[0] = 0; // filter: none
    if (row >= 0 && row < size) {
      for (let col = 0; col < size; col++) {
        if (!isDark(row, col)) continue;
        for (let x = (col + margin) * scale, end = x + scale; x < end; x++) packed[1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
      }
    }
    for (let k = 0, y = (row + margin) * scale; k < scale; k++, y++) packed.copy(raw, y * rowBytes);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0)),
  ]);
}
