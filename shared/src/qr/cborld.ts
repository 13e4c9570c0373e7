/**
 * Credential ⇄ CBOR-LD bytes ⇄ QR text, framed as the W3C VC Barcodes draft frames a QR-borne
 * credential: `VC1-` + multibase base45 (`R` + RFC 9285 base45) of CBOR-LD 1.0 bytes, tag 0xcb1d
 * over [registry entry, payload], all inside the QR alphanumeric set. Our registry entries and
 * their type tables are published in docs/cborld-registry/ for the CBOR-LD registry. Tables are
 * append-only: an entry id, once printed on paper, always decodes to the same strings, so a
 * certificate printed today still reads in ten years. Codes printed before (`CC1:` + base45,
 * entries 100 and 101 of our own making) still decode, to the credential shape of then.
 */
import { CREDENTIAL_CONTEXTS, LEGACY_CREDENTIAL_CONTEXTS } from '../contexts/index.js';
import { iscoUrl } from '../credential.js';
import { documentLoader as defaultLoader, type DocumentLoader } from '../document-loader.js';
import { CorridorError, isCorridorError } from '../errors.js';
import { isPlainObject } from '../validate.js';
import type { QrCatalogue } from '../types.js';
import { decodeBase45, encodeBase45 } from './base45.js';
import { CATALOGUE_CODE_OFFSET } from './catalogue.js';
import { CborMap, CborTag, decodeCbor, ownBytes } from './cbor.js';
import { CBORLD_TAG, decodeCredentialFast, encodeCredentialFast, fastTables, type FastTables } from './cborld-fast.js';
import { ANY_URI_TYPE } from './cborld-schema.js';
import { LEGACY_QR_PREFIX, QR_PREFIX } from './prefix.js';

/** The library, loaded only for what the specialised codec leaves to it (importing it costs ~70 ms). */
const cborld = () => import('@digitalbazaar/cborld');

export { LEGACY_QR_PREFIX, QR_PREFIX };
/** The longest QR text we accept: a version-40 alphanumeric QR at ECC L holds 4,296 characters. */
export const MAX_QR_TEXT_LENGTH = 4296;
/** The longest CBOR-LD payload we decode, well above any credential we issue. */
export const MAX_CBORLD_BYTES = 3000;

type TypeTable = Map<string, Map<unknown, number>>;

function numbered(values: readonly string[], first = 1): Map<unknown, number> {
  return new Map(values.map((value, i) => [value, first + i]));
}

/**
 * Corridor's CBOR-LD registry entry (docs/cborld-registry/10100.yml). APPEND ONLY: never
 * reorder, remove or renumber an entry; register a new entry id for anything else.
 */
export const CORRIDOR_TABLES = {
  context: [...CREDENTIAL_CONTEXTS],
  url: [] as string[],
  none: [
    'ISCO-08', 'PQF', 'AQRF', 'JQF', 'NQF', 'Certificate', 'Certification', 'License', 'training', 'recognition-of-prior-learning',
    'revocation', 'suspension', 'ext:birthDate',
  ],
  cryptosuite: ['eddsa-rdfc-2022'],
  /** xsd:anyURI (`targetUrl`): none fixed; the catalogue entry derives ESCO's ISCO-08 URIs. */
  anyUri: [] as string[],
};
/** Our entry in the CBOR-LD registry: the tables above (provisional until the registry merges it). */
export const CORRIDOR_TABLE_ID = 10100;
/**
 * The same tables plus the registry's QR catalogue from the trust pack, codes from
 * CATALOGUE_CODE_OFFSET: `url` and `none` extended by the catalogue's lists, and the anyURI table
 * by the ESCO URI of each ISCO-08 group code in its `none` list, under that string's own code.
 */
export const CORRIDOR_CATALOGUE_TABLE_ID = 10101;

const BASE_TABLE: TypeTable = new Map([
  ['context', numbered(CORRIDOR_TABLES.context)],
  ['url', numbered(CORRIDOR_TABLES.url)],
  ['none', numbered(CORRIDOR_TABLES.none)],
  ['https://w3id.org/security#cryptosuiteString', numbered(CORRIDOR_TABLES.cryptosuite)],
  [ANY_URI_TYPE, numbered(CORRIDOR_TABLES.anyUri)],
]);

/** The tables of the codes printed before (entries 100/101 of our own, now retired): decode only. */
const LEGACY_TABLE_1 = {
  context: [...LEGACY_CREDENTIAL_CONTEXTS, 'https://w3id.org/security/data-integrity/v2', 'https://w3id.org/security/multikey/v1', 'https://www.w3.org/ns/credentials/status/v1'],
  none: ['ISCO-08', 'ESCO', 'PQF', 'AQRF', 'NQF', 'JQF', 'Certificate', 'Certification', 'License', 'training', 'recognition-of-prior-learning', 'revocation', 'suspension'],
  cryptosuite: ['eddsa-rdfc-2022'],
};
export const LEGACY_TABLE_ID = 100;
export const LEGACY_CATALOGUE_TABLE_ID = 101;
const LEGACY_BASE_TABLE: TypeTable = new Map([
  ['context', numbered(LEGACY_TABLE_1.context)],
  ['url', numbered(LEGACY_TABLE_1.context)],
  ['none', numbered(LEGACY_TABLE_1.none)],
  ['https://w3id.org/security#cryptosuiteString', numbered(LEGACY_TABLE_1.cryptosuite)],
]);

const catalogueTables = new WeakMap<QrCatalogue, { current: TypeTable; legacy: TypeTable }>();

function tableWithCatalogue(catalogue: QrCatalogue, legacy = false): TypeTable {
  let tables = catalogueTables.get(catalogue);
  if (!tables) {
    const extend = (base: TypeTable) => {
      const table = new Map(base);
      table.set('url', new Map([...base.get('url')!, ...numbered(catalogue.url, CATALOGUE_CODE_OFFSET)]));
      table.set('none', new Map([...base.get('none')!, ...numbered(catalogue.none, CATALOGUE_CODE_OFFSET)]));
      return table;
    };
    const current = extend(BASE_TABLE);
    const isco = catalogue.none.flatMap((value, i): [string, number][] => (/^\d{4}$/.test(value) ? [[iscoUrl(value), CATALOGUE_CODE_OFFSET + i]] : []));
    current.set(ANY_URI_TYPE, new Map([...BASE_TABLE.get(ANY_URI_TYPE)!, ...isco]));
    tables = { current, legacy: extend(LEGACY_BASE_TABLE) };
    catalogueTables.set(catalogue, tables);
  }
  return legacy ? tables.legacy : tables.current;
}

const BASE_FAST_TABLES = fastTables(CORRIDOR_TABLE_ID, BASE_TABLE);
const catalogueFastTables = new WeakMap<QrCatalogue, FastTables>();

function fastTablesFor(catalogue: QrCatalogue | undefined): FastTables {
  if (!catalogue) return BASE_FAST_TABLES;
  let tables = catalogueFastTables.get(catalogue);
  if (!tables) {
    tables = { ...fastTables(CORRIDOR_CATALOGUE_TABLE_ID, tableWithCatalogue(catalogue)), catalogueFrom: CATALOGUE_CODE_OFFSET };
    catalogueFastTables.set(catalogue, tables);
  }
  return tables;
}

const needsCatalogue = () => new CorridorError('ERR_QR_INVALID', 'this QR code needs the trust pack\'s catalogue: sync first');

function typeTableLoaderFor(catalogue: QrCatalogue | undefined) {
  return async ({ registryEntryId }: { registryEntryId: number }) => {
    if (registryEntryId === CORRIDOR_TABLE_ID) return BASE_TABLE;
    if (registryEntryId === LEGACY_TABLE_ID) return LEGACY_BASE_TABLE;
    if (registryEntryId === CORRIDOR_CATALOGUE_TABLE_ID || registryEntryId === LEGACY_CATALOGUE_TABLE_ID) {
      if (!catalogue) throw needsCatalogue();
      return tableWithCatalogue(catalogue, registryEntryId === LEGACY_CATALOGUE_TABLE_ID);
    }
    throw new CorridorError('ERR_QR_INVALID', 'unknown compression table');
  };
}

/** How the library is called for a catalogue (or none): the reference the fast codec is held to. */
export function libraryCodecOptions(catalogue: QrCatalogue | undefined) {
  return { typeTableLoader: typeTableLoaderFor(catalogue), registryEntryId: catalogue ? CORRIDOR_CATALOGUE_TABLE_ID : CORRIDOR_TABLE_ID };
}

export interface QrCodecOptions {
  /** The registry's catalogue from the trust pack: makes the code much smaller. */
  catalogue?: QrCatalogue;
  documentLoader?: DocumentLoader;
}

export async function credentialToCborld(credential: object, options: QrCodecOptions = {}): Promise<Uint8Array> {
  const { catalogue, documentLoader = defaultLoader } = options;
  // Our own credential shape: the library's bytes without its context processing.
  if (documentLoader === defaultLoader) {
    const fast = encodeCredentialFast(credential, CREDENTIAL_CONTEXTS, fastTablesFor(catalogue));
    if (fast) return fast;
  }
  try {
    return await (await cborld()).encode({ jsonldDocument: credential, documentLoader, ...libraryCodecOptions(catalogue) });
  } catch (cause) {
    if (isCorridorError(cause)) throw cause;
    throw new CorridorError('ERR_CREDENTIAL_MALFORMED', 'the credential cannot be compressed for a QR code', { cause });
  }
}

/**
 * Exactly our framing, or ERR_QR_INVALID: CBOR-LD 1.0's tag over `[our registry entry, payload]`,
 * two elements, nothing after them, in the slice of CBOR our encoder writes (integer map keys
 * only, so no decoder ever sees a key such as `__proto__`). Uncompressed CBOR-LD (entry 0), the
 * library's default table (entry 1), legacy tags and any other registry entry never reach a
 * decoder; nor does one of ours under the other prefix (`VC1-R`: 10100/10101, `CC1:`: 100/101).
 */
function framed(bytes: Uint8Array, catalogue: QrCatalogue | undefined, legacy = false): { entryId: number; top: CborTag } {
  const top = decodeCbor(bytes);
  if (!(top instanceof CborTag) || top.tag !== CBORLD_TAG || !Array.isArray(top.value) || top.value.length !== 2) {
    throw new CorridorError('ERR_QR_INVALID', 'the QR payload is not Corridor CBOR-LD');
  }
  const [entryId, payload] = top.value;
  const [plain, withCatalogue] = legacy ? [LEGACY_TABLE_ID, LEGACY_CATALOGUE_TABLE_ID] : [CORRIDOR_TABLE_ID, CORRIDOR_CATALOGUE_TABLE_ID];
  if (entryId !== plain && entryId !== withCatalogue) throw new CorridorError('ERR_QR_INVALID', 'unknown compression table');
  if (entryId === withCatalogue && !catalogue) throw needsCatalogue();
  if (!(payload instanceof CborMap)) throw new CorridorError('ERR_QR_INVALID', 'the QR payload is not Corridor CBOR-LD');
  return { entryId, top };
}

/**
 * What a decoder handed back, as plain JSON data or ERR_QR_INVALID: plain objects (see
 * isPlainObject: no prototype lent by a `__proto__` key), arrays, strings, finite numbers,
 * booleans, null.
 */
export function assertPlainJson(value: unknown, depth = 0): void {
  if (depth > 32) throw new CorridorError('ERR_QR_INVALID', 'the QR payload nests too deeply');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
  } else if (Array.isArray(value)) {
    for (const item of value) assertPlainJson(item, depth + 1);
    return;
  } else if (isPlainObject(value)) {
    for (const item of Object.values(value)) assertPlainJson(item, depth + 1);
    return;
  }
  throw new CorridorError('ERR_QR_INVALID', 'the QR payload is not plain credential data');
}

/** `legacy`: bytes from a `CC1:` code (our retired entries 100/101), decoded by the library alone. */
export async function cborldToCredential(bytes: Uint8Array, options: QrCodecOptions & { legacy?: boolean } = {}): Promise<Record<string, unknown>> {
  const { catalogue, documentLoader = defaultLoader, legacy = false } = options;
  if (bytes.length > MAX_CBORLD_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'the QR payload is larger than any credential');
  const { entryId, top } = framed(bytes, catalogue, legacy);
  let decoded: unknown;
  try {
    if (documentLoader === defaultLoader && !legacy) decoded = decodeCredentialFast(bytes, CREDENTIAL_CONTEXTS, fastTablesFor(entryId === CORRIDOR_CATALOGUE_TABLE_ID ? catalogue : undefined), top);
    decoded ??= await (await cborld()).decode({ cborldBytes: ownBytes(bytes), documentLoader, typeTableLoader: typeTableLoaderFor(catalogue) });
  } catch (cause) {
    // Every failure is coded, whatever threw it (a RangeError from a date no Date holds included).
    if (isCorridorError(cause) && cause.code !== 'ERR_CONTEXT_UNKNOWN') throw cause;
    throw new CorridorError('ERR_QR_INVALID', 'the QR payload is not valid CBOR-LD', { cause });
  }
  assertPlainJson(decoded);
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw new CorridorError('ERR_QR_INVALID', 'the QR payload is not a credential');
  return decoded as Record<string, unknown>;
}

/** Credential → the text a QR code carries. */
export async function encodeQrText(credential: object, options: QrCodecOptions = {}): Promise<string> {
  return QR_PREFIX + encodeBase45(await credentialToCborld(credential, options));
}

/** QR text → credential. Coded errors for a wrong prefix, bad base45, or bad CBOR-LD. */
export async function decodeQrText(text: string, options: QrCodecOptions = {}): Promise<Record<string, unknown>> {
  if (typeof text !== 'string') throw new CorridorError('ERR_QR_INVALID', 'QR payload must be text');
  const trimmed = text.trim();
  if (trimmed.length > MAX_QR_TEXT_LENGTH) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'QR text is longer than any QR code holds');
  if (trimmed.startsWith(QR_PREFIX)) return cborldToCredential(decodeBase45(trimmed.slice(QR_PREFIX.length)), options);
  if (trimmed.startsWith(LEGACY_QR_PREFIX)) return cborldToCredential(decodeBase45(trimmed.slice(LEGACY_QR_PREFIX.length)), { ...options, legacy: true });
  if (/^VC\d+-/.test(trimmed)) throw new CorridorError('ERR_QR_INVALID', 'unsupported VC Barcodes header or encoding (expected VC1- and base45)');
  throw new CorridorError('ERR_QR_INVALID', /^CC\d+:/.test(trimmed) ? 'unsupported Corridor QR format version' : 'not a Corridor QR code (expected the VC1- prefix)');
}
