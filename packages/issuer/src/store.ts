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

/** A staff client of the HTTP API; only a slow hash of its secret is kept. */
export interface ApiClientRow {
  id: string;
  name: string;
  scopes: string[];
  secretHash: string;
  createdAt: string;
  revokedAt?: string;
}

/** Who did what to which credential, when: ids only, never a worker's name or birth date. */
export type AuditAction = 'issue' | 'revoke' | 'download' | 'list' | 'wallet-link' | 'wallet-download' | 'client-add' | 'client-revoke'
  | 'offer' | 'offer-token' | 'offer-issue';
export interface AuditEntry {
  seq?: number;
  at: string;
  clientId: string;
  action: AuditAction;
  credentialId?: string;
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
CREATE TABLE IF NOT EXISTS api_clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  client_id TEXT NOT NULL,
  action TEXT NOT NULL,
  credential_id TEXT
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
CREATE TABLE IF NOT EXISTS wallet_links (
  code_hash TEXT PRIMARY KEY,
  credential_id TEXT NOT NULL REFERENCES credentials(id),
  client_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE TABLE IF NOT EXISTS credential_offers (
  code_hash TEXT PRIMARY KEY,
  pin_hash TEXT NOT NULL,
  credential_id TEXT NOT NULL REFERENCES credentials(id),
  client_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  failed_pins INTEGER NOT NULL DEFAULT 0,
  token_id TEXT UNIQUE,
  token_at TEXT,
  issued_at TEXT,
  holder TEXT,
  wallet_credential_id TEXT
);
CREATE TABLE IF NOT EXISTS issuance_nonces (
  nonce_hash TEXT PRIMARY KEY,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
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

  /** True once any status index was drawn: the status-list URLs are then on credentials. */
  hasIssued(): boolean {
    return this.#sql('SELECT 1 FROM status_allocations LIMIT 1').get() !== undefined;
  }

  // --- API clients, audit trail, wallet links -------------------------------------------------

  addClient(row: ApiClientRow, audit: AuditEntry): void {
    this.transaction(() => {
      this.#sql('INSERT INTO api_clients (id, name, scopes, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(row.id, row.name, row.scopes.join(' '), row.secretHash, row.createdAt);
      this.#insertAudit(audit);
    });
  }

  client(id: string): ApiClientRow | undefined {
    const r = this.#sql('SELECT * FROM api_clients WHERE id = ?').get(id) as ApiClientSqlRow | undefined;
    return r ? toClient(r) : undefined;
  }

  clients(): ApiClientRow[] {
    return (this.#sql('SELECT * FROM api_clients ORDER BY created_at, id').all() as ApiClientSqlRow[]).map(toClient);
  }

  /** True if some client is not revoked: without one, the API answers nothing. */
  hasActiveClient(): boolean {
    return this.#sql('SELECT 1 FROM api_clients WHERE revoked_at IS NULL LIMIT 1').get() !== undefined;
  }

  revokeClient(id: string, audit: AuditEntry): ApiClientRow | undefined {
    return this.transaction(() => {
      const found = this.client(id);
      if (!found) return undefined;
      if (!found.revokedAt) {
        this.#sql('UPDATE api_clients SET revoked_at = ? WHERE id = ?').run(audit.at, id);
        this.#insertAudit(audit);
      }
      return this.client(id);
    });
  }

  #insertAudit(entry: AuditEntry): void {
    this.#sql('INSERT INTO audit_log (at, client_id, action, credential_id) VALUES (?, ?, ?, ?)')
      .run(entry.at, entry.clientId, entry.action, entry.credentialId ?? null);
  }

  audit(entries: AuditEntry[]): void {
    this.transaction(() => { for (const entry of entries) this.#insertAudit(entry); });
  }

  auditLog(filter: { since?: string; limit?: number } = {}): AuditEntry[] {
    const rows = this.#sql(`SELECT seq, at, client_id, action, credential_id FROM audit_log
      WHERE (@since IS NULL OR at >= @since) ORDER BY seq LIMIT @limit`)
      .all({ since: filter.since ?? null, limit: filter.limit ?? -1 }) as { seq: number; at: string; client_id: string; action: AuditAction; credential_id: string | null }[];
    return rows.map((r) => ({ seq: r.seq, at: r.at, clientId: r.client_id, action: r.action, ...(r.credential_id ? { credentialId: r.credential_id } : {}) }));
  }

  addWalletLink(link: { codeHash: string; credentialId: string; clientId: string; createdAt: string; expiresAt: string }): void {
    this.transaction(() => {
      this.#sql('INSERT INTO wallet_links (code_hash, credential_id, client_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(link.codeHash, link.credentialId, link.clientId, link.createdAt, link.expiresAt);
      this.#insertAudit({ at: link.createdAt, clientId: link.clientId, action: 'wallet-link', credentialId: link.credentialId });
    });
  }

  /**
   * Uses a wallet link: unused and unexpired, it is marked used and its credential returned, in
   * one transaction (two racing downloads cannot both win); anything else returns undefined.
   */
  redeemWalletLink(codeHash: string, now: string): CredentialRow | undefined {
    return this.transaction(() => {
      const link = this.#sql('SELECT credential_id, client_id FROM wallet_links WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
        .get(codeHash, now) as { credential_id: string; client_id: string } | undefined;
      if (!link) return undefined;
      this.#sql('UPDATE wallet_links SET used_at = ? WHERE code_hash = ?').run(now, codeHash);
      this.#insertAudit({ at: now, clientId: link.client_id, action: 'wallet-download', credentialId: link.credential_id });
      return this.credential(link.credential_id);
    });
  }

  // --- OpenID4VCI offers and nonces (oid4vci.ts) ----------------------------------------------

  addOffer(offer: { codeHash: string; pinHash: string; credentialId: string; clientId: string; createdAt: string; expiresAt: string }): void {
    this.transaction(() => {
      this.#sql('INSERT INTO credential_offers (code_hash, pin_hash, credential_id, client_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(offer.codeHash, offer.pinHash, offer.credentialId, offer.clientId, offer.createdAt, offer.expiresAt);
      this.#insertAudit({ at: offer.createdAt, clientId: offer.clientId, action: 'offer', credentialId: offer.credentialId });
    });
  }

  /**
   * Trades an offer's pre-authorized code for a token id, once: the offer must be unexpired, not
   * yet traded, and below `maxFailures` wrong PINs. A wrong PIN counts, and the offer dies at
   * `maxFailures` (a 6-digit PIN is not guessed in a few tries). All in one transaction.
   */
  redeemOffer(codeHash: string, pinMatches: (pinHash: string) => boolean, tokenId: string, now: string, maxFailures: number): OfferRedemption {
    return this.transaction(() => {
      const offer = this.#sql('SELECT pin_hash, credential_id, client_id FROM credential_offers WHERE code_hash = ? AND token_id IS NULL AND expires_at > ? AND failed_pins < ?')
        .get(codeHash, now, maxFailures) as { pin_hash: string; credential_id: string; client_id: string } | undefined;
      if (!offer) return undefined;
      if (!pinMatches(offer.pin_hash)) {
        this.#sql('UPDATE credential_offers SET failed_pins = failed_pins + 1 WHERE code_hash = ?').run(codeHash);
        return 'wrong-pin';
      }
      this.#sql('UPDATE credential_offers SET token_id = ?, token_at = ? WHERE code_hash = ?').run(tokenId, now, codeHash);
      this.#insertAudit({ at: now, clientId: offer.client_id, action: 'offer-token', credentialId: offer.credential_id });
      return { credentialId: offer.credential_id };
    });
  }

  /** The credential an access token (by its id) may still fetch: none once fetched. */
  offerForToken(tokenId: string): OfferTokenRow | undefined {
    const row = this.#sql('SELECT credential_id, expires_at FROM credential_offers WHERE token_id = ? AND issued_at IS NULL').get(tokenId) as { credential_id: string; expires_at: string } | undefined;
    return row ? { credentialId: row.credential_id, expiresAt: row.expires_at } : undefined;
  }

  /** Marks the token's credential delivered to `holder`, once; false if another request won. */
  completeOffer(tokenId: string, holder: string, walletCredentialId: string, now: string): boolean {
    return this.transaction(() => {
      const offer = this.#sql('SELECT credential_id, client_id FROM credential_offers WHERE token_id = ? AND issued_at IS NULL').get(tokenId) as { credential_id: string; client_id: string } | undefined;
      if (!offer) return false;
      this.#sql('UPDATE credential_offers SET issued_at = ?, holder = ?, wallet_credential_id = ? WHERE token_id = ?').run(now, holder, walletCredentialId, tokenId);
      this.#insertAudit({ at: now, clientId: offer.client_id, action: 'offer-issue', credentialId: offer.credential_id });
      return true;
    });
  }

  addNonce(nonceHash: string, expiresAt: string): void {
    this.transaction(() => {
      this.#sql('DELETE FROM issuance_nonces WHERE expires_at < ?').run(new Date(Date.parse(expiresAt) - 86_400_000).toISOString());
      this.#sql('INSERT INTO issuance_nonces (nonce_hash, expires_at) VALUES (?, ?)').run(nonceHash, expiresAt);
    });
  }

  /** Uses a nonce once, if it is known and unexpired. */
  consumeNonce(nonceHash: string, now: string): boolean {
    return this.transaction(() =>
      this.#sql('UPDATE issuance_nonces SET used_at = ? WHERE nonce_hash = ? AND used_at IS NULL AND expires_at > ?').run(now, nonceHash, now).changes === 1);
  }
}

/** What redeeming an offer's pre-authorized code gave: a token for its credential, a wrong PIN, or nothing. */
export type OfferRedemption = { credentialId: string } | 'wrong-pin' | undefined;

export interface OfferTokenRow { credentialId: string; expiresAt: string }

interface ApiClientSqlRow { id: string; name: string; scopes: string; secret_hash: string; created_at: string; revoked_at: string | null }
const toClient = (r: ApiClientSqlRow): ApiClientRow => ({
  id: r.id, name: r.name, scopes: r.scopes.split(' ').filter(Boolean), secretHash: r.secret_hash, createdAt: r.created_at,
  ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
});
