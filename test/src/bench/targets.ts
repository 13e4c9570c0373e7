/**
 * The bench's targets, each judged from measurements of the same run. A speed only counts when the
 * work was done: a cold verify that did not reach the VALID verdict, or a cohort with a row not
 * issued, meets nothing, however fast it ended (a reader that fails to load exits in no time).
 */
import type { CohortResults } from './cohort.js';
import type { ColdStartResults } from './cold-start.js';
import type { CryptoResults } from './crypto-paths.js';
import type { DeltaResults } from './delta-size.js';
import type { MappingPackResults } from './mapping-pack.js';
import type { QrResults } from './qr-size.js';
import type { ReadingResults } from './reading.js';
import type { RegistryLoadResults } from './registry-load.js';

export interface BenchResults {
  crypto: CryptoResults;
  cohortRows: number;
  cohort: CohortResults;
  cohortAllFiles: CohortResults;
  /** The same job as `cohortAllFiles` done the plain way (vc.issue + qrcode.toBuffer + qrcode.toString) on the same cores. */
  plainCohortAllFilesSeconds: number;
  qr: QrResults;
  reading: ReadingResults;
  coldStart: ColdStartResults;
  delta: DeltaResults;
  mappingPack: MappingPackResults;
  registry: RegistryLoadResults;
}

/** Every row issued, none with a problem. */
const complete = (cohort: CohortResults, rows: number) => cohort.rows === rows && cohort.issued === rows && cohort.problems === 0;

export function benchTargets(r: BenchResults, trustPackPath: string) {
  const { crypto, cohortRows, cohort, cohortAllFiles, qr, reading, coldStart, delta, mappingPack, registry } = r;
  return {
    verifyAtLeast5x: crypto.verify.ratio >= 5,
    // Issue 19's verify targets: ≥ 10× the best-configured library path, ≥ 50 % of bare Ed25519.
    verifyAtLeast10xBestPlain: crypto.verify.ratioToBest >= 10,
    verifyAtLeastHalfBareEd25519: crypto.verify.shareOfBareEd25519 >= 0.5,
    issueAtLeast3x: crypto.issue.ratio >= 3,
    cohort10kAtMost10s: cohortRows === 10_000 && complete(cohort, cohortRows) && cohort.seconds <= 10,
    qrAtMostVersion15: qr.corridor.version <= 15,
    cohortAllFilesAtLeast5xPlain: complete(cohortAllFiles, cohortRows) && r.plainCohortAllFilesSeconds / cohortAllFiles.seconds >= 5,
    readingAtLeast95pc: reading.pictures >= 150 && reading.corridor.share >= 0.95,
    readingAtLeast2xJsQr: reading.ratio >= 2,
    // The issue's ratio: a cold verify of a PNG, to its VALID verdict (exit 0), within 3× a bare `node -e 0` in the same run.
    coldVerifyAtMost3xNode: coldStart.verdictExit === 0 && coldStart.verifyMs <= 3 * coldStart.nodeStartupMs,
    deltaAtMost50KB: delta.deltaGzipBytes <= 50 * 1024,
    mappingPackAtMost5MB: mappingPack.packGzipBytes <= 5 * 1024 * 1024,
    mappingLookupAtMost20us: mappingPack.lookupMicros <= 20,
    trustPackAtLeast0_8xStatic: (registry.endpoints[trustPackPath]?.ratio ?? 0) >= 0.8,
    registryZeroErrors: Object.values(registry.endpoints).every((e) => e.corridor.errors === 0 && e.corridor.non2xx === 0),
  };
}
