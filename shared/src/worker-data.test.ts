import { describe, expect, it } from '@jest/globals';
import { checkPersonName, checkWorkerData, isCalendarDate, isCalendarDateTime, isHolderDid } from './worker-data.js';

const now = new Date('2026-12-01T04:00:00Z');
const worker = { name: 'Maria Santos', birthDate: '1996-04-12', assessedAt: '2026-10-30' };
const refusal = (pointer?: string) => expect.objectContaining({ code: 'ERR_PROPERTY_REFUSED', ...(pointer ? { pointer } : {}) });

describe('calendar dates', () => {
  it('accepts days that exist, refuses those that do not', () => {
    expect(['2024-02-29', '2026-12-31', '2000-02-29'].every(isCalendarDate)).toBe(true);
    expect(['2024-02-30', '2023-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-1', '2026-01-01T00:00:00Z'].some(isCalendarDate)).toBe(false);
  });

  it('date-times need a real day, a real time and a time zone', () => {
    expect(['2031-12-01T00:00:00Z', '2031-12-01T23:59:59.5+09:00', '2024-02-29T12:00:00-05:00'].every(isCalendarDateTime)).toBe(true);
    expect(['2031-02-30T00:00:00Z', '2031-12-01T24:00:00Z', '2031-12-01T10:60:00Z', '2031-12-01T10:00:00', '2031-12-01T10:00:00+15:00', '2031-12-01'].some(isCalendarDateTime)).toBe(false);
    // XML Schema's time zones run from -14:00 to +14:00: no +14:30, no minute 60.
    expect(['2031-12-01T10:00:00+14:00', '2031-12-01T10:00:00-14:00', '2031-12-01T10:00:00+13:45'].every(isCalendarDateTime)).toBe(true);
    expect(['2031-12-01T10:00:00+14:30', '2031-12-01T10:00:00-14:01', '2031-12-01T10:00:00+05:60'].some(isCalendarDateTime)).toBe(false);
  });
});

describe('checkWorkerData: one check for the VC-API, the CLI and cohorts', () => {
  it('passes a good worker, dating a date-only assessment at midnight UTC', () => {
    expect(checkWorkerData(worker, { now })).toEqual({ ...worker, assessedAt: '2026-10-30T00:00:00Z' });
    expect(checkWorkerData({ ...worker, birthDate: '2004-02-29' }, { now }).birthDate).toBe('2004-02-29');
  });

  it('refuses a birth date that is no calendar date, in the future, or before 1900', () => {
    for (const birthDate of ['2024-02-30', '2023-02-29', '2027-01-01', '1899-12-31']) {
      expect(() => checkWorkerData({ ...worker, birthDate }, { now, pointers: { birthDate: '/b' } })).toThrow(refusal('/b'));
    }
    expect(() => checkWorkerData({ ...worker, birthDate: '12/04/1996' }, { now })).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
  });

  it('refuses an assessment in the future or before birth; "today" anywhere on Earth is not the future', () => {
    expect(() => checkWorkerData({ ...worker, assessedAt: '2026-12-03' }, { now })).toThrow(refusal());
    expect(() => checkWorkerData({ ...worker, assessedAt: '2026-12-02T20:00:00Z' }, { now })).toThrow(refusal());
    expect(() => checkWorkerData({ ...worker, assessedAt: '1990-01-01' }, { now })).toThrow(refusal());
    expect(() => checkWorkerData({ ...worker, assessedAt: '2026-02-30' }, { now })).toThrow(refusal());
    // 04:00 UTC is already noon on 1 December in Manila, and 2 December is near in Kiribati.
    expect(checkWorkerData({ ...worker, assessedAt: '2026-12-01' }, { now }).assessedAt).toBe('2026-12-01T00:00:00Z');
    expect(checkWorkerData({ ...worker, assessedAt: '2026-12-01T03:00:00+08:00' }, { now }).assessedAt).toBe('2026-12-01T03:00:00+08:00');
  });

  it('names are printable text: no NUL, C0/C1 controls, DEL, bidi overrides or unpaired surrogates; NFC and trimmed', () => {
    for (const name of ['Maria\u0000Santos', 'Maria\u0085Santos', 'Maria\u009bSantos', 'Maria\u007fSantos', 'Maria\nSantos', 'Maria \u202eSOTNAS', 'Maria\u2066x\u2069', 'Maria \ud800', 'Maria \udc00x', '   ', 'x'.repeat(201),
      // Unicode's 66 noncharacters, not only U+FFFE and U+FFFF: U+FDD0..U+FDEF and the last two of every plane.
      'Maria\ufdd0Santos', 'Maria\ufdefSantos', 'Maria\ufffe', 'Maria\u{1FFFE}Santos', 'Maria\u{10FFFF}']) {
      expect(() => checkPersonName(name, { labels: { name: '--name' } })).toThrow(refusal());
    }
    expect(() => checkPersonName(42)).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
    expect(checkPersonName('  Nguye\u0302\u0303n Thi\u0323 ')).toBe('Nguye\u0302\u0303n Thi\u0323'.normalize('NFC'));
    expect(checkPersonName('José 😀 محمد 山田太郎')).toBe('José 😀 محمد 山田太郎');
  });

  it('messages name the field, never its value', () => {
    try {
      checkWorkerData({ ...worker, name: 'Secret\u0000Name' }, { now, labels: { name: 'name' } });
    } catch (error) {
      expect((error as Error).message).toMatch(/^name /);
      expect((error as Error).message).not.toMatch(/Secret/);
    }
  });

  it('holder DIDs', () => {
    expect(['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'did:web:example.org:users:ana', 'did:example:123%20x'].every(isHolderDid)).toBe(true);
    expect(['https://example.org', 'did:key:', 'did:Key:abc', 'did:web:exa mple.org', 'did:web:example.org:'].some(isHolderDid)).toBe(false);
  });
});
