/**
 * Builds the unsigned Open Badges 3.0 credential for a registry qualification. Pure: the issuer
 * supplies ids, dates and the status entry, so the same input always yields the same document.
 */
import { CREDENTIAL_CONTEXTS } from './contexts/index.js';
import type { AssessmentRoute, QualificationRecord, SkillCredential, StatusListEntry } from './types.js';
import { assertSkillCredential } from './validate.js';

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
}

/** The English title, or the first one the record has. */
export function primaryText(text: Record<string, string>, language = 'en'): string {
  return text[language] ?? Object.values(text)[0] ?? '';
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

export function buildSkillCredential(input: CredentialInput): SkillCredential {
  const { qualification: q } = input;
  const { title, levelName, description, narrative } = qualificationStrings(q);
  const credential: SkillCredential = {
    '@context': [...CREDENTIAL_CONTEXTS],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: input.issuer.did, type: ['Profile'], name: input.issuer.name },
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    name: title,
    credentialSubject: {
      ...(input.subject.walletDid ? { id: input.subject.walletDid } : {}),
      type: ['AchievementSubject'],
      name: input.subject.name,
      birthDate: input.subject.birthDate,
      activityEndDate: input.assessedAt,
      assessmentRoute: input.route,
      achievement: {
        id: q.id,
        type: ['Achievement'],
        name: title,
        description,
        criteria: { narrative },
        achievementType: q.achievementType,
        alignment: [
          { type: ['Alignment'], targetCode: q.isco08, targetFramework: 'ISCO-08', targetName: title },
          { type: ['Alignment'], targetCode: q.level.level, targetFramework: q.level.framework, targetName: levelName },
        ],
      },
    },
    credentialStatus: input.status,
  };
  assertSkillCredential(credential);
  return credential;
}
