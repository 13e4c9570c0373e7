// `npm test` runs Jest under scripts/test.mjs, whose watchdog stops a run that a test file holds
// past its budget — where Jest's own timeouts cannot fire (its process blocked in a spawnSync) —
// names the file and the test, and leaves no process behind.
import { afterAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

it('stops a test file blocked in a child process past its budget, names it and its test, and kills the child', async () => {
  const pidFile = join(dir, 'sleeper.pid');
  writeFileSync(join(dir, 'blocked.test.cjs'), `
    const { spawnSync } = require('node:child_process');
    test('waits for a child that never ends', () => {
      spawnSync('sh', ['-c', 'echo $$ > ${pidFile}; exec sleep 600']);
    });
  `);
  writeFileSync(join(dir, 'jest.config.cjs'), `module.exports = ${JSON.stringify({
    rootDir: dir, testMatch: ['<rootDir>/*.test.cjs'], transform: {},
    reporters: ['default', join(root, 'test', 'setup', 'progress-reporter.cjs')],
  })};`);
  const { code, out } = await runWatched({ CORRIDOR_TEST_FILE_MINUTES: '0.1' });
  expect(code).toBe(1);
  expect(out).toContain('blocked.test.cjs ran past 0.1 min');
  expect(out).toContain('its last test to start: "waits for a child that never ends"');
  expect(out).toMatch(/sleep 600/);
  // The stuck child went with the run.
  const pid = Number(readFileSync(pidFile, 'utf8'));
  let alive = true;
  for (let i = 0; i < 50 && alive; i++) {
    try { process.kill(pid, 0); await new Promise((r) => setTimeout(r, 200)); } catch { alive = false; }
  }
  expect(alive).toBe(false);
}, 60_000);

it('passes Jest\'s own exit code through when every file ends in time', async () => {
  writeFileSync(join(dir, 'blocked.test.cjs'), `test('ends', () => { expect(1).toBe(1); });`);
  writeFileSync(join(dir, 'failing.test.cjs'), `test('fails', () => { expect(1).toBe(2); });`);
  const { code, out } = await runWatched({ CORRIDOR_TEST_FILE_MINUTES: '0.1' });
  expect(code).toBe(1);
  expect(out).toContain('1 failed, 1 passed');
  expect(out).not.toContain('ran past');
  rmSync(join(dir, 'failing.test.cjs'));
  expect((await runWatched({})).code).toBe(0);
  expect(existsSync(join(dir, 'blocked.test.cjs'))).toBe(true);
}, 60_000);
