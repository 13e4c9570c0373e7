/**
 * Just enough of PDF (ISO 32000) to find what a certificate's pages draw: objects (also inside
 * object streams), the page tree in order with inherited resources, and stream data through
 * Flate (with PNG predictors) or as raw JPEG. Every count and size is bounded, so a hostile file
 * fails with a coded error instead of eating memory.
 */
import { inflateSync } from 'node:zlib';
import { CorridorError } from '../errors.js';
import { unfilterPngRows } from './png.js';

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(readonly num: number) {}
}
export class PdfOp {
  constructor(readonly op: string) {}
}
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfOp | PdfValue[] | PdfDict;
export interface PdfStream {
  dict: PdfDict;
  data: Uint8Array;
}
type PdfObject = PdfValue | PdfStream;

export const MAX_PDF_PAGES = 200;
/** Most bytes one stream may inflate to: a page's content, or a 40 MP image's pixels. */
export const MAX_STREAM_BYTES = 160 * 1024 * 1024;
const MAX_NESTING = 64;

const WHITESPACE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const latin1 = new TextDecoder('latin1');
const invalid = (message: string) => new CorridorError('ERR_INPUT_INVALID', `not a readable PDF: ${message}`);

export const isStream = (value: unknown): value is PdfStream => typeof value === 'object' && value !== null && 'data' in value && 'dict' in value;
export const isDict = (value: unknown): value is PdfDict => value instanceof Map;
export const nameOf = (value: unknown): string | undefined => (value instanceof PdfName ? value.name : undefined);

/** A tokenizer and parser over PDF syntax, shared by object bodies and content streams. */
export class PdfLexer {
  constructor(readonly bytes: Uint8Array, public at = 0) {}

  private skipSpace(): void {
    const b = this.bytes;
    while (this.at < b.length) {
      if (WHITESPACE.has(b[this.at]!)) this.at++;
      else if (b[this.at] === 0x25) while (this.at < b.length && b[this.at] !== 10 && b[this.at] !== 13) this.at++;
      else break;
    }
  }

  private word(): string {
    const start = this.at;
    while (this.at < this.bytes.length && !WHITESPACE.has(this.bytes[this.at]!) && !DELIMITERS.has(this.bytes[this.at]!)) this.at++;
    return latin1.decode(this.bytes.subarray(start, this.at));
  }

  get done(): boolean {
    this.skipSpace();
    return this.at >= this.bytes.length;
  }

  /** The next value; bare keywords (operators, `obj`, `stream`…) come back as PdfOp. */
  next(depth = 0): PdfValue {
    if (depth > MAX_NESTING) throw invalid('nesting too deep');
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.at];
    if (c === undefined) throw invalid('unexpected end');
    if (c === 0x2f) { // /Name
      this.at++;
      return new PdfName(this.word().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
    }
    if (c === 0x3c && b[this.at + 1] === 0x3c) return this.dict(depth);
    if (c === 0x3c) return this.hexString();
    if (c === 0x28) return this.literalString();
    if (c === 0x5b) {
      this.at++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.at >= b.length) throw invalid('unterminated array');
        if (b[this.at] === 0x5d) { this.at++; return items; }
        items.push(this.next(depth + 1));
      }
    }
    if (c === 0x5d || c === 0x3e || c === 0x7b || c === 0x7d || c === 0x29) { this.at++; return new PdfOp(String.fromCharCode(c)); }
    const word = this.word();
    if (word === '') { this.at++; return new PdfOp(String.fromCharCode(c)); }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return this.numberOrRef(Number(word), word);
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return new PdfOp(word);
  }

  private numberOrRef(value: number, word: string): PdfValue {
    if (!/^\d+$/.test(word)) return value;
    const save = this.at;
    this.skipSpace();
    const generation = this.word();
    this.skipSpace();
    if (/^\d+$/.test(generation) && this.word() === 'R') return new PdfRef(value);
    this.at = save;
    return value;
  }

  private dict(depth: number): PdfDict {
    this.at += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.at >= this.bytes.length) throw invalid('unterminated dictionary');
      if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) { this.at += 2; return dict; }
      const key = this.next(depth + 1);
      if (!(key instanceof PdfName)) throw invalid('dictionary key is not a name');
      dict.set(key.name, this.next(depth + 1));
    }
  }

  private hexString(): string {
    const end = this.bytes.indexOf(0x3e, this.at);
    if (end < 0) throw invalid('unterminated hex string');
    const hex = latin1.decode(this.bytes.subarray(this.at + 1, end)).replace(/\s+/g, '');
    this.at = end + 1;
    return (hex.length % 2 ? hex + '0' : hex).replace(/../g, (pair) => String.fromCharCode(parseInt(pair, 16)));
  }

  private literalString(): string {
    let depth = 0;
    let out = '';
    for (this.at++; this.at < this.bytes.length; this.at++) {
      const c = this.bytes[this.at]!;
      if (c === 0x5c) { out += String.fromCharCode(this.bytes[++this.at] ?? 0); continue; }
      if (c === 0x28) depth++;
      if (c === 0x29 && depth-- === 0) { this.at++; return out; }
      out += String.fromCharCode(c);
    }
    throw invalid('unterminated string');
  }
}

/** All objects of a PDF by number (later definitions win, as incremental updates intend). */
export class PdfDocument {
  private readonly objects = new Map<number, PdfObject>();

  constructor(readonly bytes: Uint8Array) {
    if (latin1.decode(bytes.subarray(0, 5)) !== '%PDF-') throw invalid('no %PDF- header');
    const text = latin1.decode(bytes);
    const header = /(\d+)\s+\d+\s+obj\b/g;
    for (let match = header.exec(text); match; match = header.exec(text)) {
      try {
        this.objects.set(Number(match[1]), this.readObjectAt(header.lastIndex));
      } catch {
        // a damaged object is skipped; the pages that need it will say so
      }
    }
    for (const object of [...this.objects.values()]) if (isStream(object) && nameOf(object.dict.get('Type')) === 'ObjStm') this.unpackObjectStream(object);
    if (this.objects.size === 0) throw invalid('no objects');
  }

  private readObjectAt(at: number): PdfObject {
    const lexer = new PdfLexer(this.bytes, at);
    const value = lexer.next();
    const after = lexer.next();
    if (!(after instanceof PdfOp) || after.op !== 'stream' || !isDict(value)) return value;
    let start = lexer.at;
    if (this.bytes[start] === 13) start++;
    if (this.bytes[start] === 10) start++;
    const declared = value.get('Length');
    let end = typeof declared === 'number' && start + declared <= this.bytes.length ? start + declared : -1;
    if (end < 0 || !latin1.decode(this.bytes.subarray(end, end + 20)).includes('endstream')) {
      end = indexOfText(this.bytes, 'endstream', start);
      if (end < 0) throw invalid('unterminated stream');
    }
    return { dict: value, data: this.bytes.subarray(start, end) };
  }

  private unpackObjectStream(stream: PdfStream): void {
    const count = stream.dict.get('N');
    const first = stream.dict.get('First');
    if (typeof count !== 'number' || typeof first !== 'number' || count > 100_000) return;
    const data = this.decode(stream);
    const lexer = new PdfLexer(data);
    const offsets: [number, number][] = [];
    for (let i = 0; i < count; i++) offsets.push([lexer.next() as number, lexer.next() as number]);
    for (const [num, offset] of offsets) {
      if (this.objects.has(num) && !isStream(this.objects.get(num))) continue;
      try {
        this.objects.set(num, new PdfLexer(data, first + offset).next());
      } catch {
        // skipped, as above
      }
    }
  }

  resolve(value: PdfValue | PdfStream | undefined, hops = 0): PdfObject | undefined {
    if (value instanceof PdfRef) return hops > 32 ? undefined : this.resolve(this.objects.get(value.num), hops + 1);
    return value;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return isDict(resolved) ? resolved : isStream(resolved) ? resolved.dict : undefined;
  }

  /** Pages in reading order, each with the resources it inherits. */
  pages(): { page: PdfDict; resources: PdfDict | undefined }[] {
    const catalog = [...this.objects.values()].find((o) => isDict(o) && nameOf(o.get('Type')) === 'Catalog') as PdfDict | undefined;
    const root = this.dict(catalog?.get('Pages')) ??
      [...this.objects.values()].find((o): o is PdfDict => isDict(o) && nameOf(o.get('Type')) === 'Pages' && !o.has('Parent'));
    if (!root) throw invalid('no page tree');
    const pages: { page: PdfDict; resources: PdfDict | undefined }[] = [];
    const seen = new Set<PdfDict>();
    const walk = (node: PdfDict, inherited: PdfDict | undefined, depth: number) => {
      if (seen.has(node) || depth > MAX_NESTING) return;
      seen.add(node);
      const resources = this.dict(node.get('Resources')) ?? inherited;
      if (nameOf(node.get('Type')) === 'Page' || !node.has('Kids')) {
        if (pages.length >= MAX_PDF_PAGES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', `a PDF of more than ${MAX_PDF_PAGES} pages`);
        pages.push({ page: node, resources });
        return;
      }
      const kids = this.resolve(node.get('Kids'));
      if (Array.isArray(kids)) for (const kid of kids) { const child = this.dict(kid); if (child) walk(child, resources, depth + 1); }
    };
    walk(root, undefined, 0);
    return pages;
  }

  /** A stream's bytes after its filters; DCTDecode is left as JPEG bytes (see `isJpegStream`). */
  decode(stream: PdfStream, limit = MAX_STREAM_BYTES): Uint8Array {
    const filters = this.resolve(stream.dict.get('Filter'));
    const names = (Array.isArray(filters) ? filters : filters === undefined ? [] : [filters]).map((f) => nameOf(this.resolve(f as PdfValue)));
    const params = this.resolve(stream.dict.get('DecodeParms'));
    let data = stream.data;
    names.forEach((name, i) => {
      if (name === 'DCTDecode' || name === 'DCT') return;
      if (name !== 'FlateDecode' && name !== 'Fl') throw new CorridorError('ERR_INPUT_INVALID', `PDF filter ${name ?? '?'} is not supported`);
      try {
        data = inflateSync(data, { maxOutputLength: limit });
      } catch (cause) {
        const tooLarge = (cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|too large/i.test(String((cause as Error).message));
        throw tooLarge ? new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF stream inflates beyond the limit', { cause }) : invalid('a stream does not inflate');
      }
      const param = this.dict((Array.isArray(params) ? params[i] : params) as PdfValue | undefined);
      const predictor = param?.get('Predictor');
      if (typeof predictor === 'number' && predictor >= 10) data = undoPngPredictor(data, param!);
    });
    return data;
  }

  isJpegStream(stream: PdfStream): boolean {
    const filters = this.resolve(stream.dict.get('Filter'));
    const last = Array.isArray(filters) ? filters[filters.length - 1] : filters;
    return ['DCTDecode', 'DCT'].includes(nameOf(this.resolve(last as PdfValue)) ?? '');
  }
}

function undoPngPredictor(data: Uint8Array, params: PdfDict): Uint8Array {
  const colors = (params.get('Colors') as number | undefined) ?? 1;
  const bits = (params.get('BitsPerComponent') as number | undefined) ?? 8;
  const columns = (params.get('Columns') as number | undefined) ?? 1;
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  return unfilterPngRows(data, rowLength, Math.floor(data.length / (rowLength + 1)), Math.max(1, Math.ceil((colors * bits) / 8)));
}

function indexOfText(bytes: Uint8Array, text: string, from: number): number {
  const codes = [...text].map((c) => c.charCodeAt(0));
  for (let at = bytes.indexOf(codes[0]!, from); at >= 0; at = bytes.indexOf(codes[0]!, at + 1)) {
    if (codes.every((code, i) => bytes[at + i] === code)) return at;
  }
  return -1;
}
