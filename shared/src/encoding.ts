/** Byte encodings used by multikeys, multibase and JOSE: base58btc and base64url. */
const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_INDEX = new Map([...BASE58_ALPHABET].map((char, i) => [char, i]));

/** 58⁵: five base58 digits fit one limb, and a limb times 256 plus a carry stays an exact double. */
const LIMB = 58 ** 5;

export function encodeBase58btc(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  // The number in limbs of base 58⁵, least significant first.
  const limbs = new Float64Array(Math.ceil((bytes.length * 1.37) / 5) + 1);
  let used = 0;
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i]!;
    for (let j = 0; j < used; j++) {
      const x = limbs[j]! * 256 + carry;
      carry = Math.floor(x / LIMB);
      limbs[j] = x - carry * LIMB;
    }
    while (carry > 0) {
      const next = Math.floor(carry / LIMB);
      limbs[used++] = carry - next * LIMB;
      carry = next;
    }
  }
  let out = '';
  for (let j = used - 1; j >= 0; j--) {
    let limb = limbs[j]!;
    let chunk = '';
    for (let k = 0; k < 5; k++) {
      const next = Math.floor(limb / 58);
      chunk = BASE58_ALPHABET[limb - next * 58]! + chunk;
      limb = next;
    }
    out += chunk;
  }
  // The top limb's leading zero digits are not part of the number.
  let start = 0;
  while (start < out.length && out[start] === '1') start++;
  return '1'.repeat(zeros) + out.slice(start);
}

/** Returns undefined for a string that is not base58btc. */
export function decodeBase58btc(text: string): Uint8Array | undefined {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  // The number in limbs of 2²⁴, least significant first: a limb times 58 plus a carry stays small.
  const limbs = new Int32Array(Math.ceil((text.length * 0.733) / 3) + 1);
  let used = 0;
  for (let i = zeros; i < text.length; i++) {
    const value = BASE58_INDEX.get(text[i]!);
    if (value === undefined) return undefined;
    let carry = value;
    for (let j = 0; j < used; j++) {
      const x = limbs[j]! * 58 + carry;
      limbs[j] = x & 0xffffff;
      carry = x >>> 24;
    }
    while (carry > 0) {
      limbs[used++] = carry & 0xffffff;
      carry >>>= 24;
    }
  }
  const digits: number[] = [];
  for (let j = 0; j < used; j++) {
    const limb = limbs[j]!;
    digits.push(limb & 0xff, (limb >>> 8) & 0xff, limb >>> 16);
  }
  while (digits.length && digits[digits.length - 1] === 0) digits.pop();
  const out = new Uint8Array(zeros + digits.length);
  for (let k = 0; k < digits.length; k++) out[out.length - 1 - k] = digits[k]!;
  return out;
}

export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

export function decodeBase64url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}
