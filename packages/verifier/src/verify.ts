/**
 * The verification pipeline (DESIGN.md §5) as a pure function over a checked trust pack:
 * shape → proof (offline) → issuer accredited for this qualification when it issued → validity
 * dates → status from the synced list (with its age) → recognition in the destination country.
 * The result is a value, never an exception, and never a false "valid": what cannot be checked
 * makes the verdict indeterminate.
 */
import {
  accreditationAt, assertVerifiableSkillCredential, CorridorError, ERROR_CODES, getBit, primaryText, subjectFacts, verifyCredentialProof,
  type ErrorCode, type MappingRecord, type VerifiableSkillCredential, type TrustIndex,
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
  /** The name the registry holds for the training body (`registered`), else the credential's own claim. */
  issuer: { id: string; name: string; registered: boolean };
  subject: { name: string; birthDate: string };
  /** The registry's title of the qualification (`registered`), else the credential's own claim. */
  qualification: { id: string; name: string; registered: boolean; country?: string; level?: string; withdrawnAt?: string;
    /** The registry's title in every language it has, so the officer reads it in theirs (`name` is the English or first). */
    title?: Record<string, string> };
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

/**
 * Codes that mean "could not be checked" rather than "checked and failed": among them what a
 * newer trust list would settle (a qualification, or QR catalogue codes, added after the last
 * sync), which must not look like a forgery to the officer.
 */
export const INDETERMINATE: ReadonlySet<ErrorCode> = new Set([
  'ERR_STATUS_UNAVAILABLE', 'ERR_STATUS_STALE', 'ERR_RECOGNITION_NONE', 'ERR_QUALIFICATION_UNKNOWN', 'ERR_TRUST_PACK_OUTDATED',
]);

const pass = (id: CheckId, message: string): Check => ({ id, ok: true, message });
const failWith = (id: CheckId, code: ErrorCode, message: string = ERROR_CODES[code]): Check => ({ id, ok: false, code, message });

function verdictOf(checks: Check[]): Verdict {
  if (checks.some((c) => !c.ok && (!c.code || !INDETERMINATE.has(c.code)))) return 'invalid';
  if (checks.some((c) => !c.ok)) return 'indeterminate';
  return 'valid';
}

/**
 * The verdict on a QR code that uses catalogue codes the pack held does not have yet: printed
 * after the last sync. Nothing is known about it, so it is neither valid nor invalid: sync.
 */
export function outdatedTrustResult(trust: TrustIndex, now: Date = new Date()): VerificationResult {
  const ageSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(trust.issuedAt)) / 1000));
  const checks = [failWith('format', 'ERR_TRUST_PACK_OUTDATED')];
  return { verdict: verdictOf(checks), checks, trustPack: { sequence: trust.sequence, issuedAt: trust.issuedAt, ageSeconds } };
}

/** When a qualification's withdrawal took effect (the first version of its final withdrawn run), if it is withdrawn. */
export function qualificationWithdrawnAt(trust: TrustIndex, qualificationId: string): string | undefined {
  const history = trust.qualificationHistory.get(qualificationId) ?? [];
  let at: string | undefined;
  for (const version of history) at = version.status === 'withdrawn' ? (at ?? version.issuedAt) : undefined;
  return at;
}

/**
 * What the officer reads: the names the registry holds (the qualification's title, the training
 * body's registered name), never the ones the credential asserts about itself, unless the
 * registry has none (then `registered` is false and the verdict is not valid anyway).
 */
function summarize(credential: VerifiableSkillCredential, trust: TrustIndex): CredentialSummary {
  const subject = credential.credentialSubject;
  const facts = subjectFacts(credential);
  const qualification = trust.qualifications.get(subject.achievement.id);
  const accreditation = trust.accreditations.get(credential.issuer.id)?.find((a) => a.qualifications.includes(subject.achievement.id)) ??
    trust.accreditations.get(credential.issuer.id)?.[0];
  const withdrawnAt = qualification ? qualificationWithdrawnAt(trust, qualification.id) : undefined;
  return {
    id: credential.id,
    issuer: accreditation ? { id: credential.issuer.id, name: accreditation.trainingBody.name, registered: true }
      : { id: credential.issuer.id, name: credential.issuer.name, registered: false },
    subject: { name: facts.name, birthDate: facts.birthDate },
    qualification: {
      id: subject.achievement.id, name: qualification ? primaryText(qualification.title) : subject.achievement.name, registered: !!qualification,
      ...(qualification ? { country: qualification.country, level: `${qualification.level.framework} ${qualification.level.level}`, title: qualification.title } : {}),
      ...(withdrawnAt ? { withdrawnAt } : {}),
    },
    assessmentRoute: facts.assessmentRoute,
    validFrom: credential.validFrom,
    ...(credential.validUntil ? { validUntil: credential.validUntil } : {}),
  };
}

/** The credential's own names must be the registry's: a title the qualification had, the training body's registered name. */
function namesCheck(credential: VerifiableSkillCredential, trust: TrustIndex): Check | undefined {
  const titles = new Set((trust.qualificationHistory.get(credential.credentialSubject.achievement.id) ?? []).flatMap((q) => Object.values(q.title)));
  const names = trust.trainingBodyNames.get(credential.issuer.id);
  if (!titles.size || !names) return undefined;
  const ok = titles.has(credential.credentialSubject.achievement.name) && titles.has(credential.name) && names.includes(credential.issuer.name);
  return ok ? undefined : failWith('issuer', 'ERR_NAME_MISMATCH');
}

export async function verifySkillCredential(input: unknown, options: VerifyOptions): Promise<VerificationResult> {
  const { trust, country, purpose = 'employment', now = new Date(), maxStatusAgeSeconds = DEFAULT_MAX_STATUS_AGE_SECONDS } = options;
  const ageSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(trust.issuedAt)) / 1000));
  const trustPack = { sequence: trust.sequence, issuedAt: trust.issuedAt, ageSeconds };
  const checks: Check[] = [];
  const done = (extra: Partial<VerificationResult> = {}): VerificationResult => ({ verdict: verdictOf(checks), checks, trustPack, ...extra });

  try {
    assertVerifiableSkillCredential(input);
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
  // A key its authority declared compromised proves nothing, whatever date it wrote (a plain
  // withdrawal leaves earlier awards standing, and offline a backdated one looks the same).
  if (trust.compromisedKeys.has(credential.issuer.id)) checks.push(failWith('issuer', 'ERR_KEY_COMPROMISED'));
  // A qualification the pack does not know yet is "sync" only from a training body the pack knows:
  // a stranger's key proves nothing, whatever it claims to award.
  else if (!qualification) checks.push(failWith('issuer', trust.accreditations.get(credential.issuer.id)?.length ? 'ERR_QUALIFICATION_UNKNOWN' : 'ERR_ISSUER_UNKNOWN'));
  else if (!accreditation.ok) checks.push(failWith('issuer', accreditation.code));
  else checks.push(pass('issuer', `accredited for ${primaryText(qualification.title)} on the issue date by ${primaryText(trust.authorities.get(accreditation.accreditation.authority)?.name ?? {}) || 'its authority'}`));
  const withdrawnAt = summary.qualification.withdrawnAt;
  if (withdrawnAt) {
    checks.push(Date.parse(credential.validFrom) >= Date.parse(withdrawnAt)
      ? failWith('issuer', 'ERR_QUALIFICATION_WITHDRAWN', `${ERROR_CODES.ERR_QUALIFICATION_WITHDRAWN} (withdrawn ${withdrawnAt.slice(0, 10)}, issued ${credential.validFrom.slice(0, 10)})`)
      : pass('issuer', `qualification withdrawn on ${withdrawnAt.slice(0, 10)}; awarded before, so it stands`));
  }
  const names = namesCheck(credential, trust);
  if (names) checks.push(names);

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
function statusCheck(credential: VerifiableSkillCredential, trust: TrustIndex, options: { now: Date; ageSeconds: number; maxAge: number }): Check {
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
export function recognize(credential: VerifiableSkillCredential, trust: TrustIndex, options: { country: string; purpose: string; now: Date }): Recognition | undefined {
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
