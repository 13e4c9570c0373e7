/**
 * A cohort end to end, as `corridor-issuer issue-batch --files …` runs it: CSV rows read, status
 * indices reserved and signed credentials recorded in SQLite on the main thread (a transaction a
 * batch), each credential signed and its files (JSON, QR PNG, and SVG and certificate HTML when
 * asked) rendered on worker threads (all cores), then written atomically. No PDF.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileWriter, createRenderPool, issueCohort, readCohort, type FileKind } from '@corridor/issuer';
import { PH_CAREGIVING_NC_II } from '@corridor/shared';
import { createWorld } from '../world.js';
import { round } from './measure.js';

export interface CohortResults {
  rows: number; files: FileKind[]; workers: number; seconds: number; rowsPerSecond: number; issued: number; problems: number;
  /** CPU time of the whole process (main thread, workers, file-system threads): user, and the kernel's. */
  cpuSeconds: { user: number; system: number };
}

/**
 * `files`: what each credential gets written; the issue's measure is JSON + QR (PNG). `keepIn`: a
 * directory to work in and leave for the caller to delete once every measurement is done. On
 * this VM's ext4 (no journal), creating files within a minute or so of deleting thousands costs
 * up to ten times the kernel time (the inode allocator skips recently freed inodes one by one:
 * `recently_deleted` in perf), so one cohort's clean-up must not land in the next one's measurement.
 */
export async function benchCohort(count: number, files: FileKind[], options: { keepIn?: string } = {}): Promise<CohortResults> {
  const dir = mkdtempSync(join(options.keepIn ?? tmpdir(), 'corridor-bench-cohort-'));
  const world = await createWorld({ dir });
  try {
    const trust = await world.trust('PH');
    const csv = ['name,birth_date,qualification,assessment_date,route',
      ...Array.from({ length: count }, (_, i) => `Worker ${i},1990-01-${String(1 + (i % 28)).padStart(2, '0')},${PH_CAREGIVING_NC_II},2026-10-30,training`)].join('\n');
    const out = join(dir, 'out');
    mkdirSync(out);
    const writeFiles = createFileWriter(out);
    const pool = createRenderPool({ key: world.issuer.signingKey, ...(trust.qrCatalogue ? { catalogue: trust.qrCatalogue } : {}) });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const { rows } = readCohort(csv);
    const result = await issueCohort({
      issuer: world.issuer, trust, rows,
      produce: (job) => pool.produce({ ...job, kinds: files, stage: { dir: out, kinds: files } }),
      deliver: async (_credential, rendered) => void await writeFiles(rendered),
    }).finally(() => pool.close());
    const seconds = round((performance.now() - started) / 1000, 1);
    const cpu = process.cpuUsage(cpuBefore);
    return {
      rows: count, files, workers: pool.size, seconds, rowsPerSecond: round(count / seconds, 0), issued: result.issued.length, problems: result.problems.length,
      cpuSeconds: { user: round(cpu.user / 1e6, 1), system: round(cpu.system / 1e6, 1) },
    };
  } finally {
    world.close();
    if (!options.keepIn) rmSync(dir, { recursive: true, force: true });
  }
}
