/**
 * Runs the shell blocks of a Markdown page the way a reader would: in order, in one bash, in an empty
 * folder, with the built `corridor-*` commands on PATH. A block preceded by `<!-- not run: reason -->`
 * is illustrative (a remote host, a secret shown once…) and skipped; every other ```sh block runs.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSync } from './run-sync.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ShellBlock { code: string; run: boolean; reason?: string; line: number }

export function shellBlocks(markdown: string): ShellBlock[] {
  const blocks: ShellBlock[] = [];
  for (const m of markdown.matchAll(/(?:<!--\s*not run:\s*((?:(?!-->).)*?)\s*-->\s*\n)?^```(?:sh|bash|shell)\n([\s\S]*?)^```$/gm)) {
    const line = markdown.slice(0, m.index).split('\n').length;
    blocks.push({ code: m[2]!, run: m[1] === undefined, ...(m[1] !== undefined ? { reason: m[1] } : {}), line });
  }
  return blocks;
}

/** A folder holding `corridor-registry`, `corridor-issuer` and `corridor-verifier`, as an install would. */
export function commandsDir(): string {
  const bin = mkdtempSync(join(tmpdir(), 'corridor-bin-'));
  for (const name of ['registry', 'issuer', 'verifier']) {
    const file = join(bin, `corridor-${name}`);
    writeFileSync(file, `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'packages', name, 'bin', `corridor-${name}.js`)}" "$@"\n`);
    chmodSync(file, 0o755);
  }
  return bin;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

export interface DocRun {
  code: number | null;
  dir: string;
  /** Output (stdout and stderr) of each block that ran, in order. */
  outputs: string[];
  all: string;
}

const MARK = '@@corridor-docs-block@@';

/**
 * The blocks to run for a page: first those of the page it continues from, if it says so with
 * `<!-- continues: docs/other.md -->` (its reader works in the folder that page left).
 */
function pageBlocks(file: string, replace: [string | RegExp, string][]): ShellBlock[] {
  let markdown = readFileSync(join(repoRoot, file), 'utf8');
  for (const [from, to] of replace) markdown = markdown.replaceAll(from, to);
  const before = /<!--\s*continues:\s*(\S+)\s*-->/.exec(markdown)?.[1];
  return [...(before ? pageBlocks(before, replace) : []), ...shellBlocks(markdown).filter((b) => b.run)];
}

/**
 * Runs the blocks of `file` (relative to the repository) with `set -e`, so any command that fails
 * stops the run with its code; `replace` rewrites the text first (e.g. a fixed port for a free one).
 */
export async function runDoc(file: string, options: { replace?: [string | RegExp, string][]; timeoutMs?: number; dir?: string } = {}): Promise<DocRun> {
  const blocks = pageBlocks(file, options.replace ?? []);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'corridor-docs-'));
  mkdirSync(dir, { recursive: true });
  // Background services a page starts are stopped at the end, whatever happened.
  const script = ['set -e', 'exec 2>&1', `trap 'kill $(jobs -p) 2>/dev/null || true' EXIT`,
    ...blocks.map((b) => `echo '${MARK}'\n${b.code}`)].join('\n');
  const child = spawn('bash', ['-c', script], {
    cwd: dir, env: { ...process.env, PATH: `${commandsDir()}:${process.env.PATH ?? ''}`, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let all = '';
  child.stdout.on('data', (chunk: Buffer) => { all += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { all += chunk.toString('utf8'); });
  const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, options.timeoutMs ?? 240_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  clearTimeout(timer);
  // Anything a block left running in its own process group.
  try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ }
  const outputs = all.split(`${MARK}\n`).slice(1);
  return { code, dir, outputs, all };
}

/** True once the built verifier takes `--language <language>` (German is added on another branch). */
export function verifierSpeaks(language: string): boolean {
  const cli = join(repoRoot, 'packages', 'verifier', 'dist', 'cli.js');
  const run = runSync(process.execPath, [cli, 'verify', '-', '--language', language, '--country', 'DE', '--root', 'did:key:z6Mkqdii9FR5XnfYQc3kBAfNUnWMoxGTFFpJTkrTXyjjWw58'],
    { input: '', encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return !/--language must be/.test(`${run.stdout}${run.stderr}`);
}
