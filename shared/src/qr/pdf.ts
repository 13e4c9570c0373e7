/**
 * QR codes in a PDF of certificates, one per page at most: a scanned page is an image (JPEG or
 * Flate) read as a photo; a printed certificate draws its QR as vector paths, so the page's
 * filled paths are painted into a grey raster and read from there. Text is not drawn; strokes
 * and clipping are ignored. Pages, operators, pixels and inflated bytes are all bounded.
 */
import { CorridorError, isCorridorError } from '../errors.js';
import { decodeJpeg } from './image.js';
import { WorkBudget } from './budget.js';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, readQrFromPixels } from './reader.js';
import { isStream, nameOf, PdfDocument, PdfLexer, PdfName, PdfOp, type PdfDict, type PdfStream, type PdfValue } from './pdf-objects.js';

/** 150 dpi puts 3.6 pixels on each module of a 50 mm version-14 QR: enough for jsQR, and quick. */
export const PDF_RENDER_DPI = 150;
const MAX_CONTENT_OPERATORS = 2_000_000;
const MAX_FORM_DEPTH = 8;
const DENSE_FILL_SUBPATHS = 64;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** The QR text found on each page (pages without one are left out), or ERR_QR_NOT_FOUND. */
export async function readQrsFromPdf(bytes: Uint8Array, budget = new WorkBudget()): Promise<{ page: number; text: string }[]> {
  if (bytes.length > MAX_IMAGE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'PDF file is too large');
  if (!isPdf(bytes)) throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a PDF');
  const document = new PdfDocument(bytes);
  const found: { page: number; text: string }[] = [];
  for (const [index, { page, resources }] of document.pages().entries()) {
    budget.page();
    const text = await readPage(document, page, resources, budget);
    if (text) found.push({ page: index + 1, text });
  }
  if (found.length === 0) throw new CorridorError('ERR_QR_NOT_FOUND', 'no QR code found on any page of the PDF');
  return found;
}

async function readPage(document: PdfDocument, page: PdfDict, resources: PdfDict | undefined, budget: WorkBudget): Promise<string | undefined> {
  const box = document.resolve(page.get('MediaBox') ?? page.get('CropBox'));
  const [x0, y0, x1, y1] = Array.isArray(box) && box.length === 4 && box.every((v) => typeof v === 'number') ? box as number[] : [0, 0, 612, 792];
  const scale = PDF_RENDER_DPI / 72;
  const width = Math.round(Math.abs(x1! - x0!) * scale);
  const height = Math.round(Math.abs(y1! - y0!) * scale);
  if (!(width > 0 && height > 0) || width * height > MAX_IMAGE_PIXELS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF page is too large');
  const raster = new Raster(width, height);
  const images: PdfStream[] = [];
  const contents = document.resolve(page.get('Contents'));
  const streams = (Array.isArray(contents) ? contents.map((c) => document.resolve(c)) : [contents]).filter(isStream);
  const content = concat(streams.map((stream) => document.decode(stream)));
  new ContentPainter(document, raster, images).run(content, resources, [scale, 0, 0, -scale, -x0! * scale, y1! * scale], 0);
  // Each picture once, however often it is painted; a budget of reads a page and of time.
  for (const image of new Set(images)) {
    if (!budget.read()) return undefined;
    const text = await attempt(() => readQrFromImage(document, image));
    if (text) return text;
  }
  // A QR is one fill of many small squares: read its region first, the whole page if that fails.
  for (const region of raster.dense) {
    if (!budget.read()) return undefined;
    const text = await attempt(() => { const crop = raster.rgba(region); return readQrFromPixels(crop.data, crop.width, crop.height); });
    if (text) return text;
  }
  if (!raster.painted || !budget.read()) return undefined;
  return attempt(() => { const all = raster.rgba(); return readQrFromPixels(all.data, all.width, all.height); });
}

/** Unreadable parts of a page are not the end of the document; limits are. */
async function attempt(read: () => Promise<string>): Promise<string | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isCorridorError(error) && error.code === 'ERR_PAYLOAD_TOO_LARGE') throw error;
    return undefined;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; out[at++] = 10; }
  return out;
}

class ContentPainter {
  private operators = 0;
  constructor(private readonly document: PdfDocument, private readonly raster: Raster, private readonly images: PdfStream[]) {}

  run(content: Uint8Array, resources: PdfDict | undefined, start: Matrix, depth: number): void {
    const lexer = new PdfLexer(content);
    const stack: { ctm: Matrix; gray: number }[] = [];
    let ctm = start;
    let gray = 0;
    let path: number[][] = [];
    let current: number[] | undefined;
    let operands: PdfValue[] = [];
    const point = (x: number, y: number) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]] as const;
    const num = (i: number) => (typeof operands[i] === 'number' ? operands[i] as number : 0);
    const lineTo = (x: number, y: number) => { if (!current) { current = []; path.push(current); } current.push(...point(x, y)); };
    const fill = (evenOdd: boolean) => { this.raster.fill(path, evenOdd, gray); path = []; current = undefined; };

    while (!lexer.done) {
      const token = lexer.next();
      if (!(token instanceof PdfOp)) { operands.push(token); continue; }
      if (++this.operators > MAX_CONTENT_OPERATORS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF page draws too much');
      const n = operands.length;
      switch (token.op) {
        case 'q': stack.push({ ctm, gray }); break;
        case 'Q': ({ ctm, gray } = stack.pop() ?? { ctm, gray }); break;
        case 'cm': if (n >= 6) ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], ctm); break;
        case 'm': current = [...point(num(0), num(1))]; path.push(current); break;
        case 'l': lineTo(num(0), num(1)); break;
        case 'c': case 'v': case 'y': {
          // A curve as a straight line to its end: QR modules are squares, and curves elsewhere do not matter.
          if (n >= 2) lineTo(num(n - 2), num(n - 1));
          break;
        }
        case 're': {
          const [x, y, w, h] = [num(0), num(1), num(2), num(3)];
          current = [...point(x, y), ...point(x + w, y), ...point(x + w, y + h), ...point(x, y + h)];
          path.push(current);
          current = undefined;
          break;
        }
        case 'h': current = undefined; break;
        case 'f': case 'F': case 'B': case 'b': fill(false); break;
        case 'f*': case 'B*': case 'b*': fill(true); break;
        case 'n': case 'S': case 's': path = []; current = undefined; break;
        case 'g': gray = num(0); break;
        case 'rg': gray = 0.299 * num(0) + 0.587 * num(1) + 0.114 * num(2); break;
        case 'k': gray = 1 - Math.min(1, 0.299 * num(0) + 0.587 * num(1) + 0.114 * num(2) + num(3)); break;
        case 'sc': case 'scn': {
          const values = operands.filter((v): v is number => typeof v === 'number');
          if (values.length === 1) gray = values[0]!;
          else if (values.length === 3) gray = 0.299 * values[0]! + 0.587 * values[1]! + 0.114 * values[2]!;
          else if (values.length === 4) gray = 1 - Math.min(1, 0.299 * values[0]! + 0.587 * values[1]! + 0.114 * values[2]! + values[3]!);
          break;
        }
        case 'ID': skipInlineImage(lexer); break;
        case 'Do': this.paintXObject(operands[0], resources, ctm, depth); break;
        default: break;
      }
      operands = [];
    }
  }

  private paintXObject(name: PdfValue | undefined, resources: PdfDict | undefined, ctm: Matrix, depth: number): void {
    if (!(name instanceof PdfName)) return;
    const xobject = this.document.resolve(this.document.dict(resources?.get('XObject'))?.get(name.name));
    if (!isStream(xobject)) return;
    const subtype = nameOf(xobject.dict.get('Subtype'));
    if (subtype === 'Image') this.images.push(xobject);
    if (subtype === 'Form' && depth < MAX_FORM_DEPTH) {
      const matrix = this.document.resolve(xobject.dict.get('Matrix'));
      const form = Array.isArray(matrix) && matrix.length === 6 ? matrix.map((v) => (typeof v === 'number' ? v : 0)) as Matrix : [1, 0, 0, 1, 0, 0] as Matrix;
      this.run(this.document.decode(xobject), this.document.dict(xobject.dict.get('Resources')) ?? resources, multiply(form, ctm), depth + 1);
    }
  }
}

function skipInlineImage(lexer: PdfLexer): void {
  const bytes = lexer.bytes;
  for (let at = lexer.at + 1; at + 2 < bytes.length; at++) {
    if (bytes[at] === 0x45 && bytes[at + 1] === 0x49 && (at + 2 >= bytes.length || bytes[at + 2]! <= 32) && bytes[at - 1]! <= 32) {
      lexer.at = at + 2;
      return;
    }
  }
  lexer.at = bytes.length;
}

/** RGBA pixels of an image XObject (Gray, RGB, CMYK, ICC-based, indexed; 1 or 8 bits). */
function readQrFromImage(document: PdfDocument, image: PdfStream): Promise<string> {
  const width = document.resolve(image.dict.get('Width'));
  const height = document.resolve(image.dict.get('Height'));
  if (typeof width !== 'number' || typeof height !== 'number' || width < 1 || height < 1) throw new CorridorError('ERR_INPUT_INVALID', 'PDF image without size');
  if (width * height > MAX_IMAGE_PIXELS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF image has too many pixels');
  if (document.isJpegStream(image)) {
    const { data, width: w, height: h } = decodeJpeg(document.decode(image));
    return readQrFromPixels(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), w, h);
  }
  const mask = document.resolve(image.dict.get('ImageMask')) === true;
  const bits = mask ? 1 : (document.resolve(image.dict.get('BitsPerComponent')) as number | undefined) ?? 8;
  const space = colourSpace(document, document.resolve(image.dict.get('ColorSpace')) as PdfValue | undefined, mask);
  const rowBytes = Math.ceil((width * space.components * bits) / 8);
  const samples = document.decode(image, (rowBytes + 1) * height);
  if ((bits !== 1 && bits !== 8) || samples.length < rowBytes * height) throw new CorridorError('ERR_INPUT_INVALID', 'PDF image format not supported');
  const decode = document.resolve(image.dict.get('Decode'));
  const inverted = Array.isArray(decode) && decode[0] === 1;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const sample = (row: number, index: number) => bits === 8 ? samples[row * rowBytes + index]!
    : ((samples[row * rowBytes + (index >> 3)]! >> (7 - (index & 7))) & 1) * 255;
  // One pair of sample arrays for the whole image: a scanned page has millions of pixels.
  const values = new Array<number>(space.components).fill(0);
  const decoded = new Array<number>(space.components).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < space.components; c++) {
        values[c] = sample(y, x * space.components + c);
        decoded[c] = inverted ? 255 - values[c]! : values[c]!;
      }
      let [r, g, b] = space.rgb(decoded);
      if (mask) r = g = b = values[0] === (inverted ? 255 : 0) ? 0 : 255;
      const o = (y * width + x) * 4;
      rgba[o] = r; rgba[o + 1] = g; rgba[o + 2] = b; rgba[o + 3] = 255;
    }
  }
  return readQrFromPixels(rgba, width, height);
}

function colourSpace(document: PdfDocument, space: PdfValue | undefined, mask: boolean): { components: number; rgb: (v: number[]) => [number, number, number] } {
  const gray = { components: 1, rgb: (v: number[]) => [v[0]!, v[0]!, v[0]!] as [number, number, number] };
  const rgb = { components: 3, rgb: (v: number[]) => [v[0]!, v[1]!, v[2]!] as [number, number, number] };
  const cmyk = { components: 4, rgb: (v: number[]) => v.slice(0, 3).map((c) => Math.max(0, 255 - c - v[3]!)) as [number, number, number] };
  if (mask) return gray;
  const name = nameOf(space) ?? (Array.isArray(space) ? nameOf(space[0]) : undefined);
  if (name === 'DeviceRGB' || name === 'CalRGB') return rgb;
  if (name === 'DeviceCMYK') return cmyk;
  if (name === 'ICCBased' && Array.isArray(space)) {
    const profile = document.resolve(space[1]);
    const n = isStream(profile) ? profile.dict.get('N') : undefined;
    return n === 3 ? rgb : n === 4 ? cmyk : gray;
  }
  if (name === 'Indexed' && Array.isArray(space)) {
    const base = colourSpace(document, document.resolve(space[1]) as PdfValue, false);
    const lookup = document.resolve(space[3]);
    const table = typeof lookup === 'string' ? Uint8Array.from(lookup, (c) => c.charCodeAt(0)) : isStream(lookup) ? document.decode(lookup) : new Uint8Array();
    return { components: 1, rgb: (v) => base.rgb([...table.subarray(v[0]! * base.components, (v[0]! + 1) * base.components)]) };
  }
  return gray;
}

/** A grey page raster that filled paths are painted into (non-zero or even-odd, scanline). */
class Raster {
  readonly pixels: Uint8Array;
  painted = false;
  /** Regions of fills made of many sub-paths: where a vector QR code is. */
  readonly dense: { x: number; y: number; width: number; height: number }[] = [];
  constructor(readonly width: number, readonly height: number) {
    this.pixels = new Uint8Array(width * height).fill(255);
  }

  fill(subpaths: number[][], evenOdd: boolean, gray: number): void {
    const edges: { x0: number; y0: number; x1: number; y1: number; dir: number }[] = [];
    for (const points of subpaths) {
      for (let i = 0; i + 1 < points.length; i += 2) {
        const j = (i + 2) % points.length;
        const [ax, ay, bx, by] = [points[i]!, points[i + 1]!, points[j]!, points[j + 1]!];
        if (ay === by) continue;
        edges.push(ay < by ? { x0: ax, y0: ay, x1: bx, y1: by, dir: 1 } : { x0: bx, y0: by, x1: ax, y1: ay, dir: -1 });
      }
    }
    if (edges.length === 0) return;
    this.painted = true;
    if (subpaths.length >= DENSE_FILL_SUBPATHS) this.noteDense(edges);
    const value = Math.round(Math.max(0, Math.min(1, gray)) * 255);
    edges.sort((a, b) => a.y0 - b.y0);
    let next = 0;
    let active: typeof edges = [];
    const first = Math.max(0, Math.floor(edges[0]!.y0));
    const last = Math.min(this.height - 1, Math.ceil(edges.reduce((max, e) => Math.max(max, e.y1), -Infinity)));
    for (let row = first; row <= last; row++) {
      const y = row + 0.5;
      while (next < edges.length && edges[next]!.y0 <= y) active.push(edges[next++]!);
      active = active.filter((e) => e.y1 > y);
      const crossings = active.filter((e) => e.y0 <= y)
        .map((e) => ({ x: e.x0 + ((y - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.dir }))
        .sort((a, b) => a.x - b.x);
      let winding = 0;
      for (let i = 0; i + 1 < crossings.length; i++) {
        winding += evenOdd ? 1 : crossings[i]!.dir;
        const inside = evenOdd ? winding % 2 === 1 : winding !== 0;
        if (!inside) continue;
        const from = Math.max(0, Math.ceil(crossings[i]!.x - 0.5));
        const to = Math.min(this.width, Math.ceil(crossings[i + 1]!.x - 0.5));
        this.pixels.fill(value, row * this.width + from, row * this.width + Math.max(from, to));
      }
    }
  }

  private noteDense(edges: { x0: number; y0: number; x1: number; y1: number }[]): void {
    let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const e of edges) {
      left = Math.min(left, e.x0, e.x1); right = Math.max(right, e.x0, e.x1);
      top = Math.min(top, e.y0); bottom = Math.max(bottom, e.y1);
    }
    const margin = Math.max(right - left, bottom - top) * 0.15;
    const x = Math.max(0, Math.floor(left - margin));
    const y = Math.max(0, Math.floor(top - margin));
    const width = Math.min(this.width, Math.ceil(right + margin)) - x;
    const height = Math.min(this.height, Math.ceil(bottom + margin)) - y;
    if (width > 20 && height > 20) this.dense.push({ x, y, width, height });
  }

  rgba(region = { x: 0, y: 0, width: this.width, height: this.height }): { data: Uint8ClampedArray; width: number; height: number } {
    const { x, y, width, height } = region;
    const data = new Uint8ClampedArray(width * height * 4);
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const o = (row * width + col) * 4;
        data[o] = data[o + 1] = data[o + 2] = this.pixels[(y + row) * this.width + x + col]!;
        data[o + 3] = 255;
      }
    }
    return { data, width, height };
  }
}
