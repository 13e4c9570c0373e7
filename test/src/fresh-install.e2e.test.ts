// A fresh install says nothing alarming (issue 20): no "Failed to create bin" (a bin that points at
// a file a fresh clone lacks) and no "Ignored build scripts" box (each dependency's install script is
// either allowed or declared unneeded). The install is the real one, of what a fresh clone holds for
// pnpm (the manifests, the lockfile, the workspace file and the bin files), offline from pnpm's store.
import { afterAll, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './docs-runner.js';
import { runSync } from './run-sync.js';

// Inside the checkout (.corridor/ is ignored by git): on the file system whose pnpm store the real install filled.
mkdirSync(join(repoRoot, '.corridor'), { recursive: true });
const dir = mkdtempSync(join(repoRoot, '.corridor', 'fresh-install-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The workspace's package folders, as pnpm-workspace.yaml lists them (a folder, or every folder in folder/*). */
function packageDirs(): string[] {
  const yaml = readFileSync(join(repoRoot, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [.../^packages:\n((?:\s+-\s+\S+\n)+)/m.exec(yaml)![1]!.matchAll(/-\s+(\S+)/g)].map((m) => m[1]!);
  return globs.flatMap((glob) => (glob.endsWith('/*')
    ? readdirSync(join(repoRoot, glob.slice(0, -2))).map((name) => `${glob.slice(0, -1)}${name}`).filter((pkg) => existsSync(join(repoRoot, pkg, 'package.json')))
    : [glob]));
}

it('pnpm install of a fresh clone prints no warning: no bin it cannot create, no ignored build script', () => {
  const copy = (path: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    cpSync(join(repoRoot, path), join(dir, path));
  };
  for (const file of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc']) if (existsSync(join(repoRoot, file))) copy(file);
  for (const pkg of packageDirs()) {
    copy(`${pkg}/package.json`);
    const { bin } = JSON.parse(readFileSync(join(repoRoot, pkg, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    for (const target of Object.values(bin ?? {})) copy(join(pkg, target));
  }
  const install = runSync('pnpm', ['install', '--frozen-lockfile', '--offline'], { cwd: dir, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NODE_OPTIONS: '' } });
  const said = `${install.stdout}\n${install.stderr}`;
  expect({ status: install.status, error: install.error?.message }).toEqual({ status: 0, error: undefined });
  expect(said).toMatch(/Done in /);
  expect(said).not.toMatch(/Failed to create bin/);
  expect(said).not.toMatch(/Ignored build scripts/);
  expect(said.split('\n').filter((line) => /\bWARN\b|Warning/.test(line))).toEqual([]);
  // The bins are there: each package's command, linked where the tests' package can run it.
  expect(packageDirs()).toEqual(['shared', 'packages/issuer', 'packages/registry', 'packages/verifier', 'test']);
  for (const name of ['corridor-issuer', 'corridor-registry', 'corridor-verifier']) expect(existsSync(join(dir, 'test', 'node_modules', '.bin', name))).toBe(true);
}, 240_000);
