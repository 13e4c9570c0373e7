/**
 * Data Integrity eddsa-rdfc-2022 over @digitalbazaar/vc, with two measured levers:
 * the signer keeps its imported KeyObject, and verifiers are cached per verification method
 * so a key is imported once, not on every verify.
 */
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { documentLoader as defaultLoader, type DocumentLoader } from './document-loader.js';
import { CorridorError } from './errors.js';
import { createKeyVerifier, type Signer, type Verifier } from './keys.js';

const verifierCache = new Map<string, Verifier>();
const MAX_CACHED_VERIFIERS = 10_000;

function cachedVerifier(method: { id?: unknown; publicKeyMultibase?: unknown }): Verifier {
  const { id, publicKeyMultibase } = method;
  if (typeof id !== 'string' || typeof publicKeyMultibase !== 'string') {
    throw new CorridorError('ERR_KEY_INVALID', 'verification method has no Multikey public key');
  }
  const key = `${id} ${publicKeyMultibase}`;
  let verifier = verifierCache.get(key);
  if (!verifier) {
    if (verifierCache.size >= MAX_CACHED_VERIFIERS) verifierCache.clear();
    verifier = createKeyVerifier(id, publicKeyMultibase);
    verifierCache.set(key, verifier);
  }
  return verifier;
}

/** eddsa-rdfc-2022 with a verifier that keeps imported keys. Same bytes, same results. */
export const cryptosuite = {
  ...eddsaRdfc2022,
  createVerifier: async ({ verificationMethod }: { verificationMethod: { id?: unknown; publicKeyMultibase?: unknown } }) =>
    cachedVerifier(verificationMethod),
};

export async function signCredential<T extends object>(options: {
  credential: T;
  signer: Signer;
  now?: Date;
  documentLoader?: DocumentLoader;
}): Promise<T & { proof: Record<string, unknown> }> {
  const { credential, signer, now = new Date(), documentLoader = defaultLoader } = options;
  const suite = new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022, date: now });
  try {
    const signed = await vc.issue({ credential: structuredClone(credential), suite, documentLoader, now });
    return signed as T & { proof: Record<string, unknown> };
  } catch (cause) {
    const known = collectErrors({ error: cause }).find((e): e is CorridorError => e instanceof CorridorError);
    if (known) throw new CorridorError(known.code, known.message, { cause });
    throw new CorridorError('ERR_CREDENTIAL_MALFORMED', 'the credential cannot be signed: it is not valid for its contexts', { cause });
  }
}

const statusCheckedElsewhere = async () => ({ verified: true });

export type ProofResult = { verified: true } | { verified: false; error: CorridorError };

/** Checks the proof only (no status, no trust): a value, never an exception. */
export async function verifyCredentialProof(options: {
  credential: object;
  documentLoader?: DocumentLoader;
  now?: Date;
}): Promise<ProofResult> {
  const { credential, documentLoader = defaultLoader, now } = options;
  const suite = new DataIntegrityProof({ cryptosuite });
  try {
    // Status is not a proof matter: the pipeline reads it from the synced list, never the network.
    const result = await vc.verifyCredential({ credential, suite, documentLoader, now, checkStatus: statusCheckedElsewhere });
    if (result.verified) return { verified: true };
    return { verified: false, error: proofError(result) };
  } catch (cause) {
    return { verified: false, error: proofError({ error: cause }) };
  }
}

/** Maps the library's nested errors to one stable code, preferring the most specific cause. */
function proofError(result: { error?: unknown; results?: unknown[] }): CorridorError {
  const causes = collectErrors(result);
  const corridor = causes.find((e): e is CorridorError => e instanceof CorridorError);
  if (corridor) return new CorridorError(corridor.code, corridor.message, { cause: result.error });
  const names = causes.map((e) => (e as { name?: string; message?: string }).name ?? '');
  const messages = causes.map((e) => String((e as { message?: string }).message ?? ''));
  if (messages.some((m) => /No matching proofs found/i.test(m))) {
    return new CorridorError('ERR_PROOF_MISSING', undefined, { cause: result.error });
  }
  if (names.includes('jsonld.ValidationError') || messages.some((m) => /safe mode|undefined term|protected term|relative IRI/i.test(m))) {
    return new CorridorError('ERR_CREDENTIAL_MALFORMED', 'the credential is not valid JSON-LD for its contexts', { cause: result.error });
  }
  if (messages.some((m) => /"credentialSubject"|"issuer"|"type"|"@context"|validFrom|validUntil|property|must/i.test(m)) &&
      !messages.some((m) => /Invalid signature/i.test(m))) {
    return new CorridorError('ERR_CREDENTIAL_MALFORMED', 'the credential does not follow the VC Data Model', { cause: result.error });
  }
  return new CorridorError('ERR_SIGNATURE_INVALID', undefined, { cause: result.error });
}

function collectErrors(value: unknown, out: unknown[] = [], depth = 0): unknown[] {
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  const node = value as { error?: unknown; errors?: unknown[]; results?: unknown[]; cause?: unknown; details?: unknown };
  if (value instanceof Error) out.push(value);
  const details = (node.details ?? {}) as { cause?: unknown };
  for (const child of [node.error, node.cause, details.cause]) collectErrors(child, out, depth + 1);
  for (const child of [...(Array.isArray(node.errors) ? node.errors : []), ...(Array.isArray(node.results) ? node.results : [])]) {
    collectErrors(child, out, depth + 1);
  }
  return out;
}
