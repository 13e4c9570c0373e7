// Docs match code: every error code is explained in the error table (docs/errors.md), and nothing else is.
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '@corridor/shared';

test('the error table in docs/errors.md lists exactly the ERR_* codes of the code base', () => {
  const table = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const documented = [...table.matchAll(/^\|\s*`(ERR_[A-Z_]+)`\s*\|/gm)].map((m) => m[1]);
  expect([...documented].sort()).toEqual(Object.keys(ERROR_CODES).sort());
});

test('the README points to the error table instead of keeping one', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(readme).toContain('(docs/errors.md)');
  expect(readme).not.toMatch(/^\|\s*`ERR_[A-Z_]+`\s*\|/m);
});
