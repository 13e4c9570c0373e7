/**
 * The verifier's side of the record rules: a pack's record versions walked in order with the
 * registry's own rules (record-rules.ts), then trust from the roots over what was accepted.
 */
import type { CorridorError } from './errors.js';
import type { VerifiedRecord } from './records.js';
import { checkSigners, isRecovery, signaturePolicy, type RulesView } from './record-rules.js';
import type { AuthorityRecord, PartnershipRecord, RegistryRecord } from './types.js';

/** A record left out, and why. */
export interface Rejection { recordId: string; reason: string }

export interface Walked {
  /** The accepted versions of each record id, in order. */
  chains: Map<string, VerifiedRecord[]>;
  /** The authority record id of every key an accepted authority version named. */
  didOwner: Map<string, string>;
  /** Keys a withdrawal or a recovery took out of service: nothing they signed is trusted. */
  dead: Set<string>;
  finalOf<T extends RegistryRecord>(kind: T['kind']): VerifiedRecord<T>[];
  rejected: Rejection[];
}

const WALK_ORDER: RegistryRecord['kind'][] = ['authority', 'partnership', 'authority', 'partnership', 'qualification', 'accreditation', 'mapping', 'mapping-table'];

/**
 * Walks every record's versions in order with the registry's own rules (record-rules.ts): a
 * version counts only if it is complete and authorised relative to the version accepted before
 * it, so a pack cannot slip in an amendment its owner did not sign. Authorities and partnerships
 * are walked twice: a key recovery needs the partnerships, which need the authorities.
 */
export function walkVersions(byId: Map<string, VerifiedRecord[]>, roots: readonly string[]): Walked {
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
  let rejections = new Map<string, Rejection[]>();
  for (const kind of WALK_ORDER) {
    for (const [id, versions] of byId) {
      if (versions[0]!.record.kind !== kind) continue;
      const out: Rejection[] = [];
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
export function trustFromRoots(walked: Walked, roots: readonly string[]) {
  const { didOwner, dead, finalOf } = walked;
  const rejected: Rejection[] = [];
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
