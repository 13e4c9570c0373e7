// The checkout stands alone (issue 20): every file the code and the tests reach by a path relative
// to their own module (a URL relative to `import.meta.url`) is inside the repository, and, unless it is
// something the build or a test run writes, there already. A fresh clone once failed `npm test`
// because a test read `../../../shared/vectors/`, a folder beside the repository.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from './docs-runner.js';

const SOURCE_DIRS = ['shared', 'packages', 'test', 'scripts'];
/** What a build or a test run writes: reached before it exists. */
const WRITTEN = /(^|\/)(dist|artifacts)(\/|$)/;

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', 'vectors'].includes(entry.name) ? [] : sources(path);
    return /\.(ts|mjs|cjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The paths a module reaches relative to itself: for a template, the folder before its first `${`. */
function reached(file: string): { written: string; path: string }[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return [...text.matchAll(/new URL\(\s*(['`])([^'`]*)\1\s*,\s*import\.meta\.url\s*\)/g)].map((m) => {
    const literal = m[2]!.split('${')[0]!;
    return { written: m[2]!, path: fileURLToPath(new URL(literal || '.', pathToFileURL(join(repoRoot, file)))) };
  });
}

const outside = (path: string) => relative(repoRoot, path).startsWith('..');
/** There: a module's `./x.js` is its compiled sibling, there as `x.ts` in the sources. */
const there = (path: string) => existsSync(path) || (path.endsWith('.js') && existsSync(path.replace(/\.js$/, '.ts')));

describe('a self-contained checkout', () => {
  it('the check sees a path beside the repository (it is not vacuous)', () => {
    expect(outside(fileURLToPath(new URL('../../../shared/vectors/', pathToFileURL(join(repoRoot, 'shared', 'src', 'vectors.test.ts')))))).toBe(true);
    expect(outside(fileURLToPath(new URL('../vectors/', pathToFileURL(join(repoRoot, 'shared', 'src', 'vectors.test.ts')))))).toBe(false);
  });

  it('every path a module reaches from itself is inside the repository, and there unless the build or a run writes it', () => {
    const files = SOURCE_DIRS.flatMap(sources);
    expect(files).toContain(join('shared', 'src', 'vectors.test.ts'));
    const paths = files.flatMap((file) => reached(file).map((r) => ({ file, ...r })));
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => outside(p.path)).map((p) => `${p.file}: ${p.written}`)).toEqual([]);
    expect(paths.filter((p) => !WRITTEN.test(relative(repoRoot, p.path)) && !there(p.path)).map((p) => `${p.file}: ${p.written}`)).toEqual([]);
  });
});
