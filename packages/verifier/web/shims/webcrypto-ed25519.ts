/**
 * Ed25519 verification in WebCrypto for browsers that lack it. Record and pack signatures are
 * checked by `jose`, which verifies through `crypto.subtle`; Ed25519 is there only since Chrome 137,
 * Firefox 129 and Safari 17, older than the page's build targets. Where the browser has it,
 * nothing changes. Where it refuses to import an Ed25519 public JWK, the key becomes one checked
 * by @noble (RFC 8032, zip215 off, as node:crypto and shims/crypto.ts check it). Verify only:
 * the page never signs. Without this, such a browser would reject every record: a valid
 * credential would be shown red.
 */
import { ed25519 } from '@noble/curves/ed25519.js';

const isEd25519 = (algorithm: unknown): boolean =>
  (typeof algorithm === 'string' ? algorithm : (algorithm as { name?: unknown } | null)?.name) === 'Ed25519';

/** A public key as `jose` expects a CryptoKey to look (tag, algorithm, usages), checked by @noble. */
export class NobleEd25519PublicKey {
  readonly type = 'public';
  readonly extractable = false;
  readonly algorithm = { name: 'Ed25519' };
  readonly usages: KeyUsage[] = ['verify'];
  readonly [Symbol.toStringTag] = 'CryptoKey';
  constructor(readonly raw: Uint8Array) {}
}

function rawPublicKey(format: string, keyData: unknown): Uint8Array | undefined {
  const jwk = keyData as JsonWebKey | null;
  if (format !== 'jwk' || typeof jwk !== 'object' || jwk === null || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' ||
      jwk.d !== undefined || typeof jwk.x !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(jwk.x)) return undefined;
  const binary = atob(jwk.x.replace(/-/g, '+').replace(/_/g, '/') + '=');
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const asBytes = (data: BufferSource): Uint8Array =>
  data instanceof Uint8Array ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** Wraps `subtle` so Ed25519 public keys verify even where the browser lacks the algorithm. */
export function withEd25519Fallback(subtle: SubtleCrypto): void {
  const nativeImportKey = subtle.importKey.bind(subtle) as (...args: unknown[]) => Promise<CryptoKey>;
  const nativeVerify = subtle.verify.bind(subtle);
  subtle.importKey = (async (format: string, keyData: unknown, algorithm: unknown, extractable: boolean, usages: KeyUsage[]) => {
    try {
      return await nativeImportKey(format, keyData, algorithm, extractable, usages);
    } catch (error) {
      const raw = isEd25519(algorithm) && usages.every((usage) => usage === 'verify') ? rawPublicKey(format, keyData) : undefined;
      if (!raw) throw error;
      return new NobleEd25519PublicKey(raw) as unknown as CryptoKey;
    }
  }) as SubtleCrypto['importKey'];
  subtle.verify = (async (algorithm: AlgorithmIdentifier, key: CryptoKey, signature: BufferSource, data: BufferSource) => {
    if (!(key instanceof NobleEd25519PublicKey)) return nativeVerify(algorithm, key, signature, data);
    if (!isEd25519(algorithm)) throw new DOMException('key is an Ed25519 key', 'InvalidAccessError');
    try {
      return ed25519.verify(asBytes(signature), asBytes(data), key.raw, { zip215: false });
    } catch {
      return false;
    }
  }) as SubtleCrypto['verify'];
}

// Secure origins only (the page needs one anyway for its camera and service worker).
if (globalThis.crypto?.subtle) withEd25519Fallback(globalThis.crypto.subtle);
