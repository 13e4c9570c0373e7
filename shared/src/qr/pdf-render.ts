/**
 * QR codes in a PDF of certificates, through pdf.js (pdfjs-dist, legacy build for Node 20, with
 * @napi-rs/canvas to paint on): every page is rendered as a printer or a screen would and read by
 * ZXing. pdf.js reads what office scanners make — CCITT G4 black-and-white, JBIG2, JPX, LZW,
 * encrypted files — which our own parser could not. Loaded only when a PDF comes in.
 *
 * The work is bounded (budget.ts): pages, operators and image paints a page (counted from the
 * operator list before anything is painted), pixels a page, and time for the whole file (a
 * render still running at the deadline is cancelled).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { CorridorError, isCorridorError } from '../errors.js';
import { MAX_PDF_PAGES, WorkBudget } from './budget.js';
import { isPdf } from './pdf.js';
import { checkPixelBudget, MAX_IMAGE_BYTES, readQrFromPixels } from './reader.js';

/** What one Flate stream may inflate to, and all of them together (a page is a few hundred KB). */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/**
 * pdf.js inflates a content stream whole: 25 MB of deflated zeros would be 25 GB. Every stream
 * that zlib takes is inflated here first, capped, before pdf.js sees the file (here and in the
 * officer's page, where node:zlib is fflate with the same output limit).
 */
export function checkInflatedSize(bytes: Uint8Array): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let total = 0;
  for (let at = text.indexOf('stream'); at !== -1; at = text.indexOf('stream', at + 6)) {
    if (text.startsWith('end', at - 3)) continue;
    let start = at + 6;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const end = text.indexOf('endstream', start);
    if (end === -1) break;
    const data = bytes.subarray(start, end);
    if (data[0] !== 0x78) continue; // not a zlib header
    try {
      total += inflateSync(data, { maxOutputLength: MAX_STREAM_BYTES, finishFlush: 2 /* Z_SYNC_FLUSH: truncated is fine */ }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF stream inflates beyond the limit');
    }
    if (total > MAX_INFLATED_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF inflates beyond the limit');
    at = end;
  }
}

/**
 * The resolutions a page is painted at, the next only when the last found no QR code. 200 dpi
 * puts ~5 pixels on each module of a 50 mm QR; a scanned page is a picture pdf.js resamples, and
 * a 150–180 dpi scan resampled to 200 dpi can lose what it reads at 150 (two of the corpus's four
 * PDF scans), and the other way round.
 */
export const PDF_RENDER_DPIS = [200, 150] as const;
/** A certificate page draws a few thousand operators; a QR drawn as squares, one fill. */
export const MAX_PAGE_OPERATORS = 200_000;
/** Pictures painted on one page: a scan is one; 600 paints of the same picture is an attack. */
export const MAX_PAGE_IMAGE_PAINTS = 64;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Where pdf.js finds its own data (standard fonts, image decoders' wasm): node_modules, never the network. */
function assetUrls(): { standardFontDataUrl: string; wasmUrl: string; cMapUrl: string } {
  const root = createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  const url = (dir: string) => pathToFileURL(`${root}${dir}/`).href;
  return { standardFontDataUrl: url('standard_fonts'), wasmUrl: url('wasm'), cMapUrl: url('cmaps') };
}

/** The QR text found on each page (pages without one are left out), or ERR_QR_NOT_FOUND. */
export async function readQrsFromPdfDocument(bytes: Uint8Array, budget = new WorkBudget()): Promise<{ page: number; text: string }[]> {
  if (bytes.length > MAX_IMAGE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'PDF file is too large');
  if (!isPdf(bytes)) throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a PDF');
  checkInflatedSize(bytes);
  const { getDocument, OPS } = await loadPdfJs();
  const imagePaints = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup, OPS.paintSolidColorImageMask].filter((op) => op !== undefined));
  const task = getDocument({
    data: Uint8Array.from(bytes), ...assetUrls(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    stopAtErrors: false, verbosity: 0, maxImageSize: 40_000_000, isOffscreenCanvasSupported: false,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await withDeadline(task.promise, budget, () => void task.destroy());
  } catch (cause) {
    if (isCorridorError(cause)) throw cause;
    await task.destroy();
    throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a readable PDF', { cause });
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', `a PDF of more than ${MAX_PDF_PAGES} pages`);
    const found: { page: number; text: string }[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      budget.page();
      const text = await readPage(document, number, budget, imagePaints);
      if (text) found.push({ page: number, text });
    }
    if (found.length === 0) throw new CorridorError('ERR_QR_NOT_FOUND', 'no QR code found on any page of the PDF');
    return found;
  } finally {
    await document.destroy();
  }
}

type Document = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function readPage(document: Document, number: number, budget: WorkBudget, imagePaints: Set<number>): Promise<string | undefined> {
  let page: Awaited<ReturnType<Document['getPage']>>;
  try {
    page = await withDeadline(document.getPage(number), budget);
  } catch (error) {
    if (isCorridorError(error)) throw error;
    return undefined; // a broken page is not the end of the document
  }
  try {
    const largest = page.getViewport({ scale: Math.max(...PDF_RENDER_DPIS) / 72 });
    checkPixelBudget(Math.ceil(largest.width), Math.ceil(largest.height), 'PDF page');
    const operators = await withDeadline(page.getOperatorList(), budget).catch((error: unknown) => {
      if (isCorridorError(error)) throw error;
      return undefined;
    });
    if (!operators) return undefined;
    if (operators.fnArray.length > MAX_PAGE_OPERATORS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF page draws too much');
    if (operators.fnArray.filter((op) => imagePaints.has(op)).length > MAX_PAGE_IMAGE_PAINTS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF page paints too many pictures');
    for (const dpi of PDF_RENDER_DPIS) {
      if (!budget.read()) return undefined;
      const text = await paintAndRead(page, dpi, budget);
      if (text !== undefined) return text;
    }
    return undefined;
  } finally {
    page.cleanup();
  }
}

/** The page painted at `dpi` and read; undefined when the painting fails or shows no QR code. */
async function paintAndRead(page: Awaited<ReturnType<Document['getPage']>>, dpi: number, budget: WorkBudget): Promise<string | undefined> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = napiCanvas().createCanvas(width, height);
  const context = canvas.getContext('2d');
  const render = page.render({ canvas: canvas as never, canvasContext: context as never, viewport, background: '#ffffff' });
  try {
    await withDeadline(render.promise, budget, () => render.cancel());
  } catch (error) {
    if (isCorridorError(error)) throw error;
    return undefined;
  }
  const pixels = context.getImageData(0, 0, width, height);
  try {
    return await readQrFromPixels(pixels.data, width, height);
  } catch (error) {
    if (isCorridorError(error) && error.code === 'ERR_QR_NOT_FOUND') return undefined;
    throw error;
  }
}

const napiCanvas = (): typeof import('@napi-rs/canvas') => createRequire(import.meta.url)('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

/** `promise`, or ERR_PAYLOAD_TOO_LARGE once the file's time is spent (`cancel` stops the work). */
export async function withDeadline<T>(promise: Promise<T>, budget: WorkBudget, cancel?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancel?.();
      try { budget.check(); } catch (error) { reject(error); }
    }, Math.max(0, budget.remainingMs()) + 1);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
