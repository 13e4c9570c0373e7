// The officer's page runs the verification pipeline in the browser with node:crypto, node:zlib
// and Buffer swapped for pure-JS equivalents (web/shims). They must agree with node exactly.
import { describe, expect, it } from '@jest/globals';
import { createHash, hash, sign } from 'node:crypto';
import { generateKeyPair, importKeyPair } from '@corridor/shared';
import { deflateSync, gzipSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { createHash as browserHash, createPublicKey as browserPublicKey, hash as browserOneShotHash, verify as browserVerify } from '../web/shims/crypto.js';
import { Buffer as BrowserBuffer } from '../web/shims/buffer.js';
import { gunzipSync as browserGunzip, inflateSync as browserInflate } from '../web/shims/zlib.js';

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

  // The PDF reader's bomb check (checkInflatedSize) runs in the page on this inflate.
  it('inflate as node does: the same bytes, node\'s ERR_BUFFER_TOO_LARGE, and a truncated stream\'s start under Z_SYNC_FLUSH', () => {
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 20_000 }), fc.integer({ min: 0, max: 200_000 }).map((n) => new Uint8Array(n).fill(7))), (bytes) => {
      const deflated = deflateSync(bytes);
      expect(Buffer.from(browserInflate(deflated)).equals(inflateSync(deflated))).toBe(true);
      const cut = deflated.subarray(0, Math.floor(deflated.length / 2));
      // What fflate had written out when the bytes ran out: the start of what node gives.
      const partial = { finishFlush: 2 };
      const ours = Buffer.from(browserInflate(cut, partial));
      expect(ours.equals(inflateSync(cut, partial).subarray(0, ours.length))).toBe(true);
    }), { numRuns: 100 });
    const bomb = deflateSync(new Uint8Array(300 * 1024 * 1024));
    const codeOf = (run: () => unknown) => { try { run(); return 'inflated'; } catch (error) { return (error as { code?: string }).code; } };
    expect(codeOf(() => inflateSync(bomb, { maxOutputLength: 64 * 1024 * 1024 }))).toBe('ERR_BUFFER_TOO_LARGE');
    // Inflated a few KB at a time: the limit is met before the 300 MB are, and nothing near them is held.
    const heapBefore = process.memoryUsage().arrayBuffers;
    expect(codeOf(() => browserInflate(bomb, { maxOutputLength: 64 * 1024 * 1024, finishFlush: 2 }))).toBe('ERR_BUFFER_TOO_LARGE');
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });
});
