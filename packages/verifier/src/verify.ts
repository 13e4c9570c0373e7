/**
 * The verification pipeline (DESIGN.md §5) as a pure function over a checked trust pack:
 * shape → proof (offline) → issuer accredited for this qualification when it issued → validity
 * dates → status from the synced list (with its age) → recognition in the destination country.
 * The result is a value, never an exception, and never a false "valid": what cannot be checked
 * makes the verdict indeterminate.
 */
import {
  accreditationAt, assertSkillCredential, CorridorError, ERROR_CODES, getBit, primaryText, verifyCredentialProof,
  type ErrorCode, type MappingRecord, type SkillCredential, type TrustIndex,
} from '@corridor/shared';

export type Verdict = 'valid' | 'invalid' | 'indeterminate';
export type CheckId = 'format' | 'proof' | 'issuer' | 'validity' | 'status' | 'recognition' | 'holder';

export interface Check {
  id: CheckId;
  ok: boolean;
  code?: ErrorCode;
  message: string;
}

export interface CredentialSummary {
  id: string;
  issuer: { id: string; name: string };
  subject: { name: string; birthDate: string };
  qualification: { id: string; name: string; country?: string; level?: string };
  assessmentRoute: string;
  validFrom: string;
  validUntil?: string;
}

export interface Recognition {
  outcome: 'full' | 'partial' | 'none';
  country: string;
  purpose: string;
  mapping?: string;
  destination?: { qualification?: { id: string; title: Record<string, string> }; occupation?: { isco08: string; title: Record<string, string> } };
  conditions: { id: string; type: string; description: Record<string, string>; met: boolean; satisfiedBy?: string[] }[];
}

export interface VerificationResult {
  verdict: Verdict;
  checks: Check[];
  credential?: CredentialSummary;
  recognition?: Recognition;
  trustPack: { sequence: number; issuedAt: string; ageSeconds: number };
}

export interface VerifyOptions {
  trust: TrustIndex;
  /** The destination country whose recognition the officer needs (ISO 3166-1 alpha-2). */
  country: string;
  purpose?: 'employment' | 'further-study';
  now?: Date;
  /** Oldest acceptable trust pack (and so status information), in seconds. Default 7 days. */
  maxStatusAgeSeconds?: number;
}

export const DEFAULT_MAX_STATUS_AGE_SECONDS = 7 * 24 * 3600;

/** Codes that mean "could not be checked" rather than "checked and failed". */
const INDETERMINATE: ReadonlySet<ErrorCode> = new Set(['ERR_STATUS_UNAVAILABLE', 'ERR_STATUS_STALE', 'ERR_RECOGNITION_NONE']);

const pass = (id: CheckId, message: string): Check => ({ id, ok: true, message });
const failWith = (id: CheckId, code: ErrorCode, message: string = ERROR_CODES[code]): Check => ({ id, ok: false, code, message });

function verdictOf(checks: Check[]): Verdict {
  if (checks.some((c) => !c.ok && (!c.code || !INDETERMINATE.has(c.code)))) return 'invalid';
  if (checks.some((c) => !c.ok)) return 'indeterminate';
  return 'valid';
}

function summarize(credential: SkillCredential, trust: TrustIndex): CredentialSummary {
  const subject = credential.credentialSubject;
  const qualification = trust.qualifications.get(subject.achievement.id);
  return {
    id: credential.id,
    issuer: { id: credential.issuer.id, name: credential.issuer.name },
    subject: { name: subject.name, birthDate: subject.birthDate },
    qualification: {
      id: subject.achievement.id, name: subject.achievement.name,
      ...(qualification ? { country: qualification.country, level: `${qualification.level.framework} ${qualification.level.level}` } : {}),
    },
    assessmentRoute: subject.assessmentRoute,
    validFrom: credential.validFrom,
    ...(credential.validUntil ? { validUntil: credential.validUntil } : {}),
  };
}

export async function verifySkillCredential(input: unknown, options: VerifyOptions): Promise<VerificationResult> {
  const { trust, country, purpose = 'employment', now = new Date(), maxStatusAgeSeconds = DEFAULT_MAX_STATUS_AGE_SECONDS } = options;
  const ageSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(trust.issuedAt)) / 1000));
  const trustPack = { sequence: trust.sequence, issuedAt: trust.issuedAt, ageSeconds };
  const checks: Check[] = [];
  const done = (extra: Partial<VerificationResult> = {}): VerificationResult => ({ verdict: verdictOf(checks), checks, trustPack, ...extra });

  try {
    assertSkillCredential(input);
  } catch (error) {
    checks.push(failWith('format', (error as CorridorError).code ?? 'ERR_CREDENTIAL_MALFORMED', (error as Error).message));
    return done();
  }
  const credential = input;
  if (!credential.proof) {
    checks.push(failWith('format', 'ERR_PROOF_MISSING'));
    return done();
  }
  checks.push(pass('format', 'Corridor skill credential (Open Badges 3.0)'));

  // Dates are checked below with their own codes; the proof is checked as of the issue date.
  const proof = await verifyCredentialProof({ credential, now: new Date(credential.validFrom) });
  if (!proof.verified) {
    checks.push(failWith('proof', proof.error.code));
    return done();
  }
  checks.push(pass('proof', 'signature valid (eddsa-rdfc-2022)'));
  const summary = summarize(credential, trust);

  const qualificationId = credential.credentialSubject.achievement.id;
  const qualification = trust.qualifications.get(qualificationId);
  const accreditation = accreditationAt(trust, credential.issuer.id, qualificationId, new Date(credential.validFrom));
  if (!qualification) checks.push(failWith('issuer', 'ERR_QUALIFICATION_UNKNOWN'));
  else if (!accreditation.ok) checks.push(failWith('issuer', accreditation.code));
  else checks.push(pass('issuer', `accredited for ${primaryText(qualification.title)} on the issue date by ${primaryText(trust.authorities.get(accreditation.accreditation.authority)?.name ?? {}) || 'its authority'}`));

  if (Date.parse(credential.validFrom) > now.getTime()) checks.push(failWith('validity', 'ERR_CREDENTIAL_NOT_YET_VALID'));
  else if (credential.validUntil && Date.parse(credential.validUntil) < now.getTime()) checks.push(failWith('validity', 'ERR_CREDENTIAL_EXPIRED'));
  else checks.push(pass('validity', credential.validUntil ? `valid until ${credential.validUntil.slice(0, 10)}` : 'no expiry'));

  checks.push(statusCheck(credential, trust, { now, ageSeconds, maxAge: maxStatusAgeSeconds }));

  const recognition = recognize(credential, trust, { country, purpose, now });
  if (!recognition) checks.push(failWith('recognition', 'ERR_RECOGNITION_NONE'));
  else checks.push(pass('recognition', recognition.outcome === 'none' ? `not recognised in ${country}` : `${recognition.outcome} recognition in ${country}`));

  return done({ credential: summary, ...(recognition ? { recognition } : {}) });
}

/** Clocks differ a little; a list dated further ahead than this is not taken as current. */
const MAX_CLOCK_SKEW_MS = 300_000;

/**
 * Revoked or not, from the synced list. A clear bit only means "not revoked as of that list", so it
 * counts only while the issuer's own signed validUntil holds (the pack's date is the operator's
 * word, not the issuer's: a fresh pack may carry an old list) and the pack itself is not too old.
 */
function statusCheck(credential: SkillCredential, trust: TrustIndex, options: { now: Date; ageSeconds: number; maxAge: number }): Check {
  const { now, ageSeconds, maxAge } = options;
  const entry = credential.credentialStatus;
  const list = trust.statusLists.get(entry.statusListCredential);
  if (!list || list.issuer !== credential.issuer.id || list.purpose !== entry.statusPurpose) {
    return failWith('status', 'ERR_STATUS_UNAVAILABLE');
  }
  const index = Number(entry.statusListIndex);
  if (index >= list.bits.length * 8) return failWith('status', 'ERR_CREDENTIAL_MALFORMED', 'status index outside the list');
  if (getBit(list.bits, index)) return failWith('status', entry.statusPurpose === 'revocation' ? 'ERR_CREDENTIAL_REVOKED' : 'ERR_CREDENTIAL_SUSPENDED');
  if (ageSeconds > maxAge) return failWith('status', 'ERR_STATUS_STALE', `${ERROR_CODES.ERR_STATUS_STALE} (trust pack is ${Math.floor(ageSeconds / 86400)} days old)`);
  const t = now.getTime();
  if (!list.validUntil) return failWith('status', 'ERR_STATUS_STALE', `${ERROR_CODES.ERR_STATUS_STALE} (the status list has no validUntil)`);
  if (Date.parse(list.validUntil) < t) return failWith('status', 'ERR_STATUS_STALE', `${ERROR_CODES.ERR_STATUS_STALE} (the status list expired ${list.validUntil.slice(0, 10)})`);
  if (Date.parse(list.validFrom) - t > MAX_CLOCK_SKEW_MS) return failWith('status', 'ERR_STATUS_STALE', `${ERROR_CODES.ERR_STATUS_STALE} (the status list is dated in the future)`);
  return pass('status', `not revoked (status list of ${list.validFrom.slice(0, 10)}, valid until ${list.validUntil.slice(0, 10)})`);
}

const RANK = { full: 3, partial: 2, none: 1 } as const;

interface Candidate { mapping: MappingRecord; from: number; until: number; awardedFrom: number; awardedUntil: number }

/**
 * In-force mappings by (origin qualification, country, purpose), with their dates as numbers:
 * built once per trust index and key, so a lookup only compares numbers.
 */
const candidateIndex = new WeakMap<TrustIndex, Map<string, Candidate[]>>();
function candidatesFor(trust: TrustIndex, qualificationId: string, country: string, purpose: string): Candidate[] {
  let index = candidateIndex.get(trust);
  if (!index) candidateIndex.set(trust, index = new Map());
  const key = `${qualificationId}\u0000${country}\u0000${purpose}`;
  let candidates = index.get(key);
  if (!candidates) {
    const time = (value: string | undefined, otherwise: number) => (value ? Date.parse(value) : otherwise);
    candidates = (trust.mappings.get(qualificationId) ?? []).filter((m) => m.destination.country === country && m.purpose === purpose).map((m) => ({
      mapping: m, from: Date.parse(m.validFrom), until: time(m.validUntil, Infinity),
      awardedFrom: time(m.origin.awardedFrom, -Infinity), awardedUntil: time(m.origin.awardedUntil, Infinity),
    }));
    index.set(key, candidates);
  }
  return candidates;
}

/** What the credential is recognised as in `country` for `purpose`, from the in-force mappings (exported for the benchmark). */
export function recognize(credential: SkillCredential, trust: TrustIndex, options: { country: string; purpose: string; now: Date }): Recognition | undefined {
  const qualificationId = credential.credentialSubject.achievement.id;
  const qualification = trust.qualifications.get(qualificationId);
  const { country, purpose, now } = options;
  if (qualification?.country === country) {
    return { outcome: 'full', country, purpose, destination: { qualification: { id: qualification.id, title: qualification.title } }, conditions: [] };
  }
  const awarded = Date.parse(credential.validFrom);
  const t = now.getTime();
  let best: MappingRecord | undefined;
  for (const c of candidatesFor(trust, qualificationId, country, purpose)) {
    if (!(c.from <= t && t <= c.until && c.awardedFrom <= awarded && awarded <= c.awardedUntil)) continue;
    if (!best || RANK[c.mapping.outcome] > RANK[best.outcome]) best = c.mapping;
  }
  if (!best) return undefined;
  const destinationQualification = best.destination.qualification ? trust.qualifications.get(best.destination.qualification) : undefined;
  return {
    outcome: best.outcome, country, purpose, mapping: best.id,
    destination: {
      ...(destinationQualification ? { qualification: { id: destinationQualification.id, title: destinationQualification.title } } : {}),
      ...(best.destination.occupation ? { occupation: best.destination.occupation } : {}),
    },
    conditions: best.conditions.map((c) => ({ id: c.id, type: c.type, description: c.description, met: false, ...(c.satisfiedBy ? { satisfiedBy: c.satisfiedBy } : {}) })),
  };
}
