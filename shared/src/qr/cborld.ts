/**
 * Credential ⇄ CBOR-LD bytes ⇄ QR text. The text is `CC1:` + base45, all inside the QR
 * alphanumeric set. Compression tables are append-only: a table id, once printed on paper,
 * always decodes to the same strings, so a certificate printed today still reads in ten years.
 */
import { CREDENTIAL_CONTEXTS } from '../contexts/index.js';
import { documentLoader as defaultLoader, type DocumentLoader } from '../document-loader.js';
import { CorridorError, isCorridorError } from '../errors.js';
import { isPlainObject } from '../validate.js';
import type { QrCatalogue } from '../types.js';
import { decodeBase45, encodeBase45 } from './base45.js';
import { CATALOGUE_CODE_OFFSET } from './catalogue.js';
import { CborMap, CborTag, decodeCbor } from './cbor.js';
import { CBORLD_TAG, decodeCredentialFast, encodeCredentialFast, fastTables, type FastTables } from './cborld-fast.js';

/** The library, loaded only for what the specialised codec leaves to it (importing it costs ~70 ms). */
const cborld = () => import('@digitalbazaar/cborld');

/** Typed prefix and format version of every Corridor QR payload. */
export const QR_PREFIX = 'CC1:';
/** The longest QR text we accept: a version-40 alphanumeric QR at ECC L holds 4,296 characters. */
export const MAX_QR_TEXT_LENGTH = 4296;
/** The longest CBOR-LD payload we decode, well above any credential we issue. */
export const MAX_CBORLD_BYTES = 3000;

type TypeTable = Map<string, Map<unknown, number>>;

/**
 * Corridor compression table 1 (CBOR-LD registry entry 100). APPEND ONLY: never reorder,
 * remove or renumber an entry; add a new table id for anything else.
 */
const TABLE_1 = {
  context: [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    'https://w3id.org/corridor/v1',
    'https://w3id.org/security/data-integrity/v2',
    'https://w3id.org/security/multikey/v1',
    'https://www.w3.org/ns/credentials/status/v1',
  ],
  none: ['ISCO-08', 'ESCO', 'PQF', 'AQRF', 'NQF', 'JQF', 'Certificate', 'Certification', 'License', 'training', 'recognition-of-prior-learning', 'revocation', 'suspension'],
  cryptosuite: ['eddsa-rdfc-2022'],
};
export const CORRIDOR_TABLE_ID = 100;
/** Table 1 plus the registry's QR catalogue (codes from CATALOGUE_CODE_OFFSET), from the trust pack. */
export const CORRIDOR_CATALOGUE_TABLE_ID = 101;

function numbered(values: readonly string[], first = 1): Map<unknown, number> {
  return new Map(values.map((value, i) => [value, first + i]));
}

const BASE_TABLE: TypeTable = new Map([
  ['context', numbered(TABLE_1.context)],
  ['url', numbered(TABLE_1.context)],
  ['none', numbered(TABLE_1.none)],
  ['https://w3id.org/security#cryptosuiteString', numbered(TABLE_1.cryptosuite)],
]);

const catalogueTables = new WeakMap<QrCatalogue, TypeTable>();

function tableWithCatalogue(catalogue: QrCatalogue): TypeTable {
  let table = catalogueTables.get(catalogue);
  if (!table) {
    table = new Map(BASE_TABLE);
    table.set('url', new Map([...BASE_TABLE.get('url')!, ...numbered(catalogue.url, CATALOGUE_CODE_OFFSET)]));
    table.set('none', new Map([...BASE_TABLE.get('none')!, ...numbered(catalogue.none, CATALOGUE_CODE_OFFSET)]));
    catalogueTables.set(catalogue, table);
  }
  return table;
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

function typeTableLoaderFor(catalogue: QrCatalogue | undefined) {
  return async ({ registryEntryId }: { registryEntryId: number }) => {
    if (registryEntryId === CORRIDOR_TABLE_ID) return BASE_TABLE;
    if (registryEntryId === CORRIDOR_CATALOGUE_TABLE_ID) {
      if (!catalogue) throw new CorridorError('ERR_QR_INVALID', 'this QR code needs the trust pack\'s catalogue: sync first');
      return tableWithCatalogue(catalogue);
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
 * library's default table (entry 1), legacy tags and any other registry entry never reach a decoder.
 */
function framedEntryId(bytes: Uint8Array, catalogue: QrCatalogue | undefined): number {
  const top = decodeCbor(bytes);
  if (!(top instanceof CborTag) || top.tag !== CBORLD_TAG || !Array.isArray(top.value) || top.value.length !== 2) {
    throw new CorridorError('ERR_QR_INVALID', 'the QR payload is not Corridor CBOR-LD');
  }
  const [entryId, payload] = top.value;
  if (entryId !== CORRIDOR_TABLE_ID && entryId !== CORRIDOR_CATALOGUE_TABLE_ID) throw new CorridorError('ERR_QR_INVALID', 'unknown compression table');
  if (entryId === CORRIDOR_CATALOGUE_TABLE_ID && !catalogue) throw new CorridorError('ERR_QR_INVALID', 'this QR code needs the trust pack\'s catalogue: sync first');
  if (!(payload instanceof CborMap)) throw new CorridorError('ERR_QR_INVALID', 'the QR payload is not Corridor CBOR-LD');
  return entryId;
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

export async function cborldToCredential(bytes: Uint8Array, options: QrCodecOptions = {}): Promise<Record<string, unknown>> {
  const { catalogue, documentLoader = defaultLoader } = options;
  if (bytes.length > MAX_CBORLD_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'the QR payload is larger than any credential');
  const entryId = framedEntryId(bytes, catalogue);
  let decoded: unknown;
  try {
    if (documentLoader === defaultLoader) decoded = decodeCredentialFast(bytes, CREDENTIAL_CONTEXTS, fastTablesFor(entryId === CORRIDOR_CATALOGUE_TABLE_ID ? catalogue : undefined));
    decoded ??= await (await cborld()).decode({ cborldBytes: bytes, documentLoader, typeTableLoader: typeTableLoaderFor(catalogue) });
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
  if (!trimmed.startsWith(QR_PREFIX)) {
    throw new CorridorError('ERR_QR_INVALID', /^CC\d+:/.test(trimmed) ? 'unsupported Corridor QR format version' : 'not a Corridor QR code (expected the CC1: prefix)');
  }
  return cborldToCredential(decodeBase45(trimmed.slice(QR_PREFIX.length)), options);
}
