// Our PNG reader for the common cases must see exactly the pixels the general decoder (pngjs) sees.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { inflateSync } from 'node:zlib';
import { decodeSimplePng, deflateRawImage, encodeModulesPng } from './png.js';
import { zlibModuleImage } from './png-deflate.js';

const rgbaOf = (bytes: Buffer) => {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: [...png.data] };
};

describe('decodeSimplePng', () => {
  it('reads 8-bit grey, RGB and RGBA PNGs, every filter, as pngjs does', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom(0, 2, 6), fc.constantFrom(0, 1, 2, 3, 4, -1), fc.integer({ min: 0, max: 2 ** 31 }),
      (width, height, colorType, filterType, seed) => {
        const png = new PNG({ width, height, colorType, inputColorType: 6, bitDepth: 8, filterType });
        let state = seed;
        for (let i = 0; i < png.data.length; i++) { state = (state * 1103515245 + 12345) & 0x7fffffff; png.data[i] = i % 4 === 3 ? 255 : state >> 16 & 0xff; }
        const bytes = PNG.sync.write(png, { colorType, inputColorType: 6, filterType });
        const ours = decodeSimplePng(bytes, 1e7)!;
        const theirs = rgbaOf(bytes);
        expect({ width: ours.width, height: ours.height, data: [...ours.data] }).toEqual(theirs);
      },
    ), { numRuns: 150 });
  });

  it('reads our 1-bit QR PNGs as pngjs does, and leaves interlaced or palette images to it', () => {
    const modules = Uint8Array.from({ length: 21 * 21 }, (_, i) => (Math.floor(i / 21) * 7 + (i % 21) * 3) % 5 === 0 ? 1 : 0);
    const bytes = encodeModulesPng(21, modules, 3, 4);
    const ours = decodeSimplePng(bytes, 1e7)!;
    expect({ width: ours.width, height: ours.height, data: [...ours.data] }).toEqual(rgbaOf(bytes));
    const palette = PNG.sync.write(new PNG({ width: 4, height: 4 }), { colorType: 0, bitDepth: 16 } as never);
    expect(decodeSimplePng(palette, 1e7)).toBeUndefined();
    expect(decodeSimplePng(bytes, 10)).toBeUndefined();
  });
});

describe('zlibModuleImage', () => {
  it('inflates (Adler-32 checked) to exactly the raw image zlib is given, for every QR size and margin', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: 0, max: 1, noNaN: true }),
      (version, margin, seed, darkShare) => {
        const size = 17 + 4 * version;
        let state = seed;
        const modules = Uint8Array.from({ length: size * size }, () => { state = (state * 1103515245 + 12345) & 0x7fffffff; return state / 0x7fffffff < darkShare ? 1 : 0; });
        const ours = inflateSync(zlibModuleImage(size, modules, margin));
        expect(Buffer.compare(ours, inflateSync(deflateRawImage(size, modules, 8, margin)))).toBe(0);
      },
    ), { numRuns: 120 });
  });

  it('makes PNGs that pngjs reads pixel for pixel as the modules say, about as small as zlib made them', () => {
    const size = 73;
    const modules = Uint8Array.from({ length: size * size }, (_, i) => ((i * 2654435761) >>> 13) & 1);
    const png = encodeModulesPng(size, modules, 8, 4);
    const { width, data } = rgbaOf(png);
    expect(width).toBe((size + 8) * 8);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const pixel = (((row + 4) * 8 + 3) * width + (col + 4) * 8 + 5) * 4;
        expect(data[pixel]).toBe(modules[row * size + col] ? 0 : 255);
      }
    }
    expect(png.length).toBeLessThanOrEqual(1.3 * deflateRawImage(size, modules, 8, 4).length);
  });
});
