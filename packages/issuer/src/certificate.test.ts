// The certificate's second language comes from the qualification's country (its official
// languages) and the record's titles: an Indonesian centre's certificate is English and
// Indonesian, not English alone; a country whose language has no labels gets English alone.
import { describe, expect, it } from '@jest/globals';
import { phCaregivingQualification, type QualificationRecord } from '@corridor/shared';
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
