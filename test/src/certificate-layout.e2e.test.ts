// The certificate uses the A4 page: in Chromium's print layout every element lies inside the
// page box (nothing cut, nothing running under the QR code), for long names in Latin, Japanese,
// Arabic (right to left) and Devanagari and long qualification titles, with every optional part
// printed (validity, accreditor, wallet link and offer). The QR code keeps its printed size.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { renderCertificateHtml } from '@corridor/issuer';
import type { QualificationRecord } from '@corridor/shared';
import { certificateBench, type CertificateBench } from './certificate-browser.js';

const MM = 96 / 25.4; // CSS pixels per millimetre
let bench: CertificateBench;
beforeAll(async () => { bench = await certificateBench({ validUntil: '2031-10-30T00:00:00Z' }); }, 90_000);
afterAll(() => bench?.close());

interface Box { tag: string; cls: string; left: number; top: number; right: number; bottom: number }
interface Layout { page: Box; boxes: Box[]; qr: Box; qrSvg: Box; scrollHeight: number; clientHeight: number }

/** The print layout of the certificate for `name` and qualification `q`, every optional part printed: every element's box and text run, in CSS pixels. */
function layout(name: string, q: QualificationRecord): Promise<Layout> {
  const html = renderCertificateHtml({
    credential: bench.named(name), qualification: q, qrSvg: bench.qrSvg,
    accreditedBy: { en: 'Technical Education and Skills Development Authority of the Republic of the Philippines' },
    walletLink: { url: `https://mctc.example.ph/wallet/${'x'.repeat(43)}`, expiresAt: '2026-12-31T00:00:00Z' },
    walletOffer: { qrSvg: bench.qrSvg, expiresAt: '2026-12-31T00:00:00Z' },
  });
  return bench.printed(html, (page) => page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { tag: e.tagName.toLowerCase(), cls: (e as HTMLElement).className?.toString() ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const sheet = document.querySelector('.page')!;
    const boxes = [...sheet.querySelectorAll('*')].filter((e) => !e.closest('svg') || e.tagName.toLowerCase() === 'svg').map(box).filter((b) => b.right > b.left || b.bottom > b.top);
    // Text runs too: a line can be wider than its element when a word does not wrap.
    for (const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT); walker.nextNode();) {
      const range = document.createRange();
      range.selectNodeContents(walker.currentNode);
      for (const r of range.getClientRects()) boxes.push({ tag: '#text', cls: walker.currentNode.textContent!.slice(0, 30), left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    return { page: box(sheet), boxes, qr: box(document.querySelector('.qr')!), qrSvg: box(document.querySelector('.qr svg')!), scrollHeight: sheet.scrollHeight, clientHeight: sheet.clientHeight };
  }));
}

const overlaps = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const inside = (a: Box, b: Box) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;

const LONG_EN = 'Certificate III in Individual Support (Ageing, Home and Community, Disability) with Specialisation in Dementia and Palliative Care';
const qualifications: Record<string, (q: QualificationRecord) => QualificationRecord> = {
  'PH (Filipino)': (q) => ({ ...q, title: { en: LONG_EN, fil: 'Sertipiko III sa Indibidwal na Suporta (Pagtanda, Tahanan at Komunidad, Kapansanan) na may Espesyalisasyon sa Pangangalaga' } }),
  'JP (Japanese)': (q) => ({ ...q, country: 'JP', title: { en: LONG_EN, ja: '介護福祉士実務者研修修了認定（認知症ケア及び終末期ケアに関する専門課程を含む）特定技能一号評価試験合格相当' } }),
  'ID (Indonesian)': (q) => ({ ...q, country: 'ID', title: { en: LONG_EN, id: 'Sertifikat III Dukungan Individu (Lanjut Usia, Rumah dan Komunitas, Disabilitas) dengan Spesialisasi Perawatan Demensia dan Paliatif' } }),
};
const names: [string, string][] = [
  ['Latin', 'María Concepción Guadalupe de los Santos Fernández-Villanueva y Dela Cruz-Macapagal Nguyễn'],
  ['Japanese', '山田花子アレクサンドラ・ヴィクトリア・マリア・デ・ロス・サントス・フェルナンデス・ヴィラヌエヴァ'],
  ['Arabic', 'محمد بن عبد الله بن عبد الرحمن بن عبد العزيز بن فيصل آل سعود الهاشمي القرشي'],
  ['Devanagari', 'प्रियंका वेंकटरमण सुब्रह्मण्यम राजगोपालाचारी शर्मा-चतुर्वेदी त्रिपाठी'],
  ['one unbroken word', 'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessen'],
];

describe('the certificate on the A4 page', () => {
  const cases = Object.keys(qualifications).flatMap((country) => names.map(([script, name]) => [country, script, name] as const));
  it.each(cases)('%s qualification, a long %s name: every element inside the page, none under the QR code', async (country, _script, name) => {
    const shown = await layout(name, qualifications[country]!(bench.world.caregiving));
    // The page box is A4 less the 14 mm margins, and its content is not cut off at the bottom.
    expect(shown.page.right - shown.page.left).toBeCloseTo(182 * MM, 0);
    expect(shown.page.bottom - shown.page.top).toBeCloseTo(269 * MM, 0);
    expect(shown.scrollHeight).toBeLessThanOrEqual(shown.clientHeight);
    const outside = shown.boxes.filter((b) => !inside(b, shown.page));
    expect(outside).toEqual([]);
    // Nothing but the QR's own caption shares its place.
    const underQr = shown.boxes.filter((b) => overlaps(b, shown.qrSvg) && !inside(b, shown.qr) && !inside(shown.qr, b));
    expect(underQr).toEqual([]);
    // The QR code prints at 58 mm: at version 16 (81 modules) a module is 0.7 mm, above the 0.5 mm a phone reads from paper.
    expect((shown.qrSvg.right - shown.qrSvg.left) / MM).toBeCloseTo(58, 0);
  }, 60_000);
});
