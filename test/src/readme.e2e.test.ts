// Docs match code: every error code is explained in the error table (docs/errors.md), and nothing else is;
// the README stays a short front page (the manuals are in docs/).
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

test('the README stays short: what Corridor is, the two commands, and a paragraph with a link per role (issue 20)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(readme.split('\n').length).toBeLessThanOrEqual(100);
  const quickStart = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(quickStart.split('\n').filter((line) => line.trim()).map((line) => line.split('#')[0]!.trim())).toEqual(['npm run demo', 'npm test']);
  // Each role's paragraph ends at its manual; the manuals live in docs/, not here.
  for (const [role, manual] of [['Training centres', 'training-centre.md'], ['Competent authorities', 'authority.md'], ['Border and labour officers', 'officer.md'], ['Migrant workers', 'worker.md']]) {
    const paragraph = readme.split('\n\n').find((p) => p.startsWith(`**${role}**`));
    expect([role, paragraph?.includes(`(docs/${manual})`)]).toEqual([role, true]);
  }
  // No lab notebook: bench tables live in docs/performance.md.
  expect(readme).not.toMatch(/^\|.*\bms\b.*\|$/m);
});
