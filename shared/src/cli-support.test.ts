import { describe, expect, it } from '@jest/globals';
import { inert, jsonText, terminalText } from './cli-support.js';

describe('terminal output', () => {
  const active = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udfff]/;

  it('shows every character a terminal would act on as a visible escape: C0, ESC, DEL, C1, bidi controls, separators, lone surrogates', () => {
    expect(inert('\u001b[2J\u009b31m\u202eabc\u2066\u200f\u061c\u2028\u007f\r\n\t\u0000')).toBe(
      '\\u{1b}[2J\\u{9b}31m\\u{202e}abc\\u{2066}\\u{200f}\\u{61c}\\u{2028}\\u{7f}\\u{d}\\u{a}\\u{9}\\u{0}');
    expect(inert('a\ud800b\udc00')).toBe('a\\u{d800}b\\u{dc00}');
    expect(Array.from({ length: 0x10000 }, (_, code) => inert(String.fromCharCode(code))).join(' ')).not.toMatch(active);
  });

  it('leaves printable text of any script alone, pairs of surrogates included', () => {
    for (const text of ['Maria Santos', 'José Dela Cruz', 'ماريا', '介護福祉士', 'emoji 👩‍⚕️', 'NBSP\u00a0and\u202fnarrow']) expect(inert(text)).toBe(text);
  });

  it('keeps the output\'s own line breaks only', () => {
    expect(terminalText('VALID\n  name \u001b[2J\r')).toBe('VALID\n  name \\u{1b}[2J\\u{d}');
  });
});

describe('JSON output', () => {
  it('escapes what JSON.stringify leaves raw (DEL, C1, bidi controls, U+2028/9): the same value, nothing a terminal acts on', () => {
    const value = { name: '\u001b[2J\u009b2J\u202eMaria\u2066\u2028\u007f\ud800', n: 1 };
    const text = jsonText(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udfff]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(jsonText({ a: 1 }, 0)).toBe('{"a":1}');
  });
});
