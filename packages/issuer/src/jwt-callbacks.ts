/**
 * The crypto the OpenID4VC libraries (@openid4vc/*) ask their host for: hash, random bytes, and
 * signing and verifying compact JWTs, done here with jose and node:crypto. Typed structurally, so
 * this file does not depend on the protocol libraries' types. Only Ed25519 (EdDSA) and P-256 (ES256) are
 * accepted: an attacker picks a JWT's `alg`, so `none` and HMAC never reach jose.
 */
import { createHash, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, importJWK, type JWK } from 'jose';
import { decodeBase64url, decodePublicKeyMultibase, encodeBase64url, encodePublicKeyMultibase, parseDidKey } from '@corridor/shared';

export const JWT_ALGORITHMS = ['EdDSA', 'Ed25519', 'ES256'] as const;

/** A JWT signer as the libraries describe it: a did URL or a public JWK (others are refused). */
export type JwtSignerLike = { method: string; alg: string; didUrl?: string; publicJwk?: Record<string, unknown>; kid?: string };

/** The public JWK of an Ed25519 did:key (`did:key:z…` or `did:key:z…#z…`). */
export function didKeyToJwk(didUrl: string): JWK {
  const { publicKeyMultibase } = parseDidKey(didUrl);
  return { kty: 'OKP', crv: 'Ed25519', x: encodeBase64url(decodePublicKeyMultibase(publicKeyMultibase)) };
}

/** The did:key of an Ed25519 public JWK; undefined for any other key. */
export function jwkToDidKey(jwk: Record<string, unknown>): string | undefined {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || 'd' in jwk) return undefined;
  try {
    const raw = decodeBase64url(jwk.x);
    return raw.length === 32 ? `did:key:${encodePublicKeyMultibase(raw)}` : undefined;
  } catch {
    return undefined;
  }
}

function signerJwk(signer: JwtSignerLike): JWK | undefined {
  if (signer.method === 'jwk' && signer.publicJwk) {
    const { d: _private, ...jwk } = signer.publicJwk as JWK;
    return jwk;
  }
  if (signer.method === 'did' && typeof signer.didUrl === 'string') {
    try {
      return didKeyToJwk(signer.didUrl);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function hashCallback(data: Uint8Array, alg: string): Uint8Array {
  const name = { 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' }[alg.toLowerCase()];
  if (!name) throw new Error(`unsupported hash ${alg}`);
  return new Uint8Array(createHash(name).update(data).digest());
}

export function generateRandomCallback(byteLength: number): Uint8Array {
  return new Uint8Array(randomBytes(byteLength));
}

/** Verifies a compact JWT against the key its signer names (did:key or JWK); `verified: false` otherwise. */
export async function verifyJwtCallback(signer: JwtSignerLike, jwt: { compact: string }): Promise<{ verified: true; signerJwk: JWK } | { verified: false; signerJwk?: JWK }> {
  const jwk = signerJwk(signer);
  if (!jwk || !(JWT_ALGORITHMS as readonly string[]).includes(signer.alg)) return { verified: false };
  try {
    const key = await importJWK(jwk, signer.alg === 'Ed25519' ? 'EdDSA' : signer.alg);
    await compactVerify(jwt.compact, key, { algorithms: [signer.alg] });
    return { verified: true, signerJwk: jwk };
  } catch {
    return { verified: false, signerJwk: jwk };
  }
}

/**
 * A signJwt callback holding private keys, each found by its public JWK `x` (or did:key). The
 * header and payload are the library's; the signature is jose's.
 */
export function createSignJwtCallback(keys: { privateKey: KeyObject | JWK }[]) {
  const byX = new Map<string, KeyObject>();
  for (const { privateKey } of keys) {
    const object = 'asymmetricKeyType' in privateKey ? privateKey as KeyObject : createPrivateKey({ key: privateKey as JWK as never, format: 'jwk' });
    const jwk = object.export({ format: 'jwk' }) as JWK;
    byX.set(jwk.x!, object);
  }
  return async (signer: JwtSignerLike, jwt: { header: Record<string, unknown>; payload: Record<string, unknown> }): Promise<{ jwt: string; signerJwk: JWK }> => {
    const jwk = signerJwk(signer);
    const key = jwk?.x ? byX.get(jwk.x) : undefined;
    if (!jwk || !key) throw new Error('no private key for this signer');
    const compact = await new CompactSign(new TextEncoder().encode(JSON.stringify(jwt.payload)))
      .setProtectedHeader(jwt.header as never).sign(key);
    return { jwt: compact, signerJwk: jwk };
  };
}
