// The vendored ISCO-08 table has the classification's shape: 10 major, 43 sub-major, 130 minor and
// 436 unit groups, codes of 1 to 4 digits, each group's parents present, no code twice; the
// certificate prints a title only for a code the table has.
import { describe, expect, it } from '@jest/globals';
import { ISCO08_GROUPS } from './isco08-data.js';
import { isco08Label, isco08Title } from './isco08.js';

describe('the ISCO-08 table', () => {
  it('has the ILO\'s counts at each level, digits only, no code twice, no empty title', () => {
    const codes = ISCO08_GROUPS.map(([code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [code, title] of ISCO08_GROUPS) {
      expect(code).toMatch(/^\d{1,4}$/);
      expect(title.trim()).toBe(title);
      expect(title.length).toBeGreaterThan(2);
    }
    const at = (digits: number) => codes.filter((c) => c.length === digits).length;
    expect([at(1), at(2), at(3), at(4)]).toEqual([10, 43, 130, 436]);
  });

  it('every group\'s parents exist, and every group above the unit level has children', () => {
    const codes = new Set(ISCO08_GROUPS.map(([code]) => code));
    for (const code of codes) for (let n = 1; n < code.length; n++) expect(codes.has(code.slice(0, n))).toBe(true);
    for (const code of codes) if (code.length < 4) expect([...codes].some((c) => c.length === code.length + 1 && c.startsWith(code))).toBe(true);
  });

  it('titles the groups the corridor uses, as the ILO does', () => {
    expect(isco08Title('5322')).toBe('Home-based personal care workers');
    expect(isco08Title('7411')).toBe('Building and related electricians');
    expect(isco08Title('532')).toBe('Personal care workers in health services');
    expect(isco08Title('53')).toBe('Personal care workers');
    expect(isco08Title('5')).toBe('Service and sales workers');
    expect(isco08Label('5322')).toBe('5322 Home-based personal care workers');
  });

  it('a code ISCO-08 does not have is printed as the code alone, never with an invented title', () => {
    for (const code of ['5323', '9999', '0000', '', '53220', 'x']) expect(isco08Title(code)).toBeUndefined();
    expect(isco08Label('5323')).toBe('5323');
  });
});
