/**
 * The trust pack a verifier for one destination country syncs: partner authorities, their
 * qualifications and accreditations, mappings in force both ways, and issuers' status lists,
 * signed by the registry operator. A delta carries what changed after a sequence. Verifiers
 * re-check every inner signature themselves.
 */
import {
  signJson,
  type AccreditationRecord, type AuthorityRecord, type GeneralJws, type KeyPair, type MappingRecord, type MappingTableRecord,
  type PartnershipRecord, type QualificationRecord, type SignedTrustPack, type StatusListCredential,
  type TrustPackContent, type TrustPackDelta,
} from '@corridor/shared';
import type { Registry, RecordSummary } from './registry.js';

const current = (summary: RecordSummary) => summary.state === 'in-force' || summary.state === 'withdrawn';

/** The current records a verifier in `country` needs, each with the log sequence it last changed at. */
function selectForCountry(registry: Registry, country: string) {
  const all = registry.list().filter(current);
  const ofKind = <T>(kind: RecordSummary['kind']) => all.filter((s) => s.kind === kind) as (RecordSummary & { record: T })[];

  const partnerships = ofKind<PartnershipRecord>('partnership').filter((s) => s.record.countries.includes(country));
  const countries = new Set([country, ...partnerships.flatMap((s) => s.record.countries)]);
  const authorities = ofKind<AuthorityRecord>('authority').filter((s) => countries.has(s.record.country));
  const authorityCountry = new Map(authorities.map((s) => [s.record.did, s.record.country]));
  const qualifications = ofKind<QualificationRecord>('qualification').filter((s) => countries.has(s.record.country));
  const accreditations = ofKind<AccreditationRecord>('accreditation').filter((s) => authorityCountry.has(s.record.authority));
  const mappings = [...ofKind<MappingRecord>('mapping'), ...ofKind<MappingTableRecord>('mapping-table')]
    .filter((s) => s.record.origin.country === country || s.record.destination.country === country);
  const trainingBodies = new Set(accreditations.map((s) => s.record.trainingBody.did));
  const statusLists = ofKind<StatusListCredential>('status-list').filter((s) => trainingBodies.has(s.record.issuer));
  return { records: [...authorities, ...partnerships, ...qualifications, ...accreditations, ...mappings], statusLists };
}

/**
 * The pack's content at the current log head: `sequence` is the head's sequence and `logHead`
 * its entry hash, so a verifier can check with the log's links that this head extends the one
 * it held (verifyLogExtension). Synchronous, so every part of it reads the same head.
 */
export function trustPackContent(registry: Registry, options: { country: string; now?: Date }): TrustPackContent {
  const { country, now = new Date() } = options;
  const { records, statusLists } = selectForCountry(registry, country);
  const head = registry.store.head();
  return {
    format: 'corridor-trust-pack/1', country, sequence: head.seq, logHead: head.hash, issuedAt: now.toISOString(),
    records: records.map((s) => s.jws as GeneralJws), statusLists: statusLists.map((s) => s.record),
    qrCatalogue: registry.qrCatalogue(),
  };
}

/** What changed for `country` after log sequence `since`: new record versions and status lists; head as in a pack. */
export function trustPackDelta(registry: Registry, options: { country: string; since: number; now?: Date }): TrustPackDelta {
  const { country, since, now = new Date() } = options;
  const { records, statusLists } = selectForCountry(registry, country);
  const head = registry.store.head();
  return {
    format: 'corridor-trust-pack-delta/1', country, since, sequence: head.seq, logHead: head.hash, issuedAt: now.toISOString(),
    records: records.filter((s) => s.seq > since).map((s) => s.jws as GeneralJws),
    statusLists: statusLists.filter((s) => s.seq > since).map((s) => s.record),
    qrCatalogue: registry.qrCatalogue(),
  };
}

/**
 * The signed pack: the content as a JWS by the registry operator's key. Refused with
 * ERR_REGISTRY_INCONSISTENT when the registry's tables do not match its log: the operator's
 * signature must never cover state the log does not prove.
 */
export async function exportTrustPack(registry: Registry, options: { country: string; operatorKey: KeyPair; now?: Date }): Promise<SignedTrustPack> {
  await registry.assertConsistent();
  return signJson(trustPackContent(registry, options), options.operatorKey);
}

export async function exportTrustPackDelta(registry: Registry, options: { country: string; since: number; operatorKey: KeyPair; now?: Date }): Promise<GeneralJws> {
  await registry.assertConsistent();
  return signJson(trustPackDelta(registry, options), options.operatorKey);
}
