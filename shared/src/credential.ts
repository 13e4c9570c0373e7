/**
 * Builds the unsigned Open Badges 3.0 credential for a registry qualification. Pure: the issuer
 * supplies ids, dates and the status entry, so the same input always yields the same document.
 */
import { CREDENTIAL_CONTEXTS } from './contexts/index.js';
import { CorridorError } from './errors.js';
import type { AssessmentRoute, Evidence, QualificationRecord, SkillCredential, StatusListEntry } from './types.js';
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
  status: StatusListEntry;
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

/** The strings a credential takes from its qualification record; the QR catalogue lists the same. */
export function qualificationStrings(q: QualificationRecord) {
  const title = primaryText(q.title);
  const levelName = `${q.level.framework} level ${q.level.level}`;
  return {
    title, levelName,
    description: `${title}, ${levelName}, ${q.country}`,
    narrative: `Assessed competent in all ${q.units.length} units of competency.`,
  };
}

/** The achievement a credential for `q` carries: all of it from the registry, the name one of its titles. */
export function qualificationAchievement(q: QualificationRecord, name?: string): SkillCredential['credentialSubject']['achievement'] {
  const { title, levelName, description, narrative } = qualificationStrings(q);
  return {
    id: q.id,
    type: ['Achievement'],
    name: name ?? title,
    description,
    criteria: { narrative },
    achievementType: q.achievementType,
    alignment: [
      { type: ['Alignment'], targetCode: q.isco08, targetFramework: 'ISCO-08', targetName: title },
      { type: ['Alignment'], targetCode: q.level.level, targetFramework: q.level.framework, targetName: levelName },
    ],
  };
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
      birthDate: input.subject.birthDate,
      activityEndDate: input.assessedAt,
      assessmentRoute: input.route,
      achievement: qualificationAchievement(q, input.achievementName),
    },
    credentialStatus: input.status,
  };
  assertSkillCredential(credential);
  return credential;
}
