/**
 * Who may write what: the one set of rules the registry applies when it accepts a version and the
 * verifier applies when it indexes a pack, so the two cannot drift. Pure: the caller supplies a view
 * of the versions it has already accepted.
 *
 * Every record has an owner from version 1 on: an authority record is owned by its own key (and
 * its successors), a qualification or accreditation by the authority that signed version 1, a
 * partnership by its two authorities, a mapping (or table) by the two authorities of its
 * partnership. A later version must satisfy the rules of a first version AND keep its owner:
 *  - authority: the same country; signed by the key of the version in force and, when the key
 *    changes, by the new key (rotation). A lost or stolen key is replaced by a recovery: the new key
 *    and every partner authority of an active partnership sign (the registry takes it only from its
 *    operator; a verifier never lets a recovery replace one of its own roots).
 *  - qualification: the same country and authority; accreditation: the same authority and training
 *    body; partnership: the same two authorities and countries; mapping: the same partnership and
 *    countries.
 * An accreditation covers only qualifications of the accrediting authority's own country.
 */
import { CorridorError } from './errors.js';
import type { AccreditationRecord, AuthorityRecord, PartnershipRecord, RegistryRecord } from './types.js';

/** What the rules need to know about the versions accepted so far. */
export interface RulesView {
  /** The accepted version in force of a record id. */
  current(id: string): RegistryRecord | undefined;
  /** The authority record id a key belongs to (through any accepted version). */
  authorityIdOf(did: string): string | undefined;
  /**
   * Keys that may sign for an authority record. The registry: only the key of the version in
   * force, none once withdrawn. A verifier indexing a pack (which does not know in what order
   * versions of different records were made): any key the record ever had; whether a signing key
   * is still trusted is decided after the walk.
   */
  keysOf(authorityId: string): string[];
  /** Authority record ids of the partners of an authority in active partnerships. */
  partnersOf(authorityId: string): string[];
}

/** One party signs when any of its keys signed. */
export type Party = string[];

export interface SignaturePolicy {
  /** The version is complete when, for one option, every party of it signed. */
  options: Party[][];
}

const refuse = (message: string): never => {
  throw new CorridorError('ERR_SIGNER_NOT_AUTHORIZED', message);
};
const invalid = (message: string): never => {
  throw new CorridorError('ERR_RECORD_INVALID', message);
};

/** The authority a key signs for, with its record: the key must be one that may sign for it now. */
function writerOf(view: RulesView, did: string, country?: string): { id: string; record: AuthorityRecord } {
  const id = view.authorityIdOf(did);
  const record = id === undefined ? undefined : view.current(id);
  if (id === undefined || record?.kind !== 'authority') return refuse('the signing authority is not registered');
  if (!view.keysOf(id).includes(did)) return refuse('the signing authority\'s key is withdrawn or replaced');
  if (country !== undefined && record.country !== country) return refuse(`the authority is not the competent authority of ${country}`);
  return { id, record };
}

function previous<T extends RegistryRecord>(view: RulesView, record: T): T | undefined {
  const prev = view.current(record.id);
  if (prev && prev.kind !== record.kind) return invalid('a record with this id has another kind');
  return prev as T | undefined;
}

const keep = (same: boolean, what: string): void => {
  if (!same) refuse(`a new version keeps the ${what} of the record it amends`);
};

const unique = (values: string[]) => [...new Set(values)];

function authorityPolicy(record: AuthorityRecord, view: RulesView): SignaturePolicy {
  const holder = view.authorityIdOf(record.did);
  if (holder !== undefined && holder !== record.id) refuse('this key belongs to another authority');
  const prev = previous(view, record);
  if (!prev) return { options: [[[record.did]]] };
  keep(prev.country === record.country, 'country');
  const options: Party[][] = [];
  // The key in force signs its successor (and its own withdrawal); a new key signs too.
  if (prev.status !== 'withdrawn') options.push(unique([prev.did, record.did]).map((did) => [did]));
  const partners = view.partnersOf(record.id).map((id) => view.keysOf(id));
  const recoverable = record.did !== prev.did && record.status !== 'withdrawn' && partners.length > 0 && partners.every((keys) => keys.length > 0);
  if (recoverable) options.push([[record.did], ...partners]);
  if (!options.length) refuse('a withdrawn authority key is replaced only by a recovery its partner authorities sign');
  return { options };
}

function partnershipPolicy(record: PartnershipRecord, view: RulesView): SignaturePolicy {
  const [a, b] = record.authorities;
  if (a === b || record.countries[0] === record.countries[1]) invalid('a partnership joins two different authorities and countries');
  const owners = [writerOf(view, a, record.countries[0]).id, writerOf(view, b, record.countries[1]).id];
  const prev = previous(view, record);
  if (prev) {
    keep(prev.authorities.every((did, i) => view.authorityIdOf(did) === owners[i]), 'authorities');
    keep(prev.countries.join() === record.countries.join(), 'countries');
  }
  return { options: record.status === 'withdrawn' ? [[[a]], [[b]]] : [[[a], [b]]] };
}

function accreditationPolicy(record: AccreditationRecord, view: RulesView): SignaturePolicy {
  // An authority accredits training bodies of its own country, for its own country's qualifications.
  const writer = writerOf(view, record.authority, record.trainingBody.country);
  for (const id of record.qualifications) {
    const qualification = view.current(id);
    if (qualification?.kind !== 'qualification') return invalid('an accredited qualification is not in the registry');
    if (qualification.country !== writer.record.country) refuse('an authority may only accredit its own country\'s qualifications');
  }
  const prev = previous(view, record);
  if (prev) {
    keep(view.authorityIdOf(prev.authority) === writer.id, 'authority');
    keep(prev.trainingBody.did === record.trainingBody.did && prev.trainingBody.country === record.trainingBody.country, 'training body');
  }
  return { options: [[[record.authority]]] };
}

/** Checks a version against the rules and the accepted earlier version; returns who must sign it. */
export function signaturePolicy(record: RegistryRecord, view: RulesView): SignaturePolicy {
  switch (record.kind) {
    case 'authority':
      return authorityPolicy(record, view);
    case 'partnership':
      return partnershipPolicy(record, view);
    case 'qualification': {
      const writer = writerOf(view, record.authority, record.country);
      const prev = previous(view, record);
      if (prev) {
        keep(prev.country === record.country, 'country');
        keep(view.authorityIdOf(prev.authority) === writer.id, 'authority');
      }
      return { options: [[[record.authority]]] };
    }
    case 'accreditation':
      return accreditationPolicy(record, view);
    case 'mapping':
    case 'mapping-table': {
      const partnership = view.current(record.partnership);
      const what = record.kind === 'mapping' ? 'mapping' : 'mapping table';
      if (partnership?.kind !== 'partnership' || partnership.status !== 'active') return invalid(`the ${what}'s partnership is not in force`);
      const countries = [record.origin.country, record.destination.country].sort().join();
      if (countries !== [...partnership.countries].sort().join()) invalid(`the ${what}'s countries are not the partnership's`);
      const rows = record.kind === 'mapping' ? [record] : record.rows;
      for (const row of rows) {
        const origin = view.current(row.origin.qualification);
        if (origin?.kind !== 'qualification' || origin.country !== record.origin.country) invalid('an origin qualification is not in the registry for the origin country');
        if (row.destination.qualification) {
          const destination = view.current(row.destination.qualification);
          if (destination?.kind !== 'qualification' || destination.country !== record.destination.country) invalid('a destination qualification is not in the registry for the destination country');
        }
      }
      const prev = previous(view, record);
      if (prev) {
        keep(prev.partnership === record.partnership, 'partnership');
        keep(prev.origin.country === record.origin.country && prev.destination.country === record.destination.country, 'countries');
      }
      // A mapping binds both countries: both sign to put it in force, either may withdraw it.
      const parties = partnership.authorities.map((did) => view.keysOf(view.authorityIdOf(did) ?? ''));
      return { options: record.status === 'withdrawn' ? parties.map((p) => [p]) : [parties] };
    }
  }
}

/** Every key that may sign under the policy. */
export function allowedSigners(policy: SignaturePolicy): Set<string> {
  return new Set(policy.options.flat(2));
}

/** Whether these signatures complete the version. */
export function completes(policy: SignaturePolicy, signers: readonly string[]): boolean {
  return policy.options.some((option) => option.length > 0 && option.every((party) => party.some((did) => signers.includes(did))));
}

/** Refuses signers outside the policy; says whether the version is complete. */
export function checkSigners(policy: SignaturePolicy, signers: readonly string[]): { complete: boolean } {
  const allowed = allowedSigners(policy);
  for (const signer of signers) if (!allowed.has(signer)) refuse('a signature is from a key that may not sign this record');
  return { complete: completes(policy, signers) };
}

/** Whether an authority version replaces the key in force without that key's signature: a recovery. */
export function isRecovery(record: RegistryRecord, prev: RegistryRecord | undefined, signers: readonly string[]): boolean {
  return record.kind === 'authority' && prev?.kind === 'authority' && prev.did !== record.did && !signers.includes(prev.did);
}
