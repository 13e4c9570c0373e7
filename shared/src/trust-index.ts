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
import { checkSigners, isRecovery, signaturePolicy, type RulesView } from './record-rules.js';
import { assertStatusListCredential, assertTrustPackContent, isUnderBaseUrl, mappingsOfTable } from './validate.js';

export interface IndexedStatusList {
  url: string;
  issuer: string;
  purpose: 'revocation' | 'suspension';
  validFrom: string;
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
  for (const jws of content.records) {
    try {
      const v = await verifyRecord(jws);
      push(byId, v.record.id, v);
    } catch (error) {
      rejected.push({ recordId: '(unreadable)', reason: (error as CorridorError).code ?? 'ERR_RECORD_INVALID' });
    }
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
      const proof = await verifyCredentialProof({ credential: list });
      if (!proof.verified) throw proof.error;
      const held = statusLists.get(list.id);
      if (held && Date.parse(held.validFrom) >= Date.parse(list.validFrom)) continue;
      statusLists.set(list.id, {
        url: list.id, issuer: list.issuer, purpose: list.credentialSubject.statusPurpose, validFrom: list.validFrom,
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

interface Walked {
  /** The accepted versions of each record id, in order. */
  chains: Map<string, VerifiedRecord[]>;
  /** The authority record id of every key an accepted authority version named. */
  didOwner: Map<string, string>;
  /** Keys a withdrawal or a recovery took out of service: nothing they signed is trusted. */
  dead: Set<string>;
  finalOf<T extends RegistryRecord>(kind: T['kind']): VerifiedRecord<T>[];
  rejected: TrustIndex['rejected'];
}

const WALK_ORDER: RegistryRecord['kind'][] = ['authority', 'partnership', 'authority', 'partnership', 'qualification', 'accreditation', 'mapping', 'mapping-table'];

/**
 * Walks every record's versions in order with the registry's own rules (record-rules.ts): a
 * version counts only if it is complete and authorised relative to the version accepted before
 * it, so a pack cannot slip in an amendment its owner did not sign. Authorities and partnerships
 * are walked twice: a key recovery needs the partnerships, which need the authorities.
 */
function walkVersions(byId: Map<string, VerifiedRecord[]>, roots: readonly string[]): Walked {
  const chains = new Map<string, VerifiedRecord[]>();
  const didOwner = new Map<string, string>();
  const dead = new Set<string>();
  const kindOf = (id: string) => byId.get(id)![0]!.record.kind;
  const current = (id: string) => chains.get(id)?.at(-1)?.record;
  const view: RulesView = {
    current,
    authorityIdOf: (did) => didOwner.get(did),
    keysOf: (id) => (chains.get(id) ?? []).map((v) => (v.record as AuthorityRecord).did).filter((did, i, all) => all.indexOf(did) === i),
    partnersOf: (id) => {
      const partners: string[] = [];
      for (const [pid, chain] of chains) {
        const p = chain.at(-1)!.record;
        if (kindOf(pid) !== 'partnership' || p.kind !== 'partnership' || p.status !== 'active') continue;
        const owners = p.authorities.map((did) => didOwner.get(did));
        if (owners.includes(id)) partners.push(...owners.filter((o): o is string => o !== undefined && o !== id));
      }
      return [...new Set(partners)];
    },
  };
  let rejections = new Map<string, TrustIndex['rejected']>();
  for (const kind of WALK_ORDER) {
    for (const [id, versions] of byId) {
      if (versions[0]!.record.kind !== kind) continue;
      const out: TrustIndex['rejected'] = [];
      rejections.set(id, out);
      chains.delete(id);
      const chain: VerifiedRecord[] = [];
      for (const v of [...versions].sort((a, b) => a.record.version - b.record.version)) {
        const reason = refusal(v, chain, view, roots);
        if (reason) { out.push({ recordId: id, reason }); continue; }
        chain.push(v);
        chains.set(id, chain);
        const record = v.record;
        if (record.kind === 'authority') {
          const prev = chain.at(-2)?.record as AuthorityRecord | undefined;
          if (!didOwner.has(record.did)) didOwner.set(record.did, id);
          if (record.status === 'withdrawn') dead.add(record.did);
          if (prev && isRecovery(record, prev, v.signers)) dead.add(prev.did);
        }
      }
    }
  }
  const finalOf = <T extends RegistryRecord>(kind: T['kind']) =>
    [...chains.values()].map((chain) => chain.at(-1)!).filter((v) => v.record.kind === kind) as VerifiedRecord<T>[];
  return { chains, didOwner, dead, finalOf, rejected: [...rejections.values()].flat() };
}

const TWO_PARTY: ReadonlySet<RegistryRecord['kind']> = new Set(['partnership', 'mapping', 'mapping-table']);
const ONE_SIGNER: ReadonlySet<RegistryRecord['kind']> = new Set(['authority', 'qualification', 'accreditation']);

/** Why a version is not accepted after `chain`, or undefined when it is. */
function refusal(v: VerifiedRecord, chain: VerifiedRecord[], view: RulesView, roots: readonly string[]): string | undefined {
  // A version amends the last accepted one; versions between that never completed do not count
  // (the registry numbers proposals too). A record signed by one key is complete from version 1,
  // so its owner is fixed there: without version 1 it does not exist.
  const last = chain.at(-1)?.record.version ?? 0;
  if (v.record.version <= last) return 'another version with this number was accepted';
  if (!chain.length && v.record.version !== 1 && ONE_SIGNER.has(v.record.kind)) return 'version 1 is missing';
  if (chain.length && chain[0]!.record.kind !== v.record.kind) return 'a record with this id has another kind';
  try {
    const { complete } = checkSigners(signaturePolicy(v.record, view), v.signers);
    if (!complete) return TWO_PARTY.has(v.record.kind) ? `${v.record.kind} not signed by both authorities` : `${v.record.kind} not signed by everyone who must sign it`;
  } catch (error) {
    return `${(error as CorridorError).code ?? 'ERR_RECORD_INVALID'}: ${(error as Error).message}`;
  }
  const prev = chain.at(-1)?.record;
  // The partners may recover another authority's key, never replace this verifier's own root.
  if (isRecovery(v.record, prev, v.signers) && chain.some((c) => roots.includes((c.record as AuthorityRecord).did)) &&
      !roots.includes((v.record as AuthorityRecord).did)) {
    return 'a recovery of this verifier\'s own authority key: configure the new key as a root';
  }
  return undefined;
}

/** Trust from the roots: their authorities, the partnerships they signed and the partner authorities. */
function trustFromRoots(walked: Walked, roots: readonly string[]) {
  const { didOwner, dead, finalOf } = walked;
  const rejected: TrustIndex['rejected'] = [];
  const finalAuthority = new Map<string, AuthorityRecord>();
  for (const v of finalOf<AuthorityRecord>('authority')) {
    if (v.record.status === 'withdrawn') rejected.push({ recordId: v.record.id, reason: 'authority key withdrawn: nothing it signed is trusted' });
    else finalAuthority.set(v.record.id, v.record);
  }
  const usable = (did: string) => !dead.has(did) && finalAuthority.has(didOwner.get(did) ?? '');
  const trustedIds = new Set(roots.filter(usable).map((did) => didOwner.get(did)!));
  const rootIds = new Set(trustedIds);
  const partnerships = new Map<string, PartnershipRecord>();
  for (const v of finalOf<PartnershipRecord>('partnership')) {
    const p = v.record;
    const owners = p.authorities.map((did) => didOwner.get(did) ?? '');
    const reason = p.status !== 'active' ? 'partnership withdrawn'
      : !owners.some((id) => rootIds.has(id)) ? 'partnership without a trusted authority'
        : !v.signers.every(usable) || !p.authorities.every(usable) ? 'partnership signed by a withdrawn key'
          : !owners.every((id, i) => finalAuthority.get(id)?.country === p.countries[i]) ? 'partnership countries do not match its authorities' : undefined;
    if (reason) { rejected.push({ recordId: p.id, reason }); continue; }
    partnerships.set(p.id, p);
    for (const id of owners) trustedIds.add(id);
  }
  // Every key of a trusted authority still in service, to its record as in force.
  const authorities = new Map<string, AuthorityRecord>();
  for (const [did, id] of didOwner) if (trustedIds.has(id) && usable(did)) authorities.set(did, finalAuthority.get(id)!);
  const trustedIn = (did: string, country: string) => authorities.get(did)?.country === country;
  return { usable, trustedIn, authorities, partnerships, rejected };
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
