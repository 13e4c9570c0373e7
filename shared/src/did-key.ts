/**
 * did:key resolved locally: no network, no registry. Corridor's own keys are Ed25519 (`parseDidKey`,
 * `resolveDidKey`); the standards path of the verifier also reads the P-256 and P-384 keys of
 * ecdsa-rdfc-2019 (`parseStandardDidKey`, `resolveStandardDidKey`), imported by
 * @digitalbazaar/ecdsa-multikey, so a point off its curve is refused by the library itself.
 */
import { CorridorError } from './errors.js';
import type { KeyObject } from 'node:crypto';
import { decodeBase58btc } from './encoding.js';
import { decodePublicKeyMultibase, publicKeyObject } from './keys.js';

export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';

export interface VerificationMethod {
  '@context'?: string;
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
  authentication: string[];
  capabilityDelegation: string[];
  capabilityInvocation: string[];
}

const DID_KEY = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]+)(?:#(z6Mk[1-9A-HJ-NP-Za-km-z]+))?$/;

/** Parses `did:key:z…` or `did:key:z…#z…`; throws ERR_DID_UNRESOLVABLE otherwise. */
export function parseDidKey(url: string): { did: string; publicKeyMultibase: string; fragment?: string } {
  const match = DID_KEY.exec(url);
  const publicKeyMultibase = match?.[1];
  if (!match || !publicKeyMultibase || (match[2] !== undefined && match[2] !== publicKeyMultibase)) {
    throw new CorridorError('ERR_DID_UNRESOLVABLE', 'only Ed25519 did:key identifiers resolve offline');
  }
  try {
    decodePublicKeyMultibase(publicKeyMultibase);
  } catch (cause) {
    throw new CorridorError('ERR_DID_UNRESOLVABLE', 'did:key does not hold an Ed25519 key', { cause });
  }
  return { did: `did:key:${publicKeyMultibase}`, publicKeyMultibase, fragment: match[2] };
}

export function resolveDidKey(url: string): DidDocument | VerificationMethod {
  const { did, publicKeyMultibase, fragment } = parseDidKey(url);
  return didKeyDocument(did, publicKeyMultibase, fragment);
}

/** The DID document of a did:key (or, for `did:key:z…#z…`, its one verification method). */
function didKeyDocument(did: string, publicKeyMultibase: string, fragment: string | undefined): DidDocument | VerificationMethod {
  const method: VerificationMethod = {
    id: `${did}#${publicKeyMultibase}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase,
  };
  if (fragment) return { '@context': MULTIKEY_V1_CONTEXT, ...method };
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: did,
    verificationMethod: [method],
    assertionMethod: [method.id],
    authentication: [method.id],
    capabilityDelegation: [method.id],
    capabilityInvocation: [method.id],
  };
}

const publicKeys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 10_000;

/** The public key of a did:key as a node:crypto KeyObject, imported once and kept. */
export function publicKeyOfDidKey(did: string): KeyObject {
  let key = publicKeys.get(did);
  if (!key) {
    key = publicKeyObject(parseDidKey(did).publicKeyMultibase);
    if (publicKeys.size >= MAX_CACHED_KEYS) publicKeys.clear();
    publicKeys.set(did, key);
  }
  return key;
}

/** The curves a did:key may name on the standards path: Ed25519 (eddsa-rdfc-2022), P-256 and P-384 (ecdsa-rdfc-2019). */
export type DidKeyCurve = 'Ed25519' | 'P-256' | 'P-384';

const STANDARD_DID_KEY = /^did:key:(z[1-9A-HJ-NP-Za-km-z]{40,80})(?:#(z[1-9A-HJ-NP-Za-km-z]{40,80}))?$/;
/** Multicodec p256-pub (0x1200) and p384-pub (0x1201), varint-encoded, before a compressed point (0x02|0x03, then x). */
const ECDSA_KEYS = [
  { curve: 'P-256', header: [0x80, 0x24], bytes: 2 + 33 },
  { curve: 'P-384', header: [0x81, 0x24], bytes: 2 + 49 },
] as const;

/**
 * Parses an Ed25519, P-256 or P-384 `did:key:z…` (or `did:key:z…#z…`) and names its curve; throws
 * ERR_DID_UNRESOLVABLE otherwise. Only the encoding is checked here: the point itself is checked
 * when the library imports it (`resolveStandardDidKey`, the cryptosuite's verifier).
 */
export function parseStandardDidKey(url: string): { did: string; publicKeyMultibase: string; fragment?: string; curve: DidKeyCurve } {
  const match = STANDARD_DID_KEY.exec(url);
  const publicKeyMultibase = match?.[1];
  if (!match || !publicKeyMultibase || (match[2] !== undefined && match[2] !== publicKeyMultibase)) {
    throw new CorridorError('ERR_DID_UNRESOLVABLE', 'only Ed25519, P-256 and P-384 did:key identifiers resolve offline');
  }
  if (publicKeyMultibase.startsWith('z6Mk')) return { ...parseDidKey(url), curve: 'Ed25519' };
  const bytes = decodeBase58btc(publicKeyMultibase.slice(1));
  const kind = bytes && ECDSA_KEYS.find((k) => bytes.length === k.bytes && bytes[0] === k.header[0] && bytes[1] === k.header[1] && (bytes[2] === 0x02 || bytes[2] === 0x03));
  if (!kind) throw new CorridorError('ERR_DID_UNRESOLVABLE', 'did:key holds no Ed25519, P-256 or P-384 public key');
  return { did: `did:key:${publicKeyMultibase}`, publicKeyMultibase, fragment: match[2], curve: kind.curve };
}

/**
 * Resolves an Ed25519, P-256 or P-384 did:key offline. An ECDSA key is imported by
 * @digitalbazaar/ecdsa-multikey, which must give back the same encoding: a point that is not on its
 * curve, or an encoding that is not the canonical one, does not resolve.
 */
export async function resolveStandardDidKey(url: string): Promise<DidDocument | VerificationMethod> {
  const { did, publicKeyMultibase, fragment, curve } = parseStandardDidKey(url);
  if (curve === 'Ed25519') return resolveDidKey(url);
  let exported: unknown;
  try {
    const { from } = await import('@digitalbazaar/ecdsa-multikey');
    const key = await from({ type: 'Multikey', id: `${did}#${publicKeyMultibase}`, controller: did, publicKeyMultibase });
    exported = (await key.export({ publicKey: true, includeContext: false })).publicKeyMultibase;
  } catch (cause) {
    throw new CorridorError('ERR_DID_UNRESOLVABLE', `did:key does not hold a valid ${curve} key`, { cause });
  }
  if (exported !== publicKeyMultibase) throw new CorridorError('ERR_DID_UNRESOLVABLE', `did:key does not hold a valid ${curve} key`);
  return didKeyDocument(did, publicKeyMultibase, fragment);
}
