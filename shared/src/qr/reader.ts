/**
 * Reading QR codes from pictures, through ZXing-C++ compiled to WebAssembly (zxing-wasm): on
 * 150+ degraded pictures of printed certificates (rotated, tilted, tiny, blurred, noisy, JPEG'd,
 * glared, a corner covered) it reads 96–97 %, where jsQR read under half
 * (test/src/reading-corpus.e2e.test.ts, test/src/bench/reading.ts). The wasm comes from node_modules in Node and from the
 * verifier's own server in the officer's page (useQrReaderWasm): never from the network at large.
 *
 * Every picture has a budget in pixels, checked from its declared size before anything is
 * decoded: a small file can declare a huge image, and reading time grows with the pixels.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { CorridorError } from '../errors.js';
import { isCredentialQrText } from './prefix.js';

type ZXingReader = typeof import('zxing-wasm/reader');
type Overrides = import('zxing-wasm/reader').ZXingModuleOverrides;

/**
 * 24 MP: a 12 MP phone photo, or a certificate page at 300 dpi, with room to spare. ZXing
 * gives up on this many pixels of finder-pattern look-alikes within about 4 s.
 */
export const MAX_IMAGE_PIXELS = 24_000_000;
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

let overrides: () => Promise<Overrides> = async () => {
  const require = createRequire(import.meta.url);
  return { wasmBinary: (await readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))).buffer as ArrayBuffer };
};
let reader: Promise<ZXingReader> | undefined;

/** The page's way: the wasm file at `url`, served (and cached offline) with the page itself. */
export function useQrReaderWasm(url: string): void {
  overrides = async () => ({ locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? url : prefix + path) });
  reader = undefined;
}

/** ZXing, instantiated on first use: a verifier reading JSON never loads it. */
export function qrReader(): Promise<ZXingReader> {
  reader ??= (async () => {
    const zxing = await import('zxing-wasm/reader');
    await zxing.prepareZXingModule({ overrides: await overrides(), fireImmediately: true });
    return zxing;
  })().catch((error: unknown) => {
    reader = undefined;
    throw error;
  });
  return reader;
}

const OPTIONS = {
  formats: ['QRCode'] as ['QRCode'],
  tryHarder: false,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  // A handout carries the credential's QR beside a wallet offer's: read both, keep the credential's.
  maxNumberOfSymbols: 2,
};
/**
 * ZXing's `tryHarder` reads no more of the corpus, and its time grows steeply with finder-pattern
 * look-alikes: on 24 MP tiled with them it ran for minutes (4 s without). It is a second pass,
 * for pictures this small only (about 2 s at worst).
 */
const TRY_HARDER_MAX_PIXELS = 1_000_000;

type Input = Parameters<ZXingReader['readBarcodes']>[0];
async function readTwice(zxing: ZXingReader, input: Input, pixels: number): Promise<{ text: string; isValid: boolean; error: string }[]> {
  const first = await zxing.readBarcodes(input, OPTIONS);
  if (first.some((r) => r.isValid) || pixels > TRY_HARDER_MAX_PIXELS || first.some((r) => /load|decode image/i.test(r.error))) return first;
  return zxing.readBarcodes(input, { ...OPTIONS, tryHarder: true });
}

export function checkPixelBudget(width: number, height: number, what = 'image'): void {
  if (!(width > 0 && height > 0)) throw new CorridorError('ERR_INPUT_INVALID', `the ${what} has no pixels`);
  if (width * height > MAX_IMAGE_PIXELS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', `the ${what} has too many pixels`);
}

function firstText(results: { text: string; isValid: boolean }[]): string {
  const valid = results.filter((r) => r.isValid && r.text);
  const found = valid.find((r) => isCredentialQrText(r.text)) ?? valid[0];
  if (!found) throw new CorridorError('ERR_QR_NOT_FOUND');
  return found.text;
}

/** The QR text in RGBA pixels (a camera frame, a rendered PDF page). */
export async function readQrFromPixels(data: Uint8ClampedArray | Uint8Array, width: number, height: number): Promise<string> {
  checkPixelBudget(width, height);
  if (data.length < width * height * 4) throw new CorridorError('ERR_INPUT_INVALID', 'the image data is truncated');
  const zxing = await qrReader();
  const pixels = data instanceof Uint8ClampedArray ? data : new Uint8ClampedArray(data.buffer, data.byteOffset, width * height * 4);
  return firstText(await readTwice(zxing, { data: pixels, width, height, colorSpace: 'srgb' } as unknown as Input, width * height));
}

/** The QR text in a PNG or JPEG file; its declared size is checked before it is decoded. */
async function readQrFromImageFile(bytes: Uint8Array, kind: 'PNG' | 'JPEG'): Promise<string> {
  if (bytes.length > MAX_IMAGE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'image file is too large');
  const declared = kind === 'PNG' ? pngDimensions(bytes) : jpegDimensions(bytes);
  if (!declared) throw new CorridorError('ERR_INPUT_INVALID', `the file is not a ${kind} image`);
  checkPixelBudget(declared.width, declared.height);
  const zxing = await qrReader();
  const results = await readTwice(zxing, bytes, declared.width * declared.height);
  // ZXing's image loader says why a file did not decode; a picture without a code has no results.
  const broken = results.find((r) => /load|decode image/i.test(r.error) && !r.isValid);
  if (broken) throw new CorridorError('ERR_INPUT_INVALID', `the file is not a readable ${kind} image`);
  return firstText(results);
}

/**
 * Refuses, before anything decodes it, a picture file over the byte or pixel budget (the page
 * calls this before the browser decodes a photo). The browser also decodes GIF, BMP and WebP,
 * whose few bytes can declare hundreds of megapixels (an RLE bitmap of 20,000 × 20,000 is 1 KB):
 * their declared size is checked too. Files of none of these formats pass.
 */
export function checkImageFileBudget(bytes: Uint8Array): void {
  if (bytes.length > MAX_IMAGE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'image file is too large');
  const declared = isPng(bytes) ? pngDimensions(bytes) : isJpeg(bytes) ? jpegDimensions(bytes) : browserPictureDimensions(bytes);
  if (declared) checkPixelBudget(declared.width, declared.height);
}

const ascii = (bytes: Uint8Array, at: number, length: number): string => String.fromCharCode(...bytes.subarray(at, at + length));

/** The declared size of a GIF (its logical screen), a BMP or a WebP; undefined for other files. */
export function browserPictureDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (length: number) => bytes.length >= length;
  if (has(10) && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (has(26) && ascii(bytes, 0, 2) === 'BM') {
    // BITMAPCOREHEADER (12 bytes): 16-bit sizes; every later header: 32-bit, a negative height is top-down.
    if (view.getUint32(14, true) === 12) return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
    return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  if (has(31) && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    const chunk = ascii(bytes, 12, 4);
    if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { width: (view.getUint32(24, true) & 0xffffff) + 1, height: (view.getUint32(27, true) & 0xffffff) + 1 };
  }
  return undefined;
}

export async function readQrFromPng(bytes: Uint8Array): Promise<string> {
  if (!isPng(bytes)) throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a PNG image');
  return readQrFromImageFile(bytes, 'PNG');
}

export async function readQrFromJpeg(bytes: Uint8Array): Promise<string> {
  if (!isJpeg(bytes)) throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a JPEG image');
  return readQrFromImageFile(bytes, 'JPEG');
}

function pngDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height from the first start-of-frame marker, without decoding anything. */
export function jpegDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
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
