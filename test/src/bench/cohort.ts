/**
 * A cohort end to end, as `corridor-issuer issue-batch --files …` runs it: CSV rows read, status
 * indices reserved and signed credentials recorded in SQLite on the main thread (a transaction a
 * batch), each credential signed and its files (JSON, QR PNG, and SVG and certificate HTML when
 * asked) rendered on worker threads (all cores), then written atomically. No PDF.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRenderPool, issueCohort, readCohort, writeRenderedFiles, type FileKind } from '@corridor/issuer';
import { PH_CAREGIVING_NC_II } from '@corridor/shared';
import { createWorld } from '../world.js';
import { round } from './measure.js';

export interface CohortResults { rows: number; files: FileKind[]; workers: number; seconds: number; rowsPerSecond: number; issued: number; problems: number }

/** `files`: what each credential gets written; the issue's measure is JSON + QR (PNG). */
export async function benchCohort(count: number, files: FileKind[]): Promise<CohortResults> {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-bench-cohort-'));
  const world = await createWorld({ dir });
  try {
    const trust = await world.trust('PH');
    const csv = ['name,birth_date,qualification,assessment_date,route',
      ...Array.from({ length: count }, (_, i) => `Worker ${i},1990-01-${String(1 + (i % 28)).padStart(2, '0')},${PH_CAREGIVING_NC_II},2026-10-30,training`)].join('\n');
    const out = join(dir, 'out');
    mkdirSync(out);
    const pool = createRenderPool({ key: world.issuer.signingKey, ...(trust.qrCatalogue ? { catalogue: trust.qrCatalogue } : {}) });
    const started = performance.now();
    const { rows } = readCohort(csv);
    const result = await issueCohort({
      issuer: world.issuer, trust, rows,
      produce: (job) => pool.produce({ ...job, kinds: files }),
      deliver: async (_credential, rendered) => void await writeRenderedFiles(out, rendered),
    }).finally(() => pool.close());
    const seconds = round((performance.now() - started) / 1000, 1);
    return { rows: count, files, workers: pool.size, seconds, rowsPerSecond: round(count / seconds, 0), issued: result.issued.length, problems: result.problems.length };
  } finally {
    world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
