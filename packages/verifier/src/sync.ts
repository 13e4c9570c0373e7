/**
 * Keeping a trust pack current: accept a full pack or apply a delta, only if it is signed by the
 * same registry operator, for the same country, newer than what is held (its log extending the
 * head held, no status list older than one held), and every record and list in it verifies.
 * Otherwise throw, and the caller keeps the last good pack.
 *
 * What is kept on disk is the signed material as received (held-file format below), never the
 * content alone: loading it opens the pack and applies each delta again, so a byte changed on disk
 * fails a signature. acceptPack and applyDelta are pure (no network, no files): the officer's page
 * runs them too.
 */
import {
  assertTrustPackDelta, canonicalJson, CorridorError, openTrustPack, openTrustPackEnvelope, RegistryUnavailable, verifyCredentialProof, verifyLogExtension, verifyRecord,
  type GeneralJws, type LogLink, type QrCatalogue, type StatusListCredential, type TrustPackContent,
} from '@corridor/shared';

/** Opening a signed full pack with the operator's key (shared's, re-exported for the page beside applyDelta). */
export { openTrustPack };

export interface HeldPack {
  /** did:key of the registry operator that signs this verifier's packs (pinned at first sync). */
  operator: string;
  content: TrustPackContent;
  syncedAt: string;
}

/** The held file in the verifier's data dir: the signed pack and deltas exactly as received. */
export interface HeldFile {
  format: 'corridor-held-pack/1';
  operator: string;
  pack: GeneralJws;
  deltas: GeneralJws[];
  syncedAt: string;
}

const LINKS_PER_REQUEST = 100_000;

/** Past this many deltas, or once they weigh more than the pack, sync fetches a full pack instead. */
export const MAX_HELD_DELTAS = 20;

async function assertRecordsVerify(records: GeneralJws[]): Promise<void> {
  for (const record of records) {
    try {
      await verifyRecord(record);
    } catch (cause) {
      throw new CorridorError('ERR_TRUST_PACK_INVALID', 'a record in the pack does not verify', { cause });
    }
  }
}

/** Each list's issuer signature, as of its own date (whether it is current is the verdict's call). */
async function assertListsVerify(lists: StatusListCredential[]): Promise<void> {
  for (const list of lists) {
    const proof = await verifyCredentialProof({ credential: list, now: new Date(list.validFrom) });
    if (!proof.verified) throw new CorridorError('ERR_TRUST_PACK_INVALID', 'a status list in the pack does not verify', { cause: proof.error });
  }
}

function refuseOlder(held: HeldPack | undefined, value: { country: string; sequence: number; logHead: string; issuedAt: string }): void {
  if (!held) return;
  const { country, sequence, issuedAt } = value;
  if (country !== held.content.country) throw new CorridorError('ERR_TRUST_PACK_INVALID', `this verifier holds a pack for ${held.content.country}`);
  const older = sequence < held.content.sequence ||
    (sequence === held.content.sequence && Date.parse(issuedAt) < Date.parse(held.content.issuedAt));
  if (older) throw new CorridorError('ERR_TRUST_PACK_ROLLBACK', `the pack (#${sequence}) is older than the one held (#${held.content.sequence})`);
  if (sequence === held.content.sequence && value.logHead !== held.content.logHead) {
    throw new CorridorError('ERR_LOG_INCONSISTENT', `the registry log #${sequence} is not the one held: the log was forked or rewritten`);
  }
}

/**
 * A status list never moves back: for each URL, an incoming list must be dated after the one held,
 * or be that very list. An older one (from the public GET /status-lists, say) would un-revoke.
 */
function refuseOlderLists(held: HeldPack | undefined, incoming: StatusListCredential[]): void {
  if (!held) return;
  const lists = new Map(held.content.statusLists.map((l) => [l.id, l]));
  for (const list of incoming) {
    const kept = lists.get(list.id);
    if (!kept) continue;
    const [was, now] = [Date.parse(kept.validFrom), Date.parse(list.validFrom)];
    if (now < was || (now === was && canonicalJson(kept) !== canonicalJson(list))) {
      throw new CorridorError('ERR_TRUST_PACK_ROLLBACK', 'a status list in the pack is older than the one held');
    }
  }
}

export async function acceptPack(held: HeldPack | undefined, signed: unknown, options: { operator?: string; now?: Date } = {}): Promise<HeldPack> {
  const { operator, content: value } = await openTrustPack(signed, options.operator ?? held?.operator);
  refuseOlder(held, value);
  refuseOlderLists(held, value.statusLists);
  if (held) newerCatalogue(held.content.qrCatalogue, value.qrCatalogue);
  await assertRecordsVerify(value.records);
  await assertListsVerify(value.statusLists);
  return { operator, content: value, syncedAt: (options.now ?? new Date()).toISOString() };
}

/** Catalogues only grow: take the delta's if it extends the one held, refuse one that rewrites it. */
function newerCatalogue(held: QrCatalogue | undefined, incoming: QrCatalogue | undefined): QrCatalogue | undefined {
  if (!incoming) return held;
  if (!held) return incoming;
  const extends_ = (a: string[], b: string[]) => b.length >= a.length && a.every((v, i) => b[i] === v);
  if (!extends_(held.none, incoming.none) || !extends_(held.url, incoming.url)) {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', 'the QR catalogue in the delta rewrites codes already in use');
  }
  return incoming;
}

export async function applyDelta(held: HeldPack, signed: unknown, options: { now?: Date } = {}): Promise<HeldPack> {
  const { operator, value } = await openTrustPackEnvelope(signed, held.operator);
  assertTrustPackDelta(value);
  refuseOlder(held, value);
  if (value.since !== held.content.sequence) {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', `the delta starts at #${value.since}, the pack held is #${held.content.sequence}`);
  }
  refuseOlderLists(held, value.statusLists);
  await assertRecordsVerify(value.records);
  await assertListsVerify(value.statusLists);
  // Every version is kept: the trust index walks each record's versions in order (record-rules).
  // The same payload again (one more co-signature) replaces the one held.
  const records = new Map(held.content.records.map((r) => [r.payload, r]));
  for (const record of value.records) records.set(record.payload, record);
  const lists = new Map<string, StatusListCredential>(held.content.statusLists.map((l) => [l.id, l]));
  for (const list of value.statusLists) lists.set(list.id, list);
  const catalogue = newerCatalogue(held.content.qrCatalogue, value.qrCatalogue);
  return {
    operator,
    content: {
      format: 'corridor-trust-pack/1', country: value.country, sequence: value.sequence, logHead: value.logHead,
      issuedAt: value.issuedAt, records: [...records.values()], statusLists: [...lists.values()],
      ...(catalogue ? { qrCatalogue: catalogue } : {}),
    },
    syncedAt: (options.now ?? new Date()).toISOString(),
  };
}

/**
 * The held file, every byte checked again: the pack opened with the operator (the pinned one, or
 * `operator` when the verifier is configured with one, which must then match), each delta applied.
 */
export async function loadHeldFile(file: unknown, options: { operator?: string } = {}): Promise<HeldPack> {
  const damaged = (why: string, cause?: unknown): never => {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', `the held trust pack ${why}; run sync --full`, cause ? { cause } : undefined);
  };
  const f = file as Partial<HeldFile> | null;
  if (typeof f !== 'object' || f === null || f.format !== 'corridor-held-pack/1' || typeof f.operator !== 'string' ||
      !Array.isArray(f.deltas) || typeof f.syncedAt !== 'string') {
    return damaged('is not a corridor-held-pack/1 file');
  }
  if (options.operator && options.operator !== f.operator) return damaged('is signed for another registry operator than the one configured');
  try {
    const { operator, content } = await openTrustPack(f.pack, f.operator);
    let held: HeldPack = { operator, content, syncedAt: f.syncedAt };
    for (const delta of f.deltas) held = await applyDelta(held, delta, { now: new Date(f.syncedAt) });
    return held;
  } catch (cause) {
    return damaged('does not verify', cause);
  }
}

/** What sync asks of the registry (RegistryClient has these). */
export interface PackSource {
  trustPack(country: string): Promise<unknown>;
  delta(country: string, since: number): Promise<unknown>;
  logLinks(after: number, to: number): Promise<{ links: LogLink[] }>;
}

/**
 * Refuses `next` unless its log extends the head held: same sequence means same head; a later one
 * must be reached from the held head by the registry's links (ERR_LOG_INCONSISTENT otherwise).
 */
export async function assertLogExtends(held: HeldPack | undefined, next: HeldPack, source: Pick<PackSource, 'logLinks'>): Promise<void> {
  if (!held) return;
  const from = { seq: held.content.sequence, hash: held.content.logHead };
  const to = { seq: next.content.sequence, hash: next.content.logHead };
  if (from.seq === to.seq && from.hash === to.hash) return;
  const links: LogLink[] = [];
  // The registry answers at most LINKS_PER_REQUEST links at a time.
  for (let after = from.seq; after < to.seq; after += LINKS_PER_REQUEST) {
    const answer = await source.logLinks(after, Math.min(to.seq, after + LINKS_PER_REQUEST));
    const page = (answer as { links?: unknown } | null)?.links;
    if (!Array.isArray(page)) throw new CorridorError('ERR_LOG_INCONSISTENT', 'the registry gave no log links');
    for (const link of page as LogLink[]) links.push(link);
  }
  verifyLogExtension(from, to, links);
}

const sizeOf = (value: unknown) => JSON.stringify(value).length;

/**
 * One sync: a delta from where the verifier stands (or the full pack the registry may answer with),
 * or the full pack with `full` or nothing held; compacted to a full pack when deltas pile up.
 * Returns the file to keep and what it holds; throws (and nothing changes) on anything wrong.
 */
export async function syncHeld(kept: { file: HeldFile; held: HeldPack } | undefined, source: PackSource,
  options: { country: string; operator?: string; full?: boolean; now?: Date }): Promise<{ file: HeldFile; held: HeldPack }> {
  const { country, now = new Date() } = options;
  const operator = options.operator ?? kept?.held.operator;
  const whole = async (from: { file: HeldFile; held: HeldPack } | undefined, signed: unknown) => {
    const held = await acceptPack(from?.held, signed, { ...(operator ? { operator } : {}), now });
    await assertLogExtends(from?.held, held, source);
    return { held, file: fileOf(held, signed as GeneralJws, [], now) };
  };
  if (!kept || options.full || kept.held.content.country !== country) return whole(kept, await source.trustPack(country));

  const answer = await source.delta(country, kept.held.content.sequence);
  // When `since` is too old the registry may answer with a full pack: taken as one, same checks.
  const { value } = await openTrustPackEnvelope(answer, kept.held.operator);
  if ((value as { format?: unknown }).format === 'corridor-trust-pack/1') return whole(kept, answer);
  const held = await applyDelta(kept.held, answer, { now });
  await assertLogExtends(kept.held, held, source);
  const next = { held, file: fileOf(held, kept.file.pack, [...kept.file.deltas, answer as GeneralJws], now) };
  const deltas = next.file.deltas;
  if (deltas.length <= MAX_HELD_DELTAS && sizeOf(deltas) <= sizeOf(next.file.pack)) return next;
  try {
    // The full pack may be dated a little before the delta just taken (the registry caches packs):
    // at the same log head it holds the same entries, so only its date may be older; the held
    // state then looks older, never newer. Everything else is checked as for any pack.
    const undated = { ...next.held, content: { ...next.held.content, issuedAt: new Date(0).toISOString() } };
    return await whole({ file: next.file, held: undated }, await source.trustPack(country));
  } catch (error) {
    // The deltas are good; compacting can wait for a registry that answers (or whose cached pack
    // is no older than the delta just taken).
    if (error instanceof RegistryUnavailable || (error as CorridorError).code === 'ERR_TRUST_PACK_ROLLBACK') return next;
    throw error;
  }
}

function fileOf(held: HeldPack, pack: GeneralJws, deltas: GeneralJws[], now: Date): HeldFile {
  return { format: 'corridor-held-pack/1', operator: held.operator, pack, deltas, syncedAt: now.toISOString() };
}
