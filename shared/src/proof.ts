/**
 * Data Integrity eddsa-rdfc-2022 over @digitalbazaar/vc, with two measured levers:
 * the signer keeps its imported KeyObject, and verifiers are cached per verification method
 * so a key is imported once, not on every verify.
 */
import { documentLoader as defaultLoader, type DocumentLoader } from './document-loader.js';
import { CorridorError } from './errors.js';
import { createHash, verify as cryptoVerify } from 'node:crypto';
import { publicKeyOfDidKey } from './did-key.js';
import { decodeBase58btc, encodeBase58btc } from './encoding.js';
import { canonicalCredential, canonicalProofConfig, canonicalStatusList } from './fast-canonical.js';
import { createKeyVerifier, type Signer, type Verifier } from './keys.js';
import type { SkillCredential, StatusListCredential } from './types.js';
import { assertSkillCredential, assertStatusListCredential } from './validate.js';

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

/**
 * The library path, loaded on first use: our own shapes never need it, so a cold verifier does
 * not pay for importing jsonld.js. The cryptosuite keeps imported keys (same bytes, same results).
 */
let libraryPath: Promise<{
  vc: typeof import('@digitalbazaar/vc');
  DataIntegrityProof: typeof import('@digitalbazaar/data-integrity').DataIntegrityProof;
  eddsaRdfc2022: typeof import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite').cryptosuite;
  cryptosuite: typeof import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite').cryptosuite;
}> | undefined;

function library() {
  libraryPath ??= Promise.all([
    import('@digitalbazaar/vc'), import('@digitalbazaar/data-integrity'), import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
  ]).then(([vc, dataIntegrity, eddsa]) => ({
    vc, DataIntegrityProof: dataIntegrity.DataIntegrityProof, eddsaRdfc2022: eddsa.cryptosuite,
    cryptosuite: {
      ...eddsa.cryptosuite,
      createVerifier: async ({ verificationMethod }: { verificationMethod: unknown }) =>
        cachedVerifier(verificationMethod as { id?: unknown; publicKeyMultibase?: unknown }),
    },
  }));
  return libraryPath;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * The hash of a canonical proof configuration, the last one kept: a cohort signs thousands of
 * credentials with the same configuration (same key, same second), and verifiers see one issuer's
 * proofs in a row.
 */
let lastConfig: { key: string; hash: Buffer | undefined } | undefined;
function proofConfigHash(proofConfig: unknown): Buffer | undefined {
  // Only a configuration of plain strings is remembered: its key then says all it holds.
  const entries = typeof proofConfig === 'object' && proofConfig !== null ? Object.entries(proofConfig) : [];
  const key = entries.length && entries.every(([, value]) => typeof value === 'string') ? JSON.stringify(entries) : undefined;
  if (key !== undefined && lastConfig?.key === key) return lastConfig.hash;
  const canonicalConfig = canonicalProofConfig(proofConfig);
  const hash = canonicalConfig === undefined ? undefined : sha256(canonicalConfig);
  if (key !== undefined) lastConfig = { key, hash };
  return hash;
}

/** eddsa-rdfc-2022 hashData: hash of the canonical proof configuration, then of the document. */
function fastHashData(document: unknown, proofConfig: unknown): Buffer | undefined {
  const configHash = proofConfigHash(proofConfig);
  if (configHash === undefined) return undefined;
  const types = (document as { type?: unknown }).type;
  const canonicalDocument = Array.isArray(types) && types.includes('BitstringStatusListCredential')
    ? canonicalStatusList(document) : canonicalCredential(document);
  if (canonicalDocument === undefined) return undefined;
  return Buffer.concat([configHash, sha256(canonicalDocument)]);
}

/**
 * The specialised verify: true when the credential is exactly our shape and its signature
 * verifies; undefined when anything is unusual (the library then decides, with the same answer).
 */
function fastVerify(credential: unknown, now: Date | undefined): true | undefined {
  const did = issuerOfKnownShape(credential, now);
  if (!did) return undefined;
  const { proof, ...document } = credential as { proof?: Record<string, unknown> };
  if (!proof || typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('z')) return undefined;
  if (proof.verificationMethod !== `${did}#${did.slice('did:key:'.length)}`) return undefined;
  const { proofValue, ...config } = proof;
  const hashData = fastHashData(document, config);
  const signature = decodeBase58btc(proofValue.slice(1));
  if (!hashData || !signature || signature.length !== 64) return undefined;
  try {
    return cryptoVerify(null, hashData, publicKeyOfDidKey(did), signature) ? true : undefined;
  } catch {
    return undefined;
  }
}

function isSkillCredential(value: unknown): boolean {
  try {
    assertSkillCredential(value);
    return true;
  } catch {
    return false;
  }
}

function isStatusList(value: unknown): boolean {
  try {
    assertStatusListCredential(value);
    return URL.canParse((value as StatusListCredential).issuer);
  } catch {
    return false;
  }
}

const MAX_CLOCK_SKEW_MS = 300_000;

/**
 * The checks @digitalbazaar/vc makes besides the proof (ids parse as URLs; dates against `now`
 * with its 300 s skew): the fast path runs only where the library would also accept, so both
 * paths always give the same answer.
 */
function libraryChecksPass(credential: SkillCredential, now: Date | undefined, mode: 'issue' | 'verify'): boolean {
  const ids = [credential.issuer.id, credential.credentialSubject.id, credential.credentialStatus.id].filter((id) => id !== undefined);
  if (!ids.every((id) => URL.canParse(id))) return false;
  if (mode === 'issue') return true;
  const t = (now ?? new Date()).getTime();
  if (Date.parse(credential.validFrom) - t > MAX_CLOCK_SKEW_MS) return false;
  return !credential.validUntil || t - Date.parse(credential.validUntil) <= MAX_CLOCK_SKEW_MS;
}

/** The issuer did of a skill credential or status list the library would accept, else undefined. */
function issuerOfKnownShape(credential: unknown, now: Date | undefined): string | undefined {
  if (isSkillCredential(credential)) {
    return libraryChecksPass(credential as SkillCredential, now, 'verify') ? (credential as SkillCredential).issuer.id : undefined;
  }
  try {
    assertStatusListCredential(credential);
  } catch {
    return undefined;
  }
  const list = credential as StatusListCredential;
  if (!URL.canParse(list.issuer) || !list.issuer.startsWith('did:key:')) return undefined;
  const t = (now ?? new Date()).getTime();
  if (Date.parse(list.validFrom) - t > MAX_CLOCK_SKEW_MS) return undefined;
  return !list.validUntil || t - Date.parse(list.validUntil) <= MAX_CLOCK_SKEW_MS ? list.issuer : undefined;
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * The proof of our own credential shapes (unsigned, default loader), made on the specialised
 * path: the same bytes as the library, without jsonld.js expansion. Undefined for anything else.
 */
async function fastProof(credential: object, signer: Signer, now: Date): Promise<Record<string, unknown> | undefined> {
  const config = { type: 'DataIntegrityProof', created: isoSeconds(now), verificationMethod: signer.id, cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' };
  const knownShape = isSkillCredential(credential) ? libraryChecksPass(credential as unknown as SkillCredential, now, 'issue') : isStatusList(credential);
  const hashData = !('proof' in credential) && knownShape ? fastHashData(credential, config) : undefined;
  if (!hashData) return undefined;
  const signature = await signer.sign({ data: hashData });
  return { ...config, proofValue: 'z' + encodeBase58btc(signature) };
}

/**
 * Only the proof `signCredential` would add: for a signer that already holds its own copy of the
 * credential (a cohort's worker thread) and so need not have it copied again.
 */
export async function createProof(options: { credential: object; signer: Signer; now?: Date }): Promise<Record<string, unknown>> {
  const { credential, signer, now = new Date() } = options;
  return (await fastProof(credential, signer, now)) ?? (await librarySign(credential, signer, now, defaultLoader)).proof;
}

export async function signCredential<T extends object>(options: {
  credential: T;
  signer: Signer;
  now?: Date;
  documentLoader?: DocumentLoader;
}): Promise<T & { proof: Record<string, unknown> }> {
  const { credential, signer, now = new Date(), documentLoader = defaultLoader } = options;
  const proof = documentLoader === defaultLoader ? await fastProof(credential, signer, now) : undefined;
  if (proof) return { ...structuredClone(credential), proof };
  return librarySign(credential, signer, now, documentLoader);
}

/** Signing by @digitalbazaar/vc: anything off our shapes, or with another loader. */
async function librarySign<T extends object>(credential: T, signer: Signer, now: Date, documentLoader: DocumentLoader): Promise<T & { proof: Record<string, unknown> }> {
  const { vc, DataIntegrityProof, eddsaRdfc2022 } = await library();
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

/** The Data Integrity cryptosuites a verification may accept. Corridor signs, and its pipeline accepts, eddsa-rdfc-2022 only. */
export type Cryptosuite = 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019';

/** ecdsa-rdfc-2019 (P-256, P-384), loaded only by a verification that accepts it: the standards path. */
let ecdsaSuite: Promise<typeof import('@digitalbazaar/ecdsa-rdfc-2019-cryptosuite').cryptosuite> | undefined;
const ecdsaRdfc2019 = () => (ecdsaSuite ??= import('@digitalbazaar/ecdsa-rdfc-2019-cryptosuite').then((m) => m.cryptosuite));

/**
 * Checks the proof only (no status, no trust): a value, never an exception. Only proofs of the
 * given cryptosuites count (by default eddsa-rdfc-2022): a proof of any other does not verify.
 */
export async function verifyCredentialProof(options: {
  credential: object;
  documentLoader?: DocumentLoader;
  now?: Date;
  cryptosuites?: readonly Cryptosuite[];
}): Promise<ProofResult> {
  const { credential, documentLoader = defaultLoader, now, cryptosuites = ['eddsa-rdfc-2022'] } = options;
  if (cryptosuites.includes('eddsa-rdfc-2022') && fastVerify(credential, now)) return { verified: true };
  const { vc, DataIntegrityProof, cryptosuite } = await library();
  const suite = await Promise.all(cryptosuites.map(async (name) =>
    new DataIntegrityProof({ cryptosuite: name === 'eddsa-rdfc-2022' ? cryptosuite : await ecdsaRdfc2019() })));
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

/**
 * The holder's proof on a presentation (proofPurpose authentication, with challenge and domain),
 * offline. The credentials inside are not judged here: the caller verifies each of them.
 */
export async function verifyPresentationProof(options: { presentation: object; challenge: string; domain?: string }): Promise<ProofResult> {
  const { vc, DataIntegrityProof, cryptosuite } = await library();
  try {
    const result = await (vc as unknown as { verify(o: object): Promise<{ presentationResult?: { verified: boolean } }> }).verify({
      presentation: options.presentation, challenge: options.challenge, ...(options.domain ? { domain: options.domain } : {}),
      suite: new DataIntegrityProof({ cryptosuite }), documentLoader: defaultLoader, checkStatus: statusCheckedElsewhere,
    });
    if (result.presentationResult?.verified) return { verified: true };
    return { verified: false, error: new CorridorError('ERR_SIGNATURE_INVALID', 'the holder proof does not verify for this challenge and domain') };
  } catch (cause) {
    return { verified: false, error: new CorridorError('ERR_SIGNATURE_INVALID', 'the holder proof does not verify for this challenge and domain', { cause }) };
  }
}

/** Signs a presentation as its holder (authentication proof over challenge and domain). */
export async function signPresentation<T extends object>(options: { presentation: T; signer: Signer; challenge: string; domain?: string; now?: Date }): Promise<T & { proof: Record<string, unknown> }> {
  const { vc, DataIntegrityProof, eddsaRdfc2022 } = await library();
  const suite = new DataIntegrityProof({ signer: options.signer, cryptosuite: eddsaRdfc2022, ...(options.now ? { date: options.now } : {}) });
  return (vc as unknown as { signPresentation(o: object): Promise<T & { proof: Record<string, unknown> }> }).signPresentation({
    presentation: structuredClone(options.presentation), suite, challenge: options.challenge, ...(options.domain ? { domain: options.domain } : {}),
    documentLoader: defaultLoader,
  });
}
