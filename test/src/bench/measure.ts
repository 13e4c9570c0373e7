/** Measuring without fooling ourselves: warm up, run for a fixed time, report rate and tail latency. */
import { performance } from 'node:perf_hooks';

export interface Rate {
  ops: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export async function measure(fn: () => Promise<unknown> | unknown, options: { durationMs: number; warmup?: number }): Promise<Rate> {
  for (let i = 0; i < (options.warmup ?? 20); i++) await fn();
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < options.durationMs) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const elapsed = performance.now() - start;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { ops: samples.length, opsPerSecond: round(samples.length / (elapsed / 1000)), p50Ms: round(at(0.5), 3), p99Ms: round(at(0.99), 3) };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
