/**
 * Files built to make a QR reader work for minutes (issue 19's reviews found each): a 24 KB PDF
 * painting one picture of finder patterns 600 times, PNGs of 36 and 40 megapixels tiled with
 * tiny finder patterns or a checkerboard (a few hundred KB, or 80), a PDF of 200 pages of
 * look-alikes, one whose page inflates to 200 MB, and a 1 KB bitmap of 400 megapixels. Shared by the tests that give them to the CLI's input path and to the officer's page.
 */
import { deflateSync } from 'node:zlib';
import { pngChunk } from '@corridor/shared';

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

/** An 8-bit grey PNG of `tile` repeated over width × height: tiny for its pixels. */
export function tiledPng(width: number, height: number, tile: { pixels: Uint8Array; side: number }): Buffer {
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
export function finderTile(module: number): { pixels: Uint8Array; side: number } {
  const side = 8 * module;
  const pixels = new Uint8Array(side * side).fill(255);
  for (let y = 0; y < 7 * module; y++) {
    for (let x = 0; x < 7 * module; x++) {
      if (Math.max(Math.abs(Math.floor(y / module) - 3), Math.abs(Math.floor(x / module) - 3)) !== 2) pixels[y * side + x] = 0;
    }
  }
  return { pixels, side };
}
export const CHECKER = { pixels: Uint8Array.from([0, 255, 255, 0]), side: 2 };

/** A BMP of width × height, 8-bit run-length encoded, whose data is one end-of-bitmap: ~1 KB. */
export function rleBitmap(width: number, height: number): Buffer {
  const palette = Buffer.alloc(256 * 4);
  const data = Buffer.from([0x00, 0x01]);
  const header = Buffer.alloc(14 + 40);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(header.length + palette.length + data.length, 2);
  header.writeUInt32LE(header.length + palette.length, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(8, 28);
  header.writeUInt32LE(1, 30); // BI_RLE8
  header.writeUInt32LE(data.length, 34);
  header.writeUInt32LE(256, 46);
  return Buffer.concat([header, palette, data]);
}

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

/** One page painting the look-alike picture `paints` times (600: the review's 24 KB file). */
export function repaintingPdf(paints = 600): Buffer {
  const content = Array.from({ length: paints }, (_, i) => `q 20 0 0 20 ${(i % 25) * 22} ${Math.floor(i / 25) * 32} cm /Im Do Q`).join('\n');
  return pdf([
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im 5 0 R >> >> >>'],
    stream(' /Filter /FlateDecode', deflateSync(content)),
    lookAlike(),
  ]);
}

/** One page whose content stream is `megabytes` of deflated zeros (200: a file under 400 KB). */
export function inflationBombPdf(megabytes = 200): Buffer {
  const zeros = deflateSync(new Uint8Array(megabytes * 1024 * 1024));
  return pdf([
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'],
    stream(' /Filter /FlateDecode', zeros),
  ]);
}

/** `pages` pages, each painting a look-alike picture of its own once (the object is shared). */
export function lookAlikePagesPdf(pages = 200): Buffer {
  const objects: Part[][] = [['<< /Type /Catalog /Pages 2 0 R >>'], [`<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${3 + 3 * i} 0 R`).join(' ')}] /Count ${pages} >>`]];
  const image = lookAlike();
  for (let i = 0; i < pages; i++) {
    objects.push(
      [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${4 + 3 * i} 0 R /Resources << /XObject << /Im ${5 + 3 * i} 0 R >> >> >>`],
      stream('', Buffer.from('q 595 0 0 842 0 0 cm /Im Do Q')),
      image,
    );
  }
  return pdf(objects);
}
