/**
 * Ed25519 keys as did:key Multikeys. The node:crypto KeyObject is imported once and kept:
 * re-importing on every signature costs ten times the signature itself (DESIGN §7).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { CorridorError } from './errors.js';
import { decodeBase58btc, encodeBase58btc, encodeBase64url } from './encoding.js';

/** Multicodec headers (varint) for Ed25519 public and secret keys. */
const ED25519_PUB_HEADER = [0xed, 0x01] as const;
const ED25519_PRIV_HEADER = [0x80, 0x26] as const;

/** What is written to a key file. `secretKeyMultibase` is the only secret. */
export interface StoredKeyPair {
  type: 'Multikey';
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

export type PublicKeyDescription = Omit<StoredKeyPair, 'secretKeyMultibase'>;

/** Signer shape expected by @digitalbazaar/data-integrity. */
export interface Signer {
  id: string;
  algorithm: 'Ed25519';
  sign(options: { data: Uint8Array }): Promise<Uint8Array>;
}

export interface Verifier {
  id: string;
  algorithm: 'Ed25519';
  verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
}

export interface KeyPair {
  description: PublicKeyDescription;
  privateKey: KeyObject;
  publicKey: KeyObject;
  signer: Signer;
  /** The private key as a JWK (for JOSE tools). Never log it. */
  privateJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string };
  publicJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
}

function withHeader(header: readonly number[], bytes: Uint8Array, what: string): string {
  if (bytes.length !== 32) throw new CorridorError('ERR_KEY_INVALID', `${what} must be 32 bytes`);
  return 'z' + encodeBase58btc(Uint8Array.from([...header, ...bytes]));
}

function withoutHeader(header: readonly number[], multibase: unknown, what: string): Uint8Array {
  if (typeof multibase !== 'string' || !multibase.startsWith('z')) {
    throw new CorridorError('ERR_KEY_INVALID', `${what} is not a base58btc multibase string`);
  }
  const bytes = decodeBase58btc(multibase.slice(1));
  if (!bytes || bytes.length !== 34 || bytes[0] !== header[0] || bytes[1] !== header[1]) {
    throw new CorridorError('ERR_KEY_INVALID', `${what} is not an Ed25519 multikey`);
  }
  return bytes.slice(2);
}

export function encodePublicKeyMultibase(raw: Uint8Array): string {
  return withHeader(ED25519_PUB_HEADER, raw, 'public key');
}

export function decodePublicKeyMultibase(multibase: unknown): Uint8Array {
  return withoutHeader(ED25519_PUB_HEADER, multibase, 'public key');
}

export function didKeyFromPublicKeyMultibase(publicKeyMultibase: string): string {
  decodePublicKeyMultibase(publicKeyMultibase);
  return `did:key:${publicKeyMultibase}`;
}

export function publicKeyObject(publicKeyMultibase: string): KeyObject {
  const x = encodeBase64url(decodePublicKeyMultibase(publicKeyMultibase));
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/** The fixed DER prefixes of an Ed25519 key (RFC 8410): SubjectPublicKeyInfo, and PKCS #8 with its 32-byte seed. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const rawAfter = (prefix: Buffer, der: Buffer): Uint8Array => {
  if (der.length !== prefix.length + 32 || !der.subarray(0, prefix.length).equals(prefix)) {
    throw new CorridorError('ERR_KEY_INVALID', 'the generated key is not a plain Ed25519 key');
  }
  return new Uint8Array(der.subarray(prefix.length));
};

export function generateKeyPair(): StoredKeyPair {
  // The key comes out already encoded, never as a KeyObject to export afterwards: on Node 20,
  // exporting a freshly generated key as JWK deadlocks the thread for good when a garbage
  // collection lands inside the export and frees the generation job, whose destructor takes the
  // key's lock the export already holds (seen here: a process asleep at 0 CPU, stack in
  // ~KeyGenJob under ExportJWKEdKey; reproduced in seconds under heap pressure).
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return storedKeyFromRaw(rawAfter(SPKI_ED25519_PREFIX, publicKey), rawAfter(PKCS8_ED25519_PREFIX, privateKey));
}

function storedKeyFromRaw(publicRaw: Uint8Array, secretRaw: Uint8Array): StoredKeyPair {
  const publicKeyMultibase = encodePublicKeyMultibase(publicRaw);
  const controller = didKeyFromPublicKeyMultibase(publicKeyMultibase);
  return {
    type: 'Multikey',
    id: `${controller}#${publicKeyMultibase}`,
    controller,
    publicKeyMultibase,
    secretKeyMultibase: withHeader(ED25519_PRIV_HEADER, secretRaw, 'secret key'),
  };
}

/** Imports a stored key once; the returned signer keeps the KeyObject. */
export function importKeyPair(stored: unknown): KeyPair {
  if (typeof stored !== 'object' || stored === null) {
    throw new CorridorError('ERR_KEY_INVALID', 'key file is not a JSON object');
  }
  const { publicKeyMultibase, secretKeyMultibase } = stored as Partial<StoredKeyPair>;
  const x = encodeBase64url(decodePublicKeyMultibase(publicKeyMultibase));
  const d = encodeBase64url(withoutHeader(ED25519_PRIV_HEADER, secretKeyMultibase, 'secret key'));
  const privateJwk = { kty: 'OKP', crv: 'Ed25519', x, d } as const;
  const privateKey = createPrivateKey({ key: privateJwk, format: 'jwk' });
  const publicKey = createPublicKey(privateKey);
  if (publicKey.export({ format: 'jwk' }).x !== x) {
    throw new CorridorError('ERR_KEY_INVALID', 'secret key does not match public key');
  }
  const controller = didKeyFromPublicKeyMultibase(publicKeyMultibase as string);
  const id = `${controller}#${publicKeyMultibase}`;
  return {
    description: { type: 'Multikey', id, controller, publicKeyMultibase: publicKeyMultibase as string },
    privateKey,
    publicKey,
    privateJwk,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x },
    signer: signerOf(id, privateKey),
  };
}

/** A signer over an imported private key (a KeyObject crosses to worker threads as it is). */
export function signerOf(id: string, privateKey: KeyObject): Signer {
  return { id, algorithm: 'Ed25519', sign: async ({ data }) => new Uint8Array(sign(null, data, privateKey)) };
}

/** A verifier bound to one public key; imported once and reused. */
export function createKeyVerifier(id: string, publicKeyMultibase: string): Verifier {
  const publicKey = publicKeyObject(publicKeyMultibase);
  return {
    id,
    algorithm: 'Ed25519',
    verify: async ({ data, signature }) => verify(null, data, publicKey, signature),
  };
}
