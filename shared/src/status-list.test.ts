import { describe, expect, test } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { createBitstring, decodeBitstring, encodeBitstring, getBit, setBit, MIN_STATUS_LIST_LENGTH } from './status-list.js';

describe('bitstring status list', () => {
  test('an all-zero 131,072-bit list encodes to the specification value', () => {
    expect(encodeBitstring(createBitstring())).toBe('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA');
  });

  test('bit 0 is the most significant bit of the first byte; set bits survive encoding', () => {
    const bits = createBitstring();
    setBit(bits, 0, true);
    expect(bits[0]).toBe(0x80);
    setBit(bits, 131_071, true);
    setBit(bits, 94_567, true);
    const decoded = decodeBitstring(encodeBitstring(bits));
    expect([0, 1, 94_566, 94_567, 131_071].map((i) => getBit(decoded, i))).toEqual([true, false, false, true, true]);
    setBit(decoded, 94_567, false);
    expect(getBit(decoded, 94_567)).toBe(false);
  });

  test('refuses short lists, indices outside the list, garbage and zip bombs', () => {
    expect(() => createBitstring(1024)).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
    expect(() => getBit(createBitstring(), MIN_STATUS_LIST_LENGTH)).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
    expect(() => getBit(createBitstring(), -1)).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
    const short = 'u' + gzipSync(new Uint8Array(16)).toString('base64url');
    const bomb = 'u' + gzipSync(new Uint8Array(64 * 1024 * 1024)).toString('base64url');
    for (const bad of ['', 'zABC', 'u!!!', short, bomb]) {
      expect(() => decodeBitstring(bad)).toThrow(expect.objectContaining({ code: 'ERR_TRUST_PACK_INVALID' }));
    }
  });
});
