// Photos and PDFs from the real world, and ones built to hurt: hand-made PDFs whose QR is drawn
// as vector squares, as a Flate image or as a scanned JPEG all read and verify; random,
// truncated and corrupted files, decompression bombs, giant pages, page floods, cyclic page
// trees, deep nesting and operator floods all end in a coded error, never a crash or a hang.
import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { encodeQrText, isCorridorError, readQrsFromPdfDocument, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { readCredentialInput, readCredentialInputs, verifySkillCredential } from '@corridor/verifier';
import QRCode from 'qrcode';
import { photograph, qrGray, toJpeg } from './photos.js';
import { createWorld } from './world.js';

const RUNS = Number(process.env.CORRIDOR_FUZZ_RUNS ?? 200);
let trust: TrustIndex;
let credential: SkillCredential;
let qrText: string;

beforeAll(async () => {
  const world = await createWorld();
  credential = await world.issue();
  await world.publishStatus();
  trust = await world.trust('JP');
  qrText = await encodeQrText(credential, { catalogue: trust.qrCatalogue! });
  world.close();
}, 60_000);

type Part = string | Uint8Array;
const bytesOf = (parts: Part[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const stream = (dict: string, data: Uint8Array): Part[] => [`<<${dict} /Length ${data.length}>>\nstream\n`, data, '\nendstream'];

/** A PDF from numbered object bodies (1 = catalog, 2 = page tree, then whatever the test needs). */
function pdf(objects: (Part | Part[])[]): Uint8Array {
  const parts: Part[] = ['%PDF-1.7\n'];
  objects.forEach((body, i) => parts.push(`${i + 1} 0 obj\n`, ...(Array.isArray(body) ? body : [body]), '\nendobj\n'));
  parts.push('trailer\n<< /Root 1 0 R >>\n%%EOF\n');
  return bytesOf(parts);
}

const onePage = (content: Uint8Array, resources = '', mediaBox = '0 0 595 842', filter = '/Filter /FlateDecode') => pdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}] /Contents 4 0 R /Resources << ${resources} >> >>`,
  stream(filter, filter ? deflateSync(content) : content),
]);

/** The QR as vector squares: one `re` per dark module, filled at once, 2 points a module. */
function vectorContent(text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const squares: string[] = [];
  for (let row = 0; row < qr.modules.size; row++) {
    for (let col = 0; col < qr.modules.size; col++) if (qr.modules.get(row, col)) squares.push(`${col} ${qr.modules.size - row} 1 1 re`);
  }
  return `q 1 0 0 1 0 0 cm 0 g q 2 0 0 2 150 300 cm\n${squares.join('\n')}\nf Q Q BT /F1 12 Tf (Certificate) Tj ET`;
}
const vectorQrPdf = (text: string): Uint8Array => onePage(Buffer.from(vectorContent(text)));
const readQrsPages = async (file: Uint8Array) => ({ items: await readQrsFromPdfDocument(file) });

const imagePage = (image: Part[]) => pdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Scan 5 0 R >> >> >>',
  stream('', Buffer.from('q 595 0 0 842 0 0 cm /Scan Do Q')),
  image,
]);

async function expectCoded(bytes: Uint8Array, codes: RegExp): Promise<void> {
  try {
    await readCredentialInputs(bytes, { catalogue: trust.qrCatalogue! });
  } catch (error) {
    expect(isCorridorError(error) ? error.code : String(error)).toMatch(codes);
    return;
  }
  throw new Error('expected a coded error');
}

describe('PDFs that are certificates', () => {
  it('a QR drawn as vector squares reads and verifies', async () => {
    const { kind, items } = await readCredentialInputs(vectorQrPdf(qrText), { catalogue: trust.qrCatalogue! });
    expect(kind).toBe('pdf');
    expect(items).toHaveLength(1);
    expect((await verifySkillCredential(items[0]!.credential, { trust, country: 'JP' })).verdict).toBe('valid');
  });

  it('a scanned page, as a Flate grey image with PNG predictors or as a JPEG, reads and verifies', async () => {
    const scan = photograph(qrGray(qrText, 4), { width: 800, height: 1100, angle: 4, blur: 1 });
    const rows = Buffer.concat(Array.from({ length: scan.height }, (_, y) => Buffer.concat([Buffer.from([0]), Buffer.from(scan.pixels.subarray(y * scan.width, (y + 1) * scan.width))])));
    const flate = imagePage(stream(`/Type /XObject /Subtype /Image /Width ${scan.width} /Height ${scan.height} /ColorSpace /DeviceGray /BitsPerComponent 8 ` +
      `/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 1 /Columns ${scan.width} >>`, deflateSync(rows)));
    const jpeg = imagePage(stream(`/Type /XObject /Subtype /Image /Width ${scan.width} /Height ${scan.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode`, toJpeg(scan, 70)));
    for (const file of [flate, jpeg]) {
      const { credential: read } = await readCredentialInput(file, { catalogue: trust.qrCatalogue! });
      expect(read).toEqual(credential);
    }
  });

  it('an office scanner\'s black-and-white PDF (CCITT G4, 192 dpi) of a printed certificate reads through pdf.js', async () => {
    // Made with Pillow (group4 TIFF) and img2pdf from Chromium's print of a certificate; our own
    // PDF parser, before pdf.js, found no QR code in it.
    const fixtures = new URL('./fixtures/', import.meta.url);
    const file = readFileSync(new URL('certificate-g4.pdf', fixtures));
    expect(file.toString('latin1')).toContain('/CCITTFaxDecode');
    const { items } = await readQrsPages(file);
    expect(items).toEqual([{ page: 1, text: readFileSync(new URL('certificate-g4.qr.txt', fixtures), 'utf8') }]);
  });

  it('a PDF of several certificates gives a result for each page, in order', async () => {
    const two = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      stream('', Buffer.from(vectorContent(qrText))),
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>',
      stream('', Buffer.from(vectorContent('CC1:NOT A CREDENTIAL'))),
    ]);
    const { items } = await readCredentialInputs(two, { catalogue: trust.qrCatalogue! });
    expect(items.map((i) => i.page)).toEqual([1, 2]);
    expect(items[0]!.credential).toEqual(credential);
    expect(items[1]!.error?.code).toBe('ERR_QR_INVALID');
  });
});

describe('hostile PDFs and photos end in a coded error', () => {
  it('random bytes behind a PDF header, and truncated or corrupted PDFs', async () => {
    const good = vectorQrPdf(qrText);
    await fc.assert(fc.asyncProperty(fc.oneof(
      fc.uint8Array({ maxLength: 3000 }).map((b) => bytesOf(['%PDF-1.4\n', b])),
      fc.nat({ max: good.length - 1 }).map((n) => good.subarray(0, n)),
      fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, value]) => { const copy = Buffer.from(good); copy[at] = value; return copy; }),
    ), async (bytes) => {
      try {
        await readCredentialInputs(bytes, { catalogue: trust.qrCatalogue! });
      } catch (error) {
        expect(isCorridorError(error) ? error.code : String(error)).toMatch(/^ERR_/);
      }
    }), { numRuns: Math.max(30, RUNS / 4) });
  }, 120_000);

  it('decompression bombs: a page or an image that inflates beyond the limits', async () => {
    const zeros = new Uint8Array(200 * 1024 * 1024);
    const pageBomb = onePage(zeros);
    expect(pageBomb.length).toBeLessThan(400_000);
    await expectCoded(pageBomb, /^ERR_PAYLOAD_TOO_LARGE$/);
    const imageBomb = imagePage(stream('/Type /XObject /Subtype /Image /Width 2000 /Height 2000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
      deflateSync(zeros.subarray(0, 64 * 1024 * 1024))));
    // 64 MB is within the cap a stream may inflate to; pdf.js takes the 4 MB the image needs.
    await expectCoded(imageBomb, /^ERR_(PAYLOAD_TOO_LARGE|QR_NOT_FOUND)$/);
    const biggerBomb = imagePage(stream('/Type /XObject /Subtype /Image /Width 2000 /Height 2000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
      deflateSync(zeros.subarray(0, 65 * 1024 * 1024))));
    await expectCoded(biggerBomb, /^ERR_PAYLOAD_TOO_LARGE$/);
  }, 60_000);

  it('a page the size of a field, a flood of pages, a cyclic page tree, deep nesting, an operator flood, an unknown filter', async () => {
    await expectCoded(onePage(Buffer.from('0 g 0 0 10 10 re f'), '', '0 0 1000000 1000000'), /^ERR_PAYLOAD_TOO_LARGE$/);
    const kids = Array.from({ length: 300 }, (_, i) => `${i + 3} 0 R`).join(' ');
    const flood = pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count 300 >>`,
      ...Array.from({ length: 300 }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>')]);
    await expectCoded(flood, /^ERR_PAYLOAD_TOO_LARGE$/);
    await expectCoded(pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 1 0 R] /Count 1 >>']), /^ERR_(QR_NOT_FOUND|INPUT_INVALID)$/);
    await expectCoded(pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids ${'['.repeat(20_000)} >>`]), /^ERR_INPUT_INVALID$/);
    await expectCoded(onePage(Buffer.from('q Q '.repeat(1_100_000))), /^ERR_PAYLOAD_TOO_LARGE$/);
    await expectCoded(onePage(Buffer.from('0 g 0 0 10 10 re f'), '', '0 0 595 842', '/Filter /LZWDecode'), /^ERR_(INPUT_INVALID|QR_NOT_FOUND)$/);
    await expect(readQrsFromPdfDocument(bytesOf(['%PDF-1.4\n% nothing else\n']))).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
  }, 60_000);

  it('JPEGs: random, truncated and corrupted; one declaring 65,000 × 65,000 pixels is refused before decoding', async () => {
    const good = toJpeg(photograph(qrGray(qrText, 3), { width: 300, height: 300 }), 80);
    await fc.assert(fc.asyncProperty(fc.oneof(
      fc.uint8Array({ maxLength: 3000 }).map((b) => bytesOf([Buffer.from([0xff, 0xd8, 0xff]), b])),
      fc.nat({ max: good.length - 1 }).map((n) => good.subarray(0, n)),
      fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, value]) => { const copy = Buffer.from(good); copy[at] = value; return copy; }),
    ), async (bytes) => {
      try {
        await readCredentialInput(bytes, { catalogue: trust.qrCatalogue! });
      } catch (error) {
        expect(isCorridorError(error) ? error.code : String(error)).toMatch(/^ERR_/);
      }
    }), { numRuns: Math.max(30, RUNS / 4) });
    const huge = Buffer.from(good);
    const sof = huge.indexOf(Buffer.from([0xff, 0xc0]));
    huge.writeUInt16BE(65_000, sof + 5);
    huge.writeUInt16BE(65_000, sof + 7);
    await expectCoded(huge, /^ERR_PAYLOAD_TOO_LARGE$/);
  }, 120_000);
});
