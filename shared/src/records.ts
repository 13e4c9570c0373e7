/**
 * Registry records as JWS (RFC 7515, JSON General Serialization) over RFC 8785 canonical JSON,
 * EdDSA (RFC 8037), made and checked by `jose`. Several parties sign the identical payload; each
 * signature names its key as a did:key URL in `kid`, so a record verifies offline with no key
 * lookup. The wire format is the one written before `jose` (fixtures/jws-v1): protected header
 * exactly {"alg":"EdDSA","kid":"did:key:…#…"}, members in the same order, byte for byte.
 */
// jose's subpath modules: half the import time of its index, on every CLI's cold start.
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import { FlattenedSign } from 'jose/jws/flattened/sign';
import { flattenedVerify } from 'jose/jws/flattened/verify';
import type { JWK, ProtectedHeaderParameters } from 'jose';
import { canonicalJson, isCanonicalJsonText, sha256Hex } from './canonical-json.js';
import { parseDidKey } from './did-key.js';
import { decodeBase64url, encodeBase64url } from './encoding.js';
import { CorridorError } from './errors.js';
import { decodePublicKeyMultibase, type KeyPair } from './keys.js';
import type { GeneralJws, RegistryRecord } from './types.js';
import { assertRegistryRecord } from './validate.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface VerifiedRecord<T = RegistryRecord> {
  record: T;
  /** did:keys of every signature that verified (all of them, or the call throws). */
  signers: string[];
  /** sha256 (hex) of the canonical payload: what co-signers agree on. */
  contentHash: string;
  jws: GeneralJws;
}

/** The only algorithm a record, request or pack may use; `jose` refuses any other before a key is asked for. */
const ALGORITHMS = ['EdDSA'];

export function recordContentHash(record: unknown): string {
  return sha256Hex(canonicalJson(record));
}

/**
 * One signature over canonical JSON bytes. The result is rebuilt member by member so that its
 * JSON text is what was always written ({protected, signature}); `jose` orders members otherwise,
 * and stored JWS text is hashed into the log and served with an ETag.
 */
async function signatureOver(bytes: Uint8Array, key: KeyPair): Promise<{ payload: string; signature: { protected: string; signature: string } }> {
  const signed = await new FlattenedSign(bytes).setProtectedHeader({ alg: 'EdDSA', kid: key.description.id }).sign(key.privateKey);
  return { payload: signed.payload, signature: { protected: signed.protected!, signature: signed.signature } };
}

/** Signs any JSON value (a record, or a trust pack) as a one-signature general JWS. */
export async function signJson(value: unknown, key: KeyPair): Promise<GeneralJws> {
  const { payload, signature } = await signatureOver(encoder.encode(canonicalJson(value)), key);
  return { payload, signatures: [signature] };
}

export async function signRecord(record: RegistryRecord, key: KeyPair): Promise<GeneralJws> {
  assertRegistryRecord(record);
  return signJson(record, key);
}

/** Adds a signature over the identical payload (co-signing). Refuses a key that already signed. */
export async function addSignature(jws: GeneralJws, key: KeyPair): Promise<GeneralJws> {
  const signers = jws.signatures.map((s) => signerOf(headerOf(s.protected)));
  if (signers.includes(key.description.controller)) {
    throw new CorridorError('ERR_CONFLICT', 'this key has already signed the record');
  }
  const own = await signJson(JSON.parse(decoder.decode(decodeBase64url(jws.payload))), key);
  if (own.payload !== jws.payload) throw new CorridorError('ERR_RECORD_INVALID', 'payload is not in canonical form');
  return { payload: jws.payload, signatures: [...jws.signatures, ...own.signatures] };
}

function headerOf(protectedHeader: string): ProtectedHeaderParameters {
  try {
    return decodeProtectedHeader({ protected: protectedHeader });
  } catch (cause) {
    throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', 'protected header is not JSON', { cause });
  }
}

/**
 * The signer a protected header names, under our profile: EdDSA, a did:key `kid`, and no
 * extension. `jose` already refused an unknown `crit`; `crit: ["b64"]` it understands, and
 * `b64: false` would make it sign the payload text unencoded, a second reading of the same
 * bytes that no writer of ours produces: refused, with any other `crit` or `b64`.
 */
function signerOf(header: ProtectedHeaderParameters): string {
  if (header.alg !== 'EdDSA' || typeof header.kid !== 'string') {
    throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', 'signature must be EdDSA with a did:key kid');
  }
  if (header.crit !== undefined || header.b64 !== undefined) {
    throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', 'signature uses a JWS extension this profile does not allow');
  }
  try {
    return parseDidKey(header.kid).did;
  } catch (cause) {
    throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', 'signature kid is not a did:key', { cause });
  }
}

const publicJwks = new Map<string, JWK>();
const MAX_CACHED_KEYS = 10_000;

/**
 * A did:key's public key as a JWK, kept per did: `jose` keeps the imported key per JWK object, so
 * each key is imported once. A JWK rather than a node:crypto KeyObject, so the officer's page,
 * where `jose` runs on WebCrypto, takes the same path.
 */
function publicJwkOf(did: string): JWK {
  let jwk = publicJwks.get(did);
  if (!jwk) {
    const x = encodeBase64url(decodePublicKeyMultibase(parseDidKey(did).publicKeyMultibase));
    jwk = { kty: 'OKP', crv: 'Ed25519', x };
    if (publicJwks.size >= MAX_CACHED_KEYS) publicJwks.clear();
    publicJwks.set(did, jwk);
  }
  return jwk;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const isBase64url = (value: unknown): value is string => typeof value === 'string' && BASE64URL.test(value);
const isSignatureEntry = (s: unknown): boolean => {
  const entry = s as { protected?: unknown; signature?: unknown } | null;
  // Exactly {protected, signature}: an unprotected `header` is bytes no signature covers, and
  // another JWS library would read a `kid` in it.
  return typeof entry === 'object' && entry !== null && isBase64url(entry.protected) && isBase64url(entry.signature) &&
    Object.keys(entry).length === 2;
};

function assertJwsShape(jws: unknown): asserts jws is GeneralJws {
  const candidate = jws as Partial<GeneralJws> | null;
  // Strict base64url: Node's decoder skips stray characters, so they are refused here, as jose does.
  if (
    typeof candidate !== 'object' || candidate === null || !isBase64url(candidate.payload) ||
    !Array.isArray(candidate.signatures) || candidate.signatures.length === 0 || candidate.signatures.length > 10 ||
    !candidate.signatures.every(isSignatureEntry)
  ) {
    throw new CorridorError('ERR_RECORD_INVALID', 'not a JWS in general JSON serialization');
  }
}

/**
 * Verifies every signature of a JWS and returns its JSON payload and signer DIDs. Each signature
 * is checked on its own (`jose`'s generalVerify stops at the first one that verifies): one bad
 * signature refuses the whole JWS, with the error of the first bad one in order. The checks run
 * side by side: WebCrypto verifies off the main thread, and a co-signed record costs one wait.
 */
export async function verifyJson(jws: unknown): Promise<{ value: unknown; signers: string[]; contentHash: string }> {
  assertJwsShape(jws);
  const checks = await Promise.allSettled(jws.signatures.map(async ({ protected: header, signature }) => {
    let did = '';
    const { payload } = await flattenedVerify({ payload: jws.payload, protected: header, signature }, (parsed) => {
      did = signerOf(parsed);
      return publicJwkOf(did);
    }, { algorithms: ALGORITHMS });
    return { did, payload };
  }));
  const signers: string[] = [];
  let bytes: Uint8Array | undefined;
  for (const check of checks) {
    if (check.status === 'rejected') {
      if (check.reason instanceof CorridorError) throw check.reason;
      throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', undefined, { cause: check.reason });
    }
    if (signers.includes(check.value.did)) throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', 'the same key signed twice');
    signers.push(check.value.did);
    bytes = check.value.payload;
  }
  let text: string;
  let value: unknown;
  try {
    text = decoder.decode(bytes);
    value = JSON.parse(text);
  } catch (cause) {
    throw new CorridorError('ERR_RECORD_INVALID', 'payload is not JSON', { cause });
  }
  if (!isCanonicalJsonText(value, text)) throw new CorridorError('ERR_RECORD_INVALID', 'payload is not canonical JSON');
  return { value, signers, contentHash: sha256Hex(text) };
}

/** Verifies every signature and the record's shape. Authorization is the caller's policy. */
export async function verifyRecord(jws: unknown): Promise<VerifiedRecord> {
  const { value, signers, contentHash } = await verifyJson(jws);
  assertRegistryRecord(value);
  return { record: value, signers, contentHash, jws: jws as GeneralJws };
}
