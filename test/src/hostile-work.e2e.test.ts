// Files built to make the verifier work for minutes, through its input path (the CLI's, the
// services'): a 24 KB PDF painting one picture 600 times (more than MAX_PAGE_IMAGE_PAINTS), PNGs of 36 and 40 megapixels tiled
// with tiny finder patterns or a checkerboard, one of 23 megapixels just within the pixel
// budget, and 200 pages of look-alikes. Before the budgets these ran from 34 s to past
// 20 minutes; each now ends with a coded error within its budget (pixels, reads a page, time).
import { describe, expect, it } from '@jest/globals';
import { deflateSync } from 'node:zlib';
import { isCorridorError, MAX_IMAGE_PIXELS, pngChunk } from '@corridor/shared';
import { readCredentialInputs } from '@corridor/verifier';

/** Raw 8-bit grey scanlines (filter byte 0) of `tile` repeated over width × height. */
function tiledRows(width: number, height: number, tile: { pixels: Uint8Array; side: number }): Buffer {
  const rows = Array.from({ length: tile.side }, (_, ty) => {
    const row = Buffer.alloc(width + 1);
    for (let x = 0; x < width; x++) row[1 + x] = tile.pixels[ty * tile.side + (x % tile.side)]!;
    return row;
  });
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) rows[y % tile.side]!.copy(raw, y * (width + 1));
  return raw;
}

function tiledPng(width: number, height: number, tile: { pixels: Uint8Array; side: number }): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(tiledRows(width, height, tile), { level: 9 })), pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A QR finder pattern (7 × 7 modules and a light module around), `module` pixels a module. */
function finderTile(module: number): { pixels: Uint8Array; side: number } {
  const side = 8 * module;
  const pixels = new Uint8Array(side * side).fill(255);
  for (let y = 0; y < 7 * module; y++) {
    for (let x = 0; x < 7 * module; x++) {
      if (Math.max(Math.abs(Math.floor(y / module) - 3), Math.abs(Math.floor(x / module) - 3)) !== 2) pixels[y * side + x] = 0;
    }
  }
  return { pixels, side };
}
const CHECKER = { pixels: Uint8Array.from([0, 255, 255, 0]), side: 2 };

type Part = string | Uint8Array;
function pdf(objects: Part[][]): Buffer {
  const parts: Part[] = ['%PDF-1.7\n'];
  objects.forEach((body, i) => parts.push(`${i + 1} 0 obj\n`, ...body, '\nendobj\n'));
  parts.push('trailer\n<< /Root 1 0 R >>\n%%EOF\n');
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
}
const stream = (dict: string, data: Uint8Array): Part[] => [`<<${dict} /Length ${data.length}>>\nstream\n`, data, '\nendstream'];
/** 1000 × 1000 grey pixels of finder patterns: an expensive picture for any QR reader. */
const lookAlike = () => {
  const raw = tiledRows(1000, 1000, finderTile(1));
  // Drop the PNG filter bytes: a PDF image is bare samples.
  const samples = Buffer.alloc(1000 * 1000);
  for (let y = 0; y < 1000; y++) raw.copy(samples, y * 1000, y * 1001 + 1, (y + 1) * 1001);
  return stream(' /Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', deflateSync(samples, { level: 9 }));
};

async function codeOf(bytes: Uint8Array): Promise<string> {
  try {
    await readCredentialInputs(bytes);
  } catch (error) {
    return isCorridorError(error) ? error.code : String(error);
  }
  return 'no error';
}

describe('files built to stall the reader end within the budget, with a coded error', () => {
  it('a 24 KB PDF that paints one picture of finder patterns 600 times: refused from its operator list', async () => {
    const paints = Array.from({ length: 600 }, (_, i) => `q 20 0 0 20 ${(i % 25) * 22} ${Math.floor(i / 25) * 32} cm /Im Do Q`).join('\n');
    const file = pdf([
      ['<< /Type /Catalog /Pages 2 0 R >>'],
      ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
      ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im 5 0 R >> >> >>'],
      stream(' /Filter /FlateDecode', deflateSync(paints)),
      lookAlike(),
    ]);
    expect(file.length).toBeLessThan(30_000);
    expect(await codeOf(file)).toBe('ERR_PAYLOAD_TOO_LARGE');
  }, 60_000);

  it('PNGs of 36 and 40 megapixels (finder patterns, a checkerboard) are refused from their header', async () => {
    expect(await codeOf(tiledPng(6000, 6000, finderTile(1)))).toBe('ERR_PAYLOAD_TOO_LARGE');
    expect(await codeOf(tiledPng(6400, 6250, finderTile(1)))).toBe('ERR_PAYLOAD_TOO_LARGE');
    expect(await codeOf(tiledPng(6400, 6250, CHECKER))).toBe('ERR_PAYLOAD_TOO_LARGE');
  }, 60_000);

  it('23 megapixels of one-pixel finder patterns, just within the pixel budget: read without tryHarder, nothing found', async () => {
    expect(4800 * 4800).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(await codeOf(tiledPng(4800, 4800, finderTile(1)))).toBe('ERR_QR_NOT_FOUND');
    expect(await codeOf(tiledPng(4800, 4800, CHECKER))).toBe('ERR_QR_NOT_FOUND');
  }, 120_000);

  it('200 pages, each with a picture of finder patterns of its own: the time budget ends it', async () => {
    const pages = 200;
    const objects: Part[][] = [['<< /Type /Catalog /Pages 2 0 R >>'], [`<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${3 + 3 * i} 0 R`).join(' ')}] /Count ${pages} >>`]];
    const image = lookAlike();
    for (let i = 0; i < pages; i++) {
      objects.push(
        [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${4 + 3 * i} 0 R /Resources << /XObject << /Im ${5 + 3 * i} 0 R >> >> >>`],
        stream('', Buffer.from('q 595 0 0 842 0 0 cm /Im Do Q')),
        image,
      );
    }
    expect(await codeOf(pdf(objects))).toBe('ERR_PAYLOAD_TOO_LARGE');
  }, 120_000);
});
