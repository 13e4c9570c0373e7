// The certificate's second language comes from the qualification's country (its official
// languages) and the record's titles: an Indonesian centre's certificate is English and
// Indonesian, not English alone; a country whose language has no labels gets English alone.
import { describe, expect, it } from '@jest/globals';
import { phCaregivingQualification, type QualificationRecord } from '@corridor/shared';
import { LABELS } from './certificate-labels.js';
import { originLanguage, renderCertificateHtml } from './certificate.js';

const ph = phCaregivingQualification('did:key:z6MkAuthority');
const as = (country: string, title: Record<string, string>): QualificationRecord => ({ ...ph, country, title });

describe('the certificate\'s languages', () => {
  it('from the country\'s official languages and the record\'s titles', () => {
    expect(originLanguage(ph)).toBe('fil'); // PH: en, tl → Filipino
    expect(originLanguage(as('JP', { en: 'Care worker', ja: '介護' }))).toBe('ja');
    expect(originLanguage(as('ID', { en: 'Caregiver', id: 'Pengasuh' }))).toBe('id');
    expect(originLanguage(as('ID', { en: 'Caregiver' }))).toBe('id'); // official language, labels exist, title falls back to English
    expect(originLanguage(as('DE', { en: 'Care worker', de: 'Pflegekraft' }))).toBe('de');
    expect(originLanguage(as('AT', { en: 'Care worker', de: 'Pflegekraft' }))).toBe('de');
    expect(originLanguage(as('GB', { en: 'Care worker' }))).toBeUndefined();
    expect(originLanguage(as('TH', { en: 'Care worker', th: 'ผู้ดูแล' }))).toBeUndefined(); // no Thai labels: English alone, not a guess
  });

  it('an Indonesian qualification prints in English and Indonesian, with the country\'s name', () => {
    const q = as('ID', { en: 'Caregiver Level II', id: 'Pengasuh Tingkat II' });
    const credential = {
      id: 'urn:uuid:00000000-0000-4000-8000-000000000000', issuer: { id: 'did:key:z6MkCentre', name: 'Jakarta Care Academy' }, validFrom: '2026-10-30T00:00:00Z',
      credentialSubject: { name: 'Siti Rahayu', birthDate: '1995-02-03', activityEndDate: '2026-10-29', assessmentRoute: 'training', achievement: { id: q.id } },
    } as unknown as Parameters<typeof renderCertificateHtml>[0]['credential'];
    const html = renderCertificateHtml({ credential, qualification: q, qrSvg: '<svg></svg>', fontStylesheets: [] });
    expect(html).toContain('<section lang="id">');
    expect(html).toContain('Sertifikat Kompetensi');
    expect(html).toContain('Pengasuh Tingkat II');
    expect(html).toContain('<span>Indonesia</span></header>');
    // The level once, with both labels, not in each column.
    expect(html.match(/PQF 2 \(AQRF 2\)/g)).toHaveLength(1);
    expect(html).toContain('Level / <span lang="id">Jenjang</span>');
  });
});

describe('the accrediting authority', () => {
  it('is named on the certificate, in English and the second language when its record has that name', () => {
    const credential = {
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001', issuer: { id: 'did:key:z6MkCentre', name: 'Manila Care Training Center' }, validFrom: '2026-10-30T00:00:00Z',
      credentialSubject: { name: 'Maria Santos', birthDate: '1996-04-12', activityEndDate: '2026-10-29', assessmentRoute: 'training', achievement: { id: ph.id } },
    } as unknown as Parameters<typeof renderCertificateHtml>[0]['credential'];
    const accreditedBy = { en: 'Technical Education and Skills Development Authority', fil: 'Pangasiwaan sa Edukasyong Teknikal' };
    const html = renderCertificateHtml({ credential, qualification: ph, qrSvg: '<svg></svg>', fontStylesheets: [], accreditedBy });
    expect(html).toContain('Accredited by / <span lang="fil">Akreditado ng</span>');
    expect(html).toContain('Technical Education and Skills Development Authority / <span lang="fil">Pangasiwaan sa Edukasyong Teknikal</span>');
    expect(renderCertificateHtml({ credential, qualification: ph, qrSvg: '<svg></svg>', fontStylesheets: [] })).not.toContain('Accredited by');
  });
});

describe('what the page says, once and labelled', () => {
  const credential = {
    id: 'urn:uuid:00000000-0000-4000-8000-000000000002', issuer: { id: 'did:key:z6MkCentre', name: 'Manila Care Training Center' }, validFrom: '2026-10-30T00:00:00Z',
    credentialSubject: { name: 'Maria Santos', birthDate: '1996-04-12', activityEndDate: '2026-10-29', assessmentRoute: 'training', achievement: { id: ph.id } },
  } as unknown as Parameters<typeof renderCertificateHtml>[0]['credential'];
  const render = (q: QualificationRecord) => renderCertificateHtml({ credential, qualification: q, qrSvg: '<svg></svg>', fontStylesheets: [] });
  const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('the occupation by its ISCO-08 title, not the bare code', () => {
    const html = render(ph);
    expect(html).toContain('<dt>Occupation / <span lang="fil">Hanapbuhay</span></dt><dd>ISCO-08 5322 Home-based personal care workers</dd>');
    expect(render({ ...ph, isco08: '7411' })).toContain('ISCO-08 7411 Building and related electricians');
  });

  it('a code ISCO-08 does not have is printed as it is, with no title made up', () => {
    expect(render({ ...ph, isco08: '5323' })).toContain('<dd>ISCO-08 5323</dd>');
  });

  it('the level once, the credential\'s number under its own label, no bare "ID" label and no DID to puzzle over', () => {
    const html = render(ph);
    expect(text(html).match(/PQF 2/g)).toHaveLength(1);
    expect(text(html)).toContain('Credential number / Numero ng kredensyal : urn:uuid:00000000-0000-4000-8000-000000000002');
    expect(text(html)).not.toMatch(/\bID\b/);
    expect(html).not.toContain('did:key:');
    // An Indonesian qualification's country is printed by name, not as the code "ID".
    const id = text(render(as('ID', { en: 'Caregiver', id: 'Pengasuh' })));
    expect(id).toContain('Indonesia');
    expect(id).not.toMatch(/\bID\b/);
  });

  it('every language has every label', () => {
    const keys = Object.keys(LABELS.en!).sort();
    for (const labels of Object.values(LABELS)) {
      expect(Object.keys(labels).sort()).toEqual(keys);
      for (const value of Object.values(labels)) expect(value.trim()).not.toBe('');
    }
  });
});
