/**
 * Finding the QR text in what the device sees: camera frames, or a photo the officer took.
 * ZXing (zxing-wasm, the same reader as the CLI's) reads the pixels; its wasm file is served
 * with the page and cached by the service worker, so scanning works offline. A photo is drawn
 * at most 2000 pixels a side (ZXing scales down further itself) and tried once more smaller.
 */
import {
  checkImageFileBudget, checkInflatedSize, checkPixelBudget, CorridorError, isCorridorError, MAX_IMAGE_BYTES, MAX_PAGE_IMAGE_PAINTS, MAX_PAGE_OPERATORS,
  MAX_PDF_PAGES, PDF_RENDER_DPIS, readQrFromPixels, useQrReaderWasm, withDeadline, WorkBudget,
} from '@corridor/shared';

// Relative to the page (/officer/): the verifier serves it; sw.ts caches it with the shell.
export const QR_READER_WASM = 'zxing_reader.wasm';
useQrReaderWasm(new URL(QR_READER_WASM, document.baseURI).href);

const FRAME_INTERVAL_MS = 120;
const CAMERA_MAX_SIDE = 960;
const PHOTO_SIDES = [2000, 1000];

async function readPixels(source: CanvasImageSource, width: number, height: number, maxSide: number, canvas: HTMLCanvasElement): Promise<string | undefined> {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, w, h);
  context.drawImage(source, 0, 0, w, h);
  try {
    return await readQrFromPixels(context.getImageData(0, 0, w, h).data, w, h);
  } catch (error) {
    if (isCorridorError(error) && error.code === 'ERR_QR_NOT_FOUND') return undefined;
    throw error;
  }
}

/** Reads frames from the camera until a QR code is seen, or the signal aborts. */
export async function scanWithCamera(video: HTMLVideoElement, signal: AbortSignal): Promise<string> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false });
  const canvas = document.createElement('canvas');
  try {
    video.srcObject = stream;
    await video.play();
    for (;;) {
      if (signal.aborted) throw new DOMException('scan stopped', 'AbortError');
      await new Promise((resolve) => setTimeout(resolve, FRAME_INTERVAL_MS));
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) continue;
      const text = await readPixels(video, video.videoWidth, video.videoHeight, CAMERA_MAX_SIDE, canvas);
      if (text) return text;
    }
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}

/** The QR text in a photo, or undefined when none can be found at any size. */
export async function scanPhoto(file: Blob): Promise<string | undefined> {
  // The declared size first: a small file can declare a picture the browser would choke on.
  if (file.size > MAX_IMAGE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'image file is too large');
  checkImageFileBudget(new Uint8Array(await file.arrayBuffer()));
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const canvas = document.createElement('canvas');
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    const sides = [...new Set([Math.min(longest, PHOTO_SIDES[0]!), ...PHOTO_SIDES.filter((side) => side < longest)])];
    for (const side of sides) {
      const text = await readPixels(bitmap, bitmap.width, bitmap.height, side, canvas);
      if (text) return text;
    }
    return undefined;
  } finally {
    bitmap.close();
  }
}

/**
 * PDFs through pdf.js, as in the CLI: its two files are served with the page (and cached by the
 * service worker) and loaded only when a PDF is chosen. Each page is painted at 200 dpi (and at
 * 150 when that shows no QR code) on a canvas and read by ZXing; the same budgets as the CLI's (streams inflated, pages, operators,
 * image paints, pixels, time: parsing, listing operators and painting all stop at the file's
 * deadline). JBIG2 and JPX images need pdf.js's wasm decoders, not shipped to the page.
 */
export const PDFJS_FILES = ['pdf.min.mjs', 'pdf.worker.min.mjs'];
type PdfJs = typeof import('pdfjs-dist');
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** The page painted at `dpi` and read; undefined when the painting fails or shows no QR code. */
async function paintAndRead(page: PdfPage, dpi: number, canvas: HTMLCanvasElement, budget: WorkBudget): Promise<string | undefined> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const render = page.render({ canvas, viewport, background: '#ffffff' });
  try {
    await withDeadline(render.promise, budget, () => render.cancel());
  } catch (error) {
    if (isCorridorError(error)) throw error;
    return undefined;
  }
  const pixels = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height);
  try {
    return await readQrFromPixels(pixels.data, canvas.width, canvas.height);
  } catch (error) {
    if (isCorridorError(error) && error.code === 'ERR_QR_NOT_FOUND') return undefined;
    throw error;
  }
}

export async function scanPdf(file: Blob): Promise<{ page: number; text: string }[]> {
  if (file.size > MAX_IMAGE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'PDF file is too large');
  const budget = new WorkBudget();
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A few hundred KB can inflate to gigabytes, which pdf.js would allocate whole: counted first, capped.
  checkInflatedSize(bytes);
  const url = (name: string) => new URL(name, document.baseURI).href;
  const pdfjs = await (import(/* @vite-ignore */ url(PDFJS_FILES[0]!)) as Promise<PdfJs>);
  pdfjs.GlobalWorkerOptions.workerSrc = url(PDFJS_FILES[1]!);
  const { OPS } = pdfjs;
  const paints = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintSolidColorImageMask]);
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await withDeadline(task.promise, budget, () => void task.destroy());
  } catch (cause) {
    if (isCorridorError(cause)) throw cause;
    throw new CorridorError('ERR_INPUT_INVALID', 'the file is not a readable PDF', { cause });
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', `a PDF of more than ${MAX_PDF_PAGES} pages`);
    const found: { page: number; text: string }[] = [];
    const canvas = document.createElement('canvas');
    for (let number = 1; number <= pdf.numPages; number++) {
      budget.page();
      const page = await pdf.getPage(number).catch(() => undefined);
      if (!page) continue;
      const largest = page.getViewport({ scale: Math.max(...PDF_RENDER_DPIS) / 72 });
      checkPixelBudget(Math.ceil(largest.width), Math.ceil(largest.height), 'PDF page');
      const operators = await withDeadline(page.getOperatorList(), budget);
      if (operators.fnArray.length > MAX_PAGE_OPERATORS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF page draws too much');
      if (operators.fnArray.filter((op) => paints.has(op)).length > MAX_PAGE_IMAGE_PAINTS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'a PDF page paints too many pictures');
      // As the CLI: painted at 200 dpi, and at 150 only when that shows no QR code.
      for (const dpi of PDF_RENDER_DPIS) {
        if (!budget.read()) break;
        const text = await paintAndRead(page, dpi, canvas, budget);
        if (text !== undefined) {
          found.push({ page: number, text });
          break;
        }
      }
      page.cleanup();
    }
    if (found.length === 0) throw new CorridorError('ERR_QR_NOT_FOUND', 'no QR code found on any page of the PDF');
    return found;
  } finally {
    await pdf.destroy();
  }
}
