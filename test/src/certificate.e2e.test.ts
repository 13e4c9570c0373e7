// The printed certificate: an A4 page in English and the origin language, printed to PDF by
// headless Chromium, and a photo of it (a screenshot) whose QR code scans and verifies offline.
// A cohort's PDF (a page each) and JPEG photos of certificates are read the same way, offline.
// The PDF and the picture are kept in artifacts/ to look at.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, combineCertificates, htmlToPdf, htmlToPng, renderCertificateHtml, renderCredentialFiles } from '@corridor/issuer';
import type { SkillCredential, TrustIndex } from '@corridor/shared';
import { readCredentialInput, readCredentialInputs, verifySkillCredential } from '@corridor/verifier';
import { photograph, qrGray, toJpeg } from './photos.js';
import { createWorld, type World } from './world.js';

const artifacts = fileURLToPath(new URL('../../artifacts/', import.meta.url));
let html: string;
let credential: SkillCredential;
let trust: TrustIndex;
let world: World;

beforeAll(async () => {
  if (!chromiumPath()) throw new Error('Chromium is needed to print certificates: apt-get install chromium (npm test installs it when run as root)');
  mkdirSync(artifacts, { recursive: true });
  world = await createWorld();
  credential = await world.issue({ subject: { name: 'María <Santos> & Co', birthDate: '1996-04-12' } });
  await world.publishStatus();
  trust = await world.trust('JP');
  const files = await renderCredentialFiles(credential, { catalogue: trust.qrCatalogue! });
  html = renderCertificateHtml({ credential, qualification: world.caregiving, qrSvg: files.svg });
}, 60_000);

afterAll(() => world.close());

describe('the printable certificate', () => {
  it('says it in English and Filipino, with the units and the QR, and escapes what the worker is called', () => {
    expect(html).toContain('Certificate of Competency');
    expect(html).toContain('Katibayan ng Kakayahan');
    expect(html).toContain('Pag-aalaga NC II');
    expect(html).toContain('HCS323301');
    expect(html).toContain('María &#60;Santos&#62; &#38; Co');
    expect(html).not.toContain('<Santos>');
    expect(html).toMatch(/<svg[^>]*>/);
  });

  it('prints to a one-page A4 PDF', async () => {
    const pdf = join(artifacts, 'certificate.pdf');
    await htmlToPdf(html, pdf);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    expect(bytes.toString('latin1')).toMatch(/MediaBox\s*\[\s*0 0 59[45]/);
  }, 120_000);

  it('a picture of the page scans: its QR code decodes and the credential verifies offline', async () => {
    const png = join(artifacts, 'certificate.png');
    await htmlToPng(html, png, { scale: 2 });
    const { credential: scanned, kind } = await readCredentialInput(readFileSync(png), { catalogue: trust.qrCatalogue! });
    expect(kind).toBe('png');
    expect(scanned).toEqual(credential);
    expect((await verifySkillCredential(scanned, { trust, country: 'JP' })).verdict).toBe('valid');
  }, 120_000);

  it('a cohort\'s PDF, a certificate a page: each page\'s QR is read from the vector drawing and verified (the revoked one refused)', async () => {
    const second = await world.issue({ subject: { name: 'Juan Dela Cruz', birthDate: '1990-02-03' } });
    const third = await world.issue({ subject: { name: 'Ana Reyes', birthDate: '1993-07-08' } });
    world.issuer.revoke(second.id);
    await world.publishStatus();
    const now = await world.trust('JP');
    const pages = await Promise.all([credential, second, third].map(async (c) => renderCertificateHtml({
      credential: c, qualification: world.caregiving, qrSvg: (await renderCredentialFiles(c, { catalogue: now.qrCatalogue! })).svg,
    })));
    const pdf = join(artifacts, 'cohort.pdf');
    await htmlToPdf(combineCertificates(pages), pdf);
    const { kind, items } = await readCredentialInputs(readFileSync(pdf), { catalogue: now.qrCatalogue! });
    expect(kind).toBe('pdf');
    expect(items.map((i) => i.page)).toEqual([1, 2, 3]);
    const verdicts = await Promise.all(items.map(async (i) => (await verifySkillCredential(i.credential, { trust: now, country: 'JP' })).verdict));
    expect(verdicts).toEqual(['valid', 'invalid', 'valid']);
  }, 120_000);

  it('a JPEG photo of the QR, turned, scaled, blurred and with margins, verifies offline', async () => {
    const files = await renderCredentialFiles(credential, { catalogue: trust.qrCatalogue! });
    for (const [angle, blur] of [[0, 0], [23, 1], [90, 2], [-140, 1]] as const) {
      const photo = toJpeg(photograph(qrGray(files.qrText, 5), { width: 1000, height: 800, angle, scale: 1.3, blur }), 70);
      const { credential: read, kind } = await readCredentialInput(photo, { catalogue: trust.qrCatalogue! });
      expect(kind).toBe('jpeg');
      expect((await verifySkillCredential(read, { trust, country: 'JP' })).verdict).toBe('valid');
    }
  }, 120_000);
});
