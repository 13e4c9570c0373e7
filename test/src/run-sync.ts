/**
 * spawnSync with a deadline. Jest's timeouts cannot fire while its process waits in a spawnSync,
 * so a child that never ends would hold the whole run; with a deadline it fails its own test,
 * named, and is killed (with whatever still holds its pipes).
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';
import { basename } from 'node:path';

export function runSync(command: string, args: readonly string[], options: Partial<SpawnSyncOptionsWithStringEncoding> = {}): SpawnSyncReturns<string> {
  const timeout = options.timeout ?? 120_000;
  const result = spawnSync(command, args, { encoding: 'utf8', killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, ...options, timeout });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    const shown = [basename(command), ...args.slice(0, 2).map((arg) => basename(arg))].join(' ');
    throw new Error(`\`${shown} …\` did not finish within ${timeout / 1000} s and was killed; its stderr ended: ${(result.stderr ?? '').slice(-800)}`);
  }
  return result;
}
