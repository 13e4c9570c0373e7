import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type QRCodeType from 'qrcode';
import { encodeBase45 } from './base45.js';
import { readQrFromPixels } from './image.js';
import { encodeQrSymbol, type EccLevel } from './symbol.js';

const QRCode = createRequire(import.meta.url)('qrcode') as typeof QRCodeType;
const runs = Number(process.env.CORRIDOR_DIFFERENTIAL_RUNS ?? 1000);
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Version 40 capacities, from the standard's table. */
const CAPACITY: Record<EccLevel, { alphanumeric: number; byte: number }> = {
  L: { alphanumeric: 4296, byte: 2953 }, M: { alphanumeric: 3391, byte: 2331 }, Q: { alphanumeric: 2420, byte: 1663 }, H: { alphanumeric: 1852, byte: 1273 },
};

/** What `qrcode` makes of the same single segment: the reference this encoder must equal. */
function reference(text: string, ecc: EccLevel, mode: 'alphanumeric' | 'byte') {
  const qr = QRCode.create([{ data: text, mode }], { errorCorrectionLevel: ecc });
  return { version: qr.version, size: qr.modules.size, mask: qr.maskPattern as number, modules: Uint8Array.from(qr.modules.data, (m) => (m ? 1 : 0)) };
}

function expectSameAsQrcode(text: string, ecc: EccLevel, mode: 'alphanumeric' | 'byte') {
  const ours = encodeQrSymbol(text, ecc);
  const theirs = reference(text, ecc, mode);
  expect({ version: ours.version, mask: ours.mask }).toEqual({ version: theirs.version, mask: theirs.mask });
  expect(Buffer.from(ours.modules).equals(Buffer.from(theirs.modules))).toBe(true);
}

/** RGBA pixels of the symbol, `scale` pixels a module, with a four-module quiet zone. */
function pixels(symbol: ReturnType<typeof encodeQrSymbol>, scale = 3) {
  const side = (symbol.size + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - 4; const col = Math.floor(x / scale) - 4;
      if (row >= 0 && col >= 0 && row < symbol.size && col < symbol.size && symbol.modules[row * symbol.size + col]) {
        data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }
  }
  return { data, side };
}

describe('QR symbol encoder', () => {
  it('makes the same symbol as qrcode for Corridor payloads of every length (CC1: + base45), mask included', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 1500 }), (bytes) => {
      expectSameAsQrcode('CC1:' + encodeBase45(bytes), 'M', 'alphanumeric');
    }), { numRuns: runs });
  });

  it('matches qrcode at every level and across versions 1 to 40, alphanumeric and byte', () => {
    const levels: EccLevel[] = ['L', 'M', 'Q', 'H'];
    fc.assert(fc.property(
      fc.constantFrom(...levels), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 }),
      (ecc, fraction, seed) => {
        let state = seed;
        const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff);
        // Lengths up to each level's version-40 capacity (alphanumeric; bytes, less the two of 'é').
        const length = Math.max(1, Math.floor(fraction * CAPACITY[ecc].alphanumeric));
        const text = Array.from({ length }, () => ALPHANUMERIC[next() % 45]).join('');
        expectSameAsQrcode(text, ecc, 'alphanumeric');
        const bytesText = text.toLowerCase().slice(0, Math.floor(fraction * (CAPACITY[ecc].byte - 2))) + 'é';
        expectSameAsQrcode(bytesText, ecc, 'byte');
      },
    ), { numRuns: Math.max(40, Math.floor(runs / 10)) });
  });

  it('is read back by an independent decoder (jsQR)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), (bytes) => {
      const text = 'CC1:' + encodeBase45(bytes);
      const { data, side } = pixels(encodeQrSymbol(text));
      expect(readQrFromPixels(data, side, side)).toBe(text);
    }), { numRuns: Math.max(20, Math.floor(runs / 50)) });
    const unicode = 'Pag-aalaga NC II · 介護（特定技能1号）';
    const { data, side } = pixels(encodeQrSymbol(unicode));
    expect(readQrFromPixels(data, side, side)).toBe(unicode);
  });

  it('refuses text too long for any QR code with a coded error', () => {
    expect(() => encodeQrSymbol('A'.repeat(4297), 'L')).toThrow(expect.objectContaining({ code: 'ERR_PAYLOAD_TOO_LARGE' }));
    expect(encodeQrSymbol('A'.repeat(4296), 'L').version).toBe(40);
    for (const ecc of ['L', 'M', 'Q', 'H'] as const) {
      expect(encodeQrSymbol('A'.repeat(CAPACITY[ecc].alphanumeric), ecc).version).toBe(40);
      expect(() => encodeQrSymbol('A'.repeat(CAPACITY[ecc].alphanumeric + 1), ecc)).toThrow();
      expect(encodeQrSymbol('a'.repeat(CAPACITY[ecc].byte), ecc).version).toBe(40);
      expect(() => encodeQrSymbol('a'.repeat(CAPACITY[ecc].byte + 1), ecc)).toThrow();
    }
  });
});
