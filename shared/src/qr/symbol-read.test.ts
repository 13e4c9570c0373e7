import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type QRCodeType from 'qrcode';
import { encodeBase45 } from './base45.js';
import { readQrFromPixels, renderQr } from './image.js';
import { decodeSimplePng } from './png.js';
import { decodeQrModules, readPristineQr } from './symbol-read.js';
import { encodeQrSymbol, type EccLevel } from './symbol.js';

const QRCode = createRequire(import.meta.url)('qrcode') as typeof QRCodeType;
const runs = Number(process.env.CORRIDOR_DIFFERENTIAL_RUNS ?? 1000);
const JSQR = createRequire(import.meta.url)('jsqr') as { default?: unknown };
const jsQR = (JSQR.default ?? JSQR) as (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;

function pngPixels(png: Uint8Array) {
  const decoded = decodeSimplePng(png, 40_000_000)!;
  return decoded;
}

describe('the pristine QR reader', () => {
  it('reads every PNG the issuer renders, at any scale and margin, as jsQR does', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 700 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 6 }), (bytes, scale, margin) => {
      const text = 'CC1:' + encodeBase45(bytes);
      const { data, width, height } = pngPixels(renderQr(text, { scale, margin }).png);
      expect(readPristineQr(data, width, height)).toBe(text);
      if (scale >= 2) expect(jsQR(data, width, height)?.data).toBe(text);
    }), { numRuns: Math.max(30, Math.floor(runs / 10)) });
  });

  it('decodes module matrices of every level and version, alphanumeric and UTF-8 bytes', () => {
    const levels: EccLevel[] = ['L', 'M', 'Q', 'H'];
    fc.assert(fc.property(fc.constantFrom(...levels), fc.string({ unit: 'grapheme', maxLength: 300 }).filter((t) => new TextEncoder().encode(t).length <= 1200), (ecc, text) => {
      const symbol = encodeQrSymbol(text, ecc);
      expect(decodeQrModules(symbol.modules, symbol.size)).toBe(text);
    }), { numRuns: Math.max(50, Math.floor(runs / 5)) });
  });

  it('decodes what another encoder makes, with numeric, alphanumeric and byte segments mixed', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9A-Z:a-z ]{1,300}$/), (text) => {
      const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
      expect(decodeQrModules(Uint8Array.from(qr.modules.data), qr.modules.size)).toBe(text);
    }), { numRuns: Math.max(50, Math.floor(runs / 5)) });
  });

  it('refuses, never guesses: one wrong module, a wrong format bit, noise or a blank page give undefined', () => {
    const text = 'CC1:' + encodeBase45(Uint8Array.from({ length: 340 }, (_, i) => (i * 37) & 0xff));
    const symbol = encodeQrSymbol(text);
    fc.assert(fc.property(fc.integer({ min: 0, max: symbol.modules.length - 1 }), (at) => {
      const damaged = symbol.modules.slice();
      damaged[at]! ^= 1;
      // Every module is data, ECC, remainder, a function pattern or format bits: any change is caught.
      expect(decodeQrModules(damaged, symbol.size)).toBeUndefined();
    }), { numRuns: Math.max(100, Math.floor(runs / 2)) });
    expect(decodeQrModules(symbol.modules, symbol.size - 1)).toBeUndefined();
    expect(decodeQrModules(new Uint8Array(25 * 25), 25)).toBeUndefined();
    const blank = new Uint8ClampedArray(100 * 100 * 4).fill(255);
    expect(readPristineQr(blank, 100, 100)).toBeUndefined();
    fc.assert(fc.property(fc.uint8Array({ minLength: 64 * 64 * 4, maxLength: 64 * 64 * 4 }), (noise) => {
      expect(readPristineQr(noise, 64, 64)).toBeUndefined();
    }), { numRuns: 50 });
  });

  it('leaves a damaged print to jsQR, which still reads it through error correction', () => {
    const text = 'CC1:' + encodeBase45(Uint8Array.from({ length: 200 }, (_, i) => (i * 91) & 0xff));
    const { data, width, height } = pngPixels(renderQr(text, { scale: 4, margin: 4 }).png);
    // A smudge: a 3×3-module dark blot in the data area.
    const x0 = width / 2; const y0 = height / 2;
    for (let y = y0; y < y0 + 12; y++) for (let x = x0; x < x0 + 12; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    expect(readPristineQr(data, width, height)).toBeUndefined();
    expect(readQrFromPixels(data, width, height)).toBe(text);
  });
});
