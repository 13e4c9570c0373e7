/**
 * The printable certificate: one A4 page with the worker's name and birth date, the
 * qualification (title, level, units), the issuer, the dates, and the QR code at a size a phone
 * reads from paper — in English and the origin country's language (its official languages, from
 * countries-list's ISO 3166 → ISO 639-1 table, preferring one the records carry titles in). Pure: returns HTML.
 */
import { primaryText, subjectFacts, type QualificationRecord, type SkillCredential } from '@corridor/shared';
import { countries } from 'countries-list';
import { CERTIFICATE_FONT_FAMILIES, certificateFontStylesheets } from './certificate-fonts.js';

type Labels = Record<'title' | 'certifies' | 'born' | 'qualification' | 'level' | 'units' | 'route' | 'assessed' | 'issued' | 'validUntil' | 'issuer' | 'scan' | 'training' | 'rpl' | 'wallet' | 'offer' | 'accreditedBy', string>;

const LABELS: Record<string, Labels> = {
  en: {
    title: 'Certificate of Competency', certifies: 'This certifies that', born: 'born', qualification: 'has been assessed competent in',
    level: 'Level', units: 'Units of competency', route: 'Assessment route', assessed: 'Assessed on', issued: 'Issued on',
    validUntil: 'Valid until', issuer: 'Issued by', accreditedBy: 'Accredited by', scan: 'Scan to verify: the code carries the signed credential and checks offline.',
    training: 'Formal training', rpl: 'Recognition of prior learning', wallet: 'Into your wallet: one download, until',
    offer: 'Your wallet app: scan this code, type the PIN the centre gave you. Once, until',
  },
  fil: {
    title: 'Katibayan ng Kakayahan', certifies: 'Pinatutunayan nito na si', born: 'ipinanganak noong', qualification: 'ay napatunayang may kakayahan sa',
    level: 'Antas', units: 'Mga yunit ng kakayahan', route: 'Paraan ng pagtatasa', assessed: 'Tinasa noong', issued: 'Inilabas noong',
    validUntil: 'May bisa hanggang', issuer: 'Inilabas ng', accreditedBy: 'Akreditado ng', scan: 'I-scan upang mapatunayan: dala ng code ang nilagdaang kredensyal.',
    training: 'Pormal na pagsasanay', rpl: 'Pagkilala sa dating natutunan', wallet: 'Sa iyong wallet: isang pag-download, hanggang',
    offer: 'Sa iyong wallet app: i-scan ang code na ito, i-type ang PIN mula sa sentro. Isang beses, hanggang',
  },
  ja: {
    title: '技能証明書', certifies: '次の者は', born: '生年月日', qualification: 'について技能を有すると認定された',
    level: 'レベル', units: '能力単位', route: '評価方法', assessed: '評価日', issued: '発行日',
    validUntil: '有効期限', issuer: '発行者', accreditedBy: '認定機関', scan: 'スキャンして確認：コードには署名済みの証明書が含まれ、オフラインで検証できます。',
    training: '正規の訓練', rpl: '過去の学習の認定', wallet: 'ウォレットへ（ダウンロード1回限り）期限',
    offer: 'ウォレットアプリでこのコードを読み取り、センターから受け取ったPINを入力（1回限り）期限',
  },
  de: {
    title: 'Kompetenzzertifikat', certifies: 'Hiermit wird bescheinigt, dass', born: 'geboren am', qualification: 'als kompetent beurteilt wurde in',
    level: 'Niveau', units: 'Kompetenzeinheiten', route: 'Art der Beurteilung', assessed: 'Beurteilt am', issued: 'Ausgestellt am',
    validUntil: 'Gültig bis', issuer: 'Ausgestellt von', accreditedBy: 'Akkreditiert von', scan: 'Zum Prüfen scannen: Der Code enthält den signierten Nachweis und wird offline geprüft.',
    training: 'Formale Ausbildung', rpl: 'Anerkennung früher erworbener Kompetenzen', wallet: 'In Ihre Wallet: ein Download, bis',
    offer: 'In Ihrer Wallet-App: diesen Code scannen, die PIN des Zentrums eingeben. Einmal, bis',
  },
  id: {
    title: 'Sertifikat Kompetensi', certifies: 'Dengan ini menyatakan bahwa', born: 'lahir', qualification: 'telah dinilai kompeten dalam',
    level: 'Jenjang', units: 'Unit kompetensi', route: 'Jalur penilaian', assessed: 'Dinilai pada', issued: 'Diterbitkan pada',
    validUntil: 'Berlaku sampai', issuer: 'Diterbitkan oleh', accreditedBy: 'Diakreditasi oleh', scan: 'Pindai untuk memverifikasi: kode memuat kredensial bertanda tangan dan diperiksa secara luring.',
    training: 'Pelatihan formal', rpl: 'Rekognisi pembelajaran lampau', wallet: 'Ke dompet Anda: satu kali unduh, sampai',
    offer: 'Di aplikasi dompet Anda: pindai kode ini, ketik PIN dari lembaga. Satu kali, sampai',
  },
};

/**
 * The language printed beside English: an official language of the qualification's country
 * (Tagalog is printed as Filipino), first one the record has a title in, then any other title
 * language of the record; among those only the ones with labels here. English alone otherwise,
 * never an arbitrary language.
 */
export function originLanguage(q: QualificationRecord): string | undefined {
  const official = ((countries as Record<string, { languages: string[] }>)[q.country]?.languages ?? []).map((l) => (l === 'tl' ? 'fil' : l));
  const titled = Object.keys(q.title);
  return [...official.filter((l) => titled.includes(l)), ...official, ...titled].find((l) => l !== 'en' && Object.hasOwn(LABELS, l));
}

let regionNames: Intl.DisplayNames | undefined;

/**
 * A country's English name (the page is in English first); its code if the platform has no name.
 * One DisplayNames a thread: making it took ~0.15 ms, on every page of a cohort.
 */
function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const day = (iso: string) => iso.slice(0, 10);

export interface CertificateInput {
  credential: SkillCredential;
  qualification: QualificationRecord;
  /** The QR code as SVG (from renderQrSvg), embedded as is. */
  qrSvg: string;
  /** Stylesheets declaring the fonts; default: the Noto families shipped with Corridor. */
  fontStylesheets?: readonly string[];
  /** A one-time download link for the worker's wallet, printed on the handout. */
  walletLink?: { url: string; expiresAt: string };
  /** An OpenID4VCI offer's QR for the worker's wallet app (the PIN is given apart, never printed). */
  walletOffer?: { qrSvg: string; expiresAt: string };
  /** The authority that accredited the training body for this qualification (from the trust pack), by language. */
  accreditedBy?: Record<string, string>;
}

function block(labels: Labels, input: CertificateInput, language: string): string {
  const { credential: c, qualification: q } = input;
  const s = c.credentialSubject;
  const title = escape(q.title[language] ?? q.title.en ?? primaryText(q.title));
  return `<section lang="${language}">
  <h1>${escape(labels.title)}</h1>
  <p>${escape(labels.certifies)}</p>
  <p class="name" dir="auto">${escape(s.name)}</p>
  <p>${escape(labels.born)} ${escape(subjectFacts(c).birthDate)}</p>
  <p>${escape(labels.qualification)}</p>
  <p class="qualification">${title}</p>
</section>`;
}

/** An authority's name in English, and in the certificate's second language when the record has it and it differs. */
function accreditor(name: Record<string, string>, language: string | undefined): string {
  const english = name.en ?? primaryText(name);
  const local = language ? name[language] : undefined;
  return escape(english) + (local && local !== english ? ` / <span lang="${language}">${escape(local)}</span>` : '');
}

export function renderCertificateHtml(input: CertificateInput): string {
  const { credential: c, qualification: q } = input;
  const en = LABELS.en!;
  const language = originLanguage(q);
  const origin = language ? LABELS[language] : undefined;
  const s = c.credentialSubject;
  const route = subjectFacts(c).assessmentRoute === 'training' ? 'training' : 'rpl';
  const both = (key: keyof Labels) => escape(en[key]) + (origin ? ` / <span lang="${language}">${escape(origin[key])}</span>` : '');
  // Once, with both labels, rather than in each language's column.
  const level = `${q.level.framework} ${q.level.level}${q.level.referencedTo ? ` (${q.level.referencedTo.framework} ${q.level.referencedTo.level})` : ''}`;
  const units = q.units.map((u) => `<li><code>${escape(u.code)}</code> ${escape(primaryText(u.title))}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(en.title)}</title>
${(input.fontStylesheets ?? certificateFontStylesheets()).map((href) => `<link rel="stylesheet" href="${escape(href)}">`).join('\n')}
<style>
  @page { size: A4; margin: 14mm; }
  * { box-sizing: border-box; }
  body { font-family: ${CERTIFICATE_FONT_FAMILIES.map((f) => `"${f}"`).join(', ')}, sans-serif; color: #111; margin: 0; }
  .page { width: 182mm; min-height: 269mm; border: 1.2mm double #1d4e89; padding: 10mm 12mm; position: relative; page-break-after: always; }
  header { display: flex; justify-content: space-between; font-size: 10pt; color: #1d4e89; }
  .columns { display: flex; gap: 8mm; margin-top: 6mm; }
  section { flex: 1; text-align: center; }
  h1 { font-size: 20pt; margin: 2mm 0 4mm; color: #1d4e89; }
  .name { font-size: 20pt; font-weight: bold; margin: 2mm 0; }
  .qualification { font-size: 15pt; font-weight: bold; }
  p { margin: 1.2mm 0; font-size: 10.5pt; }
  .units { font-size: 8.5pt; margin-top: 5mm; columns: 2; }
  .units li { break-inside: avoid; margin-bottom: 1mm; }
  .facts { font-size: 9pt; margin-top: 4mm; display: grid; grid-template-columns: auto 1fr; gap: 1mm 4mm; }
  .qr { position: absolute; right: 12mm; bottom: 12mm; width: 50mm; text-align: center; font-size: 7pt; }
  .qr svg { width: 50mm; height: 50mm; }
  .offer { position: absolute; left: 12mm; bottom: 42mm; width: 70mm; font-size: 7pt; }
  .offer svg { width: 32mm; height: 32mm; display: block; }
  .id { position: absolute; left: 12mm; bottom: 12mm; font-size: 7pt; color: #555; max-width: 110mm; word-break: break-all; }
</style></head>
<body><div class="page">
<header><span>${escape(c.issuer.name)}</span><span>${escape(countryName(q.country))}</span></header>
<div class="columns">${block(en, input, 'en')}${origin && language ? block(origin, input, language) : ''}</div>
<div class="units"><strong>${both('units')}</strong><ul>${units}</ul></div>
<div class="facts">
  <span>${both('level')}</span><span>${escape(level)} · ISCO-08 ${escape(q.isco08)}</span>
  <span>${both('route')}</span><span>${both(route)}</span>
  <span>${both('assessed')}</span><span>${escape(day(s.activityEndDate))}</span>
  <span>${both('issued')}</span><span>${escape(day(c.validFrom))}</span>
  ${c.validUntil ? `<span>${both('validUntil')}</span><span>${escape(day(c.validUntil))}</span>` : ''}
  <span>${both('issuer')}</span><span>${escape(c.issuer.name)}</span>
  ${input.accreditedBy ? `<span>${both('accreditedBy')}</span><span>${accreditor(input.accreditedBy, language)}</span>` : ''}
</div>
<div class="qr">${input.qrSvg}<div>${both('scan')}</div></div>
${input.walletOffer ? `<div class="offer">${input.walletOffer.qrSvg}<div>${both('offer')} ${escape(day(input.walletOffer.expiresAt))}</div></div>` : ''}
<div class="id">${input.walletLink ? `<p class="wallet">${both('wallet')} ${escape(day(input.walletLink.expiresAt))}:<br><code>${escape(input.walletLink.url)}</code></p>` : ''}${escape(c.id)}<br>${escape(c.issuer.id)}</div>
</div></body></html>
`;
}

/** Several certificates as one document, a page each: one PDF for a whole cohort. */
export function combineCertificates(pages: string[]): string {
  if (pages.length === 0) return '';
  const head = pages[0]!.slice(0, pages[0]!.indexOf('<body>'));
  const bodies = pages.map((page) => page.slice(page.indexOf('<body>') + 6, page.lastIndexOf('</body>')));
  return `${head}<body>${bodies.join('\n')}</body></html>\n`;
}
