#!/usr/bin/env node
// Runs Jest (native ESM) with a watchdog outside it. Jest's own timeouts cannot fire while its
// process is blocked (a spawnSync whose child hangs, a busy loop), and on this project's 2-core
// machines Jest runs the test files inside its own process (one worker on two cores). So this script watches the progress that
// test/setup/progress-reporter.cjs writes, and when one test file runs past its budget it prints
// which file and which test, the processes still running, and stops the whole run with exit 1.
//
//   node scripts/test.mjs [jest arguments]
//   CORRIDOR_TEST_FILE_MINUTES   budget for one test file (default 10; the slowest takes ~40 s)
//   CORRIDOR_TEST_TOTAL_MINUTES  budget for the whole run (default 45)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const minutes = (name, fallback) => {
  const value = Number(process.env[name]);
  return (Number.isFinite(value) && value > 0 ? value : fallback) * 60_000;
};
const fileBudget = minutes('CORRIDOR_TEST_FILE_MINUTES', 10);
const totalBudget = minutes('CORRIDOR_TEST_TOTAL_MINUTES', 45);

const progressDir = mkdtempSync(join(tmpdir(), 'corridor-test-progress-'));
const progressFile = join(progressDir, 'progress.jsonl');
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const nodeOptions = [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ');

// Its own process group, so a stop reaches every process the tests started.
const child = spawn(process.execPath, [jest, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, NODE_OPTIONS: nodeOptions, CORRIDOR_TEST_PROGRESS: progressFile },
});

const started = Date.now();
let stopping = false;

function running() {
  let lines = [];
  try { lines = readFileSync(progressFile, 'utf8').split('\n').filter(Boolean); } catch { return []; }
  const files = new Map();
  for (const line of lines) {
    let event;
    try { event = JSON.parse(line); } catch { continue; }
    if (event.event === 'start') files.set(event.path, { since: event.at });
    else if (event.event === 'case' && files.has(event.path)) files.get(event.path).test = { name: event.name, since: event.at };
    else if (event.event === 'end') files.delete(event.path);
  }
  return [...files].map(([path, state]) => ({ path: relative(root, path), ...state }));
}

function processTree() {
  const ps = spawnSync('ps', ['-o', 'pid,etimes,args', '--forest', '-g', String(child.pid)], { encoding: 'utf8', timeout: 10_000 });
  return ps.stdout ? ps.stdout.split('\n').map((line) => line.slice(0, 220)).join('\n') : '(ps is not available)';
}

function stop(reason) {
  if (stopping) return;
  stopping = true;
  const now = Date.now();
  const lines = [`\n✗ ${reason}`];
  for (const file of running()) {
    lines.push(`  still running: ${file.path} (for ${Math.round((now - file.since) / 1000)} s)`);
    if (file.test) lines.push(`    its last test to start: "${file.test.name}" (${Math.round((now - file.test.since) / 1000)} s ago)`);
  }
  lines.push('  processes of this run:', processTree());
  console.error(lines.join('\n'));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } }, 10_000).unref();
}

const watch = setInterval(() => {
  const now = Date.now();
  if (now - started > totalBudget) return stop(`the tests ran past ${totalBudget / 60_000} min in all (CORRIDOR_TEST_TOTAL_MINUTES)`);
  const stuck = running().find((file) => now - file.since > fileBudget);
  if (stuck) stop(`${stuck.path} ran past ${fileBudget / 60_000} min (CORRIDOR_TEST_FILE_MINUTES); the run is stopped`);
}, 5_000);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } });
}

child.on('exit', (code, signal) => {
  clearInterval(watch);
  rmSync(progressDir, { recursive: true, force: true });
  // Whatever the tests left behind in the group (a server, a browser) goes with them.
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* nothing left */ }
  process.exit(stopping ? 1 : code ?? (signal ? 1 : 0));
});
