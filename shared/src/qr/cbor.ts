/**
 * CBOR (RFC 8949) through cborg, the library @digitalbazaar/cborld writes and reads with, so our
 * bytes are its bytes. Encoding is cborg's own (shortest heads, integer map keys ascending).
 * Decoding reads attacker-chosen bytes (a scanned QR), so cborg is held to the slice of CBOR a
 * compressed credential uses: unsigned and negative integers in the safe range, byte strings,
 * UTF-8 text, false and true, arrays, maps with integer keys and no key twice, and the CBOR-LD
 * tag on top; definite lengths, shortest heads, nothing after the item, nesting at most `maxDepth`.
 */
import { decode, encode, Tagged, Tokenizer, Type, type DecodeOptions, type Token } from 'cborg';

export type CborValue = number | string | boolean | Uint8Array | CborValue[] | CborMap | CborTag;
/** What a CBOR map decodes to (cborg's `useMaps`), and what encodes to one. */
export type CborMap = Map<number, CborValue>;
export const CborMap = Map as new (entries?: Iterable<readonly [number, CborValue]> | null) => CborMap;
/** A tag over a value: cborg's own, so that it encodes and decodes without a custom encoder. */
export type CborTag = Tagged;
export const CborTag = Tagged;

/** CBOR-LD 1.0: tag 0xcb1d over [registry entry id, payload]; the one tag we read. */
export const CBORLD_TAG = 0xcb1d;

/**
 * Plain bytes of their own. cborg, under Node, hands an encoding of 129-256 bytes back as a Buffer
 * (a view into Node's shared 8 KiB pool); decoding a Buffer, its byte strings are Buffer views too,
 * and @digitalbazaar/cborld 8.1 reads a table code through `bytes.buffer`, ignoring the view's
 * offset and length: it reads the pool, not the code, and fails ("Improperly formatted bytes").
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

export function encodeCbor(value: CborValue): Uint8Array {
  return ownBytes(encode(value));
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const REPLACEMENT = '\uFFFD';

/** Text bytes after the head at `at` (1, 2, 3, 5 or 9 bytes long for lengths below 24, 2^8, 2^16, 2^32, beyond). */
function textBytes(data: Uint8Array, at: number, token: Token): Uint8Array {
  const info = data[at]! & 31;
  const head = info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : info === 26 ? 5 : 9;
  return data.subarray(at + head, at + token.encodedLength!);
}

/**
 * cborg's tokenizer, refusing what cborg's options cannot: nesting deeper than `maxDepth`,
 * floats, null and undefined, map keys that are not integers, a tag anywhere but on top, and
 * text that is not UTF-8 (cborg's TextDecoder would write U+FFFD for it).
 */
class Guarded extends Tokenizer {
  /** Per open array, map or tag, innermost last: items still to come times two, plus one for a map. */
  private readonly open: number[] = [];

  constructor(data: Uint8Array, options: DecodeOptions, private readonly maxDepth: number) {
    super(data, options);
  }

  override next(): Token {
    const at = this.pos();
    const token = super.next();
    const { type } = token;
    // Major types 0-6, and of 7 only false and true (cborg's options refuse undefined, NaN, Infinity, not floats or null).
    if (type.major === 7 && type !== Type.true && type !== Type.false) throw new Error(`CBOR ${type.name} is not in the slice we read`);
    const { open } = this;
    const depth = open.length;
    if (depth > this.maxDepth) throw new Error('CBOR nests too deeply');
    if (depth > 0) {
      const left = (open[depth - 1]! -= 2);
      // A map's items alternate key, value: a key leaves an odd count behind.
      if (left & 1 && left & 2 && type !== Type.uint && type !== Type.negint) throw new Error('CBOR map key is not an integer');
    }
    if (type === Type.tag && depth > 0) throw new Error('a CBOR tag inside the item');
    if (type === Type.string && (token.value as string).includes(REPLACEMENT)) utf8Strict.decode(textBytes(this.data, at, token));
    const items = type === Type.array ? 2 * token.value : type === Type.map ? 4 * token.value + 1 : type === Type.tag ? 2 : 0;
    // Each item takes a byte at least: a count beyond the bytes left is refused before any is read.
    if (items > 1 && (type === Type.tag ? 1 : token.value) > this.data.length - this.pos()) throw new Error('CBOR count beyond the data');
    if (items > 1) open.push(items);
    else while (open.length > 0 && open[open.length - 1]! < 2) open.pop();
    return token;
  }
}

const OPTIONS: DecodeOptions = {
  useMaps: true,
  strict: true,
  rejectDuplicateMapKeys: true,
  allowIndefinite: false,
  allowUndefined: false,
  allowBigInt: false,
  allowNaN: false,
  allowInfinity: false,
  tags: { [CBORLD_TAG]: Tagged.decoder(CBORLD_TAG) },
};

/** The slice of CBOR above, or undefined for anything else. */
export function decodeCbor(bytes: Uint8Array, maxDepth = 16): CborValue | undefined {
  const options: DecodeOptions = { ...OPTIONS };
  options.tokenizer = new Guarded(bytes, options, maxDepth);
  try {
    return decode(bytes, options) as CborValue;
  } catch {
    return undefined;
  }
}
