/**
 * A reading-robustness corpus: pictures of a real printed certificate as phones and scanners
 * make them — any rotation, perspective, scaled down to ~2 pixels a module, blurred, sensor
 * noise on grey paper, low contrast, JPEG at quality 20–60, glare, a corner of the code covered
 * (within what error correction repairs) — and whole-page scans wrapped in a PDF. Deterministic
 * (a seeded generator), so a reading regression is a test failure, not bad luck. Used by
 * reading-corpus.e2e.test.ts and the bench.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Gray } from './photos.js';

export interface CorpusItem {
  name: string;
  kind: 'png' | 'jpeg' | 'pdf';
  bytes: Uint8Array;
  /** The grey pixels (for a PDF, of its scanned page), for readers that take pixels. */
  gray: Gray;
}

/** Where the QR code is on the page: its centre and side, in page pixels. */
export interface QrPlace { x: number; y: number; side: number; modules: number }

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface View {
  /** Output size. */
  width: number;
  height: number;
  /** Degrees. */
  angle: number;
  /** Output pixels per page pixel. */
  scale: number;
  /** Projective terms (per output pixel): a tilted phone. */
  tiltX: number;
  tiltY: number;
  /** Page point at the output's centre. */
  cx: number;
  cy: number;
  background: number;
}

/** Samples the page through a homography from output to page coordinates (bilinear). */
function view(page: Gray, v: View): Gray {
  const { width, height } = v;
  const out = new Uint8Array(width * height);
  const cos = Math.cos((v.angle * Math.PI) / 180);
  const sin = Math.sin((v.angle * Math.PI) / 180);
  const src = page.pixels;
  const pw = page.width;
  const ph = page.height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x - width / 2;
      const w = y - height / 2;
      const d = 1 + v.tiltX * u + v.tiltY * w;
      const pu = u / d / v.scale;
      const pv = w / d / v.scale;
      const sx = cos * pu + sin * pv + v.cx;
      const sy = -sin * pu + cos * pv + v.cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= pw || y0 + 1 >= ph) { out[y * width + x] = v.background; continue; }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * pw + x0;
      out[y * width + x] = (src[i]! * (1 - fx) + src[i + 1]! * fx) * (1 - fy) + (src[i + pw]! * (1 - fx) + src[i + pw + 1]! * fx) * fy;
    }
  }
  return { width, height, pixels: out };
}

/** Box blur, separable, with a running sum: fast enough for a corpus. */
function blur(image: Gray, radius: number): Gray {
  if (radius <= 0) return image;
  const { width, height } = image;
  const tmp = new Uint8Array(width * height);
  const out = new Uint8Array(width * height);
  const pass = (input: Uint8Array, output: Uint8Array, length: number, lines: number, step: number, stride: number) => {
    for (let line = 0; line < lines; line++) {
      const base = line * stride;
      let sum = 0;
      let count = 0;
      for (let k = 0; k <= radius && k < length; k++) { sum += input[base + k * step]!; count++; }
      for (let i = 0; i < length; i++) {
        output[base + i * step] = sum / count;
        const add = i + radius + 1;
        const drop = i - radius;
        if (add < length) { sum += input[base + add * step]!; count++; }
        if (drop >= 0) { sum -= input[base + drop * step]!; count--; }
      }
    }
  };
  pass(image.pixels, tmp, width, height, 1, width);
  pass(tmp, out, height, width, width, 1);
  return { width, height, pixels: out };
}

interface Look {
  /** Dark and light levels the page's black and white become. */
  low: number;
  high: number;
  /** Noise, standard deviation in grey levels. */
  noise: number;
  /** Glare: strength 0–1 and where (output pixels), radius. */
  glare?: { x: number; y: number; radius: number; strength: number };
}

function look(image: Gray, l: Look, random: () => number): Gray {
  const { width, height, pixels } = image;
  const out = new Uint8Array(width * height);
  const range = (l.high - l.low) / 255;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let value = l.low + pixels[y * width + x]! * range;
      if (l.glare) {
        const dx = x - l.glare.x;
        const dy = y - l.glare.y;
        value += (255 - value) * l.glare.strength * Math.exp(-(dx * dx + dy * dy) / (2 * l.glare.radius * l.glare.radius));
      }
      // Approximately normal: the sum of three uniforms.
      if (l.noise) value += (random() + random() + random() - 1.5) * 2 * l.noise;
      out[y * width + x] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
  }
  return { width, height, pixels: out };
}

function rgbaOf(image: Gray): Uint8Array {
  const rgba = new Uint8Array(image.pixels.length * 4);
  for (let i = 0; i < image.pixels.length; i++) { rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = image.pixels[i]!; rgba[i * 4 + 3] = 255; }
  return rgba;
}

export function grayJpeg(image: Gray, quality: number): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: rgbaOf(image), width: image.width, height: image.height }, quality).data);
}

export function grayPng(image: Gray): Uint8Array {
  return new Uint8Array(PNG.sync.write({ width: image.width, height: image.height, data: Buffer.from(rgbaOf(image)) } as PNG, { colorType: 0, inputColorType: 6 }));
}

/** A one-page PDF whose page is the scanned JPEG (what an office scanner sends). */
export function scanPdf(jpegBytes: Uint8Array, width: number, height: number): Uint8Array {
  const parts: (string | Uint8Array)[] = ['%PDF-1.4\n'];
  const content = 'q 595 0 0 842 0 0 cm /Scan Do Q';
  const objects: (string | Uint8Array)[][] = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Scan 5 0 R >> >> >>'],
    [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`],
    [`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpegBytes.length} >>\nstream\n`, jpegBytes, '\nendstream'],
  ];
  objects.forEach((body, i) => parts.push(`${i + 1} 0 obj\n`, ...body, '\nendobj\n'));
  parts.push('trailer\n<< /Root 1 0 R >>\n%%EOF\n');
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
}

/** The degradations of the corpus, `perKind` pictures each; the PDF scans are named `pdf-scan-<n>`. */
export const KINDS = ['rotated', 'perspective', 'tiny', 'blurred', 'noisy', 'low-contrast', 'jpeg', 'glare', 'covered'] as const;

/**
 * `perKind` pictures of each degradation (every one also at a random rotation, with mild noise
 * and a little blur), plus `scans` whole-page scans as PDFs.
 */
export function readingCorpus(page: Gray, qr: QrPlace, { perKind = 17, scans = 4, seed = 19 } = {}): CorpusItem[] {
  const random = mulberry32(seed);
  const between = (a: number, b: number) => a + (b - a) * random();
  const items: CorpusItem[] = [];
  const pageModule = qr.side / qr.modules;
  // A thumb over one corner: a fifth of the code's side each way, the corner without a finder
  // pattern, within what ECC M repairs.
  const covered = coveredPage(page, qr);
  for (let n = 0; n < perKind; n++) {
    for (const kind of KINDS) {
      // Pixels a module in the picture: about 2 for 'tiny', else 2.6–4 (a phone held at arm's length).
      const module = kind === 'tiny' ? between(2.1, 2.5) : between(2.6, 4);
      const scale = module / pageModule;
      const qrSide = qr.side * scale;
      const side = Math.min(1000, Math.ceil(qrSide * 1.5 + 40));
      const width = Math.ceil(side * 4 / 3 / 2) * 2;
      const height = side;
      const tilt = kind === 'perspective' ? 0.4 / side : 0.1 / side;
      let image = view(kind === 'covered' ? covered : page, {
        width, height, angle: between(0, 360), scale,
        tiltX: between(-tilt, tilt), tiltY: between(-tilt, tilt),
        cx: qr.x + between(-0.1, 0.1) * qr.side, cy: qr.y + between(-0.1, 0.1) * qr.side, background: Math.round(between(60, 200)),
      });
      image = blur(image, kind === 'blurred' ? Math.max(1, Math.round(module * between(0.25, 0.4))) : kind !== 'tiny' && random() < 0.3 ? 1 : 0);
      const lowContrast = kind === 'low-contrast';
      image = look(image, {
        low: lowContrast ? between(90, 120) : between(0, 40),
        high: lowContrast ? between(160, 190) : between(170, 250),
        noise: kind === 'noisy' ? between(10, 16) : between(0, 5),
        glare: kind === 'glare' ? { x: width / 2 + between(-0.2, 0.2) * qrSide, y: height / 2 + between(-0.2, 0.2) * qrSide, radius: qrSide * between(0.12, 0.2), strength: between(0.5, 0.75) } : undefined,
      }, random);
      const asJpeg = kind === 'jpeg' || random() < 0.2;
      const bytes = asJpeg ? grayJpeg(image, kind === 'jpeg' ? Math.round(between(20, 60)) : 75) : grayPng(image);
      items.push({ name: `${kind}-${n}`, kind: asJpeg ? 'jpeg' : 'png', bytes, gray: image });
    }
  }
  for (let n = 0; n < scans; n++) {
    // A flatbed at 150–200 dpi: the page a little skewed, grey paper, sensor noise, JPEG.
    const scale = between(150, 180) / 192;
    const width = Math.round(page.width * scale);
    const height = Math.round(page.height * scale);
    let image = view(page, { width, height, angle: between(-3, 3), scale, tiltX: 0, tiltY: 0, cx: page.width / 2, cy: page.height / 2, background: 255 });
    image = look(blur(image, 1), { low: between(10, 40), high: between(200, 240), noise: between(3, 8) }, random);
    const jpegBytes = grayJpeg(image, Math.round(between(35, 60)));
    items.push({ name: `pdf-scan-${n}`, kind: 'pdf', bytes: scanPdf(jpegBytes, width, height), gray: image });
  }
  return items;
}

/** A copy of the page with the code's bottom-right corner (`fraction` of its side) covered. */
export function coveredPage(page: Gray, qr: QrPlace, fraction = 0.2): Gray {
  const pixels = Uint8Array.from(page.pixels);
  const right = Math.round(qr.x + qr.side / 2);
  const bottom = Math.round(qr.y + qr.side / 2);
  const cover = Math.round(qr.side * fraction);
  for (let y = bottom - cover; y < bottom; y++) pixels.fill(200, y * page.width + right - cover, y * page.width + right);
  return { width: page.width, height: page.height, pixels };
}

/**
 * The corpus made in a worker thread from the built helpers (test/dist, so `pnpm run build`
 * first, as for every e2e test): pixel loops run ~50× slower inside jest's module sandbox.
 */
export async function readingCorpusInWorker(pagePng: Uint8Array, qr: QrPlace, options: { perKind?: number; scans?: number; seed?: number } = {}): Promise<CorpusItem[]> {
  const { Worker } = await import('node:worker_threads');
  const built = new URL('../dist/', import.meta.url).href;
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { readingCorpus } = await import(${JSON.stringify(`${built}reading-corpus.js`)});
      const { grayFromPng } = await import(${JSON.stringify(`${built}photos.js`)});
      const items = readingCorpus(grayFromPng(workerData.pagePng), workerData.qr, workerData.options);
      parentPort.postMessage(items, items.flatMap((i) => [i.bytes.buffer, i.gray.pixels.buffer]));
    })().catch((error) => { throw error; });
  `, { eval: true, workerData: { pagePng, qr, options } });
  try {
    return await new Promise<CorpusItem[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`corpus worker exited with ${code}`)));
    });
  } finally {
    await worker.terminate();
  }
}
