// The QR files we write: `qrcode` makes the symbol; our PNG writer (node:zlib) and SVG writer must
// show exactly its modules, and a reader must get the text back.
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import type QRCodeType from 'qrcode';
import { encodeQrSymbol, renderQr } from './image.js';
import { encodeModulesPng } from './png.js';
import { readQrFromPng } from './reader.js';

const QRCode = createRequire(import.meta.url)('qrcode') as typeof QRCodeType;

const rgbaOf = (bytes: Buffer) => {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
};

describe('encodeModulesPng', () => {
  it('writes PNGs that pngjs reads pixel for pixel as the modules say, at any scale and margin', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 ** 31 }),
      (version, scale, margin, seed) => {
        const size = 17 + 4 * version;
        let state = seed;
        const modules = Uint8Array.from({ length: size * size }, () => { state = (state * 1103515245 + 12345) & 0x7fffffff; return state >> 16 & 1; });
        const { width, data } = rgbaOf(encodeModulesPng(size, modules, scale, margin));
        expect(width).toBe((size + 2 * margin) * scale);
        for (let y = 0; y < width; y++) {
          for (let x = 0; x < width; x++) {
            const row = Math.floor(y / scale) - margin;
            const col = Math.floor(x / scale) - margin;
            const dark = row >= 0 && col >= 0 && row < size && col < size && modules[row * size + col] === 1;
            if (data[(y * width + x) * 4] !== (dark ? 0 : 255)) throw new Error(`pixel ${x},${y} of a version-${version} symbol`);
          }
        }
      },
    ), { numRuns: 60 });
  });
});

describe('the QR symbol', () => {
  it('is qrcode\'s own symbol at ECC M, and the PNG we write of it reads back to the text', async () => {
    for (const text of ['CC1:', 'CC1:' + 'ABC123 $%*+-./:'.repeat(40), 'HELLO']) {
      const ours = encodeQrSymbol(text);
      const theirs = QRCode.create(text, { errorCorrectionLevel: 'M' });
      expect({ version: ours.version, size: ours.size }).toEqual({ version: theirs.version, size: theirs.modules.size });
      expect(Buffer.from(ours.modules).equals(Buffer.from(theirs.modules.data))).toBe(true);
      await expect(readQrFromPng(renderQr(text).png)).resolves.toBe(text);
    }
  });
});
