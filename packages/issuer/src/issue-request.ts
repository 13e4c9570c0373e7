/**
 * What Corridor takes from a VC-API issue request. The issuer never signs less or other than it
 * is asked: every property of the request is either honoured as sent, or the request is refused
 * (422 ERR_PROPERTY_REFUSED, or ERR_NAME_MISMATCH for a name the registry does not give) with a
 * JSON Pointer to the property. A malformed request (wrong JSON types, missing fields) is 400
 * ERR_INPUT_INVALID. Pure: no express, no store.
 */
import {
  canonicalJson, checkWorkerData, CorridorError, CREDENTIAL_CONTEXTS, isCalendarDateTime, isDateTimeForm, isHolderDid, isObject,
  qualificationAchievement, subjectFacts, textProblem,
  type CredentialInput, type Evidence, type QualificationRecord, type SkillCredential,
} from '@corridor/shared';

type Json = Record<string, unknown>;

function invalid(pointer: string, message: string): never {
  throw new CorridorError('ERR_INPUT_INVALID', `${pointer} ${message}`, { pointer });
}

function refused(pointer: string, message: string): never {
  throw new CorridorError('ERR_PROPERTY_REFUSED', `${pointer} ${message}`, { pointer });
}

/** RFC 6901: `~` and `/` in a key are escaped. */
const at = (base: string, key: string | number) => `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** A JSON-LD type: a string or an array of strings, as a list. */
function typeList(value: unknown, pointer: string): string[] {
  const list = asList(value);
  if (list.length === 0 || !list.every((t) => typeof t === 'string')) invalid(pointer, 'must be a string or an array of strings');
  return list as string[];
}

/** Keys of `object` outside `allowed` are refused, by name. */
function onlyKeys(object: Json, allowed: readonly string[], pointer: string, why: string): void {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) refused(at(pointer, key), why);
}

/** Printable text (see worker-data `textProblem`), refused with its pointer otherwise. */
function text(value: unknown, pointer: string, options: { max: number; multiline?: boolean }): string {
  if (typeof value !== 'string') invalid(pointer, 'must be a string');
  const problem = textProblem(value, options);
  if (problem) refused(pointer, problem);
  return value;
}

/**
 * Properties a VCDM 2.0 credential may carry that Corridor does not sign, each with the reason.
 * `credentialSchema`, `refreshService` and `relatedResource` are first held to the VCDM rules
 * (a malformed one is 400, as the W3C test suites expect), then refused.
 */
const REFUSED: Record<string, string> = {
  validFrom: 'is set by the issuer: the credential is valid from the moment it is signed',
  credentialStatus: 'is assigned by the issuer (its own revocation list)',
  credentialSchema: 'is not signed by this issuer: a Corridor credential\'s shape is fixed by its contexts',
  termsOfUse: 'is not signed by this issuer',
  refreshService: 'is not signed by this issuer',
  relatedResource: 'is not signed by this issuer',
  renderMethod: 'is not signed by this issuer',
  confidenceMethod: 'is not signed by this issuer',
  proof: 'must be left out: the issuer signs the credential',
};

function checkVcdmRules(credential: Json): void {
  for (const property of ['credentialSchema', 'refreshService'] as const) {
    if (credential[property] === undefined) continue;
    const entries = asList(credential[property]);
    if (entries.length === 0 || !entries.every((e) => isObject(e) && typeof e.type === 'string' && typeof e.id === 'string')) {
      invalid(`/credential/${property}`, 'entries must be objects with an id and a type');
    }
  }
  if (credential.relatedResource !== undefined) {
    const entries = asList(credential.relatedResource);
    const wellFormed = entries.length > 0 && entries.every((e) => isObject(e) && typeof e.id === 'string' && URL.canParse(e.id) &&
      (typeof e.digestSRI === 'string' || typeof e.digestMultibase === 'string'));
    if (!wellFormed) invalid('/credential/relatedResource', 'entries need an id URL and digestSRI or digestMultibase');
  }
}

const CREDENTIAL_KEYS = ['@context', 'id', 'type', 'issuer', 'validUntil', 'name', 'description', 'evidence', 'credentialSubject'] as const;
// `birthDate` and `assessmentRoute` are shorthands a client may still send for the OB 3.0 forms
// the issuer signs (`identifier`, `result`): see readBirthDate and readRoute.
const SUBJECT_KEYS = ['id', 'type', 'name', 'identifier', 'birthDate', 'activityEndDate', 'result', 'assessmentRoute', 'achievement'] as const;
const ACHIEVEMENT_KEYS = ['id', 'type', 'name', 'description', 'criteria', 'achievementType', 'alignment'] as const;

const SUBJECT = '/credential/credentialSubject';

/**
 * The birth date and where it was written: the OB 3.0 IdentityObject the issuer signs
 * (`identifier`: one, plain text, `ext:birthDate`), or the `birthDate` shorthand; not both.
 */
function readBirthDate(subject: Json): { value: unknown; pointer: string } {
  if (subject.identifier === undefined) return { value: subject.birthDate, pointer: `${SUBJECT}/birthDate` };
  if (subject.birthDate !== undefined) invalid(`${SUBJECT}/birthDate`, 'and identifier both give the birth date: send one');
  const items = subject.identifier;
  if (!Array.isArray(items) || items.length !== 1 || !isObject(items[0])) invalid(`${SUBJECT}/identifier`, 'must be one IdentityObject, the birth date (identityType ext:birthDate)');
  const identity = items[0] as Json;
  onlyKeys(identity, ['type', 'hashed', 'identityHash', 'identityType'], `${SUBJECT}/identifier/0`, 'is not part of the IdentityObject this issuer signs');
  if (identity.type !== 'IdentityObject') invalid(`${SUBJECT}/identifier/0/type`, 'must be IdentityObject');
  if (identity.identityType !== 'ext:birthDate') refused(`${SUBJECT}/identifier/0/identityType`, 'must be ext:birthDate: the only identifier this issuer signs');
  if (identity.hashed !== false) refused(`${SUBJECT}/identifier/0/hashed`, 'must be false: the officer compares the birth date with the passport');
  return { value: identity.identityHash, pointer: `${SUBJECT}/identifier/0/identityHash` };
}

/** The assessment route: the OB 3.0 Result the issuer signs, or the `assessmentRoute` shorthand (default training). */
function readRoute(subject: Json): 'training' | 'recognition-of-prior-learning' {
  let route: unknown = subject.assessmentRoute ?? 'training';
  let pointer = `${SUBJECT}/assessmentRoute`;
  if (subject.result !== undefined) {
    if (subject.assessmentRoute !== undefined) invalid(pointer, 'and result both give the assessment route: send one');
    const items = subject.result;
    if (!Array.isArray(items) || items.length !== 1 || !isObject(items[0])) invalid(`${SUBJECT}/result`, 'must be one Result, the assessment route');
    const result = items[0] as Json;
    onlyKeys(result, ['type', 'value'], `${SUBJECT}/result/0`, 'is not part of the Result this issuer signs');
    if (result.type !== undefined && canonicalJson(typeList(result.type, `${SUBJECT}/result/0/type`)) !== '["Result"]') invalid(`${SUBJECT}/result/0/type`, 'must be Result');
    route = result.value;
    pointer = `${SUBJECT}/result/0/value`;
  }
  if (route !== 'training' && route !== 'recognition-of-prior-learning') invalid(pointer, 'must be training or recognition-of-prior-learning');
  return route;
}
const EVIDENCE_KEYS = ['id', 'type', 'name', 'description', 'narrative', 'genre', 'audience'] as const;
/**
 * Evidence items, and the UTF-8 bytes of everything a client writes into the credential (the
 * worker's name, the holder's DID, the description, the evidence): what still fits a QR code
 * (version 40 at the codec's worst, with no registry catalogue) beside the registry's part.
 */
export const MAX_EVIDENCE = 3;
export const MAX_CLIENT_TEXT_BYTES = 1400;

/**
 * The VC Data Model envelope: `@context` an array of strings starting with VC 2.0 (only contexts
 * we sign with: the issuer adds the others), `type` with VerifiableCredential and at most one of
 * the two Open Badges names (the default is OpenBadgeCredential), `issuer` absent or this issuer.
 */
function readEnvelope(credential: Json, issuerDid: string): { type?: 'OpenBadgeCredential' | 'AchievementCredential'; issuerName?: string } {
  const context = credential['@context'];
  if (!Array.isArray(context) || context.length === 0 || !context.every((c) => typeof c === 'string') || context[0] !== CREDENTIAL_CONTEXTS[0]) {
    invalid('/credential/@context', `must be an array of strings starting with ${CREDENTIAL_CONTEXTS[0]}`);
  }
  if (!context.every((c) => (CREDENTIAL_CONTEXTS as readonly string[]).includes(c))) {
    throw new CorridorError('ERR_CONTEXT_UNKNOWN', '/credential/@context names a context this issuer does not sign with', { pointer: '/credential/@context' });
  }
  const type = credential.type;
  if (!Array.isArray(type) || !type.every((t) => typeof t === 'string') || !type.includes('VerifiableCredential')) {
    invalid('/credential/type', 'must be an array of strings including VerifiableCredential');
  }
  const badges = type.filter((t) => t !== 'VerifiableCredential');
  type.forEach((t, i) => { if (t !== 'VerifiableCredential' && t !== 'OpenBadgeCredential' && t !== 'AchievementCredential') refused(at('/credential/type', i), 'is not a type this issuer signs (OpenBadgeCredential or AchievementCredential)'); });
  if (new Set(badges).size > 1) refused('/credential/type', 'names both OpenBadgeCredential and AchievementCredential: ask for one');
  const result: { type?: 'OpenBadgeCredential' | 'AchievementCredential'; issuerName?: string } = badges[0] ? { type: badges[0] as 'OpenBadgeCredential' | 'AchievementCredential' } : {};
  const issuer = credential.issuer;
  if (issuer === undefined) return result;
  const id = typeof issuer === 'string' ? issuer : isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
  if (id === undefined) invalid('/credential/issuer', 'must be a string or an object with an id');
  if (id !== issuerDid) invalid('/credential/issuer', 'must be this issuer (or left out)');
  if (isObject(issuer)) {
    onlyKeys(issuer, ['id', 'type', 'name'], '/credential/issuer', 'is not signed by this issuer: the issuer profile comes from the registry');
    if (issuer.type !== undefined && canonicalJson(typeList(issuer.type, '/credential/issuer/type')) !== '["Profile"]') refused('/credential/issuer/type', 'must be Profile');
    if (issuer.name !== undefined) result.issuerName = text(issuer.name, '/credential/issuer/name', { max: 500 });
  }
  return result;
}

function readEvidence(value: unknown): Evidence[] {
  const items = asList(value);
  if (items.length === 0) invalid('/credential/evidence', 'must not be empty');
  if (items.length > MAX_EVIDENCE) refused('/credential/evidence', `holds more than ${MAX_EVIDENCE} items: they would not fit the QR code`);
  return items.map((item, i) => {
    const pointer = Array.isArray(value) ? at('/credential/evidence', i) : '/credential/evidence';
    if (!isObject(item)) invalid(pointer, 'must be an object');
    onlyKeys(item, EVIDENCE_KEYS, pointer, 'is not an Open Badges 3.0 evidence property this issuer signs');
    if (item.type === undefined) invalid(at(pointer, 'type'), 'is required (Evidence)');
    if (canonicalJson(typeList(item.type, at(pointer, 'type'))) !== '["Evidence"]') refused(at(pointer, 'type'), 'must be Evidence');
    const evidence: Evidence = { type: ['Evidence'] };
    if (item.id !== undefined) {
      if (typeof item.id !== 'string' || item.id.length > 500 || /\s/.test(item.id) || !URL.canParse(item.id) || !/^[a-z][a-z0-9+.-]*:/i.test(item.id)) invalid(at(pointer, 'id'), 'must be a URL');
      evidence.id = item.id;
    }
    for (const key of ['name', 'genre', 'audience'] as const) if (item[key] !== undefined) evidence[key] = text(item[key], at(pointer, key), { max: 200 });
    for (const key of ['description', 'narrative'] as const) if (item[key] !== undefined) evidence[key] = text(item[key], at(pointer, key), { max: 600, multiline: true });
    if (Object.keys(evidence).length === 1) invalid(pointer, 'needs an id, a name, a description or a narrative');
    return evidence;
  });
}

export interface IssueRequestFields {
  qualificationId: string;
  subject: { name: string; birthDate: string; walletDid?: string };
  assessedAt?: string;
  route: 'training' | 'recognition-of-prior-learning';
  validUntil?: string;
  id?: string;
  extras: Pick<CredentialInput, 'type' | 'name' | 'description' | 'evidence'>;
  /** What the client said the registry says: held to it once the qualification is known (`checkAgainstRegistry`). */
  claims: { achievement: Json; issuerName?: string };
  walletLink: boolean;
}

/** Reads an issue request as of `now` (the signing time); refuses whatever it would not sign as asked. */
export function readIssueRequest(body: unknown, issuerDid: string, now: Date): IssueRequestFields {
  if (!isObject(body) || !isObject(body.credential)) invalid('/credential', 'the body must be {credential, options}');
  onlyKeys(body, ['credential', 'options'], '', 'is not part of a VC-API issue request');
  const options = body.options ?? {};
  if (!isObject(options)) invalid('/options', 'must be an object');
  onlyKeys(options, ['walletLink'], '/options', 'is not an option this issuer supports (walletLink)');
  if (options.walletLink !== undefined && typeof options.walletLink !== 'boolean') invalid('/options/walletLink', 'must be true or false');

  const credential = body.credential as Json;
  const envelope = readEnvelope(credential, issuerDid);
  checkVcdmRules(credential);
  for (const key of Object.keys(credential)) {
    if (Object.hasOwn(REFUSED, key)) refused(at('/credential', key), REFUSED[key]!);
  }
  onlyKeys(credential, CREDENTIAL_KEYS, '/credential', 'is not a property this issuer signs');

  const subject = credential.credentialSubject;
  if (!isObject(subject) || Object.keys(subject).length === 0) invalid('/credential/credentialSubject', 'must be a non-empty object');
  onlyKeys(subject, SUBJECT_KEYS, '/credential/credentialSubject', 'is not a claim this issuer signs');
  if (subject.type !== undefined && canonicalJson(typeList(subject.type, '/credential/credentialSubject/type')) !== '["AchievementSubject"]') {
    refused('/credential/credentialSubject/type', 'must be AchievementSubject');
  }
  const birthDate = readBirthDate(subject);
  const worker = checkWorkerData({ name: subject.name, birthDate: birthDate.value, assessedAt: subject.activityEndDate }, {
    now, pointers: { name: '/credential/credentialSubject/name', birthDate: birthDate.pointer, assessedAt: '/credential/credentialSubject/activityEndDate' },
  });
  // The shared check trims and composes (NFC) a name typed at the CLI or in a cohort; over the VC-API the
  // client sends what is to be signed, so a name that would change is refused, never changed.
  if (worker.name !== subject.name) refused('/credential/credentialSubject/name', 'has surrounding spaces or is not in Unicode NFC: send it exactly as it is to be signed');
  if (subject.id !== undefined && !isHolderDid(subject.id)) {
    invalid('/credential/credentialSubject/id', 'must be the holder\'s DID');
  }
  if (!isObject(subject.achievement) || typeof subject.achievement.id !== 'string') {
    invalid('/credential/credentialSubject/achievement/id', 'must name a registry qualification');
  }
  onlyKeys(subject.achievement, ACHIEVEMENT_KEYS, '/credential/credentialSubject/achievement', 'is not signed by this issuer: the achievement comes from the registry');
  const route = readRoute(subject);

  const validUntil = credential.validUntil;
  if (validUntil !== undefined) {
    if (!isDateTimeForm(validUntil)) invalid('/credential/validUntil', 'must be a date-time with a time zone (e.g. 2031-12-01T00:00:00Z)');
    // Well written but no real instant (30 February, 24:00, +14:30): refused as a birth date on 30 February is.
    if (!isCalendarDateTime(validUntil)) refused('/credential/validUntil', 'is not a calendar date-time (a day and time that exist, a time zone within ±14:00)');
    if (Date.parse(validUntil) <= now.getTime()) refused('/credential/validUntil', 'is not after the moment of issue');
    if (Date.parse(validUntil) > now.getTime() + 100 * 365.25 * 86400_000) refused('/credential/validUntil', 'is more than 100 years ahead');
  }
  if (credential.id !== undefined && (typeof credential.id !== 'string' || !/^urn:uuid:[0-9a-f-]{36}$/i.test(credential.id))) invalid('/credential/id', 'must be a urn:uuid');
  // Signed as written or not at all: an id in upper case would come back lowercased (RFC 9562's form).
  if (typeof credential.id === 'string' && credential.id !== credential.id.toLowerCase()) refused('/credential/id', 'must be written in lower case (urn:uuid:, hex digits a-f), the form this issuer signs');

  const extras: IssueRequestFields['extras'] = {
    ...(envelope.type ? { type: envelope.type } : {}),
    ...(credential.name !== undefined ? { name: text(credential.name, '/credential/name', { max: 500 }) } : {}),
    ...(credential.description !== undefined ? { description: text(credential.description, '/credential/description', { max: 600, multiline: true }) } : {}),
    ...(credential.evidence !== undefined ? { evidence: readEvidence(credential.evidence) } : {}),
  };
  const clientText = [worker.name, subject.id ?? '', extras.description ?? '', ...(extras.evidence ?? []).flatMap((e) => Object.values(e).filter((v) => typeof v === 'string'))].join('');
  if (Buffer.byteLength(clientText) > MAX_CLIENT_TEXT_BYTES) {
    const pointer = extras.evidence ? '/credential/evidence' : extras.description ? '/credential/description' : '/credential/credentialSubject';
    refused(pointer, `is too long: the worker's name, holder DID, description and evidence together exceed ${MAX_CLIENT_TEXT_BYTES} bytes and would not fit a QR code`);
  }

  return {
    qualificationId: subject.achievement.id as string,
    subject: { name: worker.name, birthDate: worker.birthDate, ...(subject.id !== undefined ? { walletDid: subject.id as string } : {}) },
    ...(worker.assessedAt !== undefined ? { assessedAt: worker.assessedAt } : {}),
    route,
    ...(validUntil !== undefined ? { validUntil: validUntil as string } : {}),
    ...(credential.id !== undefined ? { id: credential.id as string } : {}),
    extras,
    claims: { achievement: subject.achievement, ...(envelope.issuerName !== undefined ? { issuerName: envelope.issuerName } : {}) },
    walletLink: options.walletLink === true,
  };
}

/**
 * Holds what the client said of the qualification and of this issuer to the registry: an
 * achievement property must be what the issuer signs anyway, a name one of the registered
 * titles (signed as chosen), the issuer's name the registered one. Returns the extras to sign.
 */
export function checkAgainstRegistry(request: IssueRequestFields, qualification: QualificationRecord, issuerName: string): IssueRequestFields['extras'] & { achievementName?: string } {
  const { achievement, issuerName: claimedIssuerName } = request.claims;
  const titles = Object.values(qualification.title);
  const mismatch = (pointer: string, message: string): never => { throw new CorridorError('ERR_NAME_MISMATCH', `${pointer} ${message}`, { pointer }); };
  if (claimedIssuerName !== undefined && claimedIssuerName !== issuerName) mismatch('/credential/issuer/name', 'is not the name the registry gives this training centre');
  if (request.extras.name !== undefined && !titles.includes(request.extras.name)) mismatch('/credential/name', 'is not a title the registry gives this qualification');
  const pointer = '/credential/credentialSubject/achievement';
  let achievementName: string | undefined;
  const claimedName = achievement.name;
  if (claimedName !== undefined) {
    if (typeof claimedName !== 'string') invalid(`${pointer}/name`, 'must be a string');
    if (!titles.includes(claimedName)) mismatch(`${pointer}/name`, 'is not a title the registry gives this qualification');
    achievementName = claimedName;
  }
  const signed = qualificationAchievement(qualification) as unknown as Json;
  for (const key of ['description', 'criteria', 'achievementType', 'alignment'] as const) {
    if (achievement[key] !== undefined && canonicalJson(achievement[key]) !== canonicalJson(signed[key])) refused(`${pointer}/${key}`, 'differs from the registry\'s record of the qualification');
  }
  if (achievement.type !== undefined && canonicalJson(typeList(achievement.type, `${pointer}/type`)) !== '["Achievement"]') refused(`${pointer}/type`, 'must be Achievement');
  return { ...request.extras, ...(achievementName !== undefined ? { achievementName } : {}) };
}

/**
 * A retry with an id already issued gets that credential back only if it asked for the same
 * thing: otherwise it would be answered with a credential other than the one it asked for
 * (409 ERR_CONFLICT, naming the first property that differs). Defaults count as asked.
 */
export function checkRetry(existing: SkillCredential, request: IssueRequestFields, extras: ReturnType<typeof checkAgainstRegistry>, qualification: QualificationRecord): void {
  const s = existing.credentialSubject;
  const facts = subjectFacts(existing);
  const signed = qualificationAchievement(qualification);
  const subject = '/credential/credentialSubject';
  const checks: [string, unknown, unknown][] = [
    [`${subject}/achievement/id`, s.achievement.id, request.qualificationId],
    [`${subject}/name`, s.name, request.subject.name],
    [`${subject}/identifier/0/identityHash`, facts.birthDate, request.subject.birthDate],
    [`${subject}/id`, s.id, request.subject.walletDid],
    [`${subject}/result/0/value`, facts.assessmentRoute, request.route],
    [`${subject}/achievement/name`, s.achievement.name, extras.achievementName ?? signed.name],
    ['/credential/type', existing.type[1], extras.type ?? 'OpenBadgeCredential'],
    ['/credential/validUntil', existing.validUntil, request.validUntil],
    ['/credential/name', existing.name, extras.name ?? signed.name],
    ['/credential/description', existing.description, extras.description],
    ['/credential/evidence', existing.evidence, extras.evidence],
    // Left out, the assessment date is the moment of issue: any earlier one stands.
    ...(request.assessedAt !== undefined ? [[`${subject}/activityEndDate`, s.activityEndDate, request.assessedAt] as [string, unknown, unknown]] : []),
  ];
  for (const [pointer, was, asked] of checks) {
    if (canonicalJson(was ?? null) !== canonicalJson(asked ?? null)) {
      throw new CorridorError('ERR_CONFLICT', `${pointer} differs from the credential already issued with this id`, { pointer });
    }
  }
}
