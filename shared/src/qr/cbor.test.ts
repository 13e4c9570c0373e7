// The CBOR under a scanned QR is the attacker's: cborg reads it held to the slice our credentials
// use. Each hostile form is refused by decodeCbor, and, framed as our CBOR-LD, by the QR decoder
// with ERR_QR_INVALID before any CBOR-LD decoder (ours or the library's) sees it.
import { describe, expect, it } from '@jest/globals';
import { decodeBase45, encodeBase45 } from './base45.js';
import { CborMap, CborTag, decodeCbor, encodeCbor } from './cbor.js';
import { decodeQrText, QR_PREFIX } from './cborld.js';

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));
/** tag 0xcb1d over [10100, payload]: our framing around `payload`'s bytes. */
const framed = (payload: string) => hex(`d9cb1d 82 192774 ${payload}`);
/** A payload map {1: value}. */
const valueOf = (value: string) => framed(`a1 01 ${value}`);

const HOSTILE: Record<string, Uint8Array> = {
  'a float (1.0 in half precision)': valueOf('f93c00'),
  'a float that looks integral (1.0 in double precision)': valueOf('fb3ff0000000000000'),
  'negative zero': valueOf('f98000'),
  'NaN': valueOf('f97e00'),
  'Infinity': valueOf('f97c00'),
  'null': valueOf('f6'),
  'undefined': valueOf('f7'),
  'a simple value': valueOf('e0'),
  'a one-byte simple value': valueOf('f820'),
  'an indefinite-length array': valueOf('9f 01 ff'),
  'an indefinite-length map': valueOf('bf 01 01 ff'),
  'an indefinite-length byte string': valueOf('5f 4100 ff'),
  'an indefinite-length text string': valueOf('7f 6161 ff'),
  'a lone break': valueOf('ff'),
  'text that is not UTF-8': valueOf('62 c328'),
  'a UTF-8-encoded surrogate': valueOf('63 eda080'),
  'a text key (`__proto__`)': framed(`a1 69 ${Buffer.from('__proto__').toString('hex')} 01`),
  'a byte-string key': framed('a1 4101 01'),
  'an array key': framed('a1 8101 01'),
  'a boolean key': framed('a1 f5 01'),
  'a key twice': framed('a2 01 01 01 02'),
  'bytes after the item': hex(`${Buffer.from(framed('a1 01 01')).toString('hex')} 00`),
  'a text longer than the data': valueOf('78ff 61'),
  'an array of four billion items': valueOf('9affffffff 01'),
  'a map of four billion entries': valueOf('baffffffff 01 01'),
  'an integer beyond 2^53': valueOf('1b0020000000000000'),
  'a negative integer beyond -2^53': valueOf('3b0020000000000000'),
  'a reserved head (28)': valueOf('1c'),
  'a reserved head (30)': valueOf('1e'),
  'an integer in more bytes than needed': valueOf('1805'),
  'a length in more bytes than needed': valueOf('7801 61'),
  'the entry id in more bytes than needed': hex('d9cb1d 82 1a00002774 a0'),
  'another tag on top': hex('c1 82 192774 a0'),
  'a tag inside the payload': valueOf('c1 00'),
  'our tag inside the payload': valueOf('d9cb1d 00'),
  'nesting one level too deep': valueOf(`${'81'.repeat(14)} 00`),
  'a truncated item': framed('a2 01 01'),
  'nothing': new Uint8Array(),
};

describe('decoding CBOR from a QR', () => {
  it('reads what our encoder writes, as Map, Tagged, Uint8Array, numbers, strings and booleans', () => {
    const value = new CborTag(0xcb1d, [10100, new CborMap([[1, 2], [3, [true, false, 'ü', Uint8Array.of(1, 2)]], [24, 1 - 2 ** 53], [70000, new CborMap([[0, 2 ** 53 - 1]])]])]);
    const bytes = encodeCbor(value);
    expect(decodeCbor(bytes)).toEqual(value);
    expect(decodeCbor(valueOf(`${'81'.repeat(13)} 00`))).toBeInstanceOf(CborTag);
    // Keys ascending, shortest heads: the bytes @digitalbazaar/cborld writes through cborg.
    expect(Buffer.from(encodeCbor(new CborMap([[30, 1], [2, 1], [300, 1]]))).toString('hex')).toBe('a3020118' + '1e01' + '19012c01');
  });

  it('hands back bytes of their own, never a Buffer viewing Node\'s pool (as cborg does for 129-256 bytes)', () => {
    for (let size = 0; size < 600; size += 1) {
      const bytes = encodeCbor(new CborMap([[1, 'x'.repeat(size)]]));
      expect(bytes.constructor).toBe(Uint8Array);
      expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    }
  });

  for (const [name, bytes] of Object.entries(HOSTILE)) {
    it(`refuses ${name}: ERR_QR_INVALID before any CBOR-LD decoder`, async () => {
      expect(decodeCbor(bytes)).toBeUndefined();
      const text = QR_PREFIX + encodeBase45(bytes);
      expect(decodeBase45(text.slice(QR_PREFIX.length))).toEqual(bytes);
      await expect(decodeQrText(text)).rejects.toMatchObject({ code: 'ERR_QR_INVALID', message: 'the QR payload is not Corridor CBOR-LD' });
    });
  }
});
