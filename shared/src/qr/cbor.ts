/**
 * The slice of CBOR (RFC 8949) a compressed credential uses: unsigned and negative integers,
 * byte and text strings, false and true, arrays, maps with integer keys, and one tag; definite lengths only,
 * always the shortest head, map keys ascending (what cborg writes for CBOR-LD).
 */

export type CborValue = number | string | boolean | Uint8Array | CborValue[] | CborMap | CborTag;
export class CborMap extends Map<number, CborValue> {}
export class CborTag {
  constructor(readonly tag: number, readonly value: CborValue) {}
}

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

class Writer {
  bytes = new Uint8Array(512);
  length = 0;
  ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  head(major: number, value: number): void {
    this.ensure(9);
    const m = major << 5;
    if (value < 24) this.bytes[this.length++] = m | value;
    else if (value < 0x100) { this.bytes[this.length++] = m | 24; this.bytes[this.length++] = value; }
    else if (value < 0x10000) { this.bytes[this.length++] = m | 25; this.bytes[this.length++] = value >>> 8; this.bytes[this.length++] = value & 0xff; }
    else if (value < 0x100000000) {
      this.bytes[this.length++] = m | 26;
      new DataView(this.bytes.buffer).setUint32(this.length, value);
      this.length += 4;
    } else {
      this.bytes[this.length++] = m | 27;
      new DataView(this.bytes.buffer).setBigUint64(this.length, BigInt(value));
      this.length += 8;
    }
  }
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
}

function write(writer: Writer, value: CborValue): void {
  if (typeof value === 'boolean') {
    writer.ensure(1);
    writer.bytes[writer.length++] = value ? 0xf5 : 0xf4;
  } else if (typeof value === 'number') {
    if (value >= 0) writer.head(0, value);
    else writer.head(1, -1 - value);
  } else if (typeof value === 'string') {
    const bytes = utf8.encode(value);
    writer.head(3, bytes.length);
    writer.raw(bytes);
  } else if (value instanceof Uint8Array) {
    writer.head(2, value.length);
    writer.raw(value);
  } else if (Array.isArray(value)) {
    writer.head(4, value.length);
    for (const item of value) write(writer, item);
  } else if (value instanceof CborMap) {
    writer.head(5, value.size);
    // Maps are mostly built in key order already: sort only those that are not.
    let previous = -Infinity;
    let ordered = true;
    for (const key of value.keys()) {
      if (key < previous) { ordered = false; break; }
      previous = key;
    }
    for (const key of ordered ? value.keys() : [...value.keys()].sort((a, b) => a - b)) {
      write(writer, key);
      write(writer, value.get(key)!);
    }
  } else {
    writer.head(6, value.tag);
    write(writer, value.value);
  }
}

export function encodeCbor(value: CborValue): Uint8Array {
  const writer = new Writer();
  write(writer, value);
  return writer.bytes.slice(0, writer.length);
}

/**
 * Reads that slice of CBOR back; undefined for anything else (floats, other simple values, indefinite
 * lengths, text that is not UTF-8, non-integer map keys, nesting deeper than `maxDepth`).
 */
export function decodeCbor(bytes: Uint8Array, maxDepth = 16): CborValue | undefined {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const argument = (info: number): number | undefined => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size || at + size > bytes.length) return undefined;
    const value = size === 1 ? bytes[at]! : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return Number.isSafeInteger(value) ? value : undefined;
  };
  const item = (depth: number): CborValue | undefined => {
    if (at >= bytes.length || depth > maxDepth) return undefined;
    const initial = bytes[at++]!;
    if (initial === 0xf4 || initial === 0xf5) return initial === 0xf5;
    const major = initial >> 5;
    const count = argument(initial & 31);
    if (count === undefined) return undefined;
    switch (major) {
      case 0: return count;
      case 1: return -1 - count;
      case 2:
      case 3: {
        if (at + count > bytes.length) return undefined;
        const slice = bytes.slice(at, at + count);
        at += count;
        if (major === 2) return slice;
        try { return utf8Strict.decode(slice); } catch { return undefined; }
      }
      case 4: {
        if (count > bytes.length - at) return undefined;
        const array: CborValue[] = [];
        for (let i = 0; i < count; i++) {
          const element = item(depth + 1);
          if (element === undefined) return undefined;
          array.push(element);
        }
        return array;
      }
      case 5: {
        if (count > bytes.length - at) return undefined;
        const map = new CborMap();
        for (let i = 0; i < count; i++) {
          const key = item(depth + 1);
          if (typeof key !== 'number' || map.has(key)) return undefined;
          const element = item(depth + 1);
          if (element === undefined) return undefined;
          map.set(key, element);
        }
        return map;
      }
      case 6: {
        const tagged = item(depth + 1);
        return tagged === undefined ? undefined : new CborTag(count, tagged);
      }
      default: return undefined;
    }
  };
  const value = item(0);
  return at === bytes.length ? value : undefined;
}
