/**
 * QR text ⇄ images. Rendering uses our symbol encoder at ECC M (survives a crease or a smudge
 * on paper); reading uses jsQR over decoded pixels, so no native code and no network.
 */
import { createRequire } from 'node:module';
import type { PNG as PngType } from 'pngjs';
import { CorridorError } from '../errors.js';
import { decodeSimplePng, encodeModulesPng } from './png.js';
import { readPristineQr } from './symbol-read.js';
import { encodeQrSymbol, type QrSymbol } from './symbol.js';

// Loaded on first use (all are CommonJS): a verifier reading JSON never pays for them.
const require = createRequire(import.meta.url);
type JsQr = typeof import('jsqr').default;
let jsQRLoaded: JsQr | undefined;
const jsQR: JsQr = (...args) => {
  jsQRLoaded ??= ((m: { default?: JsQr } & JsQr) => m.default ?? m)(require('jsqr'));
  return jsQRLoaded(...args);
};
const pngjs = (): { PNG: typeof PngType } => require('pngjs') as { PNG: typeof PngType };
const jpegJs = (): typeof import('jpeg-js') => require('jpeg-js') as typeof import('jpeg-js');

/** Largest image we try to decode: 40 MP is a modern phone photo; above that it is a bomb. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

export interface QrRenderOptions {
  /** Pixels per module; 8 prints sharply at 300 dpi for QR versions up to ~20. */
  scale?: number;
  margin?: number;
}

export async function renderQrPng(text: string, options: QrRenderOptions = {}): Promise<Buffer> {
  return renderQr(text, options).png;
}

export async function renderQrSvg(text: string, options: QrRenderOptions = {}): Promise<string> {
  return renderQr(text, options).svg;
}

/** 0–999 as ASCII: [digit count, digits…], four bytes a number. */
const ASCII_DIGITS = new Uint8Array(1000 * 4);
for (let n = 0; n < 1000; n++) {
  const text = String(n);
  ASCII_DIGITS[4 * n] = text.length;
  for (let i = 0; i < text.length; i++) ASCII_DIGITS[4 * n + 1 + i] = text.charCodeAt(i);
}
const asciiDecoder = new TextDecoder();
let pathScratch = new Uint8Array(0);

/** Writes `n` in ASCII at `o`; returns where it ends. */
function writeNumber(bytes: Uint8Array, o: number, n: number): number {
  if (n >= 1000) {
    for (const c of String(n)) bytes[o++] = c.charCodeAt(0);
    return o;
  }
  const at = 4 * n; const count = ASCII_DIGITS[at]!;
  bytes[o] = ASCII_DIGITS[at + 1]!;
  if (count > 1) bytes[o + 1] = ASCII_DIGITS[at + 2]!;
  if (count > 2) bytes[o + 2] = ASCII_DIGITS[at + 3]!;
  return o + count;
}

/**
 * A QR symbol as SVG: one path of horizontal runs, `margin` modules of quiet zone. The path is
 * written as ASCII bytes into a reused buffer and decoded once: a thousand runs joined as strings
 * took three times as long.
 */
export function qrSymbolSvg(symbol: QrSymbol, margin = 4): string {
  const { size, modules } = symbol;
  // A run command is 8 bytes and four numbers of at most `digits` digits; a row has at most (size + 1) / 2 runs.
  const digits = String(size + margin).length;
  const capacity = size * Math.ceil((size + 1) / 2) * (8 + 4 * digits);
  if (pathScratch.length < capacity) pathScratch = new Uint8Array(capacity);
  const bytes = pathScratch;
  let o = 0;
  for (let row = 0; row < size; row++) {
    for (let col = 0, at = row * size; col < size; col++, at++) {
      if (!modules[at]) continue;
      let run = 1;
      while (col + run < size && modules[at + run]) run++;
      // M<x> <y>h<run>v1h-<run>z
      bytes[o++] = 0x4d; o = writeNumber(bytes, o, col + margin); bytes[o++] = 0x20; o = writeNumber(bytes, o, row + margin);
      bytes[o++] = 0x68; o = writeNumber(bytes, o, run);
      bytes[o++] = 0x76; bytes[o++] = 0x31; bytes[o++] = 0x68; bytes[o++] = 0x2d; o = writeNumber(bytes, o, run); bytes[o++] = 0x7a;
      col += run - 1;
      at += run - 1;
    }
  }
  const side = size + 2 * margin;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<path fill="#ffffff" d="M0 0h${side}v${side}H0z"/><path fill="#000000" d="${asciiDecoder.decode(bytes.subarray(0, o))}"/></svg>\n`;
}

/** A QR symbol as a 1-bit PNG, `scale` pixels a module. */
export function qrSymbolPng(symbol: QrSymbol, { scale = 8, margin = 4 }: QrRenderOptions = {}): Buffer {
  return encodeModulesPng(symbol.size, symbol.modules, scale, margin);
}

/**
 * Everything a credential's files need from one QR encoding (making the symbol is the costly
 * part): PNG for print, SVG for scaling, and its version and size.
 */
export function renderQr(text: string, options: QrRenderOptions = {}): { png: Buffer; svg: string; version: number; modules: number } {
  const symbol = encodeQrSymbol(text, 'M');
  return { png: qrSymbolPng(symbol, options), svg: qrSymbolSvg(symbol, options.margin), version: symbol.version, modules: symbol.size };
}

/** QR version (1–40) and size in modules of the code `text` makes at ECC M. */
export function describeQr(text: string): { version: number; modules: number; characters: number } {
  const qr = encodeQrSymbol(text, 'M');
  return { version: qr.version, modules: qr.size, characters: text.length };
}

/** Box-filters RGBA pixels down by an integer factor: a QR scan needs far fewer pixels than a photo has. */
function downscale(data: Uint8ClampedArray, width: number, height: number, factor: number) {
  const w = Math.floor(width / factor);
  const h = Math.floor(height / factor);
  const out = new Uint8ClampedArray(w * h * 4);
  const area = factor * factor;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0; let g = 0; let b = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, i += 4) { r += data[i]!; g += data[i + 1]!; b += data[i + 2]!; }
      }
      const o = (y * w + x) * 4;
      out[o] = r / area; out[o + 1] = g / area; out[o + 2] = b / area; out[o + 3] = 255;
    }
  }
  return { data: out, width: w, height: h };
}

/** Sizes (longer side, pixels) tried before the full image: small first, since small is fast. */
const SCAN_SIDES = [320, 640, 1000];

/**
 * Reads the QR text from RGBA pixels: a pristine rendering (our own PNG, a screenshot) directly;
 * otherwise with jsQR, from reduced copies first (a phone photo has far more pixels than a QR
 * code needs), then at full size.
 */
export function readQrFromPixels(data: Uint8ClampedArray, width: number, height: number): string {
  const pristine = readPristineQr(data, width, height);
  if (pristine !== undefined) return pristine;
  const longer = Math.max(width, height);
  const factors = [...new Set(SCAN_SIDES.map((side) => Math.floor(longer / side)))].filter((f) => f >= 2);
  for (const factor of factors) {
    const small = downscale(data, width, height, factor);
    const quick = jsQR(small.data, small.width, small.height, { inversionAttempts: 'dontInvert' });
    if (quick?.data) return quick.data;
  }
  const found = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' });
  if (!found || !found.data) throw new CorridorError('ERR_QR_NOT_FOUND');
  return found.data;
}

/** Reads the QR text from a PNG file's bytes. */
export function readQrFromPng(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMAGE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'image file is too large');
  if (!isPng(bytes) || bytes.length < 24) throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a PNG image');
  // Check the declared size before inflating anything: a tiny file can declare a huge image.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(16) * view.getUint32(20) > MAX_IMAGE_PIXELS) {
    throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'image has too many pixels');
  }
  const simple = decodeSimplePng(bytes, MAX_IMAGE_PIXELS);
  if (simple) return readQrFromPixels(simple.data, simple.width, simple.height);
  let png: PngType;
  try {
    png = pngjs().PNG.sync.read(Buffer.from(bytes));
  } catch (cause) {
    throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a readable PNG image', { cause });
  }
  return readQrFromPixels(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
}

/**
 * Reads the QR text from a JPEG photo. The declared size is checked first and the decoder is
 * capped in pixels and memory, so a small file declaring a huge image fails fast.
 */
export function readQrFromJpeg(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMAGE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'image file is too large');
  if (!isJpeg(bytes)) throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a JPEG image');
  const { data, width, height } = decodeJpeg(bytes);
  return readQrFromPixels(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height);
}

/** RGBA pixels of a JPEG (baseline or progressive), within MAX_IMAGE_PIXELS. */
export function decodeJpeg(bytes: Uint8Array): { data: Uint8Array; width: number; height: number } {
  const declared = jpegDimensions(bytes);
  if (declared && declared.width * declared.height > MAX_IMAGE_PIXELS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'image has too many pixels');
  try {
    return jpegJs().decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
  } catch (cause) {
    const tooLarge = /maxResolutionInMP|maxMemoryUsageInMB/.test(String((cause as Error).message));
    throw new CorridorError(tooLarge ? 'ERR_PAYLOAD_TOO_LARGE' : 'ERR_INPUT_INVALID', tooLarge ? 'image is too large' : 'the file is not a readable JPEG image', { cause });
  }
}

/** Width and height from the first start-of-frame marker, without decoding anything. */
function jpegDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
  }
  return undefined;
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}
