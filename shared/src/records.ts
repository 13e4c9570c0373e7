/**
 * Registry records as JWS (RFC 7515, JSON General Serialization) over RFC 8785 canonical JSON,
 * EdDSA (RFC 8037). Several parties sign the identical payload; each signature names its key
 * as a did:key URL in `kid`, so a record verifies offline with no key lookup. The JWS signing
 * input is ASCII(protected '.' payload) signed with Ed25519 by node:crypto directly, with keys
 * kept imported: the same bytes jose produces, without loading jose on a verifier's cold start.
 */
import { sign as ed25519Sign, verify as ed25519Verify } from 'node:crypto';
import { canonicalJson, isCanonicalJsonText, sha256Hex } from './canonical-json.js';
import { parseDidKey, publicKeyOfDidKey } from './did-key.js';
import { decodeBase64url, encodeBase64url } from './encoding.js';
import { CorridorError } from './errors.js';
import type { KeyPair } from './keys.js';
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

function signingInput(protectedHeader: string, payload: string): Buffer {
  return Buffer.from(`${protectedHeader}.${payload}`, 'ascii');
}

export function recordContentHash(record: unknown): string {
  return sha256Hex(canonicalJson(record));
}

/** Signs any JSON value (a record, or a trust pack) as a one-signature general JWS. */
export async function signJson(value: unknown, key: KeyPair): Promise<GeneralJws> {
  const payload = encodeBase64url(encoder.encode(canonicalJson(value)));
  const protectedHeader = encodeBase64url(encoder.encode(JSON.stringify({ alg: 'EdDSA', kid: key.description.id })));
  const signature = encodeBase64url(ed25519Sign(null, signingInput(protectedHeader, payload), key.privateKey));
  return { payload, signatures: [{ protected: protectedHeader, signature }] };
}

export async function signRecord(record: RegistryRecord, key: KeyPair): Promise<GeneralJws> {
  assertRegistryRecord(record);
  return signJson(record, key);
}

/** Adds a signature over the identical payload (co-signing). Refuses a key that already signed. */
export async function addSignature(jws: GeneralJws, key: KeyPair): Promise<GeneralJws> {
  const signers = jws.signatures.map((s) => signerOf(s.protected));
  if (signers.includes(key.description.controller)) {
    throw new CorridorError('ERR_CONFLICT', 'this key has already signed the record');
  }
  const own = await signJson(JSON.parse(decoder.decode(decodeBase64url(jws.payload))), key);
  if (own.payload !== jws.payload) throw new CorridorError('ERR_RECORD_INVALID', 'payload is not in canonical form');
  return { payload: jws.payload, signatures: [...jws.signatures, ...own.signatures] };
}

function signerOf(protectedHeader: string): string {
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = JSON.parse(decoder.decode(decodeBase64url(protectedHeader)));
  } catch (cause) {
    throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', 'protected header is not JSON', { cause });
  }
  if (header.alg !== 'EdDSA' || typeof header.kid !== 'string') {
    throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', 'signature must be EdDSA with a did:key kid');
  }
  try {
    return parseDidKey(header.kid).did;
  } catch (cause) {
    throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', 'signature kid is not a did:key', { cause });
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const isBase64url = (value: unknown): value is string => typeof value === 'string' && BASE64URL.test(value);

function assertJwsShape(jws: unknown): asserts jws is GeneralJws {
  const candidate = jws as Partial<GeneralJws> | null;
  // Strict base64url: Node's decoder skips stray characters, so they are refused here, as jose does.
  if (
    typeof candidate !== 'object' || candidate === null || !isBase64url(candidate.payload) ||
    !Array.isArray(candidate.signatures) || candidate.signatures.length === 0 || candidate.signatures.length > 10 ||
    !candidate.signatures.every((s) => isBase64url(s?.protected) && isBase64url(s?.signature))
  ) {
    throw new CorridorError('ERR_RECORD_INVALID', 'not a JWS in general JSON serialization');
  }
}

/** Verifies every signature of a JWS and returns its JSON payload and signer DIDs. */
export async function verifyJson(jws: unknown): Promise<{ value: unknown; signers: string[]; contentHash: string }> {
  assertJwsShape(jws);
  const signers: string[] = [];
  for (const { protected: header, signature } of jws.signatures) {
    const did = signerOf(header);
    if (signers.includes(did)) throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', 'the same key signed twice');
    let valid = false;
    try {
      valid = ed25519Verify(null, signingInput(header, jws.payload), publicKeyOfDidKey(did), decodeBase64url(signature));
    } catch (cause) {
      throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID', undefined, { cause });
    }
    if (!valid) throw new CorridorError('ERR_RECORD_SIGNATURE_INVALID');
    signers.push(did);
  }
  let text: string;
  let value: unknown;
  try {
    text = decoder.decode(decodeBase64url(jws.payload));
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
