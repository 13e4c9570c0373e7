/**
 * The registry's self-audit. The log is the only thing signatures cover; every other table is
 * derived from it, and a byte on disk that no signature covers is the attacker's choice. So the
 * audit walks the hash chain, then replays every entry through the same acceptance path
 * (`submit`, `pushStatusList`) into a fresh in-memory registry, and requires the replay to write
 * the same log and the same derived tables, row by row. The first difference is reported.
 */
import { CorridorError, type LogHead } from '@corridor/shared';
import { chainHash, GENESIS_HASH, type DerivedTables, type LogEntry, type RegistryStore } from './store.js';

export interface AuditBreak {
  /** The log sequence where the difference shows (the entry, or the row's last-changing entry). */
  seq: number;
  reason: string;
  /** The record concerned, when the difference is in a table row or a record's entry. */
  recordId?: string;
  version?: number;
}

export interface AuditReport {
  ok: boolean;
  entries: number;
  records: number;
  head: LogHead;
  firstBreak?: AuditBreak;
}

/** What a replay needs of a registry: the two ways into the log. */
export interface Replayer {
  readonly store: RegistryStore;
  submit(jws: unknown): Promise<{ seq: number; unchanged: boolean }>;
  pushStatusList(credential: unknown): Promise<{ seq: number; unchanged: boolean }>;
}

const PAGE = 500;
const ENTRY_FIELDS = ['seq', 'kind', 'recordId', 'version', 'contentHash', 'body', 'acceptedAt'] as const;

/**
 * Audits `store` against its own log. `replayer(now)` makes a fresh, empty registry whose clock
 * reads `now()`: each entry is replayed at the time it was accepted.
 */
export async function auditStore(
  store: RegistryStore, replayer: (now: () => Date) => Replayer, snapshot: ReturnType<RegistryStore['derivedSnapshot']> = store.derivedSnapshot(),
): Promise<AuditReport> {
  // The tables and the head were read in one transaction before any await: they describe one
  // moment, and entries written while the audit runs are left to the next audit.
  const { head, tables } = snapshot;
  let at = new Date(0);
  const replay = replayer(() => at);
  let prevHash = GENESIS_HASH;
  let entries = 0;
  const broken = (b: AuditBreak): AuditReport => ({
    ok: false, entries, records: 0, head: { seq: entries, hash: prevHash }, firstBreak: b,
  });
  try {
    for (let from = 1; from <= head.seq; from += PAGE) {
      // Pages, not one long iterator: the connection stays free for requests between awaits.
      const page = store.log(from, Math.min(PAGE, head.seq - from + 1));
      for (const entry of page) {
        const named = { recordId: entry.recordId, version: entry.version };
        if (entry.seq !== entries + 1) return broken({ seq: entry.seq, reason: `sequence gap: expected ${entries + 1}` });
        if (entry.prevHash !== prevHash) return broken({ seq: entry.seq, reason: 'previous-hash link is broken', ...named });
        if (chainHash(prevHash, entry) !== entry.entryHash) return broken({ seq: entry.seq, reason: 'entry hash does not match its content', ...named });
        const reason = await replayEntry(replay, entry, (t) => { at = t; });
        if (reason) return broken({ seq: entry.seq, reason, ...named });
        prevHash = entry.entryHash;
        entries += 1;
      }
      if (page.length === 0) break;
    }
    if (entries !== head.seq) return broken({ seq: entries + 1, reason: `the log ends at #${entries}, its head says #${head.seq}` });
    const difference = firstDifference(tables, replay.store.derivedSnapshot().tables, replay.store);
    if (difference) return broken(difference);
  } finally {
    replay.store.close();
  }
  return { ok: true, entries, records: tables.records?.length ?? 0, head };
}

/** Replays one entry; a reason when the acceptance path refuses it or writes something else. */
async function replayEntry(replay: Replayer, entry: LogEntry, setClock: (at: Date) => void): Promise<string | undefined> {
  const acceptedAt = new Date(entry.acceptedAt);
  if (Number.isNaN(acceptedAt.getTime())) return 'the entry has no valid acceptance time';
  setClock(acceptedAt);
  let result: { seq: number; unchanged: boolean };
  try {
    const body = JSON.parse(entry.body) as unknown;
    result = entry.kind === 'status-list' ? await replay.pushStatusList(body) : await replay.submit(body);
  } catch (error) {
    return `the acceptance rules refuse this entry (${(error as CorridorError).code ?? 'ERR_RECORD_INVALID'})`;
  }
  if (result.unchanged) return 'the acceptance rules find nothing new in this entry';
  const replayed = replay.store.entry(result.seq);
  const field = ENTRY_FIELDS.find((f) => replayed?.[f] !== entry[f]);
  return field ? `replaying the entry gives another ${field}` : undefined;
}

const rowName = (row: Record<string, unknown>, key: string[]): string => key.map((k) => String(row[k])).join(' v');
const keyOf = (row: Record<string, unknown>, key: string[]): string => JSON.stringify(key.map((k) => row[k]));

/**
 * The row where the tables on disk and the replayed tables first differ: the one whose log entry
 * comes earliest (a row in no entry's name, such as an extra table, counts as earliest of all).
 */
function firstDifference(held: DerivedTables, replayed: DerivedTables, schema: RegistryStore): AuditBreak | undefined {
  let first: AuditBreak | undefined;
  const note = (b: AuditBreak) => { if (!first || b.seq < first.seq) first = b; };
  for (const table of [...new Set([...Object.keys(held), ...Object.keys(replayed)])].sort()) {
    const ours = held[table];
    const theirs = replayed[table];
    if (!ours || !theirs) { note({ seq: 0, reason: `table ${table} exists only ${ours ? 'on disk' : 'in the replay'}` }); continue; }
    const key = schema.primaryKey(table);
    const index = new Map(theirs.map((row) => [keyOf(row, key), row]));
    const describe = (row: Record<string, unknown>, reason: string): AuditBreak => ({
      seq: typeof row.seq === 'number' ? row.seq : 0, reason: `${table} ${rowName(row, key)}: ${reason}`,
      ...(typeof row.record_id === 'string' ? { recordId: row.record_id } : {}),
      ...(typeof row.version === 'number' ? { version: row.version } : {}),
    });
    for (const row of ours) {
      const expected = index.get(keyOf(row, key));
      index.delete(keyOf(row, key));
      if (!expected) { note(describe(row, 'a row the log does not produce')); continue; }
      const column = Object.keys({ ...expected, ...row }).find((c) => JSON.stringify(row[c]) !== JSON.stringify(expected[c]));
      if (column) note(describe(expected, `column ${column} differs from the log`));
    }
    for (const row of index.values()) note(describe(row, 'missing, though the log produces it'));
  }
  return first;
}

/** The refusal an exporter throws for a registry whose tables do not match its log. */
export function inconsistent(report: AuditReport): CorridorError {
  const b = report.firstBreak!;
  return new CorridorError('ERR_REGISTRY_INCONSISTENT', `the registry does not match its log at entry #${b.seq}: ${b.reason}; run corridor-registry audit`);
}
