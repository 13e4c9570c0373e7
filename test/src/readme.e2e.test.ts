// Docs match code: every error code is explained in the README's table, and nothing else is.
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '@corridor/shared';

test('the README error table lists exactly the ERR_* codes of the code base', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const documented = [...readme.matchAll(/^\|\s*`(ERR_[A-Z_]+)`\s*\|/gm)].map((m) => m[1]);
  expect([...documented].sort()).toEqual(Object.keys(ERROR_CODES).sort());
});
