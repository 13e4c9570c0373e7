/**
 * What the officer's web page gets from the verifier that serves it, and how the page decides
 * whether to believe it. The server (or whoever answers in its place) sends the registry
 * operator's signed pack and deltas as signed, with the roots, operator, country and freshness
 * policy it claims. The page believes none of the claims: the anchors are pinned on the device
 * when an administrator installs it, and from then on a document is used only if it names the
 * same anchors, is signed by the pinned operator and is not older than what the device holds —
 * checked with the same code as the CLI's sync (acceptPack, applyDelta, indexTrustPackContent).
 */
import { CorridorError, indexTrustPackContent, isObject, sha256Hex, type GeneralJws, type TrustIndex } from '@corridor/shared';
import { acceptPack, applyDelta, type HeldPack } from './sync.js';

export const OFFICER_TRUST_FORMAT = 'corridor-officer-trust/2';

export interface OfficerTrustDocument {
  format: typeof OFFICER_TRUST_FORMAT;
  /** The full pack as the registry operator signed it, and the deltas since, in order. */
  pack: GeneralJws;
  deltas: GeneralJws[];
  country: string;
  roots: string[];
  operator: string;
  maxStatusAgeSeconds: number;
}

/** What the device pins at installation; changed only by an administrator's reset, never by a response. */
export interface PinnedTrust {
  country: string;
  roots: string[];
  operator: string;
  maxStatusAgeSeconds: number;
}

/** The signed material the device keeps, re-verified every time it is loaded. */
export interface SignedChain {
  pack: GeneralJws;
  deltas: GeneralJws[];
}

export interface CheckedTrust {
  chain: SignedChain;
  held: HeldPack;
  index: TrustIndex;
}

const invalid = (message: string) => new CorridorError('ERR_TRUST_PACK_INVALID', message);
const isJws = (value: unknown): value is GeneralJws => isObject(value) && typeof value.payload === 'string' && Array.isArray(value.signatures);

/** A short fingerprint of a did to compare by eye: sha256, first 8 and last 4 hex digits, grouped. */
export function fingerprint(did: string): string {
  const hex = sha256Hex(did).toUpperCase();
  return `${hex.slice(0, 4)} ${hex.slice(4, 8)} … ${hex.slice(-4)}`;
}

/**
 * The anchors as one digest, for a setup link (`/officer/#pin=…`) an administrator takes from
 * `serve`'s console to the device: the page then installs only what matches it.
 */
export function anchorsDigest(pinned: PinnedTrust): string {
  return sha256Hex(JSON.stringify([pinned.country, [...new Set(pinned.roots)].sort(), pinned.operator, pinned.maxStatusAgeSeconds])).slice(0, 32);
}

/** The shape of a served document; nothing in it is trusted yet. An unsigned or older format is refused. */
export function readOfficerDocument(value: unknown): OfficerTrustDocument {
  if (!isObject(value) || value.format !== OFFICER_TRUST_FORMAT) throw invalid(`the officer trust document is not ${OFFICER_TRUST_FORMAT}`);
  const { pack, deltas, country, roots, operator, maxStatusAgeSeconds } = value;
  if (!isJws(pack) || !Array.isArray(deltas) || !deltas.every(isJws)) throw invalid('the officer trust document carries no signed pack');
  // Shown to the administrator at installation: a country code, did:keys and a positive number, nothing else.
  const isDid = (value: unknown) => typeof value === 'string' && /^did:key:z[1-9A-HJ-NP-Za-km-z]{1,200}$/.test(value);
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country) || !isDid(operator) || !Array.isArray(roots) || roots.length === 0 ||
    roots.length > 20 || !roots.every(isDid) || typeof maxStatusAgeSeconds !== 'number' || !(maxStatusAgeSeconds > 0)) {
    throw invalid('the officer trust document is malformed');
  }
  return { format: OFFICER_TRUST_FORMAT, pack, deltas, country, roots: roots as string[], operator: operator as string, maxStatusAgeSeconds };
}

export function anchorsOf(document: OfficerTrustDocument): PinnedTrust {
  const { country, roots, operator, maxStatusAgeSeconds } = document;
  return { country, roots: [...roots], operator, maxStatusAgeSeconds };
}

export function sameAnchors(a: PinnedTrust, b: PinnedTrust): boolean {
  const roots = (p: PinnedTrust) => [...new Set(p.roots)].sort().join('\n');
  return a.country === b.country && a.operator === b.operator && a.maxStatusAgeSeconds === b.maxStatusAgeSeconds && roots(a) === roots(b);
}

/**
 * Opens a signed pack and its deltas with the pinned operator and indexes them from the pinned
 * roots. With `held`, the result must not be older than it (the sequence never goes back).
 */
export async function openChain(chain: SignedChain, pinned: PinnedTrust, held?: HeldPack): Promise<CheckedTrust> {
  let next = await acceptPack(undefined, chain.pack, { operator: pinned.operator });
  for (const delta of chain.deltas) next = await applyDelta(next, delta);
  if (next.content.country !== pinned.country) throw invalid(`the trust pack is for ${next.content.country}, this device for ${pinned.country}`);
  if (held) {
    const older = next.content.sequence < held.content.sequence ||
      (next.content.sequence === held.content.sequence && Date.parse(next.content.issuedAt) < Date.parse(held.content.issuedAt));
    if (older) throw new CorridorError('ERR_TRUST_PACK_ROLLBACK', `the pack (#${next.content.sequence}) is older than the one held (#${held.content.sequence})`);
  }
  const index = await indexTrustPackContent(next.content, { roots: pinned.roots, operator: pinned.operator });
  return { chain: { pack: chain.pack, deltas: [...chain.deltas] }, held: next, index };
}

/**
 * A served document, judged against the device's pins: the same anchors (else refused, whatever
 * the pack says), signed by the pinned operator, not older than what is held.
 */
export async function acceptOfficerDocument(value: unknown, pinned: PinnedTrust, held?: HeldPack): Promise<CheckedTrust> {
  const document = readOfficerDocument(value);
  if (!sameAnchors(anchorsOf(document), pinned)) throw invalid('the document names other roots, operator, country or policy than this device was set up with');
  return openChain(document, pinned, held);
}
