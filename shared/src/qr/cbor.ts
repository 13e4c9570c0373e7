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
 * Plain bytes of their own. cborg, under Node, may hand back a Buffer (a view into Node's shared
 * 8 KiB pool) and @digitalbazaar/cborld 8.1 reads a table code through `bytes.buffer`, ignoring
 * the view's offset and length: fed such a Buffer, it reads the pool, not the code, and fails.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

export function encodeCbor(value: CborValue): Uint8Array {
  return ownBytes(encode(value));
}

const ALLOWED = new Set<string>([Type.uint.name, Type.negint.name, Type.bytes.name, Type.string.name, Type.array.name, Type.map.name, Type.tag.name, Type.true.name, Type.false.name]);
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
  /** Items still to come in each open array, map (keys and values) or tag, innermost last. */
  private readonly open: number[] = [];
  private readonly inMap: boolean[] = [];

  constructor(data: Uint8Array, options: DecodeOptions, private readonly maxDepth: number) {
    super(data, options);
  }

  override next(): Token {
    const at = this.pos();
    const token = super.next();
    const { type } = token;
    if (!ALLOWED.has(type.name)) throw new Error(`CBOR ${type.name} is not in the slice we read`);
    const depth = this.open.length;
    if (depth > this.maxDepth) throw new Error('CBOR nests too deeply');
    if (type === Type.tag && depth > 0) throw new Error('a CBOR tag inside the item');
    if (depth > 0) {
      const left = --this.open[depth - 1]!;
      // In a map, items alternate key, value: a key leaves an odd count behind.
      if (this.inMap[depth - 1] && left % 2 === 1 && type !== Type.uint && type !== Type.negint) throw new Error('CBOR map key is not an integer');
    }
    if (type === Type.string && (token.value as string).includes(REPLACEMENT)) utf8Strict.decode(textBytes(this.data, at, token));
    const items = type === Type.array ? token.value as number : type === Type.map ? 2 * (token.value as number) : type === Type.tag ? 1 : 0;
    if (items > 0) {
      this.open.push(items);
      this.inMap.push(type === Type.map);
    } else {
      while (this.open.length > 0 && this.open[this.open.length - 1] === 0) {
        this.open.pop();
        this.inMap.pop();
      }
    }
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
