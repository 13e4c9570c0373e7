/**
 * The registry core: accepts signed records, enforces who may sign what, keeps versions and the
 * hash-chained log, takes issuers' status lists, audits itself, and exports trust packs.
 */
import {
  assertStatusListCredential, canonicalJson, isUnderBaseUrl, CorridorError, createCatalogueBuilder, decodeBase64url, sha256Hex,
  verifyCredentialProof, verifyRecord,
  type AccreditationRecord, type GeneralJws,
  type QrCatalogue, type RegistryRecord, type StatusListCredential,
} from '@corridor/shared';
import { checkSigners, isRecovery, registryView, signaturePolicy } from './policy.js';
import { auditStore, inconsistent, type AuditReport } from './audit.js';
import { recordRowsOf, RegistryStore, type LogKind, type RecordRow } from './store.js';

export type RecordState = 'proposed' | 'in-force' | 'withdrawn' | 'superseded';

/** One version of a record, as the registry holds it. */
interface VersionState {
  recordId: string;
  version: number;
  kind: LogKind;
  state: RecordState;
  signers: string[];
  contentHash: string;
  /** Log sequence of the entry that last changed this version. */
  seq: number;
}

export interface SubmitResult extends VersionState {
  /** True when the submission added nothing (no log entry was written). */
  unchanged: boolean;
}

export interface RecordSummary extends VersionState {
  /** Signed by everyone who must sign it (a status list always is). */
  complete: boolean;
  record: RegistryRecord | StatusListCredential;
  jws?: GeneralJws;
}

export type { AuditBreak, AuditReport } from './audit.js';

const decoder = new TextDecoder();

function payloadOf(body: string): RegistryRecord {
  const jws = JSON.parse(body) as GeneralJws;
  return JSON.parse(decoder.decode(decodeBase64url(jws.payload))) as RegistryRecord;
}

/** State of every version of one record: the highest complete version is the one in force. */
function statesOf(versions: RecordRow[]): Map<number, RecordState> {
  const states = new Map<number, RecordState>();
  const current = [...versions].reverse().find((v) => v.complete);
  for (const v of versions) {
    if (!v.complete) states.set(v.version, current && current.version > v.version ? 'superseded' : 'proposed');
    else if (v === current) states.set(v.version, v.kind !== 'status-list' && isWithdrawn(payloadOf(v.body)) ? 'withdrawn' : 'in-force');
    else states.set(v.version, 'superseded');
  }
  return states;
}

function isWithdrawn(record: RegistryRecord): boolean {
  return 'status' in record && record.status === 'withdrawn';
}

export class Registry {
  readonly store: RegistryStore;
  readonly #now: () => Date;

  constructor(store: RegistryStore, options: { now?: () => Date } = {}) {
    this.store = store;
    this.#now = options.now ?? (() => new Date());
  }

  /** The highest complete version of a record, if any. */
  current<T extends RegistryRecord>(recordId: string): T | undefined {
    const complete = this.store.versions(recordId).filter((v) => v.complete);
    const last = complete[complete.length - 1];
    return last ? (payloadOf(last.body) as T) : undefined;
  }

  #view() {
    return registryView({
      current: (id) => this.current(id),
      completeVersions: (kind) => this.store.records(kind).filter((row) => row.complete).map((row) => payloadOf(row.body)),
    });
  }

  /** Accepts a record JWS: a new record, a new version, or a co-signature of an existing version. */
  async submit(jws: unknown, options: { viaNetwork?: boolean } = {}): Promise<SubmitResult> {
    const { record, signers, contentHash, jws: verified } = await verifyRecord(jws);
    // Everything below is synchronous, so it runs as one unit even under concurrent requests.
    return this.store.transaction(() => {
      const versions = this.store.versions(record.id);
      if (versions.some((v) => v.kind !== record.kind)) throw new CorridorError('ERR_CONFLICT', 'a record with this id has another kind');
      const existing = versions.find((v) => v.version === record.version);
      const latest = versions[versions.length - 1];
      let merged: GeneralJws = verified;
      let mergedSigners = signers;
      if (existing) {
        if (existing.contentHash !== contentHash) {
          throw new CorridorError('ERR_CONFLICT', 'this version exists with other content; amend with a new version');
        }
        const held = JSON.parse(existing.body) as GeneralJws;
        const added = verified.signatures.filter((_, i) => !existing.signers.includes(signers[i]!));
        if (added.length === 0) return this.#result(existing, true);
        merged = { payload: held.payload, signatures: [...held.signatures, ...added] };
        mergedSigners = [...existing.signers, ...signers.filter((s) => !existing.signers.includes(s))];
      } else if (record.version !== (latest?.version ?? 0) + 1) {
        throw new CorridorError('ERR_CONFLICT', `the next version of this record is ${(latest?.version ?? 0) + 1}`);
      }
      // The rules are the verifier's too (shared/record-rules.ts): a version is checked against the
      // version in force and its owner, never only against its own content.
      const below = versions.filter((v) => v.complete && v.version < record.version).at(-1);
      const registry = this.#view();
      const view = { ...registry, current: (id: string) => (id === record.id ? (below ? payloadOf(below.body) : undefined) : registry.current(id)) };
      const { complete } = checkSigners(signaturePolicy(record, view), mergedSigners);
      if (options.viaNetwork && complete && isRecovery(record, view.current(record.id), mergedSigners)) {
        // Partners recovering a lost key act through the operator, who checks with the authority out of band.
        throw new CorridorError('ERR_SIGNER_NOT_AUTHORIZED', 'a key recovery is applied by the registry operator, not over the network');
      }
      const body = JSON.stringify(merged);
      const entry = this.store.appendLog({
        kind: record.kind, recordId: record.id, version: record.version, contentHash, body,
        acceptedAt: this.#now().toISOString(),
      });
      const row: RecordRow = {
        recordId: record.id, version: record.version, kind: record.kind, contentHash, body,
        signers: mergedSigners, complete, seq: entry.seq,
      };
      this.store.putRecord(row);
      return this.#result(row, false);
    });
  }

  #result(row: RecordRow, unchanged: boolean): SubmitResult {
    const state = statesOf(this.store.versions(row.recordId)).get(row.version) ?? 'proposed';
    return {
      recordId: row.recordId, version: row.version, kind: row.kind, state, signers: row.signers,
      contentHash: row.contentHash, seq: row.seq, unchanged,
    };
  }

  /**
   * Takes an issuer's signed status list. The issuer must be an accredited training body, not
   * declared compromised, and the list's URL must lie under the base URL its authority registered
   * for it: a URL belongs to its owner, not to whoever pushes a list there first.
   */
  async pushStatusList(credential: unknown): Promise<SubmitResult> {
    assertStatusListCredential(credential);
    const proof = await verifyCredentialProof({ credential, now: this.#now() });
    if (!proof.verified) throw proof.error;
    const own = this.store.records('accreditation')
      .filter((row) => row.complete).map((row) => payloadOf(row.body) as AccreditationRecord)
      .filter((a) => a.trainingBody.did === credential.issuer);
    if (!own.length) throw new CorridorError('ERR_ISSUER_UNKNOWN', 'only accredited training bodies may publish status lists');
    if (own.some((a) => a.keyCompromised)) throw new CorridorError('ERR_KEY_COMPROMISED', 'the authority declared this key compromised');
    if (!this.#ownsListUrl(credential.issuer, credential.id)) {
      throw new CorridorError('ERR_SIGNER_NOT_AUTHORIZED', 'this status list URL is not under the base URL registered for its issuer');
    }
    const contentHash = sha256Hex(canonicalJson(credential));
    return this.store.transaction(() => {
      const versions = this.store.versions(credential.id);
      const latest = versions[versions.length - 1];
      const held = latest ? JSON.parse(latest.body) as StatusListCredential : undefined;
      // A list squatted here before URLs were owned gives way to the issuer registered under the URL.
      if (held && held.issuer !== credential.issuer && this.#ownsListUrl(held.issuer, held.id)) {
        throw new CorridorError('ERR_SIGNER_NOT_AUTHORIZED', 'this status list belongs to another issuer');
      }
      if (latest && held && held.issuer === credential.issuer) {
        if (latest.contentHash === contentHash) return this.#result(latest, true);
        // Not newer is refused too: two different lists of the same date would let the registry pick either.
        if (Date.parse(credential.validFrom) <= Date.parse(held.validFrom)) {
          throw new CorridorError('ERR_CONFLICT', 'this status list is not newer than the one held');
        }
      }
      const body = JSON.stringify(credential);
      const version = (latest?.version ?? 0) + 1;
      const entry = this.store.appendLog({
        kind: 'status-list', recordId: credential.id, version, contentHash, body, acceptedAt: this.#now().toISOString(),
      });
      const row: RecordRow = {
        recordId: credential.id, version, kind: 'status-list', contentHash, body, signers: [credential.issuer], complete: true, seq: entry.seq,
      };
      this.store.putRecord(row);
      return this.#result(row, false);
    });
  }

  /** Whether `url` lies under a base URL registered for `issuer` in an accreditation as it stands. */
  #ownsListUrl(issuer: string, url: string): boolean {
    const ids = new Set(this.store.records('accreditation').filter((row) => row.complete)
      .map((row) => payloadOf(row.body) as AccreditationRecord).filter((a) => a.trainingBody.did === issuer).map((a) => a.id));
    return [...ids].some((id) => isUnderBaseUrl(url, this.current<AccreditationRecord>(id)!.trainingBody.baseUrl));
  }

  #listCache: { seq: number; summaries: RecordSummary[] } | undefined;
  #catalogueCache: { seq: number; catalogue: QrCatalogue } | undefined;

  /**
   * The QR catalogue: strings of every accepted qualification, accreditation and status list, in
   * log order. Derived from the append-only log, so it only ever grows and codes never move.
   */
  qrCatalogue(): QrCatalogue {
    const { seq } = this.store.head();
    if (this.#catalogueCache?.seq === seq) return this.#catalogueCache.catalogue;
    const builder = createCatalogueBuilder();
    for (const entry of this.store.iterateLog()) {
      if (entry.kind === 'status-list') builder.addStatusList(JSON.parse(entry.body) as StatusListCredential);
      else if (entry.kind === 'qualification' || entry.kind === 'accreditation') builder.addRecord(payloadOf(entry.body));
    }
    this.#catalogueCache = { seq, catalogue: builder.build() };
    return this.#catalogueCache.catalogue;
  }

  /** Every version of every record (optionally of one kind), with its state. Cached until the log grows. */
  list(options: { kind?: LogKind; state?: RecordState } = {}): RecordSummary[] {
    const { seq } = this.store.head();
    if (this.#listCache?.seq !== seq) this.#listCache = { seq, summaries: this.#listAll() };
    return this.#listCache.summaries.filter((s) => (!options.kind || s.kind === options.kind) && (!options.state || s.state === options.state));
  }

  #listAll(rows = this.store.records()): RecordSummary[] {
    const byId = new Map<string, RecordRow[]>();
    for (const row of rows) byId.set(row.recordId, [...(byId.get(row.recordId) ?? []), row]);
    const out: RecordSummary[] = [];
    for (const versions of byId.values()) {
      const states = statesOf(versions);
      for (const row of versions) {
        const state = states.get(row.version)!;
        const isStatusList = row.kind === 'status-list';
        out.push({
          recordId: row.recordId, version: row.version, kind: row.kind, state, signers: row.signers,
          contentHash: row.contentHash, seq: row.seq, complete: row.complete,
          record: isStatusList ? (JSON.parse(row.body) as StatusListCredential) : payloadOf(row.body),
          ...(isStatusList ? {} : { jws: JSON.parse(row.body) as GeneralJws }),
        });
      }
    }
    return out;
  }

  /**
   * Recomputes the hash chain, then replays every entry through this same acceptance path into a
   * fresh in-memory registry and compares every derived table with the replay (see audit.ts).
   */
  async audit(): Promise<AuditReport> {
    return auditStore(this.store, this.#replayer);
  }

  /** A fresh, empty registry on an in-memory store, on a clock the replay sets. */
  readonly #replayer = (now: () => Date) => new Registry(new RegistryStore(':memory:'), { now });

  #consistency: { hash: string; report: Promise<AuditReport> } | undefined;

  /**
   * Throws ERR_REGISTRY_INCONSISTENT unless the tables match the log. Audited once per log head
   * (concurrent callers share one audit); anything exported at this head was checked.
   */
  async assertConsistent(): Promise<void> {
    const { hash } = this.store.head();
    let held = this.#consistency;
    if (held?.hash !== hash) {
      // What is exported at this head is what was audited: the listing is seeded from the very
      // rows the audit compared, so a write to the file during the audit cannot slip into a pack.
      const snapshot = this.store.derivedSnapshot();
      const report = auditStore(this.store, this.#replayer, snapshot).then((r) => {
        if (r.ok && this.store.head().hash === snapshot.head.hash) {
          this.#listCache = { seq: snapshot.head.seq, summaries: this.#listAll(recordRowsOf(snapshot.tables.records ?? [])) };
        }
        return r;
      });
      held = this.#consistency = { hash, report };
      // A failed audit (not a failing one) is not remembered: the next call tries again.
      report.catch(() => { if (this.#consistency === held) this.#consistency = undefined; });
    }
    const report = await held.report;
    if (!report.ok) throw inconsistent(report);
  }
}
