/**
 * The registry's SQLite store: the only file that speaks SQL. An append-only, hash-chained log
 * of every accepted submission, and a table of record versions materialised from it. Every
 * write happens inside one transaction, so a crash leaves the log and the records in step.
 */
import Database from 'better-sqlite3';
import { chainLink, GENESIS_HASH, sha256Hex, type LogLink } from '@corridor/shared';

export type LogKind = 'authority' | 'partnership' | 'qualification' | 'accreditation' | 'mapping' | 'mapping-table' | 'status-list';

export interface LogEntry {
  seq: number;
  kind: LogKind;
  recordId: string;
  version: number;
  contentHash: string;
  /** The accepted document as JSON text: a record JWS, or a status-list credential. */
  body: string;
  prevHash: string;
  entryHash: string;
  acceptedAt: string;
}

export interface RecordRow {
  recordId: string;
  version: number;
  kind: LogKind;
  contentHash: string;
  body: string;
  signers: string[];
  complete: boolean;
  seq: number;
}

export { GENESIS_HASH };

/** What chains each entry to the previous one: change any field and every later hash breaks. */
export function chainHash(prevHash: string, entry: Omit<LogEntry, 'prevHash' | 'entryHash'>): string {
  return chainLink(prevHash, linkOf(entry));
}

/** The entry as the chain sees it (body replaced by its hash), for a verifier to recompute the chain. */
export function linkOf(entry: Omit<LogEntry, 'prevHash' | 'entryHash'>): LogLink {
  return {
    seq: entry.seq, kind: entry.kind, recordId: entry.recordId, version: entry.version, contentHash: entry.contentHash,
    bodyHash: sha256Hex(entry.body), acceptedAt: entry.acceptedAt,
  };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS log (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  entry_hash TEXT NOT NULL,
  accepted_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  signers TEXT NOT NULL,
  complete INTEGER NOT NULL,
  seq INTEGER NOT NULL REFERENCES log(seq),
  PRIMARY KEY (record_id, version)
);
CREATE TABLE IF NOT EXISTS request_nonces (nonce TEXT PRIMARY KEY, signer TEXT NOT NULL, seen_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS records_kind ON records (kind, record_id);
-- The log is append-only: the database itself refuses edits and deletions.
CREATE TRIGGER IF NOT EXISTS log_no_update BEFORE UPDATE ON log BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS log_no_delete BEFORE DELETE ON log BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
`;

const SCHEMA_VERSION = '1';

/**
 * Tables that are not materialised from the log: the log itself, settings, and request nonces.
 * Every other table is audited against a replay of the log, so a new table that does not derive
 * from the log must be named here (or the audit reports it as existing only on disk).
 */
const NOT_DERIVED = new Set(['log', 'meta', 'request_nonces']);

/** Every table derived from the log, as rows in primary-key order: what an audit compares with a replay. */
export type DerivedTables = Record<string, Record<string, unknown>[]>;

interface LogRow {
  seq: number; kind: LogKind; record_id: string; version: number; content_hash: string;
  body: string; prev_hash: string; entry_hash: string; accepted_at: string;
}
interface RecordSqlRow {
  record_id: string; version: number; kind: LogKind; content_hash: string; body: string;
  signers: string; complete: number; seq: number;
}

const toEntry = (r: LogRow): LogEntry => ({
  seq: r.seq, kind: r.kind, recordId: r.record_id, version: r.version, contentHash: r.content_hash,
  body: r.body, prevHash: r.prev_hash, entryHash: r.entry_hash, acceptedAt: r.accepted_at,
});
const toRecord = (r: RecordSqlRow): RecordRow => ({
  recordId: r.record_id, version: r.version, kind: r.kind, contentHash: r.content_hash, body: r.body,
  signers: JSON.parse(r.signers) as string[], complete: r.complete === 1, seq: r.seq,
});

/** Rows of the records table as `derivedSnapshot` read them, as RecordRows. */
export const recordRowsOf = (rows: readonly Record<string, unknown>[]): RecordRow[] => rows.map((r) => toRecord(r as unknown as RecordSqlRow));

export class RegistryStore {
  readonly #db: Database.Database;

  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.exec(SCHEMA);
    const version = this.getMeta('schema_version');
    if (version === undefined) this.setMeta('schema_version', SCHEMA_VERSION);
    else if (version !== SCHEMA_VERSION) throw new Error(`registry database schema ${version} is not supported`);
  }

  close(): void {
    this.#db.close();
  }

  /** Runs `fn` in one IMMEDIATE transaction: all of it lands, or none of it. */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn).immediate();
  }

  getMeta(key: string): string | undefined {
    const row = this.#db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.#db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  head(): { seq: number; hash: string } {
    const row = this.#db.prepare('SELECT seq, entry_hash FROM log ORDER BY seq DESC LIMIT 1').get() as { seq: number; entry_hash: string } | undefined;
    return row ? { seq: row.seq, hash: row.entry_hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** Appends to the log; call inside `transaction`. */
  appendLog(entry: Pick<LogEntry, 'kind' | 'recordId' | 'version' | 'contentHash' | 'body' | 'acceptedAt'>): LogEntry {
    const { seq: last, hash: prevHash } = this.head();
    const unchained = { ...entry, seq: last + 1 };
    const full: LogEntry = { ...unchained, prevHash, entryHash: chainHash(prevHash, unchained) };
    this.#db.prepare(`INSERT INTO log (seq, kind, record_id, version, content_hash, body, prev_hash, entry_hash, accepted_at)
      VALUES (@seq, @kind, @recordId, @version, @contentHash, @body, @prevHash, @entryHash, @acceptedAt)`).run(full);
    return full;
  }

  /** Inserts or replaces a record version (a co-signature replaces the body); call inside `transaction`. */
  putRecord(row: RecordRow): void {
    this.#db.prepare(`INSERT INTO records (record_id, version, kind, content_hash, body, signers, complete, seq)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (record_id, version) DO UPDATE SET body = excluded.body, signers = excluded.signers,
        complete = excluded.complete, seq = excluded.seq`)
      .run(row.recordId, row.version, row.kind, row.contentHash, row.body, JSON.stringify(row.signers), row.complete ? 1 : 0, row.seq);
  }

  /**
   * Remembers a signed request's nonce; false if it was seen before. Nonces older than
   * `forgetBefore` (seconds) are dropped: requests that old are refused by their time anyway.
   */
  rememberNonce(nonce: string, signer: string, nowSeconds: number, forgetBefore: number): boolean {
    return this.transaction(() => {
      this.#db.prepare('DELETE FROM request_nonces WHERE seen_at < ?').run(forgetBefore);
      const { changes } = this.#db.prepare('INSERT OR IGNORE INTO request_nonces (nonce, signer, seen_at) VALUES (?, ?, ?)').run(nonce, signer, nowSeconds);
      return changes === 1;
    });
  }

  versions(recordId: string): RecordRow[] {
    return (this.#db.prepare('SELECT * FROM records WHERE record_id = ? ORDER BY version').all(recordId) as RecordSqlRow[]).map(toRecord);
  }

  records(kind?: LogKind): RecordRow[] {
    const rows = kind
      ? this.#db.prepare('SELECT * FROM records WHERE kind = ? ORDER BY record_id, version').all(kind)
      : this.#db.prepare('SELECT * FROM records ORDER BY record_id, version').all();
    return (rows as RecordSqlRow[]).map(toRecord);
  }

  log(fromSeq = 1, limit = 1000): LogEntry[] {
    return (this.#db.prepare('SELECT * FROM log WHERE seq >= ? ORDER BY seq LIMIT ?').all(fromSeq, limit) as LogRow[]).map(toEntry);
  }

  /** The log entry at `seq`, if any. */
  entry(seq: number): LogEntry | undefined {
    const row = this.#db.prepare('SELECT * FROM log WHERE seq = ?').get(seq) as LogRow | undefined;
    return row && toEntry(row);
  }

  /**
   * The head and every derived table, read in one transaction so they describe the same moment
   * even if another process writes meanwhile. A table added later is compared without code changes.
   */
  derivedSnapshot(): { head: { seq: number; hash: string }; tables: DerivedTables } {
    return this.#db.transaction(() => {
      const names = (this.#db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as { name: string }[]).map((r) => r.name).filter((name) => !NOT_DERIVED.has(name));
      const tables: DerivedTables = {};
      for (const name of names) {
        const columns = this.#db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(name) as { name: string; pk: number }[];
        const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
        const order = (key.length ? key : columns.map((c) => c.name)).map((c) => `"${c}"`).join(', ');
        tables[name] = this.#db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all() as Record<string, unknown>[];
      }
      return { head: this.head(), tables };
    })();
  }

  /** Primary-key columns of a table (for naming the row an audit found different). */
  primaryKey(table: string): string[] {
    return (this.#db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as { name: string; pk: number }[])
      .filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  }

  /** Every log entry, oldest first, without holding them all in memory. */
  *iterateLog(): Generator<LogEntry> {
    for (const row of this.#db.prepare('SELECT * FROM log ORDER BY seq').iterate() as Iterable<LogRow>) yield toEntry(row);
  }
}
