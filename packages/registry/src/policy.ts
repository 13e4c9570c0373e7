/**
 * Who may sign what: the shared rules (shared/src/record-rules.ts, the same the verifier applies
 * to a pack) over the registry's view of what it holds. Pure over the view.
 */
import type { AuthorityRecord, PartnershipRecord, RegistryRecord, RulesView } from '@corridor/shared';

export { allowedSigners, checkSigners, completes, isRecovery, signaturePolicy, type SignaturePolicy } from '@corridor/shared';

/** What the registry holds, as the rules need it: only complete versions count. */
export interface RegistryHoldings {
  /** The highest complete version of a record id. */
  current(id: string): RegistryRecord | undefined;
  /** Every complete version of every record of a kind. */
  completeVersions(kind: 'authority' | 'partnership'): RegistryRecord[];
}

/**
 * The registry's view: a key signs for its authority only while it is the key of the version in
 * force and that version is not withdrawn ("a withdrawn key signs nothing more").
 */
export function registryView(holdings: RegistryHoldings): RulesView {
  const authorityIdOf = (did: string) =>
    (holdings.completeVersions('authority') as AuthorityRecord[]).find((a) => a.did === did)?.id;
  const keysOf = (id: string) => {
    const current = holdings.current(id);
    return current?.kind === 'authority' && current.status !== 'withdrawn' ? [current.did] : [];
  };
  return {
    current: (id) => holdings.current(id),
    authorityIdOf,
    keysOf,
    partnersOf: (id) => {
      const partners = new Set<string>();
      const ids = new Set(holdings.completeVersions('partnership').map((p) => p.id));
      for (const pid of ids) {
        const p = holdings.current(pid) as PartnershipRecord | undefined;
        if (p?.status !== 'active') continue;
        const owners = p.authorities.map(authorityIdOf);
        if (owners.includes(id)) for (const owner of owners) if (owner && owner !== id) partners.add(owner);
      }
      return [...partners];
    },
  };
}
