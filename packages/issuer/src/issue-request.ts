/**
 * What Corridor takes from a VC-API issue request, checked against the VC Data Model 2.0
 * envelope rules; everything else comes from the registry. Pure: no express, no store.
 */
import { CorridorError, CREDENTIAL_CONTEXTS, isObject } from '@corridor/shared';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function invalid(message: string): never {
  throw new CorridorError('ERR_INPUT_INVALID', message);
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * VCDM 2.0 rules for optional properties a client may send: `credentialSchema` and
 * `refreshService` entries need an `id` and a `type`; `relatedResource` entries an `id` URL and a
 * digest. Well-formed ones are still refused, because a Corridor skill credential does not carry them.
 */
function checkOptionalProperties(credential: Record<string, unknown>): void {
  for (const property of ['credentialSchema', 'refreshService'] as const) {
    if (credential[property] === undefined) continue;
    const entries = asList(credential[property]);
    if (entries.length === 0 || !entries.every((e) => isObject(e) && typeof e.type === 'string' && typeof e.id === 'string')) {
      invalid(`${property} entries must be objects with an id and a type`);
    }
    invalid(`${property} is not supported by this issuer`);
  }
  if (credential.relatedResource !== undefined) {
    const entries = asList(credential.relatedResource);
    const wellFormed = entries.length > 0 && entries.every((e) => isObject(e) && typeof e.id === 'string' && URL.canParse(e.id) &&
      (typeof e.digestSRI === 'string' || typeof e.digestMultibase === 'string'));
    invalid(wellFormed ? 'relatedResource is not supported by this issuer' : 'relatedResource entries need an id URL and digestSRI or digestMultibase');
  }
}

const ISSUABLE_TYPES: ReadonlySet<unknown> = new Set(['VerifiableCredential', 'OpenBadgeCredential', 'AchievementCredential']);

/**
 * The VC Data Model envelope of the requested credential: `@context` an array of strings starting
 * with VC 2.0 (only contexts we sign with), `type` an array of strings with VerifiableCredential,
 * `issuer` absent or this issuer (a string or an object with that id).
 */
function checkEnvelope(credential: Record<string, unknown>, issuerDid: string): void {
  const context = credential['@context'];
  if (!Array.isArray(context) || context.length === 0 || !context.every((c) => typeof c === 'string') || context[0] !== CREDENTIAL_CONTEXTS[0]) {
    invalid(`credential['@context'] must be an array of strings starting with ${CREDENTIAL_CONTEXTS[0]}`);
  }
  if (!context.every((c) => (CREDENTIAL_CONTEXTS as readonly string[]).includes(c))) {
    throw new CorridorError('ERR_CONTEXT_UNKNOWN', 'credential[\'@context\'] names a context this issuer does not sign with');
  }
  const type = credential.type;
  if (!Array.isArray(type) || !type.every((t) => typeof t === 'string') || !type.includes('VerifiableCredential')) {
    invalid('credential.type must be an array of strings including VerifiableCredential');
  }
  if (!type.every((t) => ISSUABLE_TYPES.has(t))) invalid('this issuer issues OpenBadgeCredential skill credentials only');
  const issuer = credential.issuer;
  if (issuer === undefined) return;
  const id = typeof issuer === 'string' ? issuer : isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
  if (id === undefined) invalid('credential.issuer must be a string or an object with an id');
  if (id !== issuerDid) invalid('credential.issuer must be this issuer (or left out)');
}

/** Reads the fields Corridor takes from a VC-API issue request; everything else comes from the registry. */
export function readIssueRequest(body: unknown, issuerDid: string) {
  if (!isObject(body) || !isObject(body.credential)) invalid('the body must be {credential, options}');
  const credential = body.credential as Record<string, unknown>;
  checkEnvelope(credential, issuerDid);
  if (credential.proof !== undefined) invalid('send the credential without a proof; the issuer signs it');
  checkOptionalProperties(credential);
  const subject = credential.credentialSubject;
  if (!isObject(subject) || Object.keys(subject).length === 0) invalid('credential.credentialSubject must be a non-empty object');
  if (typeof subject.name !== 'string' || subject.name.trim() === '' || subject.name.length > 500) invalid('credentialSubject.name must be a non-empty string');
  if (typeof subject.birthDate !== 'string' || !DATE.test(subject.birthDate)) invalid('credentialSubject.birthDate must be YYYY-MM-DD');
  if (subject.id !== undefined && (typeof subject.id !== 'string' || !URL.canParse(subject.id))) invalid('credentialSubject.id must be a URI');
  if (!isObject(subject.achievement) || typeof subject.achievement.id !== 'string') invalid('credentialSubject.achievement.id must name a registry qualification');
  const activityEndDate = subject.activityEndDate ?? subject.assessmentDate;
  if (activityEndDate !== undefined && (typeof activityEndDate !== 'string' || !(DATE_TIME.test(activityEndDate) || DATE.test(activityEndDate)))) {
    invalid('credentialSubject.activityEndDate must be a date');
  }
  const route = subject.assessmentRoute ?? 'training';
  if (route !== 'training' && route !== 'recognition-of-prior-learning') invalid('credentialSubject.assessmentRoute must be training or recognition-of-prior-learning');
  if (credential.validUntil !== undefined && (typeof credential.validUntil !== 'string' || !DATE_TIME.test(credential.validUntil))) invalid('credential.validUntil must be a date-time');
  if (credential.id !== undefined && (typeof credential.id !== 'string' || !/^urn:uuid:[0-9a-f-]{36}$/i.test(credential.id))) invalid('credential.id must be a urn:uuid');
  return {
    qualificationId: subject.achievement.id as string,
    subject: { name: subject.name.trim(), birthDate: subject.birthDate, ...(subject.id ? { walletDid: subject.id as string } : {}) },
    assessedAt: activityEndDate === undefined ? undefined : DATE.test(activityEndDate as string) ? `${activityEndDate as string}T00:00:00Z` : activityEndDate as string,
    route: route as 'training' | 'recognition-of-prior-learning',
    ...(credential.validUntil ? { validUntil: credential.validUntil as string } : {}),
    ...(credential.id ? { id: (credential.id as string).toLowerCase() } : {}),
  };
}
