/**
 * Runtime validation of everything that crosses a trust boundary. Errors name the field,
 * never its value, so no personal data reaches a message.
 */
import { CREDENTIAL_CONTEXTS, LEGACY_CREDENTIAL_CONTEXTS } from './contexts/index.js';
import { decodeBase58btc } from './encoding.js';
import { CorridorError, type ErrorCode } from './errors.js';
import type {
  LegacySkillCredential, MappingRecord, MappingTableRecord, RegistryRecord, SkillCredential, StatusListCredential, TrustPackContent, TrustPackDelta,
} from './types.js';

type Check = (value: unknown, path: string) => void;

class Invalid extends Error {
  constructor(readonly path: string, readonly what: string) {
    super(`${path} ${what}`);
  }
}
const fail = (path: string, what: string): never => {
  throw new Invalid(path, what);
};

/**
 * A check's path (`record.rows[3].origin`, `record["odd key"]`) as an RFC 6901 JSON Pointer into
 * the checked document (`/rows/3/origin`), for a person editing the file to find the field.
 */
export function jsonPointerOf(path: string): string {
  const tokens: string[] = [];
  const part = /\.([A-Za-z0-9@_$-]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  const start = path.search(/[.[]/);
  if (start < 0) return '';
  for (const m of path.slice(start).matchAll(part)) {
    const token = m[1] ?? m[2] ?? (JSON.parse(m[3]!) as string);
    tokens.push(token.replace(/~/g, '~0').replace(/\//g, '~1'));
  }
  return tokens.map((t) => `/${t}`).join('');
}

/**
 * A key as a message may show it: a plain name as `.name`, anything else quoted with every
 * character outside printable ASCII escaped and cut short, so a key chosen by an attacker
 * (escape codes, bidi overrides, a line break) reaches no terminal or log as it was written.
 */
export function keyPath(path: string, key: string): string {
  if (/^[A-Za-z0-9@_$-]{1,64}$/.test(key)) return `${path}.${key}`;
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  const quoted = JSON.stringify(shown).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${path}[${quoted}]`;
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;
const DID_KEY = /^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object whose prototype is Object.prototype (of any realm: jest's, a worker's) or none,
 * and which has no own `__proto__` key. A decoder that assigns `obj[key]` turns a `__proto__`
 * key into a prototype of plain data, whose fields every later read would see unchecked.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return hasPlainPrototype(value) && !Object.hasOwn(value, '__proto__');
}

function hasPlainPrototype(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || (Object.getPrototypeOf(prototype) === null && typeof Object.getOwnPropertyDescriptor(prototype, 'hasOwnProperty')?.value === 'function');
}

const string: Check = (v, p) => { if (typeof v !== 'string' || v.length === 0 || v.length > 10_000) fail(p, 'must be a non-empty string'); };
const matching = (re: RegExp, what: string): Check => (v, p) => { if (typeof v !== 'string' || !re.test(v)) fail(p, `must be ${what}`); };
const dateTime: Check = (v, p) => { if (typeof v !== 'string' || !ISO_DATETIME.test(v) || Number.isNaN(Date.parse(v))) fail(p, 'must be an ISO 8601 date-time'); };
const date: Check = (v, p) => { if (typeof v !== 'string' || !ISO_DATE.test(v) || Number.isNaN(Date.parse(v))) fail(p, 'must be a YYYY-MM-DD date'); };
const country = matching(COUNTRY, 'an ISO 3166-1 alpha-2 code');
const uri = matching(URI, 'a URI');
const didKey = matching(DID_KEY, 'a did:key');
const httpsUrl: Check = (v, p) => { if (typeof v !== 'string' || v.length > 2000 || !isHttpsBaseUrl(v)) fail(p, 'must be an https URL without credentials, query or fragment'); };
const positiveInt: Check = (v, p) => { if (!Number.isSafeInteger(v) || (v as number) < 1) fail(p, 'must be a positive integer'); };
const oneOf = (...values: unknown[]): Check => (v, p) => { if (!values.includes(v)) fail(p, `must be one of ${values.join(', ')}`); };
const trueFlag = oneOf(true);
const exactArray = (...values: string[]): Check => (v, p) => {
  if (!Array.isArray(v) || v.length !== values.length || !values.every((x, i) => v[i] === x)) fail(p, `must be ${JSON.stringify(values)}`);
};
const oneOfArrays = (...options: string[][]): Check => (v, p) => {
  if (!Array.isArray(v) || !options.some((o) => v.length === o.length && o.every((x, i) => v[i] === x))) fail(p, `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
};
const arrayOf = (item: Check, { min = 0, max = 10_000 } = {}): Check => (v, p) => {
  if (!Array.isArray(v) || v.length < min || v.length > max) fail(p, `must be an array of ${min}..${max} items`);
  (v as unknown[]).forEach((x, i) => item(x, `${p}[${i}]`));
};
const localized: Check = (v, p) => {
  if (!isObject(v) || Object.keys(v).length === 0) fail(p, 'must be an object of language tag → text');
  for (const [lang, text] of Object.entries(v as object)) {
    if (!BCP47.test(lang)) fail(keyPath(p, lang), 'is not a BCP 47 language tag');
    string(text, `${p}.${lang}`);
  }
};
const optional = (check: Check): Check => (v, p) => { if (v !== undefined) check(v, p); };
const shape = (fields: Record<string, Check>, { open = false } = {}): Check => {
  const keys = Object.keys(fields);
  const checks = Object.values(fields);
  return (v, p) => {
    if (!isObject(v)) return fail(p, 'must be an object');
    // Own properties only, of a plain object: what a prototype holds was never checked here.
    if (!hasPlainPrototype(v)) fail(p, 'must be a plain object');
    for (let i = 0; i < keys.length; i++) checks[i]!(Object.hasOwn(v, keys[i]!) ? v[keys[i]!] : undefined, `${p}.${keys[i]}`);
    if (!open) for (const key of Object.keys(v)) if (!Object.hasOwn(fields, key)) fail(keyPath(p, key), 'is not allowed');
  };
};

function run<T>(check: Check, value: unknown, code: ErrorCode, root: string): asserts value is T {
  try {
    check(value, root);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    // A record file is written by a person: say where, as a JSON Pointer, and what was expected.
    if (code === 'ERR_RECORD_INVALID') {
      const pointer = jsonPointerOf(error.path);
      throw new CorridorError(code, `${error.message} (at ${pointer || '/'})`, { pointer });
    }
    throw new CorridorError(code, error.message);
  }
}

const recordBase = { kind: string, id: uri, version: positiveInt, issuedAt: dateTime };
const validity = { validFrom: dateTime, validUntil: optional(dateTime) };

/** Rows in one mapping table: 1,000 keeps a signed table under the registry's 512 KB write limit. */
export const MAX_MAPPING_TABLE_ROWS = 1000;

const mappingOrigin = { qualification: uri, awardedFrom: optional(dateTime), awardedUntil: optional(dateTime) };
const mappingDestination = {
  qualification: optional(uri), occupation: optional(shape({ isco08: matching(/^\d{4}$/, 'a 4-digit ISCO-08 unit group'), title: localized })),
};
const mappingOutcome = oneOf('full', 'partial', 'none');
const mappingPurpose = oneOf('employment', 'further-study');
const mappingConditions = arrayOf(shape({
  id: string, type: oneOf('language', 'bridging-training', 'supervised-practice', 'licensing-exam'),
  description: localized, language: optional(matching(BCP47, 'a BCP 47 language tag')),
  minimumLevel: optional(string), hours: optional(positiveInt), satisfiedBy: optional(arrayOf(uri, { max: 50 })),
}), { max: 50 });

const recordChecks: Record<RegistryRecord['kind'], Check> = {
  authority: shape({ ...recordBase, did: didKey, country, name: localized, status: optional(oneOf('active', 'withdrawn')), keyCompromised: optional(trueFlag) }),
  partnership: shape({
    ...recordBase, ...validity, name: localized,
    authorities: arrayOf(didKey, { min: 2, max: 2 }), countries: arrayOf(country, { min: 2, max: 2 }),
    status: oneOf('active', 'withdrawn'),
  }),
  qualification: shape({
    ...recordBase, authority: didKey, country, title: localized,
    level: shape({ framework: string, level: string, referencedTo: optional(shape({ framework: string, level: string })) }),
    isco08: matching(/^\d{4}$/, 'a 4-digit ISCO-08 unit group'), esco: optional(uri),
    units: arrayOf(shape({ code: string, title: localized }), { max: 200 }),
    achievementType: oneOf('Certificate', 'Certification', 'License'), status: oneOf('active', 'withdrawn'),
  }),
  accreditation: shape({
    ...recordBase, ...validity, authority: didKey,
    trainingBody: shape({ did: didKey, name: string, country, baseUrl: httpsUrl }),
    qualifications: arrayOf(uri, { min: 1, max: 1000 }), status: oneOf('active', 'suspended', 'withdrawn'),
    keyCompromised: optional(trueFlag),
  }),
  mapping: shape({
    ...recordBase, ...validity, partnership: uri,
    origin: shape({ country, ...mappingOrigin }),
    destination: shape({ country, ...mappingDestination }),
    outcome: mappingOutcome, conditions: mappingConditions, purpose: mappingPurpose, status: oneOf('active', 'withdrawn'),
  }),
  'mapping-table': shape({
    ...recordBase, ...validity, partnership: uri, origin: shape({ country }), destination: shape({ country }),
    conditions: mappingConditions,
    rows: arrayOf(shape({
      origin: shape(mappingOrigin), destination: shape(mappingDestination), outcome: mappingOutcome,
      conditions: arrayOf(string, { max: 50 }), purpose: mappingPurpose,
    }), { min: 1, max: MAX_MAPPING_TABLE_ROWS }),
    status: oneOf('active', 'withdrawn'),
  }),
};

export function assertRegistryRecord(value: unknown): asserts value is RegistryRecord {
  const kind = isObject(value) ? value.kind : undefined;
  const check = typeof kind === 'string' && Object.hasOwn(recordChecks, kind) ? recordChecks[kind as RegistryRecord['kind']] : undefined;
  if (!check) throw new CorridorError('ERR_RECORD_INVALID', 'record.kind is not a known record kind');
  run<RegistryRecord>(check, value, 'ERR_RECORD_INVALID', 'record');
  const record = value as RegistryRecord;
  if ((record.kind === 'authority' || record.kind === 'accreditation') && record.keyCompromised && record.status !== 'withdrawn') {
    throw new CorridorError('ERR_RECORD_INVALID', 'record.keyCompromised is only declared by a withdrawal (at /keyCompromised)', { pointer: '/keyCompromised' });
  }
  if (record.kind === 'mapping' && !record.destination.qualification && !record.destination.occupation) {
    throw new CorridorError('ERR_RECORD_INVALID', 'record.destination needs a qualification or an occupation (at /destination)', { pointer: '/destination' });
  }
  if (record.kind === 'mapping-table') {
    const conditions = new Set(record.conditions.map((c) => c.id));
    record.rows.forEach((row, i) => {
      if (!row.destination.qualification && !row.destination.occupation) throw new CorridorError('ERR_RECORD_INVALID', `record.rows[${i}].destination needs a qualification or an occupation (at /rows/${i}/destination)`, { pointer: `/rows/${i}/destination` });
      if (!row.conditions.every((id) => conditions.has(id))) throw new CorridorError('ERR_RECORD_INVALID', `record.rows[${i}] names a condition the table does not define (at /rows/${i}/conditions)`, { pointer: `/rows/${i}/conditions` });
    });
  }
}

function parseHttps(value: string): URL | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash || !url.hostname) return undefined;
    return url;
  } catch {
    return undefined;
  }
}

function isHttpsBaseUrl(value: string): boolean {
  return parseHttps(value) !== undefined;
}

/**
 * Whether `url` lies under `base` (both https): the same origin and, after URL normalisation, a
 * path equal to the base path or below it on a segment boundary (`/a` holds `/a/b`, not `/ab`).
 */
export function isUnderBaseUrl(url: string, base: string): boolean {
  const u = parseHttps(url);
  const b = parseHttps(base);
  if (!u || !b || u.origin !== b.origin) return false;
  const root = b.pathname.replace(/\/+$/, '');
  return u.pathname === root || u.pathname.startsWith(`${root}/`);
}

/** The mappings a table stands for: each row with the table's partnership, countries, dates and status. */
export function mappingsOfTable(table: MappingTableRecord): MappingRecord[] {
  const conditions = new Map(table.conditions.map((c) => [c.id, c]));
  return table.rows.map((row, i) => ({
    kind: 'mapping', id: `${table.id}#${i + 1}`, version: table.version, issuedAt: table.issuedAt, partnership: table.partnership,
    origin: { country: table.origin.country, ...row.origin }, destination: { country: table.destination.country, ...row.destination },
    outcome: row.outcome, conditions: row.conditions.map((id) => conditions.get(id)!), purpose: row.purpose,
    validFrom: table.validFrom, ...(table.validUntil ? { validUntil: table.validUntil } : {}), status: table.status,
  }));
}

const statusEntryFields = {
  type: oneOf('BitstringStatusListEntry'), statusPurpose: oneOf('revocation', 'suspension'),
  statusListIndex: matching(/^(0|[1-9]\d{0,9})$/, 'a decimal index'), statusListCredential: uri,
};
const statusEntry = shape({ id: uri, ...statusEntryFields });

/** `did:key:<key>#<key>`: the one verification method a did:key has. */
const verificationMethod: Check = (v, p) => {
  const match = typeof v === 'string' ? /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]{40,50})#(z6Mk[1-9A-HJ-NP-Za-km-z]{40,50})$/.exec(v) : null;
  if (!match || match[1] !== match[2]) fail(p, 'must be a did:key verification method (did:key:<key>#<key>)');
};
/** An Ed25519 signature: 64 bytes, multibase base58btc. */
const signatureValue: Check = (v, p) => {
  if (typeof v !== 'string' || !/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/.test(v) || decodeBase58btc(v.slice(1))?.length !== 64) {
    fail(p, 'must be a base58btc Ed25519 signature');
  }
};
/**
 * The proof exactly as Corridor signs it, closed: nothing else reaches the proof libraries
 * (whose JSON-LD processing of an arbitrary 256 KB proof takes minutes).
 */
const dataIntegrityProof: Check = shape({
  type: oneOf('DataIntegrityProof'), cryptosuite: oneOf('eddsa-rdfc-2022'), created: dateTime,
  verificationMethod, proofPurpose: oneOf('assertionMethod'), proofValue: signatureValue,
});

const route = oneOf('training', 'recognition-of-prior-learning');
const evidence = optional(arrayOf(shape({
  id: optional(uri), type: exactArray('Evidence'), name: optional(string), description: optional(string),
  narrative: optional(string), genre: optional(string), audience: optional(string),
}), { min: 1, max: 10 }));
const credentialBase = {
  id: uri,
  type: oneOfArrays(['VerifiableCredential', 'OpenBadgeCredential'], ['VerifiableCredential', 'AchievementCredential']),
  issuer: shape({ id: didKey, type: exactArray('Profile'), name: string }),
  validFrom: dateTime,
  validUntil: optional(dateTime),
  name: string,
  description: optional(string),
  evidence,
  proof: optional(dataIntegrityProof),
};
const achievementBase = {
  id: uri, type: exactArray('Achievement'), name: string, description: string,
  criteria: shape({ narrative: string }),
  achievementType: oneOf('Certificate', 'Certification', 'License'),
};

/**
 * The credential Corridor issues: the VC 2.0 and OB 3.0 contexts only. The birth date is an OB 3.0
 * IdentityObject, the assessment route the value of its one Result.
 */
const skillCredential: Check = shape({
  // Exactly the contexts Corridor issues with: nothing else may redefine a term.
  '@context': exactArray(...CREDENTIAL_CONTEXTS),
  ...credentialBase,
  credentialSubject: shape({
    id: optional(uri),
    type: exactArray('AchievementSubject'),
    name: string,
    identifier: arrayOf(shape({ type: oneOf('IdentityObject'), hashed: oneOf(false), identityHash: date, identityType: oneOf('ext:birthDate') }), { min: 1, max: 1 }),
    activityEndDate: dateTime,
    result: arrayOf(shape({ type: exactArray('Result'), value: route }), { min: 1, max: 1 }),
    achievement: shape({
      ...achievementBase,
      alignment: arrayOf(shape({
        type: exactArray('Alignment'), targetCode: string, targetFramework: string, targetName: string, targetUrl: uri,
      }), { max: 20 }),
    }),
  }),
  credentialStatus: statusEntry,
});

/**
 * The shape Corridor issued before it dropped its own context (https://w3id.org/corridor/v1):
 * verified, never issued, so that codes already printed still read (docs/design-notes.md).
 */
const legacySkillCredential: Check = shape({
  '@context': exactArray(...LEGACY_CREDENTIAL_CONTEXTS),
  ...credentialBase,
  credentialSubject: shape({
    id: optional(uri),
    type: exactArray('AchievementSubject'),
    name: string,
    birthDate: date,
    activityEndDate: dateTime,
    assessmentRoute: route,
    achievement: shape({
      ...achievementBase,
      alignment: arrayOf(shape({
        type: exactArray('Alignment'), targetCode: string, targetFramework: string, targetName: string, targetUrl: optional(uri),
      }), { max: 20 }),
    }),
  }),
  credentialStatus: shape({ id: optional(uri), ...statusEntryFields }),
});

/** The exact shape Corridor issues: anything else is ERR_CREDENTIAL_MALFORMED. */
export function assertSkillCredential(value: unknown): asserts value is SkillCredential {
  run<SkillCredential>(skillCredential, value, 'ERR_CREDENTIAL_MALFORMED', 'credential');
}

export function isLegacyShape(value: unknown): boolean {
  return isObject(value) && Array.isArray(value['@context']) && value['@context'].length === LEGACY_CREDENTIAL_CONTEXTS.length;
}

/** What a verifier accepts: the shape Corridor issues, or the one it issued before (by its contexts). */
export function assertVerifiableSkillCredential(value: unknown): asserts value is SkillCredential | LegacySkillCredential {
  if (isLegacyShape(value)) run<LegacySkillCredential>(legacySkillCredential, value, 'ERR_CREDENTIAL_MALFORMED', 'credential');
  else run<SkillCredential>(skillCredential, value, 'ERR_CREDENTIAL_MALFORMED', 'credential');
}

/**
 * A holder-signed presentation of skill credentials, closed like them, before its proof goes to
 * the library (which processes the whole presentation, every credential in it, as JSON-LD).
 */
const holderPresentation: Check = shape({
  '@context': exactArray('https://www.w3.org/ns/credentials/v2'),
  id: optional(uri),
  type: exactArray('VerifiablePresentation'),
  holder: optional(didKey),
  verifiableCredential: arrayOf((v, p) => (isLegacyShape(v) ? legacySkillCredential : skillCredential)(v, p), { min: 1, max: 10 }),
  proof: shape({
    type: oneOf('DataIntegrityProof'), cryptosuite: oneOf('eddsa-rdfc-2022'), created: dateTime, verificationMethod,
    proofPurpose: oneOf('authentication'), challenge: matching(/^[\x20-\x7e]{1,500}$/, 'printable text'),
    domain: optional(matching(/^[\x20-\x7e]{1,500}$/, 'printable text')), proofValue: signatureValue,
  }),
});

export function assertHolderPresentation(value: unknown): asserts value is HolderPresentation {
  run<HolderPresentation>(holderPresentation, value, 'ERR_INPUT_INVALID', 'presentation');
}

export interface HolderPresentation {
  '@context': string[];
  id?: string;
  type: ['VerifiablePresentation'];
  holder?: string;
  verifiableCredential: (SkillCredential | LegacySkillCredential)[];
  proof: { type: string; cryptosuite: string; created: string; verificationMethod: string; proofPurpose: string; challenge: string; domain?: string; proofValue: string };
}

const statusListCredential: Check = shape({
  '@context': arrayOf(uri, { min: 1, max: 5 }),
  id: uri,
  type: exactArray('VerifiableCredential', 'BitstringStatusListCredential'),
  issuer: didKey,
  validFrom: dateTime,
  validUntil: optional(dateTime),
  credentialSubject: shape({
    id: uri, type: oneOf('BitstringStatusList'), statusPurpose: oneOf('revocation', 'suspension'),
    encodedList: matching(/^u[A-Za-z0-9_-]+$/, 'a multibase base64url string'),
  }),
  proof: optional(dataIntegrityProof),
});

export function assertStatusListCredential(value: unknown): asserts value is StatusListCredential {
  run<StatusListCredential>(statusListCredential, value, 'ERR_TRUST_PACK_INVALID', 'statusList');
}

const qrCatalogue: Check = shape({
  none: arrayOf(string, { max: 1_000_000 }),
  url: arrayOf(uri, { max: 1_000_000 }),
});

const nonNegativeInt: Check = (v, p) => { if (!Number.isSafeInteger(v) || (v as number) < 0) fail(p, 'must be a non-negative integer'); };
const anObject: Check = (v, p) => { if (!isObject(v)) fail(p, 'must be an object'); };

/** What a full pack and a delta both carry. */
const packFields = {
  country,
  sequence: nonNegativeInt,
  logHead: matching(/^[0-9a-f]{64}$/, 'a sha256 hex digest'),
  issuedAt: dateTime,
  records: arrayOf(anObject, { max: 2_000_000 }),
  statusLists: arrayOf(statusListCredential, { max: 100_000 }),
  qrCatalogue: optional(qrCatalogue),
};

const trustPackContent: Check = shape({ format: oneOf('corridor-trust-pack/1'), ...packFields });
const trustPackDelta: Check = shape({ format: oneOf('corridor-trust-pack-delta/1'), since: nonNegativeInt, ...packFields });

export function assertTrustPackDelta(value: unknown): asserts value is TrustPackDelta {
  run<TrustPackDelta>(trustPackDelta, value, 'ERR_TRUST_PACK_INVALID', 'trustPackDelta');
}

export function assertTrustPackContent(value: unknown): asserts value is TrustPackContent {
  run<TrustPackContent>(trustPackContent, value, 'ERR_TRUST_PACK_INVALID', 'trustPack');
}
