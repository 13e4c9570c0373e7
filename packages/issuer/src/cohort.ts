/**
 * Cohorts: one credential per CSV row. Each row's credential id is derived from the issuer and
 * the row's content, so re-running a file (after a crash, or by mistake) finds what was already
 * issued instead of issuing it twice. Bad rows are reported by number and code and never stop
 * the good ones.
 */
import { hash } from 'node:crypto';
import { checkWorkerData, CorridorError, type AssessmentRoute, type ErrorCode, type QualificationRecord, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { accreditingAuthorityName, qualificationToIssue, registeredName } from './issuance-policy.js';
import type { Issuer } from './issuer.js';

export interface CohortRow {
  line: number;
  name: string;
  birthDate: string;
  qualification: string;
  assessedAt: string;
  route: AssessmentRoute;
}

export interface RowProblem {
  line: number;
  code: ErrorCode;
  message: string;
}

const HEADER = ['name', 'birth_date', 'qualification', 'assessment_date', 'route'] as const;
const ROUTES: Record<string, AssessmentRoute> = {
  training: 'training', rpl: 'recognition-of-prior-learning', 'recognition-of-prior-learning': 'recognition-of-prior-learning',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_COHORT_ROWS = 100_000;
/** Bytes: 100,000 rows of a long name, a qualification id and two dates fit well within it. */
export const MAX_COHORT_BYTES = 32 * 1_048_576;

/** RFC 4180 fields: commas, quotes doubled inside quoted fields, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Parses a cohort file into good rows and problems (by line number; never the row's personal data), as of `now`. */
export function readCohort(text: string, now = new Date()): { rows: CohortRow[]; problems: RowProblem[] } {
  const table = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = (table.shift() ?? []).map((h) => h.trim().toLowerCase());
  if (HEADER.some((h, i) => header[i] !== h)) {
    throw new CorridorError('ERR_INPUT_INVALID', `the first line must be the header ${HEADER.join(',')}`);
  }
  if (table.length > MAX_COHORT_ROWS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', `a cohort file holds at most ${MAX_COHORT_ROWS} rows`);
  const rows: CohortRow[] = [];
  const problems: RowProblem[] = [];
  table.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const [name = '', birthDate = '', qualification = '', assessed = '', route = ''] = cells.map((c) => c.trim());
    const problem = (message: string) => problems.push({ line, code: 'ERR_INPUT_INVALID', message });
    if (cells.length !== HEADER.length) return void problem(`expected ${HEADER.length} fields, found ${cells.length}`);
    if (!name) return void problem('name is empty');
    if (!DATE.test(birthDate)) return void problem('birth_date must be YYYY-MM-DD');
    if (!qualification) return void problem('qualification is empty');
    if (!DATE.test(assessed)) return void problem('assessment_date must be YYYY-MM-DD');
    const assessmentRoute = ROUTES[route.toLowerCase()];
    if (!assessmentRoute) return void problem('route must be training or rpl');
    let worker: ReturnType<typeof checkWorkerData>;
    try {
      // The same checks as the VC-API and the issue command, naming the columns.
      worker = checkWorkerData({ name, birthDate, assessedAt: assessed }, { now, labels: { name: 'name', birthDate: 'birth_date', assessedAt: 'assessment_date' } });
    } catch (error) {
      if (!(error instanceof CorridorError)) throw error;
      return void problems.push({ line, code: error.code, message: error.message });
    }
    rows.push({ line, name: worker.name, birthDate: worker.birthDate, qualification, assessedAt: worker.assessedAt!, route: assessmentRoute });
  });
  return { rows, problems };
}

/** The credential id of a row: the same row from the same issuer always gets the same id. */
export function cohortCredentialId(issuerDid: string, row: CohortRow): string {
  const hex = hash('sha256', JSON.stringify([issuerDid, row.name.normalize('NFC'), row.birthDate, row.qualification, row.assessedAt, row.route]), 'hex');
  // Shaped as a version-8 (custom) UUID, RFC 9562.
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface CohortResult {
  issued: { line: number; id: string; alreadyIssued: boolean }[];
  problems: RowProblem[];
}

/** One credential from `produce`: signed (when asked) and with its files rendered. */
export interface ProducedCredential<F> {
  credential: SkillCredential;
  files: F;
}

/**
 * Issues every good row. Rows go in batches: one transaction reserves the status indices of a
 * batch, `produce` signs and renders each credential (on worker threads, every core), one
 * transaction records the signed batch, and only then does `deliver` write its files. Several
 * batches are in flight at once so that no core waits. A crash loses nothing committed and
 * reuses no index: a re-run finds what was recorded, and takes back the reservations of what
 * was not. A row that fails is a problem, not a stop.
 */
export async function issueCohort<F>(options: {
  issuer: Issuer;
  /** Who the audit trail names for the issued credentials; their entries commit with each batch. */
  auditAs?: string;
  trust: TrustIndex;
  rows: CohortRow[];
  now?: () => Date;
  /** Signs the credential when `signAt` is set (with the issuer's key) and renders its files. */
  produce: (job: { credential: SkillCredential; qualification: QualificationRecord; signAt?: string; accreditedBy?: Record<string, string> }) => Promise<ProducedCredential<F>>;
  /** Writes a credential's files; called only once it is recorded. */
  deliver: (credential: SkillCredential, files: F, row: CohortRow) => void | Promise<void>;
  progress?: (done: number, total: number) => void;
  /** Rows per batch (one transaction to reserve, one to record). */
  batchSize?: number;
  /** Batches being signed and rendered at once. */
  batchesInFlight?: number;
}): Promise<CohortResult> {
  const { issuer, trust, rows, now = () => new Date(), produce, deliver, progress, batchSize = 64, batchesInFlight = 3 } = options;
  const result: CohortResult = { issued: [], problems: [] };
  let done = 0;
  const finish = () => progress?.(++done, rows.length);
  const problem = (row: CohortRow, error: unknown) => {
    if (!(error instanceof CorridorError)) throw error;
    result.problems.push({ line: row.line, code: error.code, message: error.message });
    finish();
  };

  async function runBatch(batch: { row: CohortRow; qualification: QualificationRecord; id: string }[]): Promise<void> {
    const reserved = issuer.reserve(batch.map(({ row, qualification, id }) => ({
      id, qualification, ...registeredName(trust, issuer.did, qualification.id, now()), subject: { name: row.name, birthDate: row.birthDate }, assessedAt: row.assessedAt, route: row.route,
    })));
    const outcomes = await Promise.all(reserved.map(async (r, i) => {
      const { row, qualification } = batch[i]!;
      if ('error' in r) return void problem(row, r.error);
      const authority = accreditingAuthorityName(trust, issuer.did, qualification.id, now());
      const accreditedBy = authority ? { accreditedBy: authority } : {};
      try {
        const produced = 'existing' in r
          ? await produce({ credential: r.existing, qualification, ...accreditedBy })
          : await produce({ credential: r.credential, qualification, signAt: r.signedAt.toISOString(), ...accreditedBy });
        return { i, produced };
      } catch (error) {
        return void problem(row, error);
      }
    }));
    const ready = outcomes.filter((o) => o !== undefined);
    issuer.record(ready.flatMap(({ i, produced }) => {
      const r = reserved[i]!;
      return 'credential' in r ? [{ reserved: r, signed: produced.credential }] : [];
    }), options.auditAs !== undefined ? { auditAs: options.auditAs } : {});
    // The batch's files are handed over all at once (the caller's writer paces them, off this
    // thread); every write settles before a failure is reported, in row order.
    const delivered = await Promise.allSettled(ready.map(async ({ i, produced }) => deliver(produced.credential, produced.files, batch[i]!.row)));
    ready.forEach(({ i, produced }, k) => {
      const { row } = batch[i]!;
      const outcome = delivered[k]!;
      if (outcome.status === 'rejected') return problem(row, outcome.reason);
      result.issued.push({ line: row.line, id: produced.credential.id, alreadyIssued: 'existing' in reserved[i]! });
      finish();
    });
  }

  const inFlight = new Set<Promise<void>>();
  // A row repeated in the file would be the same credential twice: the first is issued, the
  // others reported by line.
  const firstLine = new Map<string, number>();
  try {
    for (let start = 0; start < rows.length; start += batchSize) {
      const batch: { row: CohortRow; qualification: QualificationRecord; id: string }[] = [];
      for (const row of rows.slice(start, start + batchSize)) {
        try {
          const id = cohortCredentialId(issuer.did, row);
          const first = firstLine.get(id);
          if (first !== undefined) throw new CorridorError('ERR_CONFLICT', `this row repeats line ${first}: one credential is issued for both`);
          batch.push({ row, qualification: qualificationToIssue(trust, issuer.did, row.qualification, now()), id });
          firstLine.set(id, row.line);
        } catch (error) {
          problem(row, error);
        }
      }
      if (!batch.length) continue;
      const running: Promise<void> = runBatch(batch).finally(() => inFlight.delete(running));
      inFlight.add(running);
      if (inFlight.size >= batchesInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    // A batch that cannot be recorded (the disk, the database) stops the cohort: let the others
    // in flight settle first, so nothing is written after the caller hears of the failure.
    await Promise.allSettled(inFlight);
    throw error;
  }
  result.issued.sort((a, b) => a.line - b.line);
  return result;
}
