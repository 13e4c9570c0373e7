// Records, signed requests and trust packs through `jose`, over the real interfaces: a registry on
// a loopback port takes the records written before `jose` (shared/src/fixtures/jws-v1) and makes a
// pack a verifier accepts with them byte for byte; then JWS with a hostile header — alg none, HS256
// keyed with the public key, an unknown crit, b64: false, a kid that is no did:key, an unprotected
// header, a signer twice — are refused as a write (problem+json with a code) and as a pack or delta.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomUUID, sign as ed25519Sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRegistryApp, Registry, RegistryStore } from '@corridor/registry';
import {
  canonicalJson, createRegistryClient, decodePublicKeyMultibase, encodeBase64url, importKeyPair, signJson, signRequest,
  type GeneralJws, type KeyPair, type RegistryClient, type StoredKeyPair, type TrustPackContent,
} from '@corridor/shared';
import { acceptPack, applyDelta } from '@corridor/verifier';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../shared/src/fixtures/jws-v1/${name}`, import.meta.url), 'utf8')) as T;
const stored = fixture<Record<'ph' | 'jp' | 'operator', StoredKeyPair>>('keys.json');
const keys = { ph: importKeyPair(stored.ph), jp: importKeyPair(stored.jp), operator: importKeyPair(stored.operator) };
const v1Pack = fixture<{ jws: GeneralJws }>('pack.json').jws;
const v1Delta = fixture<{ jws: GeneralJws }>('delta.json').jws;
const payloadOf = (jws: GeneralJws) => JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as Record<string, unknown>;
const v1Records = (payloadOf(v1Pack) as unknown as TrustPackContent).records;
const b64 = (text: string) => encodeBase64url(new TextEncoder().encode(text));

let server: Server;
let base: string;
let client: RegistryClient;
let registry: Registry;

async function post(body: unknown) {
  const response = await fetch(`${base}/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', code: (await response.json() as { code?: string }).code };
}

/** A signature over `payload` under any protected header: what a holder of `key` can make. */
function signatureWith(header: Record<string, unknown>, payload: string, key: KeyPair = keys.ph) {
  const protectedHeader = b64(JSON.stringify(header));
  const input = Buffer.from(`${protectedHeader}.${payload}`, 'ascii');
  const signature = header.alg === 'HS256'
    ? createHmac('sha256', decodePublicKeyMultibase(key.description.publicKeyMultibase)).update(input).digest('base64url')
    : encodeBase64url(ed25519Sign(null, input, key.privateKey));
  return { protected: protectedHeader, signature };
}

/** Each hostile signature entry for a payload, by the key that the kid names (or should). */
const hostile = (key: KeyPair): [string, (payload: string) => GeneralJws['signatures']][] => {
  const kid = key.description.id;
  return [
    ['alg none', () => [{ protected: b64(JSON.stringify({ alg: 'none', kid })), signature: '' }]],
    ['alg HS256 keyed with the public key', (p) => [signatureWith({ alg: 'HS256', kid }, p, key)]],
    ['an unknown crit extension', (p) => [signatureWith({ alg: 'EdDSA', kid, crit: ['exp'], exp: 1 }, p, key)]],
    ['b64: false', (p) => [signatureWith({ alg: 'EdDSA', kid, b64: false, crit: ['b64'] }, p, key)]],
    ['a kid that is not a did:key', (p) => [signatureWith({ alg: 'EdDSA', kid: 'https://attacker.example/key' }, p, key)]],
    ['the same signer twice', (p) => [signatureWith({ alg: 'EdDSA', kid }, p, key), signatureWith({ alg: 'EdDSA', kid: key.description.controller }, p, key)]],
  ];
};

beforeAll(async () => {
  registry = new Registry(new RegistryStore(':memory:'));
  // The two authority records, as written before jose, registered by the operator on the registry's machine.
  for (const jws of v1Records.filter((r) => payloadOf(r).kind === 'authority')) await registry.submit(jws);
  const app = createRegistryApp({ registry, operatorKey: keys.operator, writesPerMinute: 1000 });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  client = createRegistryClient(base);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  registry.store.close();
});

describe('JWS written before jose, through the registry and a verifier', () => {
  it('the records are accepted over HTTP, and the pack made from them carries them byte for byte and syncs', async () => {
    const byDid = new Map(Object.values(keys).map((k) => [k.description.controller, k]));
    for (const jws of v1Records.filter((r) => payloadOf(r).kind !== 'authority')) {
      const signer = byDid.get(JSON.parse(Buffer.from(jws.signatures[0]!.protected, 'base64url').toString('utf8')).kid.split('#')[0])!;
      expect(await client.submitRecord(jws, signer)).toMatchObject({ state: 'in-force' });
    }
    const held = await acceptPack(undefined, await client.trustPack('JP'), { operator: keys.operator.description.controller });
    const texts = (records: GeneralJws[]) => records.map((r) => JSON.stringify(r)).sort();
    expect(texts(held.content.records)).toEqual(texts(v1Records));
    // And the verifier still takes the pack and the delta the v1 code signed.
    expect((await acceptPack(undefined, v1Pack, { operator: keys.operator.description.controller })).content.records).toHaveLength(v1Records.length);
    const fromV1 = await acceptPack(undefined, v1Pack);
    const { since } = payloadOf(v1Delta) as { since: number };
    await expect(applyDelta({ ...fromV1, content: { ...fromV1.content, sequence: since } }, v1Delta)).resolves.toBeDefined();
  });
});

describe('hostile JWS headers', () => {
  const record = v1Records.find((r) => payloadOf(r).kind === 'qualification')!;

  it.each(hostile(keys.ph))('%s on the request itself: refused with 401 ERR_RECORD_SIGNATURE_INVALID', async (_name, signatures) => {
    const payload = b64(canonicalJson({ action: 'submit-record', iat: Math.floor(Date.now() / 1000), nonce: randomUUID(), body: record }));
    const response = await post({ payload, signatures: signatures(payload) });
    expect(response).toMatchObject({ status: 401, code: 'ERR_RECORD_SIGNATURE_INVALID' });
    expect(response.type).toMatch(/^application\/problem\+json/);
  });

  it.each(hostile(keys.ph))('%s on the record a valid request carries: refused with 401 ERR_RECORD_SIGNATURE_INVALID', async (_name, signatures) => {
    const body = { ...record, version: 9, issuedAt: '2026-02-01T00:00:00Z' };
    const payload = b64(canonicalJson(body));
    const hostileRecord = { payload, signatures: signatures(payload) };
    expect(await post(await signRequest('submit-record', hostileRecord, keys.ph))).toMatchObject({ status: 401, code: 'ERR_RECORD_SIGNATURE_INVALID' });
  });

  it('an unprotected header beside a good signature: refused as malformed (400 ERR_INPUT_INVALID)', async () => {
    const request = await signRequest('submit-record', record, keys.ph);
    const withHeader = { ...request, signatures: [{ ...request.signatures[0]!, header: { kid: keys.jp.description.id } }] };
    expect(await post(withHeader)).toMatchObject({ status: 400, code: 'ERR_INPUT_INVALID' });
  });

  it.each(hostile(keys.operator))('%s on a pack or a delta from the operator: ERR_TRUST_PACK_INVALID', async (_name, signatures) => {
    const operator = keys.operator.description.controller;
    await expect(acceptPack(undefined, { payload: v1Pack.payload, signatures: signatures(v1Pack.payload) }, { operator }))
      .rejects.toMatchObject({ code: 'ERR_TRUST_PACK_INVALID' });
    const held = await acceptPack(undefined, v1Pack, { operator });
    const { since } = payloadOf(v1Delta) as { since: number };
    await expect(applyDelta({ ...held, content: { ...held.content, sequence: since } }, { payload: v1Delta.payload, signatures: signatures(v1Delta.payload) }))
      .rejects.toMatchObject({ code: 'ERR_TRUST_PACK_INVALID' });
  });

  it.each(hostile(keys.jp))('%s on a record inside a pack the operator signed: ERR_TRUST_PACK_INVALID', async (_name, signatures) => {
    const content = payloadOf(v1Pack) as unknown as TrustPackContent;
    const records = content.records.map((r) => (payloadOf(r).kind === 'qualification' && r.signatures.length === 1 &&
      JSON.parse(Buffer.from(r.signatures[0]!.protected, 'base64url').toString('utf8')).kid === keys.jp.description.id
      ? { payload: r.payload, signatures: signatures(r.payload) } : r));
    expect(records).not.toEqual(content.records);
    const pack = await signJson({ ...content, records }, keys.operator);
    await expect(acceptPack(undefined, pack, { operator: keys.operator.description.controller })).rejects.toMatchObject({ code: 'ERR_TRUST_PACK_INVALID' });
  });
});
