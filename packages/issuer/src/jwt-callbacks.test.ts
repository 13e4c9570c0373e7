import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { generateKeyPair, importKeyPair } from '@corridor/shared';
import { createSignJwtCallback, didKeyToJwk, jwkToDidKey, verifyJwtCallback } from './jwt-callbacks.js';

const key = importKeyPair(generateKeyPair());
const did = key.description.controller;
const signer = { method: 'did', alg: 'EdDSA', didUrl: key.description.id };

describe('JWT callbacks for the OpenID4VC libraries', () => {
  it('did:key and Ed25519 JWK map to each other; other keys have no did:key', () => {
    const jwk = didKeyToJwk(did);
    expect(jwkToDidKey(jwk as Record<string, unknown>)).toBe(did);
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    expect(jwkToDidKey(p256 as Record<string, unknown>)).toBeUndefined();
    expect(jwkToDidKey({ ...jwk, d: 'private' })).toBeUndefined();
  });

  it('signs with the key the signer names and verifies against it', async () => {
    const sign = createSignJwtCallback([{ privateKey: key.privateKey }]);
    const { jwt } = await sign(signer, { header: { alg: 'EdDSA', kid: key.description.id }, payload: { nonce: 'n' } });
    expect(await verifyJwtCallback(signer, { compact: jwt })).toMatchObject({ verified: true });
  });

  it('refuses a JWT signed by another key, with alg none, or an HMAC', async () => {
    const other = importKeyPair(generateKeyPair());
    const forged = await new SignJWT({ nonce: 'n' }).setProtectedHeader({ alg: 'EdDSA', kid: key.description.id }).sign(other.privateKey);
    expect((await verifyJwtCallback(signer, { compact: forged })).verified).toBe(false);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    expect((await verifyJwtCallback({ ...signer, alg: 'none' }, { compact: none })).verified).toBe(false);
    const hmac = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)));
    expect((await verifyJwtCallback({ method: 'jwk', alg: 'HS256', publicJwk: { kty: 'oct', k: 'eHh4' } }, { compact: hmac })).verified).toBe(false);
  });
});
