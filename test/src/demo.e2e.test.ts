// `npm run demo` leaves a corridor the command-line tools continue from: the data directories, the keys
// (0600), both trust packs, and, printed at the end, the next command of each role, which this test runs
// exactly as printed (only the ports swapped for free ones). Needs the build (`npm test` does it first).
import { afterAll, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from './docs-runner.js';
import { runSync } from './run-sync.js';

const dir = join(mkdtempSync(join(tmpdir(), 'corridor-demo-')), 'demo');
const services: ChildProcess[] = [];
afterAll(() => {
  for (const child of services) {
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ }
  }
});

const env = { ...process.env, NODE_OPTIONS: '' };
const sh = (command: string) => runSync('bash', ['-c', command], { cwd: repoRoot, env, encoding: 'utf8' });

/** Starts a printed serve command and waits for its "listening" line. */
async function serve(command: string): Promise<string> {
  const child = spawn('bash', ['-c', `exec ${command}`], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  services.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening after 20 s: ${out}`)), 20_000);
    const take = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/listening on/.test(out)) { clearTimeout(timer); resolve(out); }
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}: ${out}`)); });
  });
}

it('the demo passes, leaves a working corridor, and each next command it prints works', async () => {
  expect(existsSync(join(repoRoot, 'test', 'dist', 'demo.js'))).toBe(true);
  const demo = runSync(process.execPath, [join(repoRoot, 'test', 'dist', 'demo.js')], { cwd: repoRoot, env: { ...env, CORRIDOR_DEMO_DIR: dir }, encoding: 'utf8', timeout: 150_000 });
  expect(demo.stderr).toBe('');
  expect(demo.status).toBe(0);
  expect(demo.stdout).toContain('Demo complete');

  // What the CLIs need, where they look for it; keys readable by their owner only.
  for (const file of ['registry/registry.db', 'registry/operator-key.json', 'issuer/issuer.db', 'issuer/issuer-key.json',
    'verifier/trust-pack.json', 'trust-pack-PH.json', 'trust-pack-JP.json']) expect(existsSync(join(dir, file))).toBe(true);
  expect(readdirSync(join(dir, 'keys')).sort()).toEqual(['jp-mhlw.json', 'operator.json', 'ph-tesda.json']);
  for (const key of ['keys/jp-mhlw.json', 'keys/operator.json', 'keys/ph-tesda.json', 'registry/operator-key.json', 'issuer/issuer-key.json']) {
    expect(statSync(join(dir, key)).mode & 0o777).toBe(0o600);
  }

  const [registryPort, verifierPort] = [String(await freePort()), String(await freePort())];
  const commands = [...demo.stdout.matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1]!.replaceAll('8480', registryPort).replaceAll('8490', verifierPort));
  expect(commands.map((c) => / (serve|issue|sync) /.exec(c)?.[1])).toEqual(['serve', 'issue', 'sync', 'serve']);
  const [serveRegistry, issue, sync, serveVerifier] = commands as [string, string, string, string];

  expect(await serve(serveRegistry)).toMatch(/registry listening on http:\/\/127\.0\.0\.1:\d+/);
  const issued = sh(issue);
  expect(issued.stderr).toBe('');
  expect(issued.status).toBe(0);
  const id = /urn:uuid:([0-9a-f-]+)/.exec(issued.stdout)?.[1];
  expect(id).toBeDefined();
  const synced = sh(sync);
  expect(`${synced.stdout}${synced.stderr}`).toMatch(/synced JP trust pack #\d+/);
  expect(synced.status).toBe(0);
  expect(await serve(serveVerifier)).toMatch(/verifier listening on http:\/\/127\.0\.0\.1:\d+ \(JP, pack #\d+\)/);
  const page = await fetch(`http://127.0.0.1:${verifierPort}/officer/`);
  expect(page.status).toBe(200);

  // The new credential verifies offline against what sync left, with the JP root the serve command names.
  const root = /--root (did:key:\S+)/.exec(serveVerifier)![1]!;
  const verdict = runSync(process.execPath, [join(repoRoot, 'packages', 'verifier', 'bin', 'corridor-verifier.js'), 'verify',
    join(dir, 'credentials', `${id}.png`), '--data', join(dir, 'verifier'), '--country', 'JP', '--root', root], { env, encoding: 'utf8' });
  expect(verdict.stdout).toMatch(/^VALID/);
  expect(verdict.status).toBe(0);
}, 180_000);
