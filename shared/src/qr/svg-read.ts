/**
 * The QR code of our own SVG files (`<uuid>.svg`, from qrSymbolSvg): its path is the dark
 * modules as runs, so the module matrix is read back exactly (no SVG rendering) and drawn as
 * pixels for the same QR reader as photos (ZXing). Anything that is not exactly that form is
 * ERR_QR_INVALID: this is not an SVG renderer.
 */
import { CorridorError } from '../errors.js';
import { readQrFromPixels } from './reader.js';

/** Pixels a module when the matrix is drawn for the reader, and the quiet zone around it. */
const SCALE = 4;
const QUIET = 4;

/** The module matrix as RGBA pixels, black on white, with a quiet zone. */
function drawModules(modules: Uint8Array, size: number): { data: Uint8ClampedArray; side: number } {
  const side = (size + 2 * QUIET) * SCALE;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!modules[row * size + col]) continue;
      for (let dy = 0; dy < SCALE; dy++) {
        const y = (row + QUIET) * SCALE + dy;
        for (let dx = 0; dx < SCALE; dx++) {
          const at = (y * side + (col + QUIET) * SCALE + dx) * 4;
          data[at] = 0; data[at + 1] = 0; data[at + 2] = 0;
        }
      }
    }
  }
  return { data, side };
}

/** Larger than any SVG we write (version 40 with every other module dark is ~600 KB). */
export const MAX_SVG_BYTES = 2 * 1024 * 1024;

const HEAD = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d{2,3}) \1" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h\1v\1H0z"\/><path fill="#000000" d="((?:M\d{1,3} \d{1,3}h\d{1,3}v1h-\d{1,3}z)*)"\/><\/svg>\s*$/;
const RUN = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/g;

export function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  return head.startsWith('<svg') || head.startsWith('<?xml');
}

/** The text of the QR code in one of our SVG files. */
export async function readQrFromSvg(bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_SVG_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'the SVG file is larger than any QR code we write');
  const match = HEAD.exec(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  if (!match) throw new CorridorError('ERR_QR_INVALID', 'only the SVG files Corridor writes can be read (a photo, PNG or PDF of others)');
  const side = Number(match[1]);
  const runs = [...match[2]!.matchAll(RUN)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
  if (runs.length === 0) throw new CorridorError('ERR_QR_NOT_FOUND', 'the SVG file has no QR code');
  // The top-left finder pattern starts the first run: that is the margin.
  const margin = runs[0]![0];
  const size = side - 2 * margin;
  const modules = new Uint8Array(Math.max(0, size) ** 2);
  for (const [x, y, run, back] of runs) {
    const col = x - margin; const row = y - margin;
    if (run !== back || run < 1 || col < 0 || row < 0 || row >= size || col + run > size) throw new CorridorError('ERR_QR_INVALID', 'the SVG file\'s QR code is damaged');
    modules.fill(1, row * size + col, row * size + col + run);
  }
  if (size < 21 || size > 177) throw new CorridorError('ERR_QR_INVALID', 'the SVG file\'s QR code has no QR size');
  const { data, side: pixels } = drawModules(modules, size);
  try {
    return await readQrFromPixels(data, pixels, pixels);
  } catch (error) {
    if ((error as CorridorError).code === 'ERR_QR_NOT_FOUND') throw new CorridorError('ERR_QR_INVALID', 'the SVG file\'s QR code does not decode');
    throw error;
  }
}
