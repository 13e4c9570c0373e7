/**
 * The slice of node:crypto that verification uses, for the browser: SHA-256 and Ed25519
 * verification in audited pure JavaScript (@noble), synchronous like node's. Nothing here signs:
 * the officer's page only verifies.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Buffer } from './buffer.js';

const notInBrowser = (name: string) => (): never => {
  throw new Error(`${name} is not available in the officer's page`);
};

class Sha256 {
  private readonly hash = sha256.create();
  update(data: string | Uint8Array): this {
    this.hash.update(typeof data === 'string' ? new TextEncoder().encode(data) : data);
    return this;
  }
  digest(encoding?: Parameters<Buffer['toString']>[0]): Buffer | string {
    const bytes = Buffer.from(this.hash.digest());
    return encoding ? bytes.toString(encoding) : bytes;
  }
}

export function createHash(algorithm: string): Sha256 {
  if (algorithm !== 'sha256') throw new Error(`hash ${algorithm} is not available in the officer's page`);
  return new Sha256();
}

/** node's one-shot `crypto.hash` (hex by default). */
export function hash(algorithm: string, data: string | Uint8Array, outputEncoding: Parameters<Buffer['toString']>[0] = 'hex'): string {
  return createHash(algorithm).update(data).digest(outputEncoding) as string;
}

/** An Ed25519 public key: what `createPublicKey({key: jwk, format: 'jwk'})` returns here. */
export class BrowserPublicKey {
  readonly type = 'public';
  readonly asymmetricKeyType = 'ed25519';
  constructor(readonly raw: Uint8Array) {}
}

export function createPublicKey(input: { key: { kty?: string; crv?: string; x?: string }; format: string }): BrowserPublicKey {
  const { key, format } = input;
  if (format !== 'jwk' || key.kty !== 'OKP' || key.crv !== 'Ed25519' || typeof key.x !== 'string') {
    throw new Error('only Ed25519 JWK public keys are supported in the officer\'s page');
  }
  const raw = new Uint8Array(Buffer.from(key.x, 'base64url'));
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return new BrowserPublicKey(raw);
}

/** RFC 8032 verification (zip215 off), as node:crypto does it: the same signatures pass. */
export function verify(algorithm: null | undefined, data: Uint8Array, key: BrowserPublicKey, signature: Uint8Array): boolean {
  if (algorithm) throw new Error(`algorithm ${algorithm} is not available in the officer's page`);
  try {
    return ed25519.verify(signature, data, key.raw, { zip215: false });
  } catch {
    return false;
  }
}

export const randomUUID = (): string => globalThis.crypto.randomUUID();
export const sign = notInBrowser('sign');
export const createPrivateKey = notInBrowser('createPrivateKey');
export const generateKeyPairSync = notInBrowser('generateKeyPairSync');
