// Our PNG reader for the common cases must see exactly the pixels the general decoder (pngjs) sees.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { decodeSimplePng, encodeModulesPng } from './png.js';

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
