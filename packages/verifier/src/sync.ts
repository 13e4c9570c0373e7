/**
 * Keeping a trust pack current: accept a full pack or apply a delta, only if it is signed by the
 * same registry operator, for the same country, newer than what is held, and every record in it
 * verifies. Otherwise throw, and the caller keeps the last good pack.
 */
import {
  assertTrustPackDelta, CorridorError, openTrustPack, openTrustPackEnvelope, verifyRecord,
  type GeneralJws, type QrCatalogue, type StatusListCredential, type TrustPackContent,
} from '@corridor/shared';

export interface HeldPack {
  /** did:key of the registry operator that signs this verifier's packs (pinned at first sync). */
  operator: string;
  content: TrustPackContent;
  syncedAt: string;
}

async function assertRecordsVerify(records: GeneralJws[]): Promise<void> {
  for (const record of records) {
    try {
      await verifyRecord(record);
    } catch (cause) {
      throw new CorridorError('ERR_TRUST_PACK_INVALID', 'a record in the pack does not verify', { cause });
    }
  }
}

function refuseOlder(held: HeldPack | undefined, country: string, sequence: number, issuedAt: string): void {
  if (!held) return;
  if (country !== held.content.country) throw new CorridorError('ERR_TRUST_PACK_INVALID', `this verifier holds a pack for ${held.content.country}`);
  const older = sequence < held.content.sequence ||
    (sequence === held.content.sequence && Date.parse(issuedAt) < Date.parse(held.content.issuedAt));
  if (older) throw new CorridorError('ERR_TRUST_PACK_ROLLBACK', `the pack (#${sequence}) is older than the one held (#${held.content.sequence})`);
}

export async function acceptPack(held: HeldPack | undefined, signed: unknown, options: { operator?: string; now?: Date } = {}): Promise<HeldPack> {
  const { operator, content: value } = await openTrustPack(signed, options.operator ?? held?.operator);
  refuseOlder(held, value.country, value.sequence, value.issuedAt);
  if (held) newerCatalogue(held.content.qrCatalogue, value.qrCatalogue);
  await assertRecordsVerify(value.records);
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
  refuseOlder(held, value.country, value.sequence, value.issuedAt);
  if (value.since !== held.content.sequence) {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', `the delta starts at #${value.since}, the pack held is #${held.content.sequence}`);
  }
  await assertRecordsVerify(value.records);
  // Every version is kept: the trust index walks each record's versions in order (record-rules).
  // The same payload again (one more co-signature) replaces the one held.
  const records = new Map(held.content.records.map((r) => [r.payload, r]));
  for (const record of value.records) records.set(record.payload, record);
  const lists = new Map<string, StatusListCredential>(held.content.statusLists.map((l) => [l.id, l]));
  for (const list of value.statusLists) {
    const existing = lists.get(list.id);
    if (!existing || Date.parse(existing.validFrom) <= Date.parse(list.validFrom)) lists.set(list.id, list);
  }
  return {
    operator,
    content: {
      format: 'corridor-trust-pack/1', country: value.country, sequence: value.sequence, logHead: value.logHead,
      issuedAt: value.issuedAt, records: [...records.values()], statusLists: [...lists.values()],
      ...(newerCatalogue(held.content.qrCatalogue, value.qrCatalogue) ? { qrCatalogue: newerCatalogue(held.content.qrCatalogue, value.qrCatalogue)! } : {}),
    },
    syncedAt: (options.now ?? new Date()).toISOString(),
  };
}
