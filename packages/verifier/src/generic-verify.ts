/**
 * The standards path of `POST /credentials/verify`: any VC 2.0 credential with one Data Integrity
 * proof — eddsa-rdfc-2022 by an Ed25519 did:key, or ecdsa-rdfc-2019 by a P-256 or P-384 did:key —
 * whose contexts are all bundled, not only Corridor's own shape. It checks what a standards
 * verifier can check offline — the proof (by
 * @digitalbazaar/vc with the offline loader), the validity dates, and the status when its
 * BitstringStatusList is in the trust pack — and no more: nothing ties a foreign issuer to the
 * registry, so every answer says `issuerTrusted: false` and `verified: true` never means
 * "accredited". Hostile input is bounded before any library code runs: size and depth, contexts
 * by bundled URL only (nothing is fetched), and a closed proof shape. Also DID authentication:
 * a presentation without credentials, which proves only who holds a key, against a challenge.
 */
import {
  BIRTH_DATE_IDENTITY_TYPE, BUNDLED_CONTEXTS, CORRIDOR_V1_CONTEXT, CorridorError, createDocumentLoader, ERROR_CODES, getBit, isObject, parseStandardDidKey, VC_V2_CONTEXT,
  verifyCredentialProof, verifyPresentationProof, type Cryptosuite, type DidKeyCurve, type ErrorCode, type TrustIndex,
} from '@corridor/shared';
import type { PresentationOptions, PresentationResult } from './presentation.js';
import { DEFAULT_MAX_STATUS_AGE_SECONDS, type Check, type CheckId, type VerificationResult, type Verdict } from './verify.js';

export interface GenericVerifyOptions {
  trust: TrustIndex;
  now?: Date;
  maxStatusAgeSeconds?: number;
  /** Contexts to accept besides the bundled ones, by URL (tests: the W3C examples context); the service adds none. */
  documents?: ReadonlyMap<string, unknown>;
}

export interface GenericVerificationResult {
  verdict: Verdict;
  checks: Check[];
  /** Always false: the issuer of a credential off Corridor's shape is not checked against the registry. */
  issuerTrusted: false;
  warnings: { check: 'issuer'; message: string }[];
  /** What the credential says about itself (no subject data). */
  credential?: { id?: string; type: string[]; issuer: string; validFrom?: string; validUntil?: string };
  trustPack: VerificationResult['trustPack'];
}

const ISSUER_NOT_EVALUATED = 'not evaluated: this is not a Corridor skill credential, so its issuer is not checked against the registry; ' +
  '"verified" means the signature, dates and status hold, not that the issuer is accredited or trusted';

/**
 * A Corridor skill credential keeps the strict pipeline. It is recognised by its birth date
 * (an IdentityObject of type `ext:birthDate`: an extension type of Corridor's naming) or by
 * Corridor's own context (the shape issued before). Removing the mark from a signed credential
 * only sends it down the generic path, where its signature fails.
 */
export function isCorridorCredential(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value['@context'])) return false;
  if (value['@context'].includes(CORRIDOR_V1_CONTEXT)) return true;
  const subject = value.credentialSubject;
  if (!isObject(subject)) return false;
  const identities = Array.isArray(subject.identifier) ? subject.identifier : [];
  return identities.some((i) => isObject(i) && i.identityType === BIRTH_DATE_IDENTITY_TYPE);
}

const BUNDLED_URLS: ReadonlySet<string> = new Set(BUNDLED_CONTEXTS.map((c) => c.url));
const MAX_DEPTH = 24;
const MAX_NODES = 5_000;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** base58btc of a 64-byte (Ed25519, P-256) or 96-byte (P-384) signature. */
const MULTIBASE_SIGNATURE = /^z[1-9A-HJ-NP-Za-km-z]{40,140}$/;
/** Codes that mean "could not be checked" rather than "checked and failed". */
const INDETERMINATE: ReadonlySet<ErrorCode> = new Set(['ERR_STATUS_UNAVAILABLE', 'ERR_STATUS_STALE']);

const fail = (code: ErrorCode, message: string = ERROR_CODES[code]): never => { throw new CorridorError(code, message); };
const failed = (id: CheckId, error: unknown): Check => {
  const code = error instanceof CorridorError ? error.code : 'ERR_CREDENTIAL_MALFORMED';
  return { id, ok: false, code, message: error instanceof CorridorError ? error.message : ERROR_CODES[code] };
};
const isDateTime = (value: unknown): value is string => typeof value === 'string' && ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value));

function verdictOf(checks: Check[]): Verdict {
  if (checks.some((c) => !c.ok && (!c.code || !INDETERMINATE.has(c.code)))) return 'invalid';
  return checks.some((c) => !c.ok) ? 'indeterminate' : 'valid';
}

export function trustPackSummary(trust: TrustIndex, now: Date): VerificationResult['trustPack'] {
  return { sequence: trust.sequence, issuedAt: trust.issuedAt, ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(trust.issuedAt)) / 1000)) };
}

/** JSON within a depth and a node count, so no library recursion or expansion runs on a bomb. */
function assertBounded(value: unknown): void {
  let nodes = 0;
  const walk = (node: unknown, depth: number): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) fail('ERR_PAYLOAD_TOO_LARGE', `at most ${MAX_NODES} values nested ${MAX_DEPTH} deep`);
    if (Array.isArray(node)) for (const item of node) walk(item, depth + 1);
    else if (isObject(node)) for (const item of Object.values(node)) walk(item, depth + 1);
  };
  walk(value, 0);
}

/** VC 2.0 first, then only contexts we bundle, by URL: an unknown one is refused, never fetched. */
function assertContexts(value: unknown, extra?: ReadonlyMap<string, unknown>): void {
  if (!Array.isArray(value) || value.length === 0 || value.length > 10) fail('ERR_CREDENTIAL_MALFORMED', '@context must be a list of at most 10 URLs');
  const contexts = value as unknown[];
  if (contexts[0] !== VC_V2_CONTEXT) fail('ERR_CREDENTIAL_MALFORMED', `the first @context must be ${VC_V2_CONTEXT} (VC 2.0)`);
  if (!contexts.every((c) => typeof c === 'string' && (BUNDLED_URLS.has(c) || extra?.has(c)))) {
    fail('ERR_CONTEXT_UNKNOWN', 'a @context is not one of the bundled contexts (listed by URL only); nothing is fetched');
  }
}

const typesOf = (value: unknown): string[] | undefined => {
  const types = typeof value === 'string' ? [value] : value;
  return Array.isArray(types) && types.length > 0 && types.length <= 20 && types.every((t) => typeof t === 'string' && t.length > 0 && t.length <= 200) ? types : undefined;
};

const idOf = (value: unknown): unknown => (isObject(value) ? value.id : value);

interface GenericCredential { types: string[]; issuer: string; validFrom?: string; validUntil?: string; statuses: unknown[] }

/** The VC 2.0 envelope, closed enough that the library only ever sees bounded, offline-resolvable JSON. */
function readCredential(input: unknown, documents?: ReadonlyMap<string, unknown>): GenericCredential {
  if (!isObject(input)) return fail('ERR_CREDENTIAL_MALFORMED', 'the credential must be an object');
  assertBounded(input);
  assertContexts(input['@context'], documents);
  const types = typesOf(input.type);
  if (!types?.includes('VerifiableCredential')) fail('ERR_CREDENTIAL_MALFORMED', 'type must include VerifiableCredential');
  const issuer = idOf(input.issuer);
  if (typeof issuer !== 'string' || issuer.length === 0 || issuer.length > 500) fail('ERR_CREDENTIAL_MALFORMED', 'issuer must be a URL or an object with an id');
  const subjects = Array.isArray(input.credentialSubject) ? input.credentialSubject : [input.credentialSubject];
  if (subjects.length === 0 || subjects.length > 20 || !subjects.every(isObject)) fail('ERR_CREDENTIAL_MALFORMED', 'credentialSubject must be an object');
  for (const key of ['validFrom', 'validUntil'] as const) {
    if (input[key] !== undefined && !isDateTime(input[key])) fail('ERR_CREDENTIAL_MALFORMED', `${key} must be an ISO 8601 date-time`);
  }
  const statuses = input.credentialStatus === undefined ? [] : Array.isArray(input.credentialStatus) ? input.credentialStatus : [input.credentialStatus];
  if (statuses.length > 5 || !statuses.every(isObject)) fail('ERR_CREDENTIAL_MALFORMED', 'credentialStatus must be an object');
  return {
    types: types!, issuer: issuer as string, statuses,
    ...(typeof input.validFrom === 'string' ? { validFrom: input.validFrom } : {}),
    ...(typeof input.validUntil === 'string' ? { validUntil: input.validUntil } : {}),
  };
}

const PROOF_KEYS = {
  assertionMethod: new Set(['id', 'type', 'cryptosuite', 'created', 'expires', 'verificationMethod', 'proofPurpose', 'proofValue']),
  authentication: new Set(['id', 'type', 'cryptosuite', 'created', 'expires', 'verificationMethod', 'proofPurpose', 'proofValue', 'challenge', 'domain']),
} as const;

/**
 * The cryptosuites verified, each with the curves its keys may be on: a key claiming another
 * cryptosuite's proof is refused here, before the library (which refuses it too).
 * DID authentication stays eddsa-rdfc-2022, the suite Corridor's wallets sign with.
 */
const CRYPTOSUITES: Record<keyof typeof PROOF_KEYS, ReadonlyMap<Cryptosuite, readonly DidKeyCurve[]>> = {
  assertionMethod: new Map([['eddsa-rdfc-2022', ['Ed25519']], ['ecdsa-rdfc-2019', ['P-256', 'P-384']]]),
  authentication: new Map([['eddsa-rdfc-2022', ['Ed25519']]]),
};
export const GENERIC_CRYPTOSUITES: readonly Cryptosuite[] = [...CRYPTOSUITES.assertionMethod.keys()];

/**
 * One Data Integrity proof of a cryptosuite we verify, closed: only its own fields, a did:key
 * method (the one kind of DID that resolves offline) on that cryptosuite's curve, a well-formed
 * signature. Returns the signer's DID.
 */
export function assertGenericProof(proof: unknown, purpose: keyof typeof PROOF_KEYS): string {
  if (proof === undefined) return fail('ERR_PROOF_MISSING');
  if (!isObject(proof)) return fail('ERR_CREDENTIAL_MALFORMED', 'proof must be one object (proof sets and chains are not verified)');
  const curves = CRYPTOSUITES[purpose].get(proof.cryptosuite as Cryptosuite);
  if (proof.type !== 'DataIntegrityProof' || !curves) fail('ERR_PROOF_MISSING', `only ${[...CRYPTOSUITES[purpose].keys()].join(' and ')} Data Integrity proofs are verified`);
  if (!Object.keys(proof).every((key) => PROOF_KEYS[purpose].has(key))) fail('ERR_CREDENTIAL_MALFORMED', 'proof has fields outside a Data Integrity proof');
  if (proof.proofPurpose !== purpose) fail('ERR_SIGNATURE_INVALID', `the proof is not for ${purpose}`);
  for (const key of ['created', 'expires'] as const) {
    if (proof[key] !== undefined && !isDateTime(proof[key])) fail('ERR_CREDENTIAL_MALFORMED', `proof.${key} must be an ISO 8601 date-time`);
  }
  for (const key of ['id', 'challenge', 'domain'] as const) {
    if (proof[key] !== undefined && (typeof proof[key] !== 'string' || (proof[key] as string).length > 500)) fail('ERR_CREDENTIAL_MALFORMED', `proof.${key} must be a string`);
  }
  const method = proof.verificationMethod;
  if (typeof method !== 'string' || method.length > 300) return fail('ERR_CREDENTIAL_MALFORMED', 'proof.verificationMethod must be a URL');
  if (!method.startsWith('did:key:')) fail('ERR_DID_UNRESOLVABLE', 'the signing key is not a did:key: only did:key resolves offline, nothing is fetched');
  const { did, fragment, curve } = parseStandardDidKey(method);
  if (!fragment) fail('ERR_CREDENTIAL_MALFORMED', 'proof.verificationMethod must name a key (did:key:…#…)');
  if (!curves!.includes(curve)) fail('ERR_SIGNATURE_INVALID', `a ${curve} key cannot make an ${String(proof.cryptosuite)} proof`);
  if (typeof proof.proofValue !== 'string' || !MULTIBASE_SIGNATURE.test(proof.proofValue)) fail('ERR_SIGNATURE_INVALID', 'proof.proofValue is not a base58btc signature');
  return did;
}

const proofExpired = (proof: unknown, now: Date) => isObject(proof) && typeof proof.expires === 'string' && Date.parse(proof.expires) < now.getTime();

/** The issuer must be the did:key that signed: anything else cannot be tied to the key offline. */
function assertSignedByIssuer(issuer: string, signer: string): void {
  if (!issuer.startsWith('did:')) fail('ERR_DID_UNRESOLVABLE', 'the issuer is not a DID: nothing offline shows the signing key is the issuer\'s');
  if (!issuer.startsWith('did:key:')) fail('ERR_DID_UNRESOLVABLE', 'the issuer is not a did:key: only did:key resolves offline, nothing is fetched');
  if (parseStandardDidKey(issuer).did !== signer || issuer !== signer) fail('ERR_SIGNATURE_INVALID', 'signed by a key that is not the issuer\'s');
}

/** Status from the trust pack only; a list we do not hold leaves the credential unverified, never "valid". */
function statusCheck(credential: GenericCredential, trust: TrustIndex, ageSeconds: number, maxAge: number): Check {
  if (credential.statuses.length === 0) return { id: 'status', ok: true, message: 'no status entry: the issuer gave no way to revoke it' };
  const results = credential.statuses.map((entry): Check => {
    const e = entry as Record<string, unknown>;
    const purpose = e.statusPurpose;
    if (e.type !== 'BitstringStatusListEntry' || (purpose !== 'revocation' && purpose !== 'suspension') ||
        typeof e.statusListCredential !== 'string' || typeof e.statusListIndex !== 'string' || !/^\d{1,12}$/.test(e.statusListIndex)) {
      return { id: 'status', ok: false, code: 'ERR_STATUS_UNAVAILABLE', message: 'a status entry is not a revocation or suspension BitstringStatusListEntry this verifier can check' };
    }
    const list = trust.statusLists.get(e.statusListCredential);
    if (!list || list.issuer !== credential.issuer || list.purpose !== purpose) {
      return { id: 'status', ok: false, code: 'ERR_STATUS_UNAVAILABLE', message: 'the status list is not in the trust pack: revocation cannot be checked' };
    }
    const index = Number(e.statusListIndex);
    if (index >= list.bits.length * 8) return { id: 'status', ok: false, code: 'ERR_CREDENTIAL_MALFORMED', message: 'status index outside the list' };
    if (getBit(list.bits, index)) {
      const code = purpose === 'revocation' ? 'ERR_CREDENTIAL_REVOKED' : 'ERR_CREDENTIAL_SUSPENDED';
      return { id: 'status', ok: false, code, message: ERROR_CODES[code] };
    }
    if (ageSeconds > maxAge) return { id: 'status', ok: false, code: 'ERR_STATUS_STALE', message: ERROR_CODES.ERR_STATUS_STALE };
    return { id: 'status', ok: true, message: `not ${purpose === 'revocation' ? 'revoked' : 'suspended'} (status list of ${list.validFrom.slice(0, 10)})` };
  });
  // A definite failure (revoked) outweighs one that could not be checked.
  return results.find((r) => !r.ok && !INDETERMINATE.has(r.code!)) ?? results.find((r) => !r.ok) ??
    { id: 'status', ok: true, message: results.map((r) => r.message).join('; ') };
}

export async function verifyGenericCredential(input: unknown, options: GenericVerifyOptions): Promise<GenericVerificationResult> {
  const { trust, now = new Date(), maxStatusAgeSeconds = DEFAULT_MAX_STATUS_AGE_SECONDS, documents } = options;
  const trustPack = trustPackSummary(trust, now);
  const checks: Check[] = [];
  const warnings = [{ check: 'issuer' as const, message: ISSUER_NOT_EVALUATED }];
  const done = (extra: Partial<GenericVerificationResult> = {}): GenericVerificationResult =>
    ({ verdict: verdictOf(checks), checks, issuerTrusted: false, warnings, ...extra, trustPack });

  let credential: GenericCredential;
  try {
    credential = readCredential(input, documents);
  } catch (error) {
    checks.push(failed('format', error));
    return done();
  }
  checks.push({ id: 'format', ok: true, message: 'VC 2.0 credential with bundled contexts' });
  const document = input as Record<string, unknown>;
  const summary = {
    ...(typeof document.id === 'string' && document.id.length <= 500 ? { id: document.id } : {}),
    type: credential.types, issuer: credential.issuer,
    ...(credential.validFrom ? { validFrom: credential.validFrom } : {}),
    ...(credential.validUntil ? { validUntil: credential.validUntil } : {}),
  };

  try {
    assertSignedByIssuer(credential.issuer, assertGenericProof(document.proof, 'assertionMethod'));
  } catch (error) {
    checks.push(failed('proof', error));
    return done({ credential: summary });
  }
  // Dates are judged below with their own codes: the library checks the proof as of a date the
  // credential was valid on.
  const until = credential.validUntil ? new Date(credential.validUntil) : undefined;
  const proofDate = credential.validFrom ? new Date(credential.validFrom) : until && until < now ? until : now;
  const proof = await verifyCredentialProof({
    credential: document, now: proofDate, cryptosuites: GENERIC_CRYPTOSUITES, ...(documents ? { documentLoader: createDocumentLoader({ documents }) } : {}),
  });
  if (!proof.verified) {
    checks.push({ id: 'proof', ok: false, code: proof.error.code, message: ERROR_CODES[proof.error.code] });
    return done({ credential: summary });
  }
  checks.push({ id: 'proof', ok: true, message: `signature valid (${String((document.proof as Record<string, unknown>).cryptosuite)}, did:key of the issuer)` });

  if (credential.validFrom && Date.parse(credential.validFrom) > now.getTime()) checks.push({ id: 'validity', ok: false, code: 'ERR_CREDENTIAL_NOT_YET_VALID', message: ERROR_CODES.ERR_CREDENTIAL_NOT_YET_VALID });
  else if (until && until.getTime() < now.getTime()) checks.push({ id: 'validity', ok: false, code: 'ERR_CREDENTIAL_EXPIRED', message: ERROR_CODES.ERR_CREDENTIAL_EXPIRED });
  // The library checks only the form of proof.expires: its time is ours to judge.
  else if (proofExpired(document.proof, now)) checks.push({ id: 'validity', ok: false, code: 'ERR_CREDENTIAL_EXPIRED', message: 'the issuer\'s proof has expired (proof.expires has passed)' });
  else checks.push({ id: 'validity', ok: true, message: credential.validUntil ? `valid until ${credential.validUntil.slice(0, 10)}` : 'no expiry' });

  checks.push(statusCheck(credential, trust, trustPack.ageSeconds, maxStatusAgeSeconds));
  return done({ credential: summary });
}

/**
 * DID authentication: a presentation without credentials proves only that whoever sent it holds
 * a key, and only against the verifier's own challenge (else it could be a replay): no challenge,
 * no verdict. The holder it names, if any, must be the DID that signed.
 */
export async function verifyHolderOnly(input: Record<string, unknown>, options: PresentationOptions): Promise<PresentationResult & { authenticated?: string }> {
  const trustPack = trustPackSummary(options.trust, options.now ?? new Date());
  const result = (holder: Check, authenticated?: string) =>
    ({ verdict: holder.ok ? 'valid' as const : 'invalid' as const, holder, primary: -1, credentials: [], trustPack, ...(authenticated ? { authenticated } : {}) });
  if (options.challenge === undefined) {
    return result({ id: 'holder', ok: false, code: 'ERR_INPUT_INVALID', message: 'a presentation without credentials proves only who holds a key, and only against a challenge: options.challenge is required' });
  }
  let signer: string;
  try {
    assertBounded(input);
    assertContexts(input['@context']);
    signer = assertGenericProof(input.proof, 'authentication');
    const holder = idOf(input.holder);
    if (holder !== undefined && holder !== signer) fail('ERR_SIGNATURE_INVALID', 'the presentation names another holder than the key that signed it');
    if (proofExpired(input.proof, options.now ?? new Date())) fail('ERR_SIGNATURE_INVALID', 'the holder proof has expired (proof.expires has passed)');
  } catch (error) {
    return result(failed('holder', error));
  }
  const proof = await verifyPresentationProof({ presentation: input, challenge: options.challenge, ...(options.domain ? { domain: options.domain } : {}) });
  if (!proof.verified) return result({ id: 'holder', ok: false, code: proof.error.code, message: proof.error.message });
  return result({ id: 'holder', ok: true, message: `authenticated as ${signer} (challenge and domain match)` }, signer);
}
