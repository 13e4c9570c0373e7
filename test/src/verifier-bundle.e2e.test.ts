// The installed `corridor-verifier` (bin/, which runs the CLI as bundled by build-cli.mjs) answers
// exactly as dist/cli.js does, on every path that loads something the bundle leaves in place: a
// picture (ZXing's wasm, found from shared/dist/qr), a PDF (pdf.js and @napi-rs/canvas), files
// built to stall the reader (refused within the budget), a tampered credential (the W3C
// libraries), the help text (read from dist/cli.js) and `serve` (its own chunk, express, the
// officer's page from dist/web). Needs the build (`npm test` does it first).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCredentialFiles } from '@corridor/issuer';
import { MAX_FILE_READ_MS } from '@corridor/shared';
import { qrPagesPdf } from './hostile.js';
import { finderTile, repaintingPdf, tiledPng } from './stall-files.js';
import { createWorld } from './world.js';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const unbundled = join(root, 'packages', 'verifier', 'dist', 'cli.js');
const installed = join(root, 'packages', 'verifier', 'bin', 'corridor-verifier.js');
const dir = mkdtempSync(join(tmpdir(), 'corridor-bundle-'));
const file = (name: string) => join(dir, name);
let trustArgs: string[] = [];

const run = (cli: string, args: string[]) => {
  const result = runSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, CORRIDOR_VERIFIER_DATA: file('data') } });
  // The pack's age is the one thing that moves between two runs.
  return { code: result.status, out: result.stdout.replace(/"ageSeconds": \d+/g, '"ageSeconds": 0'), err: result.stderr };
};
/** The same command through both; what the installed one says is returned once they agree. */
const both = (...args: string[]) => {
  const bundled = run(installed, args);
  expect(bundled).toEqual(run(unbundled, args));
  return bundled;
};

beforeAll(async () => {
  if (!existsSync(join(root, 'packages', 'verifier', 'dist', 'bundle', 'corridor-verifier.js'))) {
    throw new Error('the verifier CLI is not bundled: run `npm test` (or `pnpm run build`) first');
  }
  const world = await createWorld();
  const credential = await world.issue();
  await world.publishStatus();
  const files = await renderCredentialFiles(credential, { catalogue: world.registry.qrCatalogue() });
  writeFileSync(file('cert.png'), files.png);
  writeFileSync(file('cert.svg'), files.svg);
  writeFileSync(file('cert.pdf'), qrPagesPdf([files.qrText, files.qrText]));
  writeFileSync(file('repainted.pdf'), repaintingPdf(600));
  writeFileSync(file('finders-36mp.png'), tiledPng(6000, 6000, finderTile(1)));
  writeFileSync(file('tampered.json'), JSON.stringify({ ...credential, credentialSubject: { ...credential.credentialSubject, name: 'Someone Else' } }));
  writeFileSync(file('pack.json'), JSON.stringify(await world.pack('JP')));
  trustArgs = ['--trust-pack', file('pack.json'), '--registry-key', world.keys.operator.description.controller, '--country', 'JP', '--root', world.keys.jp.description.controller];
  world.close();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the installed corridor-verifier (bundled)', () => {
  it('reads a printed certificate\'s PNG and its SVG: valid, word for word as dist/cli.js', () => {
    const png = both('verify', file('cert.png'), ...trustArgs);
    expect(png.code).toBe(0);
    expect(png.out).toMatch(/^VALID/);
    expect(both('verify', file('cert.svg'), ...trustArgs, '--json').code).toBe(0);
  });

  it('reads every page of a PDF (pdf.js and @napi-rs/canvas, left in node_modules)', () => {
    const pdf = both('verify', file('cert.pdf'), ...trustArgs, '--json');
    expect(pdf.code).toBe(0);
    expect((JSON.parse(pdf.out) as { page: number; verdict: string }[]).map((p) => [p.page, p.verdict])).toEqual([[1, 'valid'], [2, 'valid']]);
  }, 60_000);

  it('files built to stall the reader (600 paints of one picture, 36 MP of finder patterns): the same coded refusal, at once', () => {
    for (const name of ['repainted.pdf', 'finders-36mp.png']) {
      const started = Date.now();
      const refused = both('verify', file(name), ...trustArgs, '--json');
      expect(Date.now() - started).toBeLessThan(MAX_FILE_READ_MS);
      expect(refused.code).toBe(3);
      expect(refused.err).toMatch(/ERR_PAYLOAD_TOO_LARGE/);
    }
  }, 60_000);

  it('a tampered credential goes to the W3C libraries and is invalid', () => {
    const tampered = both('verify', file('tampered.json'), ...trustArgs, '--json');
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.out).verdict).toBe('invalid');
  });

  it('prints the same help, and the same coded usage errors', () => {
    expect(both('--help').out).toContain('corridor-verifier verify <file.png');
    expect(both('verify', file('missing.png'), ...trustArgs).code).toBe(3);
    expect(both('launch').code).toBe(3);
  });

  it('serves the officer\'s page (serve\'s own chunk, express, dist/web)', async () => {
    const child = spawn(process.execPath, [installed, 'serve', '--port', '0', ...trustArgs], { cwd: dir });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /listening on (http:\/\/\S+)/.exec(out);
          if (found) resolve(found[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const page = await fetch(`${url}/officer/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
    } finally {
      child.kill();
    }
  }, 30_000);
});
