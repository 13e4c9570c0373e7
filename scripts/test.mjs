#!/usr/bin/env node
// Runs Jest (native ESM) with a watchdog outside it. Jest's own timeouts cannot fire while its
// process is blocked (a spawnSync whose child hangs, native code that never returns), and on this
// project's 2-core machines Jest runs the test files inside its own process (one worker). So this
// script watches the progress that test/setup/progress-reporter.cjs writes. When a test file runs
// past its budget, it prints which file and which test, and the processes still running, stops
// that run, and runs the files that had not finished once more: a second hang, or any failure in
// either run, fails the whole. A hang is always reported, even when the second run passes.
//
//   node scripts/test.mjs [jest arguments]
//   CORRIDOR_TEST_FILE_MINUTES   budget for one test file (default 10; the slowest takes ~40 s)
//   CORRIDOR_TEST_IDLE_MINUTES   budget with no test file running: Jest starting, or not exiting
//                                after its last file because something was left open (default 3)
//   CORRIDOR_TEST_TOTAL_MINUTES  budget for everything (default 45)
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
const idleBudget = minutes('CORRIDOR_TEST_IDLE_MINUTES', 3);
const totalBudget = minutes('CORRIDOR_TEST_TOTAL_MINUTES', 45);
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const nodeOptions = [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ');
const progressDir = mkdtempSync(join(tmpdir(), 'corridor-test-progress-'));
const startedAll = Date.now();
let current;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) try { process.kill(-current.pid, signal); } catch { /* already gone */ }
  });
}

/** What the reporter wrote: the files that ended (and whether they failed) and those still running. */
function readProgress(file) {
  let lines = [];
  try { lines = readFileSync(file, 'utf8').split('\n').filter(Boolean); } catch { /* nothing yet */ }
  const running = new Map();
  const ended = new Map();
  let last = 0;
  for (const line of lines) {
    let event;
    try { event = JSON.parse(line); } catch { continue; }
    last = Math.max(last, event.at);
    if (event.event === 'start') running.set(event.path, { since: event.at });
    else if (event.event === 'case' && running.has(event.path)) running.get(event.path).test = { name: event.name, since: event.at };
    else if (event.event === 'end') { running.delete(event.path); ended.set(event.path, event.failed === true); }
  }
  return { running: [...running].map(([path, state]) => ({ path, ...state })), ended, last };
}

function processTree(pid) {
  const ps = spawnSync('ps', ['-o', 'pid,etimes,args', '--forest', '-g', String(pid)], { encoding: 'utf8', timeout: 10_000 });
  return ps.stdout ? ps.stdout.split('\n').map((line) => line.slice(0, 220)).join('\n') : '(ps is not available)';
}

/** One Jest run in its own process group, so a stop reaches every process the tests started. */
function attempt(args, n) {
  const progressFile = join(progressDir, `progress-${n}.jsonl`);
  const started = Date.now();
  const child = spawn(process.execPath, [jest, ...args], {
    cwd: root,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, NODE_OPTIONS: nodeOptions, CORRIDOR_TEST_PROGRESS: progressFile },
  });
  current = child;
  let stopped;

  const stop = (reason, stuck) => {
    if (stopped) return;
    stopped = { reason, stuck };
    const now = Date.now();
    const lines = [`\n✗ ${reason}`];
    for (const file of readProgress(progressFile).running) {
      lines.push(`  still running: ${relative(root, file.path)} (for ${Math.round((now - file.since) / 1000)} s)`);
      if (file.test) lines.push(`    its last test to start: "${file.test.name}" (${Math.round((now - file.test.since) / 1000)} s ago)`);
    }
    lines.push('  processes of this run:', processTree(child.pid));
    console.error(lines.join('\n'));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } }, 10_000).unref();
  };

  const watch = setInterval(() => {
    const now = Date.now();
    if (now - startedAll > totalBudget) return stop(`the tests ran past ${totalBudget / 60_000} min in all (CORRIDOR_TEST_TOTAL_MINUTES)`);
    const { running, last } = readProgress(progressFile);
    const stuck = running.find((file) => now - file.since > fileBudget);
    if (stuck) return stop(`${relative(root, stuck.path)} ran past ${fileBudget / 60_000} min (CORRIDOR_TEST_FILE_MINUTES); this run is stopped`, stuck.path);
    if (running.length === 0 && now - Math.max(started, last) > idleBudget) {
      stop(`no test file ran for ${idleBudget / 60_000} min (CORRIDOR_TEST_IDLE_MINUTES): Jest did not start one, or did not exit after the last (something left open: a server, a child process, a timer)`);
    }
  }, Math.min(5_000, fileBudget / 4, idleBudget / 4));

  return new Promise((resolve) => child.on('exit', (code, signal) => {
    clearInterval(watch);
    // Whatever the tests left behind in the group (a server, a browser) goes with them.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* nothing left */ }
    resolve({ code: code ?? (signal ? 1 : 0), stopped, progress: readProgress(progressFile) });
  }));
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const args = process.argv.slice(2);
let exitCode;
const first = await attempt(args, 1);
if (!first.stopped) {
  exitCode = first.code;
} else if (!first.stopped.stuck) {
  exitCode = 1;
} else {
  // Only a file stuck past its budget earns a second run, of the files that had not finished.
  const failedBefore = [...first.progress.ended].filter(([, failed]) => failed).map(([path]) => relative(root, path));
  const done = [...first.progress.ended.keys()].map((path) => `^${escapeRegExp(path)}$`);
  console.error(`\n↻ ${relative(root, first.stopped.stuck)} hung; running the test files that had not finished once more (${first.progress.ended.size} finished are not run again)\n`);
  const second = await attempt([...args, ...(done.length ? ['--testPathIgnorePatterns', ...done] : [])], 2);
  exitCode = second.stopped || second.code !== 0 || failedBefore.length > 0 ? 1 : 0;
  if (failedBefore.length) console.error(`\n✗ failed before the hang: ${failedBefore.join(', ')}`);
  console.error(`\n${exitCode === 0 ? '⚠' : '✗'} ${relative(root, first.stopped.stuck)} hung in the first run (see above)${exitCode === 0 ? '; everything passed when run again' : ''}`);
}
rmSync(progressDir, { recursive: true, force: true });
process.exit(exitCode);
