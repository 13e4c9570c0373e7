import { describe, expect, it } from '@jest/globals';
import { cohortCredentialId, parseCsv, readCohort } from './cohort.js';

describe('cohort files', () => {
  it('parses RFC 4180 CSV: quotes, doubled quotes, commas and newlines inside fields, CRLF', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line\nbreak"\n')).toEqual([['a', 'b'], ['x, "y"', 'line\nbreak']]);
  });

  it('reports bad rows by line number and code, without their content, and keeps the good ones', () => {
    const { rows, problems } = readCohort([
      'name,birth_date,qualification,assessment_date,route',
      'Maria Santos,1996-04-12,urn:q:1,2026-10-30,training',
      'Juan Cruz,12/04/1996,urn:q:1,2026-10-30,training',
      ',1990-01-01,urn:q:1,2026-10-30,training',
      'Ana Reyes,1998-07-21,urn:q:1,2026-10-30,apprenticeship',
      '',
      '"Reyes, Ana",1998-07-21,urn:q:1,2026-10-30,rpl',
    ].join('\n'));
    expect(rows.map((r) => r.line)).toEqual([2, 7]);
    expect(rows[1]).toMatchObject({ name: 'Reyes, Ana', route: 'recognition-of-prior-learning', assessedAt: '2026-10-30T00:00:00Z' });
    expect(problems.map((p) => [p.line, p.code])).toEqual([[3, 'ERR_INPUT_INVALID'], [4, 'ERR_INPUT_INVALID'], [5, 'ERR_INPUT_INVALID']]);
    expect(JSON.stringify(problems)).not.toMatch(/Juan|Ana|12\/04/);
  });

  it('refuses a file without the expected header', () => {
    expect(() => readCohort('name,qualification\nx,y')).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
  });

  it('gives a row the same credential id every time, and another row another id', () => {
    const [row] = readCohort('name,birth_date,qualification,assessment_date,route\nMaria,1996-04-12,urn:q:1,2026-10-30,training').rows;
    const id = cohortCredentialId('did:key:z6Mkx', row!);
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Pinned: a file re-run after an upgrade must find what the earlier version issued.
    expect(id).toBe('urn:uuid:a41edfbb-fbb1-882c-a3be-e379d2558e16');
    expect(cohortCredentialId('did:key:z6Mkx', { ...row! })).toBe(id);
    expect(cohortCredentialId('did:key:z6Mkx', { ...row!, birthDate: '1996-04-13' })).not.toBe(id);
    expect(cohortCredentialId('did:key:z6Mky', row!)).not.toBe(id);
  });
});
