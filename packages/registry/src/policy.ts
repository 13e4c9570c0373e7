/**
 * Who may sign what. Pure: given a verified record and the registry's current view, say which
 * signatures make it complete (in force) and refuse anything signed by a key that may not sign it.
 */
import { CorridorError, type RegistryRecord } from '@corridor/shared';
import type { AuthorityRecord, PartnershipRecord, QualificationRecord } from '@corridor/shared';

/** What the policy needs to know about the registry as it stands. */
export interface RegistryView {
  /** The current (complete, latest) authority record of a did. */
  authorityByDid(did: string): AuthorityRecord | undefined;
  /** The current (complete, latest) partnership of an id. */
  partnership(id: string): PartnershipRecord | undefined;
  /** The current (complete, latest) qualification of an id. */
  qualification(id: string): QualificationRecord | undefined;
}

export interface SignaturePolicy {
  /** Keys that may sign this record version. */
  allowed: string[];
  /** How many of `allowed` must sign before the version is in force. */
  required: number;
}

const refuse = (message: string): never => {
  throw new CorridorError('ERR_SIGNER_NOT_AUTHORIZED', message);
};
const invalid = (message: string): never => {
  throw new CorridorError('ERR_RECORD_INVALID', message);
};

function registeredAuthority(view: RegistryView, did: string, country?: string): AuthorityRecord {
  const authority = view.authorityByDid(did);
  if (!authority) return refuse('the signing authority is not registered');
  if (authority.status === 'withdrawn') return refuse('the signing authority\'s key is withdrawn');
  if (country !== undefined && authority.country !== country) return refuse(`the authority is not the competent authority of ${country}`);
  return authority;
}

/** Checks the record against the registry and returns who must sign it. */
export function signaturePolicy(record: RegistryRecord, view: RegistryView): SignaturePolicy {
  switch (record.kind) {
    case 'authority':
      return { allowed: [record.did], required: 1 };
    case 'qualification':
      registeredAuthority(view, record.authority, record.country);
      return { allowed: [record.authority], required: 1 };
    case 'accreditation': {
      // An authority accredits training bodies of its own country, for its own qualifications.
      registeredAuthority(view, record.authority, record.trainingBody.country);
      for (const id of record.qualifications) {
        const qualification = view.qualification(id);
        if (!qualification) return invalid('an accredited qualification is not in the registry');
        if (qualification.country !== record.trainingBody.country) return refuse('an authority may only accredit its own country\'s qualifications');
      }
      return { allowed: [record.authority], required: 1 };
    }
    case 'partnership': {
      const [a, b] = record.authorities;
      if (a === b || record.countries[0] === record.countries[1]) return invalid('a partnership joins two different authorities and countries');
      registeredAuthority(view, a, record.countries[0]);
      registeredAuthority(view, b, record.countries[1]);
      return { allowed: [a, b], required: record.status === 'withdrawn' ? 1 : 2 };
    }
    case 'mapping':
    case 'mapping-table': {
      const partnership = view.partnership(record.partnership);
      const what = record.kind === 'mapping' ? 'mapping' : 'mapping table';
      if (!partnership || partnership.status !== 'active') return invalid(`the ${what}'s partnership is not in force`);
      const countries = [record.origin.country, record.destination.country].sort().join();
      if (countries !== [...partnership.countries].sort().join()) return invalid(`the ${what}'s countries are not the partnership's`);
      const rows = record.kind === 'mapping' ? [record] : record.rows;
      for (const row of rows) {
        const origin = view.qualification(row.origin.qualification);
        if (!origin || origin.country !== record.origin.country) return invalid('an origin qualification is not in the registry for the origin country');
        if (row.destination.qualification) {
          const destination = view.qualification(row.destination.qualification);
          if (!destination || destination.country !== record.destination.country) return invalid('a destination qualification is not in the registry for the destination country');
        }
      }
      // A mapping binds both countries: both sign to put it in force, either may withdraw it.
      return { allowed: [...partnership.authorities], required: record.status === 'withdrawn' ? 1 : 2 };
    }
  }
}

/** Refuses signers outside the policy; says whether the version is complete. */
export function checkSigners(policy: SignaturePolicy, signers: string[]): { complete: boolean } {
  for (const signer of signers) if (!policy.allowed.includes(signer)) refuse('a signature is from a key that may not sign this record');
  return { complete: signers.length >= policy.required };
}
