// The officer's page runs the verification pipeline in the browser with node:crypto, node:zlib
// and Buffer swapped for pure-JS equivalents (web/shims). They must agree with node exactly.
import { describe, expect, it } from '@jest/globals';
import { createHash, hash, sign } from 'node:crypto';
import { generateKeyPair, importKeyPair } from '@corridor/shared';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { createHash as browserHash, createPublicKey as browserPublicKey, hash as browserOneShotHash, verify as browserVerify } from '../web/shims/crypto.js';
import { Buffer as BrowserBuffer } from '../web/shims/buffer.js';
import { gunzipSync as browserGunzip } from '../web/shims/zlib.js';

const keyPair = () => {
  const { privateKey, publicJwk } = importKeyPair(generateKeyPair());
  return { privateKey, x: publicJwk.x };
};

describe('browser shims', () => {
  it('hash SHA-256 as node does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(browserHash('sha256').update(text, 'utf8').digest('hex')).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      expect(browserOneShotHash('sha256', text)).toBe(hash('sha256', text));
    }), { numRuns: 300 });
  });

  it('accept exactly the Ed25519 signatures node accepts', () => {
    const { privateKey, x } = keyPair();
    const key = browserPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(63), fc.integer({ min: 1, max: 255 }), (message, at, flip) => {
      const signature = sign(null, message, privateKey);
      expect(browserVerify(null, message, key, signature)).toBe(true);
      const bad = Uint8Array.from(signature);
      bad[at] = bad[at]! ^ flip;
      expect(browserVerify(null, message, key, bad)).toBe(false);
    }), { numRuns: 100 });
    expect(browserVerify(null, new Uint8Array(1), key, new Uint8Array(3))).toBe(false);
    expect(() => browserPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' })).toThrow();
  });

  it('write and read base64url as node does', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
      const text = Buffer.from(bytes).toString('base64url');
      expect(BrowserBuffer.from(bytes).toString('base64url')).toBe(text);
      expect([...BrowserBuffer.from(text, 'base64url')]).toEqual([...bytes]);
    }), { numRuns: 300 });
  });

  it('gunzip as node does, and stop at the output limit', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
      expect([...browserGunzip(gzipSync(bytes))]).toEqual([...bytes]);
    }), { numRuns: 100 });
    const bomb = gzipSync(new Uint8Array(10_000_000));
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => browserGunzip(bomb, { maxOutputLength: 1_000_000 })).toThrow(RangeError);
  });
});
