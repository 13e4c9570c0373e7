/**
 * The data Corridor moves around: the skill credential, registry records and the trust pack.
 * Registry records are JSON payloads signed as JWS (see records.ts); the trust pack carries them.
 */

/** ISO 3166-1 alpha-2 country code, e.g. 'PH', 'JP'. */
export type CountryCode = string;
/** BCP 47 language tag → text, e.g. { en: 'Care worker', ja: '介護職員' }. */
export type LocalizedText = Record<string, string>;

export type AssessmentRoute = 'training' | 'recognition-of-prior-learning';

export interface Alignment {
  type: ['Alignment'];
  targetCode: string;
  targetFramework: string;
  targetName: string;
  /** Required by the OB 3.0 JSON Schema: the target's official page or URI (ESCO's for ISCO-08). */
  targetUrl: string;
}

/** Open Badges 3.0 evidence of the achievement: at least one of its other fields is given. */
export interface Evidence {
  id?: string;
  type: ['Evidence'];
  name?: string;
  description?: string;
  narrative?: string;
  genre?: string;
  audience?: string;
}

/**
 * The holder's birth date as an OB 3.0 IdentityObject: plain text (`hashed: false`), under the
 * extension identity type the OB 3.0 IdentifierTypeEnum allows (`ext:` + name). See
 * docs/design-notes.md: no context beyond VC 2.0 and OB 3.0 is needed.
 */
export interface BirthDateIdentity {
  type: 'IdentityObject';
  hashed: false;
  identityHash: string;
  identityType: 'ext:birthDate';
}

/**
 * How the worker was assessed: the one OB 3.0 Result of the award, its value the route. (A
 * ResultDescription to name it would not fit a version-15 QR code: docs/design-notes.md.)
 */
export interface AssessmentRouteResult {
  type: ['Result'];
  value: AssessmentRoute;
}

/**
 * An Open Badges 3.0 credential as Corridor issues it (VCDM 2.0, the VC 2.0 and OB 3.0 contexts
 * only). `AchievementCredential` is the OB 3.0 alias of `OpenBadgeCredential` (the same IRI):
 * signed as the client named it.
 */
export interface SkillCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential' | 'AchievementCredential'];
  issuer: { id: string; type: ['Profile']; name: string };
  validFrom: string;
  validUntil?: string;
  name: string;
  description?: string;
  evidence?: Evidence[];
  credentialSubject: {
    id?: string;
    type: ['AchievementSubject'];
    name: string;
    identifier: [BirthDateIdentity];
    activityEndDate: string;
    result: [AssessmentRouteResult];
    achievement: {
      id: string;
      type: ['Achievement'];
      name: string;
      description: string;
      criteria: { narrative: string };
      achievementType: 'Certificate' | 'Certification' | 'License';
      alignment: Alignment[];
    };
  };
  credentialStatus: StatusListEntry;
  proof?: Record<string, unknown>;
}

/** The shape issued before Corridor dropped its own context: verified for a transition, never issued. */
export interface LegacySkillCredential extends Omit<SkillCredential, 'credentialSubject' | 'credentialStatus'> {
  credentialSubject: {
    id?: string;
    type: ['AchievementSubject'];
    name: string;
    birthDate: string;
    activityEndDate: string;
    assessmentRoute: AssessmentRoute;
    achievement: Omit<SkillCredential['credentialSubject']['achievement'], 'alignment'> & {
      alignment: (Omit<Alignment, 'targetUrl'> & { targetUrl?: string })[];
    };
  };
  credentialStatus: Omit<StatusListEntry, 'id'> & { id?: string };
}

/** What a verifier accepts: the shape issued now or the one issued before. */
export type VerifiableSkillCredential = SkillCredential | LegacySkillCredential;

export interface StatusListEntry {
  /** Required by the OB 3.0 JSON Schema: Corridor derives a urn:uuid from the credential's id (statusEntryId). */
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation' | 'suspension';
  statusListIndex: string;
  statusListCredential: string;
}

export interface StatusListCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  /** Until when the issuer vouches for this list: a verifier holding it past this knows nothing. */
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation' | 'suspension';
    encodedList: string;
  };
  proof?: Record<string, unknown>;
}

// ---- registry records (JWS payloads) ----

export type RecordKind = 'authority' | 'partnership' | 'qualification' | 'accreditation' | 'mapping' | 'mapping-table';

interface RecordBase {
  kind: RecordKind;
  /** Stable id of the record across versions, a URI (urn:corridor:…). */
  id: string;
  /** 1 for the first version; an amendment or withdrawal is a new version, never an edit. */
  version: number;
  /** When the signers made this version (ISO 8601). */
  issuedAt: string;
}

/** An authority describes itself; self-signed. Trust in it comes from a root or a partnership. */
export interface AuthorityRecord extends RecordBase {
  kind: 'authority';
  /** The authority's did:key. */
  did: string;
  country: CountryCode;
  name: LocalizedText;
  /** A withdrawn key signs nothing more, and what it signed is no longer trusted (absent = active). */
  status?: 'active' | 'withdrawn';
  /** Only on a withdrawal: the key is (or may be) in other hands. Withdrawal already voids what it signed. */
  keyCompromised?: true;
}

/** An SMP / bilateral agreement; signed by both authorities. */
export interface PartnershipRecord extends RecordBase {
  kind: 'partnership';
  name: LocalizedText;
  /** The two authorities' did:keys. */
  authorities: [string, string];
  countries: [CountryCode, CountryCode];
  validFrom: string;
  validUntil?: string;
  status: 'active' | 'withdrawn';
}

export interface QualificationRecord extends RecordBase {
  kind: 'qualification';
  authority: string;
  country: CountryCode;
  title: LocalizedText;
  /** National framework level, e.g. { framework: 'PQF', level: '2', referencedTo: { framework: 'AQRF', level: '2' } }. */
  level: { framework: string; level: string; referencedTo?: { framework: string; level: string } };
  /** ISCO-08 unit group code (4 digits). */
  isco08: string;
  esco?: string;
  units: { code: string; title: LocalizedText }[];
  achievementType: 'Certificate' | 'Certification' | 'License';
  status: 'active' | 'withdrawn';
}

export interface AccreditationRecord extends RecordBase {
  kind: 'accreditation';
  /** The origin authority that accredits (must be of trainingBody.country). */
  authority: string;
  /**
   * The training body as the authority registers it: its key, its name (what verifiers show), and
   * the https base URL its status lists are published under (a list URL outside it is not its own).
   */
  trainingBody: { did: string; name: string; country: CountryCode; baseUrl: string };
  qualifications: string[];
  validFrom: string;
  validUntil?: string;
  status: 'active' | 'suspended' | 'withdrawn';
  /**
   * Only on a withdrawal: the training body's key is in other hands. Nothing it signed verifies
   * any more, whatever date it bears (a plain withdrawal leaves earlier awards standing).
   */
  keyCompromised?: true;
}

export type ConditionType = 'language' | 'bridging-training' | 'supervised-practice' | 'licensing-exam';

export interface MappingCondition {
  id: string;
  type: ConditionType;
  description: LocalizedText;
  /** For language: BCP 47 language and the minimum level (e.g. 'ja', 'JLPT N4'). */
  language?: string;
  minimumLevel?: string;
  hours?: number;
  /** Qualification ids whose credential satisfies this condition when presented. */
  satisfiedBy?: string[];
}

/** Equivalence mapping; in force only when signed by both partner authorities. */
export interface MappingRecord extends RecordBase {
  kind: 'mapping';
  partnership: string;
  origin: { country: CountryCode; qualification: string; awardedFrom?: string; awardedUntil?: string };
  destination: {
    country: CountryCode;
    qualification?: string;
    occupation?: { isco08: string; title: LocalizedText };
  };
  outcome: 'full' | 'partial' | 'none';
  conditions: MappingCondition[];
  purpose: 'employment' | 'further-study';
  validFrom: string;
  validUntil?: string;
  status: 'active' | 'withdrawn';
}

/** One row of a mapping table: a mapping without what the table states once for all rows. */
export interface MappingTableRow {
  origin: { qualification: string; awardedFrom?: string; awardedUntil?: string };
  destination: { qualification?: string; occupation?: { isco08: string; title: LocalizedText } };
  outcome: 'full' | 'partial' | 'none';
  /** Ids of the table's conditions that apply to this row. */
  conditions: string[];
  purpose: 'employment' | 'further-study';
}

/**
 * Many mappings of one partnership agreed at once: signed by both authorities as one record,
 * so a corridor with 100,000 mappings carries 100 signatures pairs, not 100,000. Each row is in
 * force exactly as a mapping record with the table's partnership, countries, dates and status.
 */
export interface MappingTableRecord extends RecordBase {
  kind: 'mapping-table';
  partnership: string;
  origin: { country: CountryCode };
  destination: { country: CountryCode };
  conditions: MappingCondition[];
  rows: MappingTableRow[];
  validFrom: string;
  validUntil?: string;
  status: 'active' | 'withdrawn';
}

export type RegistryRecord =
  | AuthorityRecord
  | PartnershipRecord
  | QualificationRecord
  | AccreditationRecord
  | MappingRecord
  | MappingTableRecord;

/** JWS JSON General Serialization (RFC 7515 §7.2.1), one signature per signing authority. */
export interface GeneralJws {
  payload: string;
  signatures: { protected: string; signature: string }[];
}

// ---- trust pack ----

export interface TrustPackContent {
  format: 'corridor-trust-pack/1';
  /** The destination country this pack serves. */
  country: CountryCode;
  /** The registry log head's sequence when the pack was made (newer than any record in it); never decreases. */
  sequence: number;
  /** The chain hash (entryHash, hex sha256) of the log entry at `sequence`: see log-chain.ts verifyLogExtension. */
  logHead: string;
  issuedAt: string;
  /** Every record as signed by its authorities (all versions the verifier needs). */
  records: GeneralJws[];
  /** Issuers' signed BitstringStatusListCredentials, keyed by their URL (`id`). */
  statusLists: StatusListCredential[];
  /** The registry's append-only QR compression catalogue (see qr/catalogue.ts). */
  qrCatalogue?: QrCatalogue;
}

/** Strings a QR code may replace by small integers; code = position + offset, never reused. */
export interface QrCatalogue {
  none: string[];
  url: string[];
}

/** What changed after `since`: newer versions of records and newer status lists; apply over a pack at `since`. */
export interface TrustPackDelta extends Omit<TrustPackContent, 'format'> {
  format: 'corridor-trust-pack-delta/1';
  since: number;
}

/** The file a verifier syncs: the content signed by the registry operator (JWS, one signature). */
export type SignedTrustPack = GeneralJws;
