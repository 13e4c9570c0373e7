/**
 * QR text ⇄ images. Rendering uses `qrcode` at ECC M (survives a crease or a smudge on paper);
 * reading uses jsQR over decoded PNG pixels, so no native code and no network.
 */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { CorridorError } from '../errors.js';
import { encodeModulesPng } from './png.js';

// jsqr is CommonJS with an ES-style default; NodeNext types see the namespace, Node sees either.
type JsQr = typeof import('jsqr').default;
const jsQR: JsQr = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as unknown as JsQr;

/** Largest image we try to decode: 40 MP is a modern phone photo; above that it is a bomb. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

export interface QrRenderOptions {
  /** Pixels per module; 8 prints sharply at 300 dpi for QR versions up to ~20. */
  scale?: number;
  margin?: number;
}

export async function renderQrPng(text: string, { scale = 8, margin = 4 }: QrRenderOptions = {}): Promise<Buffer> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return encodeModulesPng(modules.size, (row, col) => Boolean(modules.get(row, col)), scale, margin);
}

export async function renderQrSvg(text: string, { margin = 4 }: QrRenderOptions = {}): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin });
}

/** QR version (1–40) and size in modules of the code `text` makes at ECC M. */
export function describeQr(text: string): { version: number; modules: number; characters: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { version: qr.version, modules: qr.modules.size, characters: text.length };
}

/** Reads the QR text from RGBA pixels. */
export function readQrFromPixels(data: Uint8ClampedArray, width: number, height: number): string {
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
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes));
  } catch (cause) {
    throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a readable PNG image', { cause });
  }
  return readQrFromPixels(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}
