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
import { assertStatusListCredential, assertTrustPackContent, mappingsOfTable } from './validate.js';

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
  /** Trusted accreditations by training body did. */
  accreditations: ReadonlyMap<string, AccreditationRecord[]>;
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
  const verified: VerifiedRecord[] = [];
  for (const jws of content.records) {
    try {
      verified.push(await verifyRecord(jws));
    } catch (error) {
      rejected.push({ recordId: '(unreadable)', reason: (error as CorridorError).code ?? 'ERR_RECORD_INVALID' });
    }
  }
  // Keep the highest version of each record id.
  const latest = new Map<string, VerifiedRecord>();
  for (const v of verified) {
    const held = latest.get(v.record.id);
    if (!held || held.record.version < v.record.version) latest.set(v.record.id, v);
  }
  const of = <T extends RegistryRecord>(kind: T['kind']) =>
    [...latest.values()].filter((v) => v.record.kind === kind) as VerifiedRecord<T>[];
  const signedBy = (v: VerifiedRecord, did: string) => v.signers.includes(did);
  const reject = (v: VerifiedRecord, reason: string) => rejected.push({ recordId: v.record.id, reason });

  // Authorities describe themselves; the roots' own records tell us their countries.
  const described = new Map<string, AuthorityRecord>();
  for (const v of of<AuthorityRecord>('authority')) {
    if (!signedBy(v, v.record.did)) reject(v, 'authority record not signed by its own key');
    else if (v.record.status === 'withdrawn') reject(v, 'authority key withdrawn: nothing it signed is trusted');
    else described.set(v.record.did, v.record);
  }
  const authorities = new Map<string, AuthorityRecord>();
  for (const root of options.roots) {
    const record = described.get(root);
    if (record) authorities.set(root, record);
  }
  const partnerships = new Map<string, PartnershipRecord>();
  for (const v of of<PartnershipRecord>('partnership')) {
    const p = v.record;
    const [a, b] = p.authorities;
    const bothSigned = signedBy(v, a) && signedBy(v, b);
    const withRoot = options.roots.includes(a) || options.roots.includes(b);
    if (!bothSigned || !withRoot || p.status !== 'active') {
      reject(v, !bothSigned ? 'partnership not signed by both authorities' : !withRoot ? 'partnership without a trusted authority' : 'partnership withdrawn');
      continue;
    }
    const countriesMatch = [a, b].every((did, i) => described.get(did)?.country === p.countries[i]);
    if (!countriesMatch) { reject(v, 'partnership countries do not match its authorities'); continue; }
    partnerships.set(p.id, p);
    for (const did of p.authorities) authorities.set(did, described.get(did)!);
  }
  const trustedIn = (did: string, country: string) => authorities.get(did)?.country === country;

  const qualifications = new Map<string, QualificationRecord>();
  for (const v of of<QualificationRecord>('qualification')) {
    if (trustedIn(v.record.authority, v.record.country) && signedBy(v, v.record.authority)) qualifications.set(v.record.id, v.record);
    else reject(v, 'qualification not signed by a trusted authority of its country');
  }
  const accreditations = new Map<string, AccreditationRecord[]>();
  for (const v of of<AccreditationRecord>('accreditation')) {
    const a = v.record;
    if (trustedIn(a.authority, a.trainingBody.country) && signedBy(v, a.authority)) push(accreditations, a.trainingBody.did, a);
    else reject(v, 'accreditation not signed by a trusted authority of the training body\'s country');
  }
  const mappings = new Map<string, MappingRecord[]>();
  const mappingInForce = (v: VerifiedRecord & { record: MappingRecord | MappingTableRecord }): boolean => {
    const m = v.record;
    const partnership = partnerships.get(m.partnership);
    if (!partnership) { reject(v, `${m.kind} outside a trusted partnership`); return false; }
    if (!partnership.authorities.every((did) => signedBy(v, did))) { reject(v, `${m.kind} not signed by both authorities`); return false; }
    if (m.status !== 'active') return false;
    const countries = [m.origin.country, m.destination.country].sort().join();
    if (countries !== [...partnership.countries].sort().join()) { reject(v, `${m.kind} countries are not the partnership's`); return false; }
    return true;
  };
  for (const v of of<MappingRecord>('mapping')) if (mappingInForce(v)) push(mappings, v.record.origin.qualification, v.record);
  for (const v of of<MappingTableRecord>('mapping-table')) {
    if (!mappingInForce(v)) continue;
    for (const m of mappingsOfTable(v.record)) push(mappings, m.origin.qualification, m);
  }

  const statusLists = new Map<string, IndexedStatusList>();
  for (const list of content.statusLists) {
    try {
      assertStatusListCredential(list);
      if (!accreditations.has(list.issuer)) throw new CorridorError('ERR_ISSUER_UNKNOWN');
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
    operator: options.operator, authorities, qualifications, accreditations, mappings, statusLists, rejected,
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
    const ended = a.status === 'active' ? Infinity : Date.parse(a.issuedAt);
    return from <= t && t <= until && t < ended;
  });
  return inForce ? { ok: true, accreditation: inForce } : { ok: false, code: 'ERR_ACCREDITATION_NOT_IN_FORCE' };
}
