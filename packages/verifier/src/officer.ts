/**
 * What the officer's web page needs from the verifier that serves it. Only `pack` and `deltas` are
 * trusted by the page, and only because they are signed: it opens the pack with `operator` and
 * applies each delta itself (acceptPack/applyDelta's checks), then indexes from `roots`. The other
 * fields are configuration the page may also hold on its own; nothing in them is believed unsigned.
 */
import type { GeneralJws } from '@corridor/shared';

export interface OfficerTrustDocument {
  format: 'corridor-officer-trust/2';
  /** The signed full trust pack (JWS) as the registry operator signed it. */
  pack: GeneralJws;
  /** Signed deltas to apply over it, in order; [] for a pack given as a file. */
  deltas: GeneralJws[];
  country: string;
  roots: string[];
  /** did:key of the registry operator this verifier is configured with. */
  operator: string;
  maxStatusAgeSeconds: number;
}
