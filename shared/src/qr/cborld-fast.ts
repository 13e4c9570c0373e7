/**
 * CBOR-LD for exactly the credential Corridor issues, without jsonld-style context processing:
 * the term ids and value codecs that @digitalbazaar/cborld derives from our fixed, `@protected`
 * contexts are written down once (cborld-schema.ts). Same bytes as the library, held by a property-based
 * differential test (cborld-fast.test.ts). Anything off that shape returns undefined and the
 * caller uses the library. The decoder accepts only what this encoder writes back bit for bit,
 * so whatever it decodes, the library would decode the same.
 */
import { encodeBase58btc, decodeBase58btc } from '../encoding.js';
import { CorridorError } from '../errors.js';
import { CBORLD_TAG, CborMap, CborTag, decodeCbor, encodeCbor, type CborValue } from './cbor.js';
import { ALIGNMENT_PATH, ANY_URI_TYPE, CONTEXT_PLURAL, CREDENTIAL, type Codec, type Schema } from './cborld-schema.js';

export { CBORLD_TAG };

/** The tables of one registry entry: string → code, and code → string. */
export interface FastTables {
  entryId: number;
  context: Map<string, number>;
  url: Map<string, number>;
  none: Map<string, number>;
  cryptosuite: Map<string, number>;
  anyUri: Map<string, number>;
  reverse: { context: Map<number, string>; url: Map<number, string>; none: Map<number, string>; cryptosuite: Map<number, string>; anyUri: Map<number, string> };
  /** Where the registry's append-only catalogue starts, when these tables include it. */
  catalogueFrom?: number;
}

export function fastTables(entryId: number, table: Map<string, Map<unknown, number>>): FastTables {
  const strings = (name: string) => new Map([...(table.get(name) ?? new Map<unknown, number>())].filter((e): e is [string, number] => typeof e[0] === 'string'));
  const context = strings('context');
  const urls = strings('url');
  const noneTable = strings('none');
  const cryptosuite = strings('https://w3id.org/security#cryptosuiteString');
  const anyUri = strings(ANY_URI_TYPE);
  const reverse = (m: Map<string, number>) => new Map([...m].map(([k, v]) => [v, k]));
  return {
    entryId, context, url: urls, none: noneTable, cryptosuite, anyUri,
    reverse: { context: reverse(context), url: reverse(urls), none: reverse(noneTable), cryptosuite: reverse(cryptosuite), anyUri: reverse(anyUri) },
  };
}

class OffShape extends Error {}
const off = (): never => { throw new OffShape(); };

/**
 * A table code in the catalogue's range that the catalogue held does not have: the catalogue only
 * grows, so the QR code was printed after the trust pack was made (a newer qualification, centre
 * or status list). Said distinctly, so that the officer is told to sync, not that the code is damaged.
 */
function lookUp(reverse: Map<number, string>, bytes: Uint8Array, tables: FastTables): string {
  const code = codeOf(bytes);
  const value = reverse.get(code);
  if (value !== undefined) return value;
  if (tables.catalogueFrom !== undefined && code >= tables.catalogueFrom) {
    throw new CorridorError('ERR_TRUST_PACK_OUTDATED', `unknown catalogue code ${code}: the QR code is newer than the trust pack held; sync`);
  }
  return off();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A string with no lone surrogate (whose UTF-8 bytes would be a guess), else off shape. */
function text(value: unknown): string {
  return typeof value === 'string' && !LONE_SURROGATE.test(value) ? value : off();
}

/** cborld writes a table code as the fewest big-endian bytes of 1, 2 or 4 (its thresholds, kept). */
function codeBytes(code: number): Uint8Array {
  if (code < 0xff) return Uint8Array.of(code);
  if (code < 0xffff) return Uint8Array.of(code >>> 8, code & 0xff);
  if (code < 0xffffffff) return Uint8Array.of(code >>> 24, (code >>> 16) & 0xff, (code >>> 8) & 0xff, code & 0xff);
  return off();
}

function codeOf(bytes: Uint8Array): number {
  if (bytes.length === 1) return bytes[0]!;
  if (bytes.length === 2) return (bytes[0]! << 8) | bytes[1]!;
  if (bytes.length === 4) return ((bytes[0]! << 24) >>> 0) + ((bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!);
  return off();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** base58btc bytes, undefined when not base58 (the library's decoder skips whitespace: not ours to guess). */
function base58(text: string): Uint8Array | undefined {
  if (/\s/.test(text)) return off();
  return decodeBase58btc(text);
}

function base58Part(text: string): CborValue {
  return (text.startsWith('z') ? base58(text.slice(1)) : undefined) ?? text;
}

function encodeUrl(input: unknown, tables: FastTables): CborValue {
  const value = text(input);
  const code = tables.url.get(value);
  if (code !== undefined) return codeBytes(code);
  // A value equal to a term would be written as the term: none of our URLs is (they have a
  // scheme, terms do not); anything unusual is the library's.
  if (!value.includes(':') || !URL.canParse(value)) return off();
  const scheme = value.slice(0, value.lastIndexOf(':'));
  if (scheme === 'https' || scheme === 'http') {
    const prefix = `${scheme}://`;
    return value.startsWith(prefix) ? [scheme === 'https' ? 2 : 1, value.slice(prefix.length)] : value;
  }
  if (scheme === 'urn:uuid') {
    const rest = value.slice('urn:uuid:'.length);
    if (rest.toLowerCase() !== rest) return [3, rest];
    if (!UUID.test(rest)) return off();
    return [3, Uint8Array.from(Buffer.from(rest.replace(/-/g, ''), 'hex'))];
  }
  if (scheme === 'did:key') {
    const parts = value.slice('did:key:'.length).split('#');
    if (parts.length > 2) return off();
    return [1025, ...parts.map(base58Part)];
  }
  if (scheme === 'data' || scheme === 'did:v1:nym') return off();
  return value;
}

function decodeUrl(value: CborValue, tables: FastTables): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return lookUp(tables.reverse.url, value, tables);
  if (!Array.isArray(value)) return off();
  const [scheme, first, second] = value;
  if ((scheme === 1 || scheme === 2) && value.length === 2 && typeof first === 'string') return `${scheme === 2 ? 'https' : 'http'}://${first}`;
  if (scheme === 3 && value.length === 2) {
    if (typeof first === 'string') return `urn:uuid:${first}`;
    if (!(first instanceof Uint8Array) || first.length !== 16) return off();
    const hex = Buffer.from(first).toString('hex');
    return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  if (scheme === 1025 && (value.length === 2 || value.length === 3)) {
    const part = (p: CborValue | undefined) => (typeof p === 'string' ? p : p instanceof Uint8Array ? `z${encodeBase58btc(p)}` : off());
    return `did:key:${part(first)}${value.length === 3 ? `#${part(second)}` : ''}`;
  }
  return off();
}

/** A time as ISO text; off shape when no Date holds it (toISOString would throw a RangeError). */
function iso(milliseconds: number): string {
  const date = new Date(milliseconds);
  return Number.isNaN(date.getTime()) ? off() : date.toISOString();
}

function encodeDateTime(input: unknown): CborValue {
  const value = text(input);
  const parsed = Date.parse(value);
  if (!value.includes('T') || Number.isNaN(parsed)) return value;
  const seconds = Math.floor(parsed / 1000);
  const dot = value.indexOf('.');
  if (dot === -1) return iso(seconds * 1000).replace('.000Z', 'Z') === value ? seconds : value;
  const milliseconds = parseInt(value.slice(dot + 1), 10);
  if (Number.isNaN(milliseconds)) return off();
  return iso(seconds * 1000 + milliseconds) === value ? [seconds, milliseconds] : value;
}

function decodeDateTime(value: CborValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return iso(value * 1000).replace('.000Z', 'Z');
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
    return iso(value[0] * 1000 + value[1]);
  }
  return off();
}

function encodeDate(input: unknown): CborValue {
  const value = text(input);
  const parsed = Date.parse(value);
  if (value.includes('T') || Number.isNaN(parsed)) return value;
  const seconds = Math.floor(parsed / 1000);
  const day = iso(seconds * 1000);
  return day.slice(0, day.indexOf('T')) === value ? seconds : value;
}

function decodeDate(value: CborValue): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return off();
  const day = iso(value * 1000);
  return day.slice(0, day.indexOf('T'));
}

function encodeValue(codec: Codec, value: unknown, tables: FastTables): CborValue {
  switch (codec.kind) {
    case 'url': return encodeUrl(value, tables);
    case 'none': {
      const code = tables.none.get(text(value));
      return code === undefined ? text(value) : codeBytes(code);
    }
    case 'text': return text(value);
    case 'anyUri': return tables.anyUri.get(text(value)) ?? text(value);
    case 'boolean': return typeof value === 'boolean' ? value : off();
    case 'date': return encodeDate(value);
    case 'dateTime': return encodeDateTime(value);
    case 'multibase': {
      if (typeof value !== 'string' || !value.startsWith('z')) return off();
      const decoded = base58(value.slice(1)) ?? off();
      const bytes = new Uint8Array(decoded.length + 1);
      bytes[0] = 0x7a;
      bytes.set(decoded, 1);
      return bytes;
    }
    case 'cryptosuite': return tables.cryptosuite.get(text(value)) ?? text(value);
    case 'term': return value === codec.term ? codec.id : off();
    case 'terms': {
      if (!Array.isArray(value) || value.length !== codec.terms.length) return off();
      return codec.terms.map(([term, id], i) => (value[i] === term ? id : off()));
    }
    case 'object': return encodeObject(codec.fields, value, tables);
    case 'objects': {
      if (!Array.isArray(value) || value.length > codec.max) return off();
      return value.map((item) => encodeObject(codec.fields, item, tables));
    }
  }
}

function decodeValue(codec: Codec, value: CborValue, tables: FastTables): unknown {
  switch (codec.kind) {
    case 'url': return decodeUrl(value, tables);
    case 'none':
      if (typeof value === 'string') return value;
      return value instanceof Uint8Array ? lookUp(tables.reverse.none, value, tables) : off();
    case 'text': return typeof value === 'string' ? value : off();
    case 'anyUri':
      if (typeof value === 'string') return value;
      return typeof value === 'number' ? tables.reverse.anyUri.get(value) ?? off() : off();
    case 'boolean': return typeof value === 'boolean' ? value : off();
    case 'date': return decodeDate(value);
    case 'dateTime': return decodeDateTime(value);
    case 'multibase':
      return value instanceof Uint8Array && value[0] === 0x7a ? `z${encodeBase58btc(value.subarray(1))}` : off();
    case 'cryptosuite':
      if (typeof value === 'string') return value;
      return typeof value === 'number' ? tables.reverse.cryptosuite.get(value) ?? off() : off();
    case 'term': return value === codec.id ? codec.term : off();
    case 'terms':
      if (!Array.isArray(value) || value.length !== codec.terms.length) return off();
      return codec.terms.map(([term, id], i) => (value[i] === id ? term : off()));
    case 'object': return decodeObject(codec.fields, value, tables);
    case 'objects':
      if (!Array.isArray(value) || value.length > codec.max) return off();
      return value.map((item) => decodeObject(codec.fields, item, tables));
  }
}

/** A schema's fields in the order of their ids, which is the order CBOR writes them in. */
const fieldsInIdOrder = new WeakMap<Schema, [string, Schema[string]][]>();
function byId(fields: Schema): [string, Schema[string]][] {
  let ordered = fieldsInIdOrder.get(fields);
  if (!ordered) {
    ordered = Object.entries(fields).sort(([, a], [, b]) => a.id - b.id);
    fieldsInIdOrder.set(fields, ordered);
  }
  return ordered;
}

function encodeObject(fields: Schema, value: unknown, tables: FastTables): CborMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return off();
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!Object.hasOwn(fields, key)) off();
  const map = new CborMap();
  for (const [key, field] of byId(fields)) {
    if (!Object.hasOwn(record, key)) {
      if (!field.optional) off();
      continue;
    }
    map.set(field.id, encodeValue(field.codec, record[key], tables));
  }
  return map;
}

function decodeObject(fields: Schema, value: CborValue, tables: FastTables): Record<string, unknown> {
  if (!(value instanceof CborMap)) return off();
  // Keys in the order the library writes them: sorted by term.
  const out: Record<string, unknown> = {};
  let seen = 0;
  for (const key of Object.keys(fields).sort()) {
    const field = fields[key]!;
    const encoded = value.get(field.id);
    if (encoded === undefined) {
      if (!field.optional) off();
      continue;
    }
    seen++;
    out[key] = decodeValue(field.codec, encoded, tables);
  }
  return seen === value.size ? out : off();
}

/** Our credential as CBOR-LD bytes, identical to the library's; undefined when off our shape. */
export function encodeCredentialFast(credential: object, contexts: readonly string[], tables: FastTables): Uint8Array | undefined {
  try {
    const record = credential as Record<string, unknown>;
    const context = record['@context'];
    if (!Array.isArray(context) || context.length !== contexts.length || !contexts.every((c, i) => context[i] === c)) return undefined;
    const { '@context': _context, ...rest } = record;
    const alignments = (rest.credentialSubject as { achievement?: { alignment?: unknown } } | undefined)?.achievement?.alignment;
    const schema = Array.isArray(alignments) && alignments.length > 0 ? CREDENTIAL.withAlignments : CREDENTIAL.withoutAlignments;
    const payload = encodeObject(schema, rest, tables);
    payload.set(CONTEXT_PLURAL, context.map((c: string) => tables.context.get(c) ?? c));
    return encodeCbor(new CborTag(CBORLD_TAG, [tables.entryId, payload]));
  } catch (error) {
    if (error instanceof OffShape) return undefined;
    throw error;
  }
}

/**
 * Our credential from CBOR-LD bytes, or undefined when they are not exactly what
 * `encodeCredentialFast` writes (then the library decides, with the same answer where it can).
 * `top`: those bytes as decodeCbor reads them, when the caller has already read them.
 */
export function decodeCredentialFast(bytes: Uint8Array, contexts: readonly string[], tables: FastTables, top = decodeCbor(bytes)): Record<string, unknown> | undefined {
  if (!(top instanceof CborTag) || top.tag !== CBORLD_TAG || !Array.isArray(top.value) || top.value.length !== 2) return undefined;
  const [entryId, payload] = top.value;
  if (entryId !== tables.entryId || !(payload instanceof CborMap)) return undefined;
  try {
    const context = payload.get(CONTEXT_PLURAL);
    if (!Array.isArray(context)) return undefined;
    const rest = new CborMap([...payload].filter(([key]) => key !== CONTEXT_PLURAL));
    const subject = rest.get(ALIGNMENT_PATH[0]);
    const achievement = subject instanceof CborMap ? subject.get(ALIGNMENT_PATH[1]) : undefined;
    const alignments = achievement instanceof CborMap ? achievement.get(ALIGNMENT_PATH[2]) : undefined;
    const schema = Array.isArray(alignments) && alignments.length > 0 ? CREDENTIAL.withAlignments : CREDENTIAL.withoutAlignments;
    const decoded = {
      '@context': context.map((c) => (typeof c === 'number' ? tables.reverse.context.get(c) ?? off() : typeof c === 'string' ? c : off())),
      ...decodeObject(schema, rest, tables),
    };
    const again = encodeCredentialFast(decoded, contexts, tables);
    return again && Buffer.from(again).equals(Buffer.from(bytes)) ? decoded : undefined;
  } catch (error) {
    if (error instanceof OffShape) return undefined;
    throw error;
  }
}
