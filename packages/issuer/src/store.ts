/**
 * The issuer's SQLite store: the only file that speaks SQL. Status-list indices are allocated
 * in their own committed transaction before the credential is signed, and the pair
 * (list, index) is a primary key: an index, once drawn, is never drawn again, even if the
 * process dies before the credential is saved.
 */
import Database from 'better-sqlite3';
import { setBit } from '@corridor/shared';

export type CredentialState = 'active' | 'revoked';

export interface CredentialRow {
  id: string;
  qualification: string;
  subjectName: string;
  issuedAt: string;
  listId: number;
  statusIndex: number;
  state: CredentialState;
  json: string;
}

export interface StatusListRow {
  id: number;
  /** The key that signs this list: the one that signed the credentials in it. */
  issuerDid: string;
  purpose: 'revocation';
  length: number;
  allocated: number;
  bits: Uint8Array;
  updatedAt: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS status_lists (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  issuer_did TEXT NOT NULL,
  purpose TEXT NOT NULL,
  length INTEGER NOT NULL,
  allocated INTEGER NOT NULL DEFAULT 0,
  bits BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS signed_status_lists (
  list_id INTEGER PRIMARY KEY REFERENCES status_lists(id),
  valid_from TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS status_allocations (
  list_id INTEGER NOT NULL REFERENCES status_lists(id),
  idx INTEGER NOT NULL,
  credential_id TEXT NOT NULL UNIQUE,
  allocated_at TEXT NOT NULL,
  PRIMARY KEY (list_id, idx)
);
CREATE TABLE IF NOT EXISTS credentials (
  id TEXT PRIMARY KEY,
  qualification TEXT NOT NULL,
  subject_name TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  list_id INTEGER NOT NULL,
  status_index INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'active',
  json TEXT NOT NULL,
  FOREIGN KEY (list_id, status_index) REFERENCES status_allocations(list_id, idx)
);
CREATE INDEX IF NOT EXISTS credentials_qualification ON credentials (qualification);
CREATE INDEX IF NOT EXISTS credentials_subject ON credentials (subject_name);
`;

interface CredentialSqlRow {
  id: string; qualification: string; subject_name: string; issued_at: string; list_id: number;
  status_index: number; state: CredentialState; json: string;
}
interface StatusListSqlRow { id: number; issuer_did: string; purpose: 'revocation'; length: number; allocated: number; bits: Buffer; updated_at: string }

const toCredential = (r: CredentialSqlRow): CredentialRow => ({
  id: r.id, qualification: r.qualification, subjectName: r.subject_name, issuedAt: r.issued_at, listId: r.list_id,
  statusIndex: r.status_index, state: r.state, json: r.json,
});
const toList = (r: StatusListSqlRow): StatusListRow => ({
  id: r.id, issuerDid: r.issuer_did, purpose: r.purpose, length: r.length, allocated: r.allocated, bits: new Uint8Array(r.bits), updatedAt: r.updated_at,
});

/** Where and how status indices are drawn: the issuer's lists of `length`, full at `capacity`. */
interface Allocation {
  issuerDid: string;
  length: number;
  capacity: number;
  /** A uniform integer in [0, n). */
  draw: (n: number) => number;
  now: string;
}

export class IssuerStore {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.exec(SCHEMA);
    this.#migrate();
  }

  /** Databases from before key rotation: lists had no key column; they belong to the key in use. */
  #migrate(): void {
    const columns = this.#db.prepare('PRAGMA table_info(status_lists)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'issuer_did')) {
      this.#db.exec("ALTER TABLE status_lists ADD COLUMN issuer_did TEXT NOT NULL DEFAULT ''");
    }
  }

  /** Gives lists made before key rotation existed to `did`, the key that signed them. */
  adoptUnownedLists(did: string): void {
    this.#sql("UPDATE status_lists SET issuer_did = ? WHERE issuer_did = ''").run(did);
  }

  close(): void {
    this.#db.close();
  }

  /** Statements are prepared once: preparing one costs more than running it. */
  #sql(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn).immediate();
  }

  getMeta(key: string): string | undefined {
    return (this.#sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.#sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /**
   * Reserves a random free index for each credential id, all in one committed transaction,
   * opening a new list when the current one reaches `capacity` entries. `draw(n)` returns a
   * uniform integer in [0, n). An id that already holds a reservation gets it back.
   */
  allocateIndices(options: Allocation & { credentialIds: string[] }): { listId: number; index: number }[] {
    return this.transaction(() => options.credentialIds.map((credentialId) => {
      // A crash between this commit and saving the credential leaves the reservation behind; the
      // retry of the same credential id takes it back (that index was never on an issued credential).
      const reserved = this.#sql('SELECT list_id AS listId, idx AS "index" FROM status_allocations WHERE credential_id = ?')
        .get(credentialId) as { listId: number; index: number } | undefined;
      if (reserved) return reserved;
      const list = this.#listWithRoom(options);
      const index = this.#drawFreeIndex(list, options);
      this.#sql('INSERT INTO status_allocations (list_id, idx, credential_id, allocated_at) VALUES (?, ?, ?, ?)')
        .run(list.id, index, credentialId, options.now);
      this.#sql('UPDATE status_lists SET allocated = allocated + 1 WHERE id = ?').run(list.id);
      return { listId: list.id, index };
    }));
  }

  /** The issuer's newest list below `capacity`, or a new one. Not the bits: 16 KB copied out each time. */
  #listWithRoom(options: Allocation): { id: number; length: number } {
    const list = this.#sql("SELECT id, length FROM status_lists WHERE purpose = 'revocation' AND issuer_did = ? AND allocated < ? ORDER BY id DESC LIMIT 1")
      .get(options.issuerDid, options.capacity) as { id: number; length: number } | undefined;
    if (list) return list;
    const bits = Buffer.alloc(options.length / 8);
    const { lastInsertRowid } = this.#sql("INSERT INTO status_lists (issuer_did, purpose, length, bits, updated_at) VALUES (?, 'revocation', ?, ?, ?)")
      .run(options.issuerDid, options.length, bits, options.now);
    return { id: Number(lastInsertRowid), length: options.length };
  }

  #drawFreeIndex(list: { id: number; length: number }, options: Allocation): number {
    const taken = this.#sql('SELECT 1 FROM status_allocations WHERE list_id = ? AND idx = ?');
    let index: number;
    do index = options.draw(list.length); while (taken.get(list.id, index));
    return index;
  }

  /** Saves signed credentials, all or none. */
  saveCredentials(rows: CredentialRow[]): void {
    const insert = this.#sql(`INSERT INTO credentials (id, qualification, subject_name, issued_at, list_id, status_index, state, json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.transaction(() => {
      for (const row of rows) insert.run(row.id, row.qualification, row.subjectName, row.issuedAt, row.listId, row.statusIndex, row.state, row.json);
    });
  }

  credential(id: string): CredentialRow | undefined {
    const row = this.#sql('SELECT * FROM credentials WHERE id = ?').get(id) as CredentialSqlRow | undefined;
    return row ? toCredential(row) : undefined;
  }

  credentials(filter: { qualification?: string; subjectName?: string; limit?: number } = {}): CredentialRow[] {
    const rows = this.#sql(`SELECT * FROM credentials
      WHERE (@qualification IS NULL OR qualification = @qualification)
        AND (@subjectName IS NULL OR subject_name LIKE '%' || @subjectName || '%')
      ORDER BY issued_at DESC LIMIT @limit`)
      .all({ qualification: filter.qualification ?? null, subjectName: filter.subjectName ?? null, limit: filter.limit ?? 100 });
    return (rows as CredentialSqlRow[]).map(toCredential);
  }

  /** Changes a credential's state and its bit in the list in one transaction. */
  setState(id: string, state: CredentialState, now: string): CredentialRow | undefined {
    return this.transaction(() => {
      const row = this.credential(id);
      if (!row) return undefined;
      const list = toList(this.#sql('SELECT * FROM status_lists WHERE id = ?').get(row.listId) as StatusListSqlRow);
      setBit(list.bits, row.statusIndex, state === 'revoked');
      this.#sql('UPDATE status_lists SET bits = ?, updated_at = ? WHERE id = ?').run(Buffer.from(list.bits), now, list.id);
      this.#sql('UPDATE credentials SET state = ? WHERE id = ?').run(state, id);
      return { ...row, state };
    });
  }

  /** The list as last signed (a BitstringStatusListCredential as JSON text), if it was. */
  signedStatusList(listId: number): string | undefined {
    return (this.#sql('SELECT json FROM signed_status_lists WHERE list_id = ?').get(listId) as { json: string } | undefined)?.json;
  }

  /**
   * Keeps a newly signed list unless one with a later or equal validFrom was kept meanwhile (two
   * requests signing at once); returns the one kept. Published lists only ever move forward.
   */
  keepSignedStatusList(listId: number, validFrom: string, json: string): string {
    return this.transaction(() => {
      const held = this.#sql('SELECT valid_from, json FROM signed_status_lists WHERE list_id = ?').get(listId) as { valid_from: string; json: string } | undefined;
      if (held && Date.parse(held.valid_from) >= Date.parse(validFrom)) return held.json;
      this.#sql('INSERT OR REPLACE INTO signed_status_lists (list_id, valid_from, json) VALUES (?, ?, ?)').run(listId, validFrom, json);
      return json;
    });
  }

  statusLists(): StatusListRow[] {
    return (this.#sql('SELECT * FROM status_lists ORDER BY id').all() as StatusListSqlRow[]).map(toList);
  }
}
