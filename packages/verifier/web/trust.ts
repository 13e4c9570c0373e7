/**
 * The trust list on the device: fetched through the service worker (network first, the cached
 * copy when offline) and checked here — every record's signature, every status list's proof —
 * before anything is verified against it.
 */
import { indexTrustPackContent, type TrustIndex } from '@corridor/shared';
import type { OfficerTrustDocument } from '../src/officer.js';

export interface DeviceTrust {
  document: OfficerTrustDocument;
  index: TrustIndex;
}

export async function loadDeviceTrust(): Promise<DeviceTrust | undefined> {
  let response: Response;
  try {
    response = await fetch('trust.json');
  } catch {
    return undefined;
  }
  if (!response.ok) return undefined;
  const document = await response.json() as OfficerTrustDocument;
  if (document.format !== 'corridor-officer-trust/1') return undefined;
  const index = await indexTrustPackContent(document.content, { roots: document.roots, operator: document.operator });
  return { document, index };
}
