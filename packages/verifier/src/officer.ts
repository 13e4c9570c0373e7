/**
 * What the officer's web page needs from the verifier that serves it: the held trust pack (its
 * content, as signed by the pinned registry operator), the roots of trust, the country and the
 * freshness policy. The page indexes and checks the pack itself, on the device, with the same
 * code as the CLI, so it keeps working when the network is gone.
 */
import type { TrustPackContent } from '@corridor/shared';

export interface OfficerTrustDocument {
  format: 'corridor-officer-trust/1';
  country: string;
  roots: string[];
  operator: string;
  maxStatusAgeSeconds: number;
  content: TrustPackContent;
}
