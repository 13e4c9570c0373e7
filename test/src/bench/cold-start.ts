/**
 * Cold start: `corridor-verifier verify cert.png` from process start to printed verdict, against
 * bare `node -e 0` started in the same run (the floor no CLI can beat). The command is the
 * installed one (bin/corridor-verifier.js, which runs the bundle of dist/cli.js), on a printed
 * certificate's PNG and a signed trust pack; its exit code (0, valid) is reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCredentialFiles } from '@corridor/issuer';
import { createWorld } from '../world.js';

export interface ColdStartResults { verifyMs: number; nodeStartupMs: number; overStartupMs: number; runs: number; verdictExit: number }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function wall(args: string[]): { ms: number; status: number } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: run.status ?? -1 };
}

export async function benchColdStart(runs: number): Promise<ColdStartResults> {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-cold-'));
  const world = await createWorld();
  const credential = await world.issue();
  await world.publishStatus();
  const files = await renderCredentialFiles(credential, { catalogue: world.registry.qrCatalogue() });
  writeFileSync(join(dir, 'cert.png'), files.png);
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(await world.pack('JP')));
  const root = world.keys.jp.description.controller;
  const operator = world.keys.operator.description.controller;
  world.close();
  const cli = fileURLToPath(new URL('../../../packages/verifier/bin/corridor-verifier.js', import.meta.url));
  const args = [cli, 'verify', join(dir, 'cert.png'), '--trust-pack', join(dir, 'pack.json'), '--registry-key', operator, '--country', 'JP', '--root', root];
  const verify: number[] = [];
  const startup: number[] = [];
  const exits: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = wall(args);
    verify.push(result.ms);
    exits.push(result.status);
    startup.push(wall(['-e', '0']).ms);
  }
  rmSync(dir, { recursive: true, force: true });
  // Every run must reach the verdict: the first exit code other than 0 (valid) is the one reported.
  const verdictExit = exits.find((code) => code !== 0) ?? exits[0] ?? -1;
  const verifyMs = Math.round(median(verify));
  const nodeStartupMs = Math.round(median(startup));
  return { verifyMs, nodeStartupMs, overStartupMs: verifyMs - nodeStartupMs, runs, verdictExit };
}
