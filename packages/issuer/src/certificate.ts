/**
 * The printable certificate: one A4 page with the worker's name and birth date, the
 * qualification (title, level once, occupation by its ISCO-08 title, units), the issuer, the
 * dates, and the QR code at a size a phone reads from paper — in English and the origin
 * country's language (its official languages, from countries-list's ISO 3166 → ISO 639-1 table,
 * preferring one the records carry titles in). The page flows top to bottom (nothing placed
 * absolutely, so a long name or title pushes the rest down instead of running under the QR).
 * Pure: returns HTML.
 */
import { primaryText, subjectFacts, type QualificationRecord, type SkillCredential } from '@corridor/shared';
import { countries } from 'countries-list';
import { CERTIFICATE_FONT_FAMILIES, certificateFontStylesheets } from './certificate-fonts.js';
import { LABELS, type Labels } from './certificate-labels.js';
import { isco08Label } from './isco08.js';

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
  <p class="qualification" dir="auto">${title}</p>
</section>`;
}

/** An authority's name in English, and in the certificate's second language when the record has it and it differs. */
function accreditor(name: Record<string, string>, language: string | undefined): string {
  const english = name.en ?? primaryText(name);
  const local = language ? name[language] : undefined;
  return escape(english) + (local && local !== english ? ` / <span lang="${language}">${escape(local)}</span>` : '');
}

/**
 * Shrinks a page's text (never its QR codes) in 5% steps until its content fits the page box, so a
 * long name or title never runs off the page or into the footer. Static: no data in it. Run on
 * load, once the fonts are ready, and again whenever more fonts finish loading: a font subset is
 * fetched only when layout first needs its characters, which can be after load and after `ready`
 * first resolved (Chromium 156.0.8078.114 printed a long Japanese name 21 mm past the page so).
 */
const FIT_SCRIPT = `
function fitPages() {
  for (const page of document.querySelectorAll('.page')) {
    let fit = 1;
    page.style.setProperty('--fit', '1');
    while (page.scrollHeight > page.clientHeight + 1 && fit > 0.6) page.style.setProperty('--fit', String(fit = Math.round((fit - 0.05) * 100) / 100));
  }
}
addEventListener('load', fitPages);
document.fonts.ready.then(fitPages);
document.fonts.addEventListener('loadingdone', fitPages);
`;

export function renderCertificateHtml(input: CertificateInput): string {
  const { credential: c, qualification: q } = input;
  const en = LABELS.en!;
  const language = originLanguage(q);
  const origin = language ? LABELS[language] : undefined;
  const s = c.credentialSubject;
  const route = subjectFacts(c).assessmentRoute === 'training' ? 'training' : 'rpl';
  const both = (key: keyof Labels) => escape(en[key]) + (origin ? ` / <span lang="${language}">${escape(origin[key])}</span>` : '');
  const fact = (key: keyof Labels, value: string) => `<dt>${both(key)}</dt><dd>${value}</dd>`;
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
  @media screen { body { padding: 14mm; } } /* a screenshot shows the page as printed, margins and all */
  .page { --fit: 1; width: 182mm; height: 269mm; border: 1.2mm double #1d4e89; padding: 9mm 11mm; display: flex; flex-direction: column; gap: 5mm; overflow: hidden; break-after: page; }
  .page:last-child { break-after: auto; }
  header { display: flex; justify-content: space-between; gap: 6mm; font-size: calc(var(--fit) * 10pt); color: #1d4e89; }
  .columns { display: flex; gap: 8mm; }
  section { flex: 1 1 0; min-width: 0; text-align: center; }
  h1 { font-size: calc(var(--fit) * 20pt); margin: 0 0 3mm; color: #1d4e89; line-height: 1.2; }
  .name { font-size: calc(var(--fit) * 20pt); font-weight: bold; margin: 2mm 0; line-height: 1.25; }
  .qualification { font-size: calc(var(--fit) * 15pt); font-weight: bold; line-height: 1.3; }
  .name, .qualification, dd { overflow-wrap: anywhere; }
  [lang="ja"] { word-break: auto-phrase; } /* Japanese breaks between phrases, not inside a word */
  p { margin: 1.2mm 0; font-size: calc(var(--fit) * 10.5pt); }
  .details { display: flex; gap: 8mm; align-items: flex-start; }
  dl { flex: 1; min-width: 0; margin: 0; font-size: calc(var(--fit) * 9.5pt); display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1.5mm 4mm; }
  dt { color: #333; }
  dd { margin: 0; }
  .qr { flex: none; width: 58mm; text-align: center; font-size: calc(var(--fit) * 7pt); }
  .qr svg { width: 58mm; height: 58mm; display: block; }
  .units { font-size: calc(var(--fit) * 9pt); }
  .units ul { columns: 2; column-gap: 8mm; margin: 1.5mm 0 0; padding-left: 5mm; }
  .units li { break-inside: avoid; margin-bottom: 1mm; }
  footer { margin-top: auto; display: flex; gap: 6mm; align-items: flex-end; font-size: calc(var(--fit) * 7.5pt); color: #444; }
  footer .wallet { font-size: inherit; margin: 0 0 1.5mm; }
  footer .number { flex: 1; min-width: 0; overflow-wrap: anywhere; }
  .offer { width: 70mm; }
  .offer svg { width: 32mm; height: 32mm; display: block; }
</style>
<script>${FIT_SCRIPT}</script></head>
<body><div class="page">
<header><span>${escape(c.issuer.name)}</span><span>${escape(countryName(q.country))}</span></header>
<div class="columns">${block(en, input, 'en')}${origin && language ? block(origin, input, language) : ''}</div>
<div class="details"><dl>
  ${fact('level', escape(level))}
  ${fact('occupation', `ISCO-08 ${escape(isco08Label(q.isco08))}`)}
  ${fact('route', both(route))}
  ${fact('assessed', escape(day(s.activityEndDate)))}
  ${fact('issued', escape(day(c.validFrom)))}
  ${c.validUntil ? fact('validUntil', escape(day(c.validUntil))) : ''}
  ${fact('issuer', escape(c.issuer.name))}
  ${input.accreditedBy ? fact('accreditedBy', accreditor(input.accreditedBy, language)) : ''}
</dl>
<div class="qr">${input.qrSvg}<div>${both('scan')}</div></div></div>
${units ? `<div class="units"><strong>${both('units')}</strong><ul>${units}</ul></div>` : ''}
<footer>${input.walletOffer ? `<div class="offer">${input.walletOffer.qrSvg}<div>${both('offer')} ${escape(day(input.walletOffer.expiresAt))}</div></div>` : ''}
<div class="number">${input.walletLink ? `<p class="wallet">${both('wallet')} ${escape(day(input.walletLink.expiresAt))}:<br><code>${escape(input.walletLink.url)}</code></p>` : ''}${both('credentialNumber')}: <code>${escape(c.id)}</code></div></footer>
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
