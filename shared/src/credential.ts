/**
 * Builds the unsigned Open Badges 3.0 credential for a registry qualification. Pure: the issuer
 * supplies ids, dates and the status entry, so the same input always yields the same document.
 */
import { hash } from 'node:crypto';
import { CREDENTIAL_CONTEXTS } from './contexts/index.js';
import { CorridorError } from './errors.js';
import type { AssessmentRoute, Evidence, LegacySkillCredential, QualificationRecord, SkillCredential, StatusListEntry } from './types.js';
import { assertSkillCredential } from './validate.js';
import { checkWorkerData, isCalendarDateTime } from './worker-data.js';

export interface CredentialInput {
  /** `urn:uuid:…` of the credential. */
  id: string;
  issuer: { did: string; name: string };
  qualification: QualificationRecord;
  subject: { name: string; birthDate: string; walletDid?: string };
  /** When the worker was assessed competent (ISO date-time). */
  assessedAt: string;
  route: AssessmentRoute;
  validFrom: string;
  validUntil?: string;
  /** The entry's `id` defaults to statusEntryId(id). */
  status: Omit<StatusListEntry, 'id'> & { id?: string };
  /** What a client may add or choose (issue-request.ts checks them): by default an OpenBadgeCredential named after the qualification. */
  type?: 'OpenBadgeCredential' | 'AchievementCredential';
  /** The credential's name: one of the qualification's registered titles (verifiers hold it to them). */
  name?: string;
  /** The achievement's name: likewise one of its titles. */
  achievementName?: string;
  description?: string;
  evidence?: Evidence[];
}

/** The title in `language`, else the English one, else the first one the record has (never an arbitrary language before English). */
export function primaryText(text: Record<string, string>, language = 'en'): string {
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

/**
 * The achievement's criteria, worded for the number of units: "the one unit", "both units", "all
 * 8 units" (never "all 2 units"); a qualification with no units listed, simply "Assessed competent.".
 */
export function unitsNarrative(units: number): string {
  if (units === 0) return 'Assessed competent.';
  if (units === 1) return 'Assessed competent in the one unit of competency.';
  if (units === 2) return 'Assessed competent in both units of competency.';
  return `Assessed competent in all ${units} units of competency.`;
}

/**
 * The criteria as credentials were worded until 2026-12 ("all 2 units"; the same as unitsNarrative
 * from 3 units up). Credentials signed with it stay valid as they are, and the QR catalogue keeps
 * listing it where it always stood: its codes are numbered in log order, so putting the new
 * wording there instead would renumber every later code and break every QR code printed since.
 */
export function legacyUnitsNarrative(units: number): string {
  return `Assessed competent in all ${units} units of competency.`;
}

/** The strings a credential takes from its qualification record; the QR catalogue lists them (the narrative in its legacy wording). */
export function qualificationStrings(q: QualificationRecord) {
  const title = primaryText(q.title);
  const levelName = `${q.level.framework} level ${q.level.level}`;
  return {
    title, levelName,
    description: `${title}, ${levelName}, ${q.country}`,
    narrative: unitsNarrative(q.units.length),
  };
}

/**
 * The status entry's id (the OB 3.0 JSON Schema requires one): a UUID (RFC 9562 version 8) from
 * the credential's id, so the same credential always gets the same one, and it takes 16 bytes of
 * the QR code where the list's URL and index would take 40.
 */
export function statusEntryId(credentialId: string): string {
  const digest = hash('sha256', `corridor status entry ${credentialId}`, 'hex');
  // Version 8 in the 13th hex digit, the RFC 9562 variant (10xx) in the 17th.
  const variant = ((parseInt(digest[16]!, 16) & 0x3) | 0x8).toString(16);
  const hex = `${digest.slice(0, 12)}8${digest.slice(13, 16)}${variant}${digest.slice(17, 32)}`;
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ESCO publishes every ISCO-08 group at a stable URI: the alignment's `targetUrl`. */
export function iscoUrl(isco08: string): string {
  return `http://data.europa.eu/esco/isco/C${isco08}`;
}

/** The achievement a credential for `q` carries: all of it from the registry, the name one of its titles. */
export function qualificationAchievement(q: QualificationRecord, name?: string): SkillCredential['credentialSubject']['achievement'] {
  const { title, description, narrative } = qualificationStrings(q);
  return {
    id: q.id,
    type: ['Achievement'],
    name: name ?? title,
    description,
    criteria: { narrative },
    achievementType: q.achievementType,
    // The occupation, at ESCO's URI for it. The framework level is in the description (and the
    // registry): its own alignment would cost the QR code more than version 15 holds.
    alignment: [{ type: ['Alignment'], targetCode: q.isco08, targetFramework: 'ISCO-08', targetName: title, targetUrl: iscoUrl(q.isco08) }],
  };
}

/**
 * The holder's facts as a credential carries them: the birth date in an IdentityObject and the
 * route as the value of its one Result, or (the shape issued before) as Corridor's own terms.
 */
export function subjectFacts(credential: SkillCredential | LegacySkillCredential): { name: string; birthDate: string; assessmentRoute: AssessmentRoute } {
  const subject = credential.credentialSubject;
  if ('identifier' in subject) return { name: subject.name, birthDate: subject.identifier[0].identityHash, assessmentRoute: subject.result[0].value };
  return { name: subject.name, birthDate: subject.birthDate, assessmentRoute: subject.assessmentRoute };
}

/**
 * The unsigned credential, or a refusal: the worker's data is checked again here (whatever path
 * it came by) against the signing time, and a name the registry does not give is never signed.
 */
export function buildSkillCredential(input: CredentialInput): SkillCredential {
  const { qualification: q } = input;
  const { title } = qualificationStrings(q);
  const worker = checkWorkerData({ ...input.subject, assessedAt: input.assessedAt }, { now: new Date(input.validFrom) });
  if (worker.name !== input.subject.name || worker.assessedAt !== input.assessedAt) {
    throw new CorridorError('ERR_PROPERTY_REFUSED', 'the worker\'s name must be trimmed NFC text and the assessment a date-time');
  }
  if (input.validUntil !== undefined && (!isCalendarDateTime(input.validUntil) || Date.parse(input.validUntil) <= Date.parse(input.validFrom))) {
    throw new CorridorError('ERR_PROPERTY_REFUSED', 'validUntil must be a calendar date-time after the credential is issued');
  }
  const titles = Object.values(q.title);
  for (const name of [input.name, input.achievementName]) {
    if (name !== undefined && !titles.includes(name)) throw new CorridorError('ERR_NAME_MISMATCH', 'a credential or achievement name must be one of the qualification\'s registered titles');
  }
  const credential: SkillCredential = {
    '@context': [...CREDENTIAL_CONTEXTS],
    id: input.id,
    type: ['VerifiableCredential', input.type ?? 'OpenBadgeCredential'],
    issuer: { id: input.issuer.did, type: ['Profile'], name: input.issuer.name },
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    name: input.name ?? title,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
    credentialSubject: {
      ...(input.subject.walletDid ? { id: input.subject.walletDid } : {}),
      type: ['AchievementSubject'],
      name: input.subject.name,
      identifier: [{ type: 'IdentityObject', hashed: false, identityHash: input.subject.birthDate, identityType: 'ext:birthDate' }],
      activityEndDate: input.assessedAt,
      result: [{ type: ['Result'], value: input.route }],
      achievement: qualificationAchievement(q, input.achievementName),
    },
    credentialStatus: {
      id: input.status.id ?? statusEntryId(input.id),
      type: input.status.type, statusPurpose: input.status.statusPurpose,
      statusListIndex: input.status.statusListIndex, statusListCredential: input.status.statusListCredential,
    },
  };
  assertSkillCredential(credential);
  return credential;
}
