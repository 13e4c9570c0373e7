// The officer's page verifies records with `jose`, through crypto.subtle. On a browser whose
// WebCrypto has no Ed25519 (Chrome < 137, Firefox < 129, Safari < 17) the page's shim checks the
// signature with @noble instead: the same records verify, tampered ones are still refused.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import { encodeBase64url, verifyRecord, type GeneralJws } from '@corridor/shared';
import { NobleEd25519PublicKey, withEd25519Fallback } from '../web/shims/webcrypto-ed25519.js';

const record = JSON.parse(readFileSync(new URL('../../../shared/src/fixtures/jws-v1/record-cosigned.json', import.meta.url), 'utf8')) as GeneralJws;
const realCrypto = globalThis.crypto;

/** A WebCrypto like an older browser's: everything but Ed25519. */
function subtleWithoutEd25519(): { subtle: SubtleCrypto; nobleVerifies: () => number } {
  const real = realCrypto.subtle;
  let count = 0;
  const refuse = (algorithm: unknown) => (typeof algorithm === 'string' ? algorithm : (algorithm as { name?: string }).name) === 'Ed25519';
  const subtle = {
    importKey: (...args: Parameters<SubtleCrypto['importKey']>) => refuse(args[2])
      ? Promise.reject(new DOMException('Algorithm: Unrecognized name', 'NotSupportedError'))
      : real.importKey(...args),
    verify: (...args: Parameters<SubtleCrypto['verify']>) => real.verify(...args),
  } as unknown as SubtleCrypto;
  withEd25519Fallback(subtle);
  const wrapped = subtle.verify;
  subtle.verify = ((...args: Parameters<SubtleCrypto['verify']>) => {
    if (args[1] instanceof NobleEd25519PublicKey) count += 1;
    return wrapped(...args);
  }) as SubtleCrypto['verify'];
  return { subtle, nobleVerifies: () => count };
}

const useCrypto = (crypto: Crypto) => Object.defineProperty(globalThis, 'crypto', { value: crypto, configurable: true, writable: true });

afterEach(() => { useCrypto(realCrypto); });

describe('WebCrypto Ed25519 fallback for the officer page', () => {
  it('verifies a co-signed record through @noble where WebCrypto has no Ed25519, and still refuses a tampered one', async () => {
    const { subtle, nobleVerifies } = subtleWithoutEd25519();
    useCrypto({ subtle, getRandomValues: realCrypto.getRandomValues.bind(realCrypto) } as Crypto);
    // First use of these keys in this process: `jose` keeps each imported key, so none was imported natively before.
    const verified = await verifyRecord(record);
    expect(verified.signers).toHaveLength(2);
    const payload = JSON.parse(Buffer.from(record.payload, 'base64url').toString('utf8'));
    const tampered = { ...record, payload: encodeBase64url(new TextEncoder().encode(JSON.stringify({ ...payload, outcome: 'full' }))) };
    await expect(verifyRecord(tampered)).rejects.toMatchObject({ code: 'ERR_RECORD_SIGNATURE_INVALID' });
    expect(nobleVerifies()).toBeGreaterThanOrEqual(3);
  });

  it('leaves a browser with native Ed25519 alone, and refuses private keys and other algorithms', async () => {
    const calls: string[] = [];
    const subtle = {
      importKey: async () => { calls.push('native'); return 'native-key'; },
      verify: async () => { calls.push('native-verify'); return true; },
    } as unknown as SubtleCrypto;
    withEd25519Fallback(subtle);
    expect(await subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) }, 'Ed25519', false, ['verify'])).toBe('native-key');
    const old = subtleWithoutEd25519().subtle;
    await expect(old.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), d: 'A'.repeat(43) }, 'Ed25519', false, ['sign'])).rejects.toThrow();
    await expect(old.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: 'short' }, 'Ed25519', false, ['verify'])).rejects.toThrow();
    const key = await old.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) }, 'Ed25519', false, ['verify']);
    await expect(old.verify('HMAC', key, new Uint8Array(64), new Uint8Array(1))).rejects.toThrow();
  });
});
