import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson, isCanonicalJsonText } from './canonical-json.js';

describe('isCanonicalJsonText', () => {
  it('agrees with RFC 8785 canonicalization on any JSON, canonical or not', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (value, canonical) => {
      const text = canonical ? canonicalJson(value) : JSON.stringify(value);
      const parsed = JSON.parse(text) as unknown;
      expect(isCanonicalJsonText(parsed, text)).toBe(canonicalJson(parsed) === text);
    }), { numRuns: 2000 });
  });

  it('refuses duplicate keys, other spacing, and out-of-order keys; accepts integer-like keys in UTF-16 order', () => {
    expect(isCanonicalJsonText(JSON.parse('{"a":1,"a":2}'), '{"a":1,"a":2}')).toBe(false);
    expect(isCanonicalJsonText({ a: 1 }, '{"a": 1}')).toBe(false);
    expect(isCanonicalJsonText(JSON.parse('{"b":1,"a":2}'), '{"b":1,"a":2}')).toBe(false);
    expect(isCanonicalJsonText(JSON.parse('{"10":1,"9":2}'), '{"10":1,"9":2}')).toBe(true);
  });
});
