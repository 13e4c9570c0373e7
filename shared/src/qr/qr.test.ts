import { describe, expect, it } from '@jest/globals';
import { buildSkillCredential } from '../credential.js';
import { CorridorError } from '../errors.js';
import { generateKeyPair, importKeyPair } from '../keys.js';
import { verifyCredentialProof, signCredential } from '../proof.js';
import { phCaregivingQualification } from '../reference.js';
import { decodeBase45, encodeBase45 } from './base45.js';
import { CborMap, CborTag, decodeCbor, encodeCbor, type CborValue } from './cbor.js';
import { assertPlainJson, decodeQrText, encodeQrText, QR_PREFIX } from './cborld.js';
import { describeQr, encodeQrSymbol, qrSymbolSvg, renderQrPng, renderQrSvg } from './image.js';
import { readQrFromPng } from './reader.js';

const authority = importKeyPair(generateKeyPair());
const issuerKey = importKeyPair(generateKeyPair());

async function signedCredential() {
  const credential = buildSkillCredential({
    id: 'urn:uuid:3f1c2a9e-5b7d-4c8e-9a1f-2b3c4d5e6f70',
    issuer: { did: issuerKey.description.controller, name: 'Manila Care Training Center' },
    qualification: phCaregivingQualification(authority.description.controller),
    subject: { name: 'Maria Santos', birthDate: '1996-04-12' },
    assessedAt: '2026-10-30T00:00:00Z', route: 'training', validFrom: '2026-11-01T00:00:00Z',
    status: {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation', statusListIndex: '48213', statusListCredential: 'https://mctc.example.ph/credentials/status/1',
    },
  });
  return signCredential({ credential, signer: issuerKey.signer, now: new Date('2026-11-01T00:00:00Z') });
}

async function codeOf(promise: Promise<unknown>) {
  try { await promise; } catch (error) { return (error as CorridorError).code; }
  return 'no error';
}

describe('QR codec', () => {
  it('round-trips a signed credential through QR text, PNG pixels and back, and the proof still verifies', async () => {
    const credential = await signedCredential();
    const text = await encodeQrText(credential);
    expect(text.startsWith(QR_PREFIX)).toBe(true);
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    const png = await renderQrPng(text);
    const read = await readQrFromPng(png);
    expect(read).toBe(text);
    const decoded = await decodeQrText(read);
    expect(decoded).toEqual(credential);
    await expect(verifyCredentialProof({ credential: decoded })).resolves.toEqual({ verified: true });
  });

  it('fits a QR code a phone reads from paper, and renders SVG', async () => {
    const text = await encodeQrText(await signedCredential());
    const { version } = describeQr(text);
    expect(version).toBeLessThanOrEqual(25);
    const svg = await renderQrSvg(text);
    expect(svg).toMatch(/^<svg/);
  });

  it('gives coded errors for a wrong prefix, a newer version, bad base45, bad CBOR and oversize text', async () => {
    const text = await encodeQrText(await signedCredential());
    expect(await codeOf(decodeQrText('HC1:' + text.slice(4)))).toBe('ERR_QR_INVALID');
    expect(await codeOf(decodeQrText('CC2:' + text.slice(4)))).toBe('ERR_QR_INVALID');
    expect(await codeOf(decodeQrText('CC1:abc'))).toBe('ERR_QR_INVALID');
    expect(await codeOf(decodeQrText('CC1:' + encodeBase45(Uint8Array.from([1, 2, 3, 4]))))).toBe('ERR_QR_INVALID');
    expect(await codeOf(decodeQrText(text.slice(0, text.length - 30)))).toBe('ERR_QR_INVALID');
    expect(await codeOf(decodeQrText('CC1:' + '0'.repeat(5000)))).toBe('ERR_PAYLOAD_TOO_LARGE');
  });

  it('decodes only our framing: VC1-R, tag 0xcb1d over [10100 or 10101, integer-keyed map], nothing else, nothing after', async () => {
    const text = await encodeQrText(await signedCredential());
    const top = decodeCbor(decodeBase45(text.slice(QR_PREFIX.length))) as CborTag;
    const [entry, payload] = top.value as [number, CborMap];
    expect(entry).toBe(10100);
    expect(text.startsWith('VC1-R')).toBe(true);
    const framed = (...value: CborValue[]) => QR_PREFIX + encodeBase45(encodeCbor(new CborTag(0xcb1d, value)));
    expect(await decodeQrText(framed(entry, payload))).toEqual(await decodeQrText(text));
    for (const hostile of [
      framed(0, payload), framed(1, payload), framed(100, payload), framed(10102, payload), framed(entry, payload, 'more'), framed(entry), framed(entry, 'text'),
      // 10101 is ours, but needs the catalogue.
      framed(10101, payload),
      // Our entry under the retired prefix, or under another VC Barcodes encoding than base45.
      'CC1:' + encodeBase45(encodeCbor(new CborTag(0xcb1d, [entry, payload]))), 'VC1-' + encodeBase45(encodeCbor(new CborTag(0xcb1d, [entry, payload]))),
      QR_PREFIX + encodeBase45(Uint8Array.from([...encodeCbor(new CborTag(0xcb1d, [entry, payload])), 0])),
      QR_PREFIX + encodeBase45(encodeCbor(new CborTag(0x0501, payload))),
    ]) expect(await codeOf(decodeQrText(hostile))).toBe('ERR_QR_INVALID');
  });

  it('a date no Date holds, in seconds or as a 20-digit fraction, is a coded error (never a RangeError)', async () => {
    const text = await encodeQrText(await signedCredential());
    const [entry, payload] = (decodeCbor(decodeBase45(text.slice(QR_PREFIX.length))) as CborTag).value as [number, CborMap];
    const frame = (key: number, value: CborValue) => QR_PREFIX + encodeBase45(encodeCbor(new CborTag(0xcb1d, [entry, new CborMap([...payload, [key, value]])])));
    expect(await codeOf(decodeQrText(frame(234, 2 ** 52)))).toBe('ERR_QR_INVALID');
    expect(await codeOf(decodeQrText(frame(234, [2 ** 50, 1])))).toBe('ERR_QR_INVALID');
    // A fraction the fast codec cannot re-encode: the library decodes it; no RangeError either way.
    await expect(decodeQrText(frame(234, '2026-11-01T00:00:00.12345678901234567890Z'))).resolves.toMatchObject({ validFrom: '2026-11-01T00:00:00.12345678901234567890Z' });
  });

  it('what a decoder hands back must be plain data: no prototype lent by a `__proto__` key', () => {
    expect(() => assertPlainJson(JSON.parse('{"a":[1,"x",null,{"b":true}]}'))).not.toThrow();
    const lent: Record<string, unknown> = {};
    lent['__proto__'] = { validUntil: '2031-12-31T00:00:00Z' };
    expect(() => assertPlainJson({ nested: lent })).toThrow(expect.objectContaining({ code: 'ERR_QR_INVALID' }));
    expect(() => assertPlainJson(JSON.parse('{"__proto__":{}}'))).toThrow(expect.objectContaining({ code: 'ERR_QR_INVALID' }));
    expect(() => assertPlainJson({ when: new Date() })).toThrow(expect.objectContaining({ code: 'ERR_QR_INVALID' }));
  });

  it('refuses a PNG without a QR, a non-PNG and a PNG that declares a huge size', async () => {
    const blank = await renderQrPng('CC1:');
    await expect(readQrFromPng(new Uint8Array(blank.length))).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
    const bomb = Buffer.from(blank);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    await expect(readQrFromPng(bomb)).rejects.toMatchObject({ code: 'ERR_PAYLOAD_TOO_LARGE' });
    // A PNG header over bytes that are not an image: ZXing's loader refuses it, a coded error.
    const broken = Buffer.concat([blank.subarray(0, 33), Buffer.alloc(200, 7)]);
    await expect(readQrFromPng(broken)).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
    // A real PNG with no code in it.
    const { PNG } = await import('pngjs');
    const white = new PNG({ width: 64, height: 64 });
    white.data.fill(255);
    await expect(readQrFromPng(PNG.sync.write(white))).rejects.toMatchObject({ code: 'ERR_QR_NOT_FOUND' });
  });
});

describe('qrSymbolSvg', () => {
  /** The plain way: one path command per horizontal run of dark modules. */
  function referenceSvg(size: number, modules: Uint8Array, margin: number): string {
    let path = '';
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (!modules[row * size + col]) continue;
        let run = 1;
        while (col + run < size && modules[row * size + col + run]) run++;
        path += `M${col + margin} ${row + margin}h${run}v1h-${run}z`;
        col += run - 1;
      }
    }
    const side = size + 2 * margin;
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
      `<path fill="#ffffff" d="M0 0h${side}v${side}H0z"/><path fill="#000000" d="${path}"/></svg>\n`;
  }

  it('draws exactly the runs of dark modules, for small and large symbols, any margin, all dark or checkered', () => {
    for (const text of ['1', 'HELLO WORLD', 'A'.repeat(1200), 'Z'.repeat(3300)]) {
      const symbol = encodeQrSymbol(text);
      const allDark = symbol.modules.map(() => 1);
      const checkered = symbol.modules.map((_, at) => at % 2);
      for (const modules of [symbol.modules, allDark, checkered]) {
        for (const margin of [0, 4, 300, 12_000]) expect(qrSymbolSvg({ ...symbol, modules }, margin)).toBe(referenceSvg(symbol.size, modules, margin));
      }
    }
  });
});

describe('credentials with what a client may add', () => {
  it('round-trip through the QR (the library codec takes what the specialised one does not), and the proof still verifies', async () => {
    const reference = await signedCredential();
    const referenceText = await encodeQrText(reference);
    const { proof: _proof, ...unsigned } = reference;
    for (const extra of [
      { description: 'Autumn cohort, Manila campus.' },
      { evidence: [{ id: 'https://mctc.example.ph/portfolio/17', type: ['Evidence'], name: 'Practical assessment', narrative: 'Observed care of two clients.' }] },
      { type: ['VerifiableCredential', 'AchievementCredential'] },
    ]) {
      const signed = await signCredential({ credential: { ...unsigned, ...extra } as typeof unsigned, signer: issuerKey.signer, now: new Date('2026-11-01T00:00:00Z') });
      const decoded = await decodeQrText(await encodeQrText(signed));
      expect(decoded).toEqual(JSON.parse(JSON.stringify(signed)));
      expect((await verifyCredentialProof({ credential: decoded, now: new Date('2026-11-02T00:00:00Z') })).verified).toBe(true);
    }
    // The reference credential still takes the specialised codec: its QR text is what it was.
    expect(await encodeQrText(reference)).toBe(referenceText);
    expect(referenceText.length).toBe(1138);
  });
});
