// `npm test` runs Jest under scripts/test.mjs, whose watchdog stops a run that a test file holds
// past its budget — where Jest's own timeouts cannot fire (its process blocked in a spawnSync) —
// names the file and the test, leaves no process behind, and runs the files not finished once
// more: the whole passes only if nothing failed and nothing hung twice, and the hang is reported.
import { afterAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'corridor-watchdog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runWatched(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'test.mjs'), '--config', join(dir, 'jest.config.cjs')],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

function writeConfig(): void {
  writeFileSync(join(dir, 'jest.config.cjs'), `module.exports = ${JSON.stringify({
    rootDir: dir, testMatch: ['<rootDir>/*.test.cjs'], transform: {},
    reporters: ['default', join(root, 'test', 'setup', 'progress-reporter.cjs')],
  })};`);
}

/** A test file that counts its runs in `<name>.runs` and, while `hangs(run)`, waits for a child that never ends. */
function blockingTest(name: string, hangs: string): void {
  const runs = join(dir, `${name}.runs`);
  writeFileSync(join(dir, `${name}.test.cjs`), `
    const { appendFileSync, readFileSync } = require('node:fs');
    const { spawnSync } = require('node:child_process');
    test('waits for a child that never ends', () => {
      appendFileSync(${JSON.stringify(runs)}, 'x');
      const run = readFileSync(${JSON.stringify(runs)}, 'utf8').length;
      if (${hangs}) spawnSync('sh', ['-c', 'echo $$ > ${join(dir, 'sleeper.pid')}; exec sleep 600']);
    });
  `);
}
const runsOf = (name: string) => (existsSync(join(dir, `${name}.runs`)) ? readFileSync(join(dir, `${name}.runs`), 'utf8').length : 0);
const reset = () => { for (const name of readdirSync(dir)) rmSync(join(dir, name)); writeConfig(); };

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    try { process.kill(pid, 0); } catch { return true; }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

it('stops a file blocked past its budget, names it and its test, kills its child, and fails when it hangs again', async () => {
  reset();
  blockingTest('blocked', 'true');
  writeFileSync(join(dir, 'a-fine.test.cjs'), `test('fine', () => require('node:fs').appendFileSync(${JSON.stringify(join(dir, 'a-fine.runs'))}, 'x'));`);
  const { code, out } = await runWatched({ CORRIDOR_TEST_FILE_MINUTES: '0.05' });
  expect(code).toBe(1);
  expect(out).toContain('blocked.test.cjs ran past 0.05 min');
  expect(out).toContain('its last test to start: "waits for a child that never ends"');
  expect(out).toMatch(/sleep 600/);
  expect(out).toContain('blocked.test.cjs hung in the first run');
  expect(runsOf('blocked')).toBe(2);
  expect(await gone(Number(readFileSync(join(dir, 'sleeper.pid'), 'utf8')))).toBe(true);
}, 90_000);

it('runs once more only the files a hang left unfinished, and passes, saying so, when they pass', async () => {
  reset();
  blockingTest('blocked', 'run === 1');
  for (const name of ['a-before', 'z-after']) {
    writeFileSync(join(dir, `${name}.test.cjs`), `test('fine', () => require('node:fs').appendFileSync(${JSON.stringify(join(dir, `${name}.runs`))}, 'x'));`);
  }
  const { code, out } = await runWatched({ CORRIDOR_TEST_FILE_MINUTES: '0.05' });
  expect(out).toContain('blocked.test.cjs hung; running the test files that had not finished once more');
  expect(out).toContain('blocked.test.cjs hung in the first run (see above); everything passed when run again');
  expect(code).toBe(0);
  expect(runsOf('blocked')).toBe(2);
  // Each file that finished before the hang ran once; each that had not, once in the second run.
  expect(runsOf('a-before') + runsOf('z-after')).toBe(2);
}, 90_000);

it('fails when a file failed before the hang, though everything passed when run again', async () => {
  reset();
  blockingTest('blocked', 'run === 1');
  writeFileSync(join(dir, 'a-failing.test.cjs'), `test('fails', () => { expect(1).toBe(2); });`);
  const { code, out } = await runWatched({ CORRIDOR_TEST_FILE_MINUTES: '0.05' });
  expect(out).toContain('failed before the hang: ');
  expect(code).toBe(1);
}, 90_000);

it('stops a run that Jest does not end after its last file, because a test left something open', async () => {
  reset();
  writeFileSync(join(dir, 'blocked.test.cjs'), `test('leaves a child running', () => {
    require('node:child_process').spawn('sleep', ['600'], { stdio: 'inherit' });
  });`);
  const { code, out } = await runWatched({ CORRIDOR_TEST_IDLE_MINUTES: '0.05' });
  expect(code).toBe(1);
  expect(out).toContain('1 passed');
  expect(out).toContain('no test file ran for 0.05 min');
}, 60_000);

it('passes Jest\'s own exit code through when every file ends in time', async () => {
  reset();
  writeFileSync(join(dir, 'blocked.test.cjs'), `test('ends', () => { expect(1).toBe(1); });`);
  writeFileSync(join(dir, 'failing.test.cjs'), `test('fails', () => { expect(1).toBe(2); });`);
  const { code, out } = await runWatched({ CORRIDOR_TEST_FILE_MINUTES: '0.05' });
  expect(code).toBe(1);
  expect(out).toContain('1 failed, 1 passed');
  expect(out).not.toContain('ran past');
  rmSync(join(dir, 'failing.test.cjs'));
  expect((await runWatched({})).code).toBe(0);
}, 60_000);
