/**
 * The switch of records, signed requests and trust packs to `jose`, checked against what the
 * hand-written node:crypto code wrote before it: the v1 fixtures (made by that code, fixed keys
 * and clocks) verify, the same inputs sign to the same bytes, and the old verifier (kept below,
 * as it was) and the new one agree on random values. Then the attacks on the JWS profile.
 */
import { createHmac, sign as ed25519Sign, verify as ed25519Verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson, isCanonicalJsonText } from './canonical-json.js';
import { parseDidKey, publicKeyOfDidKey } from './did-key.js';
import { decodeBase64url, encodeBase64url } from './encoding.js';
import { CorridorError } from './errors.js';
import { decodePublicKeyMultibase, importKeyPair, type KeyPair, type StoredKeyPair } from './keys.js';
import { addSignature, signJson, signRecord, verifyJson, verifyRecord } from './records.js';
import { openRequest } from './signed-request.js';
import { indexTrustPackContent, openTrustPack, openTrustPackEnvelope } from './trust-index.js';
import type { GeneralJws, RegistryRecord, TrustPackContent } from './types.js';
import { assertTrustPackDelta } from './validate.js';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/jws-v1/${name}`, import.meta.url), 'utf8')) as T;
const text = (value: unknown) => JSON.stringify(value);
const encoder = new TextEncoder();
const b64 = (value: unknown) => encodeBase64url(encoder.encode(typeof value === 'string' ? value : JSON.stringify(value)));
const payloadOf = (jws: GeneralJws): unknown => JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));

const stored = fixture<Record<'ph' | 'jp' | 'centre' | 'operator', StoredKeyPair>>('keys.json');
const keys = { ph: importKeyPair(stored.ph), jp: importKeyPair(stored.jp), operator: importKeyPair(stored.operator) };
const record = fixture<GeneralJws>('record-cosigned.json');
const request = fixture<{ now: string; jws: GeneralJws }>('request.json');
const pack = fixture<{ now: string; jws: GeneralJws }>('pack.json');
const delta = fixture<{ now: string; since: number; jws: GeneralJws }>('delta.json');

/** The verifier and signer as they were before `jose` (commit f0c906f, shared/src/records.ts), signatures and all. */
const v1 = {
  sign(value: unknown, key: KeyPair): GeneralJws {
    const payload = b64(canonicalJson(value));
    const header = b64({ alg: 'EdDSA', kid: key.description.id });
    const signature = encodeBase64url(ed25519Sign(null, Buffer.from(`${header}.${payload}`, 'ascii'), key.privateKey));
    return { payload, signatures: [{ protected: header, signature }] };
  },
  verify(jws: GeneralJws): { value: unknown; signers: string[] } {
    const invalid = (code: 'ERR_RECORD_SIGNATURE_INVALID' | 'ERR_RECORD_INVALID') => new CorridorError(code);
    const base64url = (v: unknown) => typeof v === 'string' && /^[A-Za-z0-9_-]*$/.test(v);
    if (typeof jws !== 'object' || jws === null || !base64url(jws.payload) || !Array.isArray(jws.signatures) || jws.signatures.length === 0 ||
        jws.signatures.length > 10 || !jws.signatures.every((s) => base64url(s?.protected) && base64url(s?.signature))) throw invalid('ERR_RECORD_INVALID');
    const signers: string[] = [];
    for (const { protected: header, signature } of jws.signatures) {
      let parsed: { alg?: unknown; kid?: unknown };
      try { parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')); } catch { throw invalid('ERR_RECORD_SIGNATURE_INVALID'); }
      if (parsed.alg !== 'EdDSA' || typeof parsed.kid !== 'string') throw invalid('ERR_RECORD_SIGNATURE_INVALID');
      let did: string;
      try { did = parseDidKey(parsed.kid).did; } catch { throw invalid('ERR_RECORD_SIGNATURE_INVALID'); }
      if (signers.includes(did)) throw invalid('ERR_RECORD_SIGNATURE_INVALID');
      if (!ed25519Verify(null, Buffer.from(`${header}.${jws.payload}`, 'ascii'), publicKeyOfDidKey(did), decodeBase64url(signature))) {
        throw invalid('ERR_RECORD_SIGNATURE_INVALID');
      }
      signers.push(did);
    }
    const payload = Buffer.from(jws.payload, 'base64url').toString('utf8');
    let value: unknown;
    try { value = JSON.parse(payload); } catch { throw invalid('ERR_RECORD_INVALID'); }
    if (!isCanonicalJsonText(value, payload)) throw invalid('ERR_RECORD_INVALID');
    return { value, signers };
  },
};

describe('JWS written before jose (fixtures/jws-v1)', () => {
  test('every fixture, and every record in the pack, is byte for byte what the hand-written signer writes, and its verifier accepts it', () => {
    const byDid = new Map(Object.values(keys).map((k) => [k.description.controller, k]));
    const inPack = (payloadOf(pack.jws) as TrustPackContent).records;
    for (const jws of [record, request.jws, pack.jws, delta.jws, ...inPack]) {
      const { value, signers } = v1.verify(jws);
      expect(signers).toHaveLength(jws.signatures.length);
      const again = { payload: jws.payload, signatures: signers.map((did) => v1.sign(value, byDid.get(did)!).signatures[0]!) };
      expect(text(again)).toBe(text(jws));
    }
  });

  test('a record co-signed by two authorities verifies, and signing it again gives the same bytes', async () => {
    const verified = await verifyRecord(record);
    expect(verified.signers).toEqual([keys.ph.description.controller, keys.jp.description.controller]);
    const again = await addSignature(await signRecord(verified.record, keys.ph), keys.jp);
    expect(text(again)).toBe(text(record));
  });

  test('a signed request opens at its time, and re-signing its content gives the same bytes', async () => {
    const opened = await openRequest(request.jws, { now: new Date(request.now) });
    expect(opened).toMatchObject({ signer: keys.ph.description.controller, action: 'submit-record', body: record });
    expect(text(await signJson(payloadOf(request.jws), keys.ph))).toBe(text(request.jws));
  });

  test('a trust pack opens for its operator with every record trusted, and re-signs to the same bytes', async () => {
    const { operator, content } = await openTrustPack(pack.jws, keys.operator.description.controller);
    const index = await indexTrustPackContent(content, { roots: [keys.jp.description.controller], operator });
    expect(index.rejected).toEqual([]);
    expect(index.mappings.size).toBe(1);
    expect(content.records.some((jws) => jws.signatures.length === 2)).toBe(true);
    expect(text(await signJson(content, keys.operator))).toBe(text(pack.jws));
  });

  test('a delta opens for its operator and re-signs to the same bytes', async () => {
    const { value } = await openTrustPackEnvelope(delta.jws, keys.operator.description.controller);
    assertTrustPackDelta(value);
    expect(value.since).toBe(delta.since);
    expect(text(await signJson(value, keys.operator))).toBe(text(delta.jws));
  });

  test('every record inside the pack re-signs to its own bytes with its signers\' keys', async () => {
    const byDid = new Map(Object.values(keys).map((k) => [k.description.controller, k]));
    const content = payloadOf(pack.jws) as TrustPackContent;
    for (const jws of content.records) {
      const { record: inner, signers } = await verifyRecord(jws);
      let again = await signRecord(inner as RegistryRecord, byDid.get(signers[0]!)!);
      for (const did of signers.slice(1)) again = await addSignature(again, byDid.get(did)!);
      expect(text(again)).toBe(text(jws));
    }
  });
});

describe('jose and the v1 code agree', () => {
  test('on random JSON values: identical bytes, and each verifies what the other signed', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), fc.constantFrom(keys.ph, keys.jp, keys.operator), async (value, key) => {
      const old = v1.sign(value, key);
      const signed = await signJson(value, key);
      expect(text(signed)).toBe(text(old));
      expect(v1.verify(signed).signers).toEqual([key.description.controller]);
      expect((await verifyJson(old)).value).toEqual(v1.verify(old).value);
    }), { numRuns: 60 });
  });
});

// ---- attacks: each is refused by the new code, with the code the callers have always seen ----

const { ph, jp } = keys;
const phDid = ph.description.controller;
/** A signature by `key` over `header.payload` with any header: what an attacker holding a key can make. */
const signedWith = (header: Record<string, unknown>, payload: string, key: KeyPair = ph) => {
  const protectedHeader = b64(header);
  return { protected: protectedHeader, signature: encodeBase64url(ed25519Sign(null, Buffer.from(`${protectedHeader}.${payload}`, 'ascii'), key.privateKey)) };
};
const hmacWithPublicKey = (header: Record<string, unknown>, payload: string) => {
  const protectedHeader = b64(header);
  const secret = decodePublicKeyMultibase(parseDidKey(phDid).publicKeyMultibase);
  return { protected: protectedHeader, signature: createHmac('sha256', secret).update(`${protectedHeader}.${payload}`).digest('base64url') };
};
const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: { code?: string }) => error.code ?? String(error));
const v1CodeOf = (jws: unknown) => {
  try { v1.verify(jws as GeneralJws); return 'accepted'; } catch (error) { return (error as { code?: string }).code ?? 'thrown'; }
};

describe('attacks on the JWS profile', () => {
  const p = record.payload;
  const kid = ph.description.id;
  const other = v1.sign({ ...(payloadOf(record) as object), version: 2 }, ph);
  const tamperedPayload = b64(canonicalJson({ ...(payloadOf(record) as object), outcome: 'full' }));
  // What each attack is, what the v1 code answered, and what the callers must see now.
  const attacks: [string, unknown, string, string][] = [
    ['a tampered payload', { payload: tamperedPayload, signatures: record.signatures }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['a signature moved to another payload', { payload: p, signatures: other.signatures }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['one good and one moved signature', { payload: p, signatures: [record.signatures[0], { ...other.signatures[0], protected: record.signatures[1]!.protected }] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['alg none, no signature', { payload: p, signatures: [{ protected: b64({ alg: 'none', kid }), signature: '' }] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['alg HS256 keyed with the public key', { payload: p, signatures: [hmacWithPublicKey({ alg: 'HS256', kid }, p)] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['alg Ed25519 (RFC 9864), outside the profile', { payload: p, signatures: [signedWith({ alg: 'Ed25519', kid }, p)] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['an unknown crit extension', { payload: p, signatures: [signedWith({ alg: 'EdDSA', kid, crit: ['exp'], exp: 1 }, p)] }, 'accepted', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['b64: false (RFC 7797)', { payload: p, signatures: [signedWith({ alg: 'EdDSA', kid, b64: false, crit: ['b64'] }, p)] }, 'accepted', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['b64: false over a payload that is itself JSON', { payload: '1234', signatures: [signedWith({ alg: 'EdDSA', kid, b64: false, crit: ['b64'] }, '1234')] }, 'ERR_RECORD_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['a kid that is not a did:key', { payload: p, signatures: [signedWith({ alg: 'EdDSA', kid: 'https://attacker.example/key' }, p)] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['a did:key kid whose fragment names another key', { payload: p, signatures: [signedWith({ alg: 'EdDSA', kid: `${phDid}#${jp.description.publicKeyMultibase}` }, p)] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['a kid naming another key than the one that signed', { payload: p, signatures: [signedWith({ alg: 'EdDSA', kid: jp.description.id }, p, ph)] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['the same signer twice', { payload: p, signatures: [record.signatures[0], record.signatures[0]] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['the same signer twice, once by did and once by did#key', { payload: p, signatures: [record.signatures[0], signedWith({ alg: 'EdDSA', kid: phDid }, p)] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['a protected header that is not JSON', { payload: p, signatures: [{ protected: b64('not json'), signature: record.signatures[0]!.signature }] }, 'ERR_RECORD_SIGNATURE_INVALID', 'ERR_RECORD_SIGNATURE_INVALID'],
    ['an unprotected header beside the signature', { payload: p, signatures: [{ ...record.signatures[0], header: { kid: jp.description.id } }, record.signatures[1]] }, 'accepted', 'ERR_RECORD_INVALID'],
    ['a non-canonical payload, validly signed', { payload: b64(' {"a":1}'), signatures: [signedWith({ alg: 'EdDSA', kid }, b64(' {"a":1}'))] }, 'ERR_RECORD_INVALID', 'ERR_RECORD_INVALID'],
    ['no signatures', { payload: p, signatures: [] }, 'ERR_RECORD_INVALID', 'ERR_RECORD_INVALID'],
  ];

  test.each(attacks)('%s: refused as a record', async (_name, jws, before, now) => {
    expect(v1CodeOf(jws)).toBe(before);
    expect(await codeOf(verifyRecord(jws))).toBe(now);
    expect(await codeOf(verifyJson(jws))).toBe(now);
  });

  test.each(attacks)('%s: refused as a trust pack (ERR_TRUST_PACK_INVALID)', async (_name, jws) => {
    expect(await codeOf(openTrustPackEnvelope(jws))).toBe('ERR_TRUST_PACK_INVALID');
  });

  test.each(attacks)('%s: refused as a signed request', async (_name, jws, _before, now) => {
    // openRequest maps a malformed JWS to ERR_INPUT_INVALID, as it always has; a bad signature stays what it is.
    expect(await codeOf(openRequest(jws, { now: new Date(request.now) }))).toBe(now === 'ERR_RECORD_INVALID' ? 'ERR_INPUT_INVALID' : now);
  });

  test('the untouched record still verifies (the attacks above fail for their change alone)', async () => {
    expect(v1CodeOf(record)).toBe('accepted');
    expect((await verifyRecord(record)).signers).toHaveLength(2);
  });
});
