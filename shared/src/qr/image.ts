/**
 * QR text ⇄ images. Rendering: `qrcode` makes the symbol at ECC M (survives a crease or a
 * smudge on paper; mask.ts has it choose its mask faster), written here as a 1-bit PNG
 * (node:zlib) and an SVG path; reading is in reader.ts.
 */
import { createQrSymbol } from './mask.js';
import { encodeModulesPng } from './png.js';

export type EccLevel = 'L' | 'M' | 'Q' | 'H';

/** A QR symbol's modules, row-major, 1 = dark. */
export interface QrSymbol {
  version: number;
  size: number;
  modules: Uint8Array;
}

/** The QR symbol `qrcode.create` makes for `text` (segments, error correction, mask). */
export function encodeQrSymbol(text: string, ecc: EccLevel = 'M'): QrSymbol {
  const { version, size, modules } = createQrSymbol(text, ecc);
  return { version, size, modules };
}

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
