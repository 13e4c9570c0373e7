// The declared size of a picture, read before anything decodes it: the page hands GIF, BMP and
// WebP to the browser too, and a few bytes of any of them can declare hundreds of megapixels.
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { browserPictureDimensions, checkImageFileBudget } from './reader.js';

const { createCanvas } = createRequire(import.meta.url)('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
const drawn = (width: number, height: number) => {
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').fillRect(0, 0, width / 2, height / 2);
  return canvas;
};

/** Only the bytes the size is read from, laid out as each format has them. */
const bmp = (width: number, height: number, headerSize = 40) => {
  const bytes = Buffer.alloc(54);
  bytes.write('BM', 0, 'latin1');
  bytes.writeUInt32LE(headerSize, 14);
  if (headerSize === 12) { bytes.writeUInt16LE(width, 18); bytes.writeUInt16LE(height, 20); } else { bytes.writeInt32LE(width, 18); bytes.writeInt32LE(height, 22); }
  return bytes;
};
const webp = (chunk: 'VP8 ' | 'VP8L', width: number, height: number) => {
  const bytes = Buffer.alloc(40);
  bytes.write('RIFF', 0, 'latin1');
  bytes.write('WEBP', 8, 'latin1');
  bytes.write(chunk, 12, 'latin1');
  if (chunk === 'VP8 ') { bytes.set([0x9d, 0x01, 0x2a], 23); bytes.writeUInt16LE(width, 26); bytes.writeUInt16LE(height, 28); } else { bytes[20] = 0x2f; bytes.writeUInt32LE((width - 1) | ((height - 1) << 14), 21); }
  return bytes;
};
const codeOf = (bytes: Uint8Array) => { try { checkImageFileBudget(bytes); return 'passed'; } catch (error) { return (error as { code?: string }).code; } };

describe('the declared size of a picture the browser would decode', () => {
  it('is read from GIF and WebP files as encoders write them', () => {
    expect(browserPictureDimensions(drawn(300, 170).encodeSync('gif'))).toEqual({ width: 300, height: 170 });
    expect(browserPictureDimensions(drawn(300, 170).encodeSync('webp', 80))).toEqual({ width: 300, height: 170 });
    expect(browserPictureDimensions(drawn(4100, 3).encodeSync('webp', 100))).toEqual({ width: 4100, height: 3 });
  });

  it('is read from BMP (both header kinds, top-down too) and WebP VP8 and VP8L headers', () => {
    expect(browserPictureDimensions(bmp(20_000, 20_000))).toEqual({ width: 20_000, height: 20_000 });
    expect(browserPictureDimensions(bmp(640, -480))).toEqual({ width: 640, height: 480 });
    expect(browserPictureDimensions(bmp(640, 480, 12))).toEqual({ width: 640, height: 480 });
    expect(browserPictureDimensions(webp('VP8 ', 16_383, 16_383))).toEqual({ width: 16_383, height: 16_383 });
    expect(browserPictureDimensions(webp('VP8L', 16_384, 9_000))).toEqual({ width: 16_384, height: 9_000 });
    expect(browserPictureDimensions(Buffer.from('not a picture at all, just text'))).toBeUndefined();
  });

  it('over 24 megapixels is refused before decoding; a photo\'s size passes', () => {
    for (const huge of [bmp(20_000, 20_000), bmp(6000, -6000), webp('VP8 ', 16_383, 16_383), webp('VP8L', 16_384, 16_384)]) expect(codeOf(huge)).toBe('ERR_PAYLOAD_TOO_LARGE');
    for (const photo of [bmp(4000, 3000), webp('VP8 ', 4000, 3000), drawn(300, 170).encodeSync('gif')]) expect(codeOf(photo)).toBe('passed');
  });
});
