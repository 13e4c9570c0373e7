/**
 * A trust pack, checked once and indexed for lookups. Trust flows only from the roots (the
 * holder's own authority keys): a partnership both partners signed brings the partner authority
 * in; records count only when signed by a trusted authority of the right country; a mapping
 * counts only with both partners' signatures. Status lists are verified and decoded here, once,
 * so a verification is a bit lookup. Anything that does not check out is left out, not trusted.
 */
import { CorridorError } from './errors.js';
import { verifyCredentialProof } from './proof.js';
import { verifyJson, verifyRecord, type VerifiedRecord } from './records.js';
import { decodeBitstring } from './status-list.js';
import type {
  AccreditationRecord, AuthorityRecord, MappingRecord, MappingTableRecord, PartnershipRecord, QrCatalogue, QualificationRecord, RegistryRecord,
  TrustPackContent,
} from './types.js';
import { trustFromRoots, walkVersions } from './record-walk.js';
import { assertStatusListCredential, assertTrustPackContent, isUnderBaseUrl, mappingsOfTable } from './validate.js';

export interface IndexedStatusList {
  url: string;
  issuer: string;
  purpose: 'revocation' | 'suspension';
  validFrom: string;
  /** The issuer's own limit on the list: past it (or without it) a clear bit proves nothing. */
  validUntil?: string;
  bits: Uint8Array;
}

export interface TrustIndex {
  country: string;
  sequence: number;
  logHead: string;
  issuedAt: string;
  /** did:key of the registry operator that signed the pack. */
  operator: string;
  /** Trusted authorities by did. */
  authorities: ReadonlyMap<string, AuthorityRecord>;
  qualifications: ReadonlyMap<string, QualificationRecord>;
  /** Every accepted version of each trusted qualification, oldest first (titles it had, when it was withdrawn). */
  qualificationHistory: ReadonlyMap<string, QualificationRecord[]>;
  /** Trusted accreditations by training body did (the version in force of each). */
  accreditations: ReadonlyMap<string, AccreditationRecord[]>;
  /** When each suspended or withdrawn accreditation stopped: the first version of its final suspended or withdrawn run. */
  accreditationEnds: ReadonlyMap<string, string>;
  /** Every name the authority registered for a training body, by its did. */
  trainingBodyNames: ReadonlyMap<string, string[]>;
  /** Training body keys an authority declared compromised: nothing they signed is valid. */
  compromisedKeys: ReadonlySet<string>;
  /** In-force mappings by origin qualification id. */
  mappings: ReadonlyMap<string, MappingRecord[]>;
  statusLists: ReadonlyMap<string, IndexedStatusList>;
  /** The registry's QR catalogue, to decode compact QR codes. */
  qrCatalogue?: QrCatalogue;
  /** Records left out, by reason, so an operator can see what did not check out. */
  rejected: { recordId: string; reason: string }[];
}

export interface LoadTrustPackOptions {
  /** The holder's own authority did:keys: the only roots of trust. */
  roots: readonly string[];
  /** If given, the pack must be signed by this registry operator key. */
  operator?: string;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Checks the registry operator's signature on a pack or delta (one signature; by `operator` when
 * given) and returns the operator's did and the signed content, not yet validated.
 */
export async function openTrustPackEnvelope(signed: unknown, operator?: string): Promise<{ operator: string; value: unknown }> {
  let envelope: { value: unknown; signers: string[] };
  try {
    envelope = await verifyJson(signed);
  } catch (cause) {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', 'the trust pack signature does not verify', { cause });
  }
  const signer = envelope.signers[0]!;
  if (envelope.signers.length !== 1 || (operator && signer !== operator)) {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', 'the trust pack is not signed by the registry operator this verifier trusts');
  }
  return { operator: signer, value: envelope.value };
}

/** A full pack's operator and content: the envelope checked, the content validated, records not yet verified. */
export async function openTrustPack(pack: unknown, operator?: string): Promise<{ operator: string; content: TrustPackContent }> {
  const opened = await openTrustPackEnvelope(pack, operator);
  assertTrustPackContent(opened.value);
  return { operator: opened.operator, content: opened.value };
}

/** Verifies the envelope and every inner signature, and indexes what is trusted. */
export async function loadTrustPack(pack: unknown, options: LoadTrustPackOptions): Promise<TrustIndex> {
  const { operator, content } = await openTrustPack(pack, options.operator);
  return indexTrustPackContent(content, { roots: options.roots, operator });
}

export async function indexTrustPackContent(content: TrustPackContent, options: { roots: readonly string[]; operator: string }): Promise<TrustIndex> {
  const rejected: TrustIndex['rejected'] = [];
  const byId = new Map<string, VerifiedRecord[]>();
  // All at once: WebCrypto checks each signature off the main thread, and one record after another
  // was one round trip after another (a cold CLI run spent ~17 ms on nine records, ~10 ms so).
  const checked = await Promise.allSettled(content.records.map((jws) => verifyRecord(jws)));
  for (const check of checked) {
    if (check.status === 'fulfilled') push(byId, check.value.record.id, check.value);
    else rejected.push({ recordId: '(unreadable)', reason: (check.reason as CorridorError).code ?? 'ERR_RECORD_INVALID' });
  }
  const walked = walkVersions(byId, options.roots);
  rejected.push(...walked.rejected);
  const trusted = trustFromRoots(walked, options.roots);
  rejected.push(...trusted.rejected);
  const { chains, finalOf } = walked;
  const { usable, trustedIn, authorities, partnerships } = trusted;
  const reject = (v: VerifiedRecord, reason: string) => rejected.push({ recordId: v.record.id, reason });
  const signersUsable = (v: VerifiedRecord) => v.signers.every(usable);

  const qualifications = new Map<string, QualificationRecord>();
  const qualificationHistory = new Map<string, QualificationRecord[]>();
  for (const v of finalOf<QualificationRecord>('qualification')) {
    if (trustedIn(v.record.authority, v.record.country) && signersUsable(v)) {
      qualifications.set(v.record.id, v.record);
      qualificationHistory.set(v.record.id, chains.get(v.record.id)!.map((c) => c.record as QualificationRecord));
    } else reject(v, 'qualification not signed by a trusted authority of its country');
  }
  const accreditations = new Map<string, AccreditationRecord[]>();
  const trainingBodyNames = new Map<string, string[]>();
  const compromisedKeys = new Set<string>();
  const accreditationEnds = new Map<string, string>();
  for (const v of finalOf<AccreditationRecord>('accreditation')) {
    const a = v.record;
    if (!trustedIn(a.authority, a.trainingBody.country) || !signersUsable(v)) {
      reject(v, 'accreditation not signed by a trusted authority of the training body\'s country');
      continue;
    }
    push(accreditations, a.trainingBody.did, a);
    let endedAt: string | undefined;
    for (const version of chains.get(a.id)!.map((c) => c.record as AccreditationRecord)) {
      push(trainingBodyNames, a.trainingBody.did, version.trainingBody.name);
      if (version.keyCompromised) compromisedKeys.add(a.trainingBody.did);
      // A suspension or withdrawal takes effect when first made: a later amendment of it does not move it.
      endedAt = version.status === 'active' ? undefined : (endedAt ?? version.issuedAt);
    }
    if (endedAt) accreditationEnds.set(a.id, endedAt);
  }
  const mappings = new Map<string, MappingRecord[]>();
  const mappingInForce = (v: VerifiedRecord & { record: MappingRecord | MappingTableRecord }): boolean => {
    const m = v.record;
    if (!partnerships.has(m.partnership)) { reject(v, `${m.kind} outside a trusted partnership`); return false; }
    if (!signersUsable(v)) { reject(v, `${m.kind} signed by a withdrawn key`); return false; }
    return m.status === 'active';
  };
  for (const v of finalOf<MappingRecord>('mapping')) if (mappingInForce(v)) push(mappings, v.record.origin.qualification, v.record);
  for (const v of finalOf<MappingTableRecord>('mapping-table')) {
    if (!mappingInForce(v)) continue;
    for (const m of mappingsOfTable(v.record)) push(mappings, m.origin.qualification, m);
  }

  const statusLists = new Map<string, IndexedStatusList>();
  for (const list of content.statusLists) {
    try {
      assertStatusListCredential(list);
      const own = accreditations.get(list.issuer);
      if (!own) throw new CorridorError('ERR_ISSUER_UNKNOWN');
      if (compromisedKeys.has(list.issuer)) throw new CorridorError('ERR_KEY_COMPROMISED');
      // A list URL belongs to the issuer whose registered base URL holds it: no squatting on another's.
      if (!own.some((a) => isUnderBaseUrl(list.id, a.trainingBody.baseUrl))) throw new CorridorError('ERR_SIGNER_NOT_AUTHORIZED');
      // Checked as of its own date: an expired list is still the issuer's, and the verdict calls it stale.
      const proof = await verifyCredentialProof({ credential: list, now: new Date(list.validFrom) });
      if (!proof.verified) throw proof.error;
      const held = statusLists.get(list.id);
      if (held && Date.parse(held.validFrom) >= Date.parse(list.validFrom)) continue;
      statusLists.set(list.id, {
        url: list.id, issuer: list.issuer, purpose: list.credentialSubject.statusPurpose, validFrom: list.validFrom,
        ...(list.validUntil ? { validUntil: list.validUntil } : {}),
        bits: decodeBitstring(list.credentialSubject.encodedList),
      });
    } catch (error) {
      rejected.push({ recordId: String((list as { id?: unknown }).id ?? '(status list)').slice(0, 200), reason: (error as CorridorError).code ?? 'ERR_TRUST_PACK_INVALID' });
    }
  }

  return {
    country: content.country, sequence: content.sequence, logHead: content.logHead, issuedAt: content.issuedAt,
    operator: options.operator, authorities, qualifications, qualificationHistory, accreditations, accreditationEnds, trainingBodyNames, compromisedKeys,
    mappings, statusLists, rejected,
    ...(content.qrCatalogue ? { qrCatalogue: content.qrCatalogue } : {}),
  };
}

/** Whether `trainingBody` was accredited for `qualification` at `when`, and if not, why. */
export function accreditationAt(index: TrustIndex, trainingBody: string, qualification: string, when: Date):
  { ok: true; accreditation: AccreditationRecord } | { ok: false; code: 'ERR_ISSUER_UNKNOWN' | 'ERR_ISSUER_NOT_ACCREDITED' | 'ERR_ACCREDITATION_NOT_IN_FORCE' } {
  const all = index.accreditations.get(trainingBody);
  if (!all?.length) return { ok: false, code: 'ERR_ISSUER_UNKNOWN' };
  const covering = all.filter((a) => a.qualifications.includes(qualification));
  if (!covering.length) return { ok: false, code: 'ERR_ISSUER_NOT_ACCREDITED' };
  const t = when.getTime();
  const inForce = covering.find((a) => {
    const from = Date.parse(a.validFrom);
    const until = a.validUntil ? Date.parse(a.validUntil) : Infinity;
    // A suspension or withdrawal takes effect when it was made; awards before it stand.
    const ended = a.status === 'active' ? Infinity : Date.parse(index.accreditationEnds.get(a.id) ?? a.issuedAt);
    return from <= t && t <= until && t < ended;
  });
  return inForce ? { ok: true, accreditation: inForce } : { ok: false, code: 'ERR_ACCREDITATION_NOT_IN_FORCE' };
}
