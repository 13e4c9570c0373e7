/**
 * The trust list on the device: fetched through the service worker (network first, the cached
 * copy when offline) and checked here — every record's signature, every status list's proof —
 * before anything is verified against it.
 */
import { indexTrustPackContent, openTrustPack, type TrustIndex } from '@corridor/shared';
import type { OfficerTrustDocument } from '../src/officer.js';
import { applyDelta, type HeldPack } from '../src/sync.js';

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
  if (document.format !== 'corridor-officer-trust/2') return undefined;
  // Minimal bridge to the signed document (format 2), kept by the sync branch so the build stays
  // green; the officer-page work replaces it: only the signed pack and deltas are believed.
  const { operator, content } = await openTrustPack(document.pack, document.operator);
  let held: HeldPack = { operator, content, syncedAt: '' };
  for (const delta of document.deltas) held = await applyDelta(held, delta);
  const index = await indexTrustPackContent(held.content, { roots: document.roots, operator });
  return { document, index };
}
