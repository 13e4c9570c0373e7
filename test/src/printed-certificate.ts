/**
 * A certificate printed by Chromium, as the reading corpus starts from it, and the two readers
 * compared on the corpus: the verifier's own input path (ZXing, pdf.js) and jsQR.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { htmlToPng, renderCertificateHtml } from '@corridor/issuer';
import { qrReader, readQrFromJpeg, readQrFromPng, readQrsFromPdfDocument, renderQrSvg } from '@corridor/shared';
import jsQRModule from 'jsqr';
import QRCode from 'qrcode';
import { grayFromPng, type Gray } from './photos.js';
import type { CorpusItem, QrPlace } from './reading-corpus.js';
import { createWorld } from './world.js';

const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

/** Prints a certificate and finds its QR code on the page. */
/**
 * The QR code printed is always the same real credential's (the G4 scan fixture's), so the corpus
 * is the same pixels every run: a reading regression is a failure, never bad luck.
 */
export const CORPUS_QR_TEXT = readFileSync(new URL('../src/fixtures/certificate-g4.qr.txt', import.meta.url), 'utf8');

export async function printedCertificate(): Promise<{ png: Uint8Array; page: Gray; qrText: string; place: QrPlace }> {
  const world = await createWorld();
  try {
    const credential = await world.issue({ subject: { name: 'Maria Santos', birthDate: '1996-04-12' } });
    const dir = mkdtempSync(join(tmpdir(), 'corridor-corpus-'));
    try {
      await htmlToPng(renderCertificateHtml({ credential, qualification: world.caregiving, qrSvg: await renderQrSvg(CORPUS_QR_TEXT) }), join(dir, 'page.png'), { scale: 2 });
      const png = readFileSync(join(dir, 'page.png'));
      const page = grayFromPng(png);
      const [found] = await (await qrReader()).readBarcodes(png, { formats: ['QRCode'] });
      const { topLeft: a, topRight: b, bottomLeft: c, bottomRight: d } = found!.position;
      const place = { x: (a.x + b.x + c.x + d.x) / 4, y: (a.y + b.y + c.y + d.y) / 4, side: Math.hypot(b.x - a.x, b.y - a.y), modules: QRCode.create(CORPUS_QR_TEXT, { errorCorrectionLevel: 'M' }).modules.size };
      return { png, page, qrText: CORPUS_QR_TEXT, place };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    world.close();
  }
}

function rgba(image: Gray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.pixels.length * 4);
  for (let i = 0; i < image.pixels.length; i++) { out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = image.pixels[i]!; out[i * 4 + 3] = 255; }
  return out;
}

/** What the verifier reads from one file, through the same functions its input path uses. */
export async function readItem(item: CorpusItem): Promise<string | undefined> {
  try {
    if (item.kind === 'pdf') return (await readQrsFromPdfDocument(item.bytes))[0]?.text;
    return item.kind === 'png' ? await readQrFromPng(item.bytes) : await readQrFromJpeg(item.bytes);
  } catch {
    return undefined;
  }
}

export function readWithJsQr(item: CorpusItem): string | undefined {
  return jsQR(rgba(item.gray), item.gray.width, item.gray.height, { inversionAttempts: 'attemptBoth' })?.data || undefined;
}

