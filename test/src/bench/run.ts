/**
 * `pnpm bench`: measured facts, each speed paired with a baseline from the same run and reported
 * as a ratio, because absolute times drift on shared machines. Writes artifacts/bench.json and
 * prints a table. `--quick` shortens every run (for a smoke check, not for numbers). `--only <piece>[,<piece>]`
 * runs only those of the pieces that stand alone (PIECES) and prints their figures as JSON, writing no file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCohort, type CohortResults } from './cohort.js';
import { benchColdStart } from './cold-start.js';
import { benchCryptoPaths } from './crypto-paths.js';
import { benchDelta } from './delta-size.js';
import { benchMappingPack } from './mapping-pack.js';
import { benchOfficerPage } from './officer-page.js';
import { benchQrSize, BEFORE_OB3_TERMS } from './qr-size.js';
import { benchReading } from './reading.js';
import { benchRegistryLoad, TRUST_PACK_PATH } from './registry-load.js';
import { round } from './measure.js';
import { benchTargets } from './targets.js';

const quick = process.argv.includes('--quick');
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const onlyAt = process.argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
const only = onlyAt < 0 ? undefined
  : (process.argv[onlyAt]!.startsWith('--only=') ? process.argv[onlyAt]!.slice('--only='.length) : process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean);

/** The pieces that need nothing from another's figures, by the name `--only` takes. */
const PIECES = {
  'qr-size': () => benchQrSize(),
  reading: () => benchReading(),
  'cold-start': () => benchColdStart(quick ? 3 : 9),
  delta: () => benchDelta(100),
  'mapping-pack': () => benchMappingPack(quick ? 10_000 : 100_000, quick ? 50 : 500),
  'registry-load': () => benchRegistryLoad({ connections: quick ? 4 : 20, seconds: quick ? 1 : 5 }),
  'officer-page': () => benchOfficerPage(quick ? 1 : 3),
};
type Piece = keyof typeof PIECES;
const isPiece = (name: string): name is Piece => Object.hasOwn(PIECES, name);

async function runOnly(names: string[]) {
  const unknown = names.filter((name) => !isPiece(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes one or more of ${Object.keys(PIECES).join(', ')} (comma-separated)${unknown.length ? `; not ${unknown.join(', ')}` : ''}`);
  }
  const figures: Record<string, unknown> = {};
  for (const name of names as Piece[]) {
    process.stderr.write(`bench: ${name} alone…\n`);
    figures[name] = await PIECES[name]();
  }
  process.stdout.write(JSON.stringify({ date: new Date().toISOString(), quick, only: figures }, null, 2) + '\n');
}

async function main() {
  const started = new Date();
  const say = (line: string) => process.stderr.write(`${line}\n`);
  say('bench: verification and issuance (ours vs plain @digitalbazaar/vc)…');
  const crypto = await benchCryptoPaths(quick ? 300 : 5000);
  const cohortRows = quick ? 300 : 10_000;
  say(`bench: a cohort of ${cohortRows} credentials end to end…`);
  // Both cohorts' files are deleted only after both are measured (see benchCohort).
  const cohortDir = mkdtempSync(join(tmpdir(), 'corridor-bench-'));
  let cohort: CohortResults; let cohortAllFiles: CohortResults;
  try {
    cohort = await benchCohort(cohortRows, ['json', 'png'], { keepIn: cohortDir });
    say(`bench: the same cohort with every file (JSON, PNG, SVG, certificate HTML)…`);
    cohortAllFiles = await benchCohort(cohortRows, ['json', 'png', 'svg', 'html'], { keepIn: cohortDir });
  } finally {
    rmSync(cohortDir, { recursive: true, force: true });
  }
  // The plain library, signing alone on every core, no database, no files: the floor it would need.
  const plainCohortSeconds = round(cohortRows / (crypto.issue.plainLibrary.opsPerSecond * cohort.workers), 1);
  say('bench: QR size…');
  const qr = await PIECES['qr-size']();
  say('bench: reading 150+ degraded pictures of a printed certificate (ours vs jsQR)…');
  const reading = await PIECES.reading();
  say('bench: cold start of the verifier CLI…');
  const coldStart = await PIECES['cold-start']();
  say('bench: trust pack delta…');
  const delta = await PIECES.delta();
  say('bench: a trust pack with 100,000 mappings and 500 issuers…');
  const mappingPack = await PIECES['mapping-pack']();
  say('bench: registry read endpoints under load…');
  const registry = await PIECES['registry-load']();
  say('bench: the officer\'s page in Chromium, first visit (cold cache) to the first verdict…');
  const officerPage = await PIECES['officer-page']();

  // The issue's cohort target: the same job (JSON + PNG + SVG) done the plain way with the same libraries
  // (vc.issue + qrcode.toBuffer + qrcode.toString) on the same cores, from rates measured in this run.
  const plainCohortAllFilesSeconds = round(cohortRows * (1 / crypto.issue.plainLibrary.opsPerSecond + qr.plainQrFiles.msPerRow / 1000) / cohort.workers, 1);
  const targets = benchTargets({ crypto, cohortRows, cohort, cohortAllFiles, plainCohortAllFilesSeconds, qr, reading, coldStart, delta, mappingPack, registry }, TRUST_PACK_PATH);
  const report = {
    date: started.toISOString(), quick,
    machine: { node: process.version, cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown' },
    verify: crypto.verify, issue: crypto.issue, cohort: { ...cohort, plainLibrarySigningOnlySeconds: plainCohortSeconds }, cohortAllFiles: { ...cohortAllFiles, plainWaySeconds: plainCohortAllFilesSeconds }, qr, reading, coldStart, delta, mappingPack, registry, officerPage, targets,
  };
  const dir = join(root, 'artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bench.json'), JSON.stringify(report, null, 2) + '\n');

  const rows: string[][] = [
    ['measure', 'corridor', 'baseline (same run)', 'ratio', 'target'],
    ['offline verify, ops/s/core', `${crypto.verify.corridor.opsPerSecond} (p50 ${crypto.verify.corridor.p50Ms} ms, p99 ${crypto.verify.corridor.p99Ms} ms)`,
      `${crypto.verify.plainLibrary.opsPerSecond} plain vc (p99 ${crypto.verify.plainLibrary.p99Ms} ms)`, `${crypto.verify.ratio}×`, `≥ 5× ${targets.verifyAtLeast5x ? 'met' : 'NOT met'}`],
    ['offline verify against the best-configured library path', `${crypto.verify.corridor.opsPerSecond}`,
      `${crypto.verify.bestPlainLibrary.opsPerSecond} plain vc with a static loader, the status list verified once, keys imported once`,
      `${crypto.verify.ratioToBest}×`, `≥ 10× ${targets.verifyAtLeast10xBestPlain ? 'met' : 'NOT met'}`],
    ['offline verify against node:crypto Ed25519 verify alone', `${crypto.verify.corridor.opsPerSecond}`,
      `${crypto.verify.bareEd25519.opsPerSecond} bare Ed25519 verifies/s`, `${crypto.verify.shareOfBareEd25519}×`,
      `≥ 0.5× ${targets.verifyAtLeastHalfBareEd25519 ? 'met' : 'NOT met'}`],
    ['issue, ops/s/core (with DB + status index)', `${crypto.issue.corridor.opsPerSecond} (p99 ${crypto.issue.corridor.p99Ms} ms)`,
      `${crypto.issue.plainLibrary.opsPerSecond} plain vc`, `${crypto.issue.ratio}×`, `≥ 3× ${targets.issueAtLeast3x ? 'met' : 'NOT met'}`],
    [`cohort of ${cohort.rows}, end to end (DB, status, JSON + QR PNG files)`,
      `${cohort.seconds} s (${cohort.rowsPerSecond} rows/s, ${cohort.workers} workers; CPU ${cohort.cpuSeconds.user} s user + ${cohort.cpuSeconds.system} s kernel)`,
      `${plainCohortSeconds} s plain vc signing alone on ${cohort.workers} cores`, `${round(plainCohortSeconds / cohort.seconds, 2)}×`,
      `10,000 in ≤ 10 s ${targets.cohort10kAtMost10s ? 'met' : 'NOT met'}`],
    [`the same, every file (JSON, PNG, SVG, certificate HTML)`, `${cohortAllFiles.seconds} s (${cohortAllFiles.rowsPerSecond} rows/s)`,
      `${plainCohortAllFilesSeconds} s plain vc.issue + qrcode.toBuffer + qrcode.toString on ${cohort.workers} cores`, `${round(plainCohortAllFilesSeconds / cohortAllFiles.seconds, 2)}×`,
      `≥ 5× ${targets.cohortAllFilesAtLeast5xPlain ? 'met' : 'NOT met'}`],
    ['reference QR at ECC M', `v${qr.corridor.version} (${qr.corridor.modules}×${qr.corridor.modules} modules), ${qr.corridor.bytes} B ` +
      `(${qr.corridor.bytes - BEFORE_OB3_TERMS.bytes >= 0 ? '+' : ''}${qr.corridor.bytes - BEFORE_OB3_TERMS.bytes} B against v${BEFORE_OB3_TERMS.version}, ${BEFORE_OB3_TERMS.bytes} B before OB 3.0 terms)`,
      `JSON ${qr.compactJson.version ? `v${qr.compactJson.version} (${qr.compactJson.modules} modules)` : '>v40'}, ${qr.compactJson.bytes} B; ` +
      `CBOR-LD v${qr.defaultCborld.version} (${qr.defaultCborld.modules} modules), ${qr.defaultCborld.bytes} B`, '', `≤ v15 ${targets.qrAtMostVersion15 ? 'met' : 'NOT met'}`],
    [`reading corpus: ${reading.pictures} degraded pictures of a printed certificate`, `${reading.corridor.read} read (${round(100 * reading.corridor.share)} %), ${reading.corridor.msPerPicture} ms a picture`,
      `jsQR ${reading.jsQR.read} (${round(100 * reading.jsQR.share)} %), ${reading.jsQR.msPerPicture} ms a picture`, `${reading.ratio}×`,
      `≥ 95 % ${targets.readingAtLeast95pc ? 'met' : 'NOT met'}, ≥ 2× jsQR ${targets.readingAtLeast2xJsQr ? 'met' : 'NOT met'}`],
    ['cold `corridor-verifier verify cert.png`, wall', `${coldStart.verifyMs} ms (median of ${coldStart.runs}, exit ${coldStart.verdictExit})`,
      `${coldStart.nodeStartupMs} ms bare node startup`, `${round(coldStart.verifyMs / coldStart.nodeStartupMs, 1)}×`, `≤ 3× ${targets.coldVerifyAtMost3xNode ? 'met' : 'NOT met'}`],
    ['delta of 100 changed records', `${delta.deltaBytes} B (${delta.deltaGzipBytes} B gzip), applied in ${delta.applyMs} ms`,
      `full pack ${delta.fullPackBytes} B (${delta.fullPackGzipBytes} B gzip), loaded in ${delta.fullLoadMs} ms`, '', `≤ 50 KB ${targets.deltaAtMost50KB ? 'met' : 'NOT met'}`],
    [`trust pack: ${mappingPack.mappings} mappings (${mappingPack.tables} tables), ${mappingPack.issuers} issuers, ${mappingPack.originQualifications} qualifications`,
      `${(mappingPack.packGzipBytes / 1048576).toFixed(2)} MB gzip (${(mappingPack.packBytes / 1048576).toFixed(1)} MB raw), loaded and checked in ${mappingPack.loadMs} ms`,
      `~${(mappingPack.perRecordGzipBytesEstimate / 1048576).toFixed(1)} MB gzip as one record per mapping (from ${mappingPack.perRecordSample} signed)`,
      `${(mappingPack.perRecordGzipBytesEstimate / mappingPack.packGzipBytes).toFixed(1)}× smaller`, `≤ 5 MB ${targets.mappingPackAtMost5MB ? 'met' : 'NOT met'}`],
    ['recognition lookup in that pack', `${mappingPack.lookupMicros} µs`, `${mappingPack.scanLookupMicros} µs scanning every mapping`, `${mappingPack.lookupRatio}×`,
      `≤ 20 µs ${targets.mappingLookupAtMost20us ? 'met' : 'NOT met'}`],
    ...Object.entries(registry.endpoints).map(([path, e]) => [
      `GET ${path}, req/s (${registry.connections} conns)`, `${e.corridor.requestsPerSecond} (p99 ${e.corridor.p99Ms} ms, ${e.corridor.errors + e.corridor.non2xx} errors)`,
      `${e.staticBaseline.requestsPerSecond} static bytes`, `${e.ratio}×`,
      (e.corridor.errors + e.corridor.non2xx === 0 ? 'zero errors: met' : 'errors: NOT met') +
        (path === TRUST_PACK_PATH ? `, ≥ 0.8× static ${targets.trustPackAtLeast0_8xStatic ? 'met' : 'NOT met'}` : ''),
    ]),
    ['officer page, first visit (cold cache), Chromium', `ready ${officerPage.unthrottled.readyMs} ms, first verdict ${officerPage.unthrottled.firstVerdictMs} ms ` +
      `(4× CPU throttling: ${officerPage.cpuThrottled4x.readyMs} ms, ${officerPage.cpuThrottled4x.firstVerdictMs} ms; median of ${officerPage.runs}, ${officerPage.verdict}); ` +
      `app.js ${Math.round(officerPage.appJs.transferBytes / 1024)} KB ${officerPage.appJs.encoding} of ${Math.round(officerPage.appJs.bytes / 1024)} KB`,
    '', '', 'measured (no baseline in the run)'],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) process.stdout.write(`| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |\n`);
  say(`\nwrote ${join(dir, 'bench.json')}`);
}

(only ? runOnly(only) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
