// `npm test` installs the Debian tools the tests need (scripts/test-tools.mjs, run by setup.mjs):
// a failed install never aborts it. It waits for another apt's dpkg lock, retries once, and then
// says exactly what to run (issue 20: a held dpkg lock once stopped `npm test` before any test ran).
// apt-get here is a stand-in on PATH that records how it was called and fails or succeeds as told.
import { describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './docs-runner.js';
import { runSync } from './run-sync.js';

/** Runs the tools step with Chromium "missing" and an apt-get that exits with `status` (0: installs). */
function toolsStep(status: number) {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-apt-'));
  const log = join(dir, 'apt.log');
  writeFileSync(join(dir, 'apt-get'), `#!/bin/sh\necho "$*" >> "${log}"\n[ "$1" = --version ] && exit 0\nexit ${status}\n`);
  chmodSync(join(dir, 'apt-get'), 0o755);
  const result = runSync(process.execPath, [join(repoRoot, 'scripts', 'test-tools.mjs')], {
    encoding: 'utf8', timeout: 30_000,
    env: { ...process.env, NODE_OPTIONS: '', PATH: `${dir}:${process.env.PATH}`, CORRIDOR_CHROMIUM: join(dir, 'no-chromium') },
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter((line) => line !== '--version') : [];
  return { status: result.status, err: result.stderr, calls };
}

const root = process.getuid?.() === 0;
const UPDATE = '-o DPkg::Lock::Timeout=300 update -qq';
// Without root nothing is attempted: the line to run is given at once.
const NOT_ROOT = { calls: [], err: 'corridor: the tests need chromium: sudo apt-get install chromium\n' };

describe('the tests\' Debian tools', () => {
  it.each([
    ['apt failing (a held lock): waits for the lock, retries once, then names the command to run; exit 0, the tests still run', 100,
      { calls: [UPDATE, UPDATE], err: 'corridor: installing Debian packages the tests need: chromium…\n' +
        'corridor: could not install them (is another apt running?). Run: sudo apt-get install chromium\n' }],
    ['apt working: one install, waiting for the lock, of only what is missing, and no complaint', 0,
      { calls: [UPDATE, '-o DPkg::Lock::Timeout=300 install -y -qq chromium'], err: 'corridor: installing Debian packages the tests need: chromium…\n' }],
  ])('%s', (_case, aptStatus, asRoot) => {
    const { status, err, calls } = toolsStep(aptStatus);
    expect({ status, err, calls }).toEqual({ status: 0, ...(root ? asRoot : NOT_ROOT) });
  });
});
