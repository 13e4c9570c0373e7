/** did:key (Ed25519 only) resolved locally: no network, no registry. */
import { CorridorError } from './errors.js';
import type { KeyObject } from 'node:crypto';
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
