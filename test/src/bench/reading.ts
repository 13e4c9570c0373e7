/**
 * The reading corpus (reading-corpus.ts: 150+ degraded pictures of a printed certificate and PDF
 * scans), read by the verifier's own path (ZXing, pdf.js) and by jsQR on the same pixels: how
 * many each reads, and the time a picture.
 */
import { performance } from 'node:perf_hooks';
import { printedCertificate, readItem, readWithJsQr } from '../printed-certificate.js';
import { readingCorpus } from '../reading-corpus.js';
import { round } from './measure.js';

export interface ReadingResults {
  pictures: number;
  corridor: { read: number; share: number; msPerPicture: number };
  jsQR: { read: number; share: number; msPerPicture: number };
  ratio: number;
}

export async function benchReading(): Promise<ReadingResults> {
  const printed = await printedCertificate();
  const corpus = readingCorpus(printed.page, printed.place);
  await readItem(corpus[0]!); // ZXing's wasm instantiated before the clock starts
  let read = 0;
  let start = performance.now();
  for (const item of corpus) if ((await readItem(item)) === printed.qrText) read++;
  const ours = (performance.now() - start) / corpus.length;
  let theirs = 0;
  start = performance.now();
  for (const item of corpus) if (readWithJsQr(item) === printed.qrText) theirs++;
  const jsQRMs = (performance.now() - start) / corpus.length;
  return {
    pictures: corpus.length,
    corridor: { read, share: round(read / corpus.length, 3), msPerPicture: round(ours, 1) },
    jsQR: { read: theirs, share: round(theirs / corpus.length, 3), msPerPicture: round(jsQRMs, 1) },
    ratio: round(read / Math.max(1, theirs), 2),
  };
}
