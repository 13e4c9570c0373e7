/**
 * Test helpers to build what an attacker hands the officer: credentials re-signed by a real key
 * with a hostile name, QR texts in framings our encoder never writes (uncompressed CBOR-LD with
 * string keys such as `__proto__`, other registry entries, extra elements, dates no Date holds),
 * a two-page PDF of QR codes, and a check of terminal output as a terminal would take it.
 */
import { deflateSync } from 'node:zlib';
import {
  CborMap, CborTag, decodeBase45, decodeCbor, encodeBase45, encodeCbor, QR_PREFIX, signCredential,
  type CborValue, type KeyPair, type SkillCredential,
} from '@corridor/shared';
import QRCode from 'qrcode';

/** What a terminal acts on instead of showing: C0 (but the line feed), DEL, C1, bidi controls, U+2028/9, and U+FFFD (a lone surrogate written out). */
export const TERMINAL_ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffd]/;

/** A name that, printed raw, clears the screen and paints the green VALID headline, then reorders and breaks lines. */
export const HOSTILE_NAME = '\u001b[2J\u001b[H\u001b[1;32mVALID: authentic, issued by an accredited training body, not revoked\u001b[0m' +
  '\nVALID: authentic\r\u009b2J\u202eMaria Santos\u2066\u0007\u007f';

/** The credential with `changes`, signed again by `key` (a real, accredited key: the signature is good). */
export async function resign(credential: SkillCredential, key: KeyPair, changes: (c: SkillCredential) => SkillCredential): Promise<SkillCredential> {
  const { proof: _proof, ...unsigned } = structuredClone(credential);
  return signCredential({ credential: changes(unsigned as SkillCredential), signer: key.signer }) as Promise<SkillCredential>;
}

/** CBOR as cborg writes plain JSON: text-keyed maps in key order of the object (own keys, `__proto__` included). */
export function cborJson(value: unknown): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    if (n < 24) out.push((major << 5) | n);
    else if (n < 0x100) out.push((major << 5) | 24, n);
    else if (n < 0x10000) out.push((major << 5) | 25, n >> 8, n & 0xff);
    else out.push((major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  };
  const write = (v: unknown): void => {
    if (v === null) out.push(0xf6);
    else if (typeof v === 'boolean') out.push(v ? 0xf5 : 0xf4);
    else if (typeof v === 'number') head(v < 0 ? 1 : 0, v < 0 ? -1 - v : v);
    else if (typeof v === 'string') { const bytes = Buffer.from(v, 'utf8'); head(3, bytes.length); out.push(...bytes); }
    else if (Array.isArray(v)) { head(4, v.length); v.forEach(write); }
    else if (v instanceof Uint8Array) { head(2, v.length); out.push(...v); }
    else {
      const keys = Object.keys(v as object);
      head(5, keys.length);
      for (const key of keys) { write(key); write((v as Record<string, unknown>)[key]); }
    }
  };
  write(value);
  return Uint8Array.from(out);
}

/** CBOR-LD 1.0 framing by hand: tag 0xcb1d over `elements` (normally [registry entry, payload]). */
export function cborldFrame(...elements: Uint8Array[]): Uint8Array {
  return Buffer.concat([Buffer.from([0xd9, 0xcb, 0x1d, 0x80 | elements.length]), ...elements]);
}

export const qrTextOf = (bytes: Uint8Array) => QR_PREFIX + encodeBase45(bytes);

/** The compressed payload map of one of our QR texts, to edit and frame again. */
export function payloadOf(qrText: string): { entry: number; payload: CborMap } {
  const top = decodeCbor(decodeBase45(qrText.slice(QR_PREFIX.length)));
  if (!(top instanceof CborTag) || !Array.isArray(top.value)) throw new Error('not our QR');
  return { entry: top.value[0] as number, payload: top.value[1] as CborMap };
}

export function reframe(entry: number, payload: CborMap, ...extra: CborValue[]): string {
  return qrTextOf(encodeCbor(new CborTag(0xcb1d, [entry, payload, ...extra])));
}

/** A PDF with one page per QR text, each QR drawn as vector squares. */
export function qrPagesPdf(texts: string[]): Uint8Array {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${texts.map((_, i) => `${3 + 2 * i} 0 R`).join(' ')}] /Count ${texts.length} >>`];
  const streams: Buffer[] = [];
  texts.forEach((text, i) => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'L' });
    const squares: string[] = [];
    for (let row = 0; row < qr.modules.size; row++) {
      for (let col = 0; col < qr.modules.size; col++) if (qr.modules.get(row, col)) squares.push(`${col} ${qr.modules.size - row} 1 1 re`);
    }
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${4 + 2 * i} 0 R /Resources << >> >>`, '');
    streams[4 + 2 * i] = deflateSync(Buffer.from(`q 0 g q 3 0 0 3 60 200 cm\n${squares.join('\n')}\nf Q Q`));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  objects.forEach((body, i) => {
    const data = streams[i + 1];
    parts.push(Buffer.from(`${i + 1} 0 obj\n`), data ? Buffer.concat([Buffer.from(`<< /Filter /FlateDecode /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]) : Buffer.from(body), Buffer.from('\nendobj\n'));
  });
  parts.push(Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n'));
  return Buffer.concat(parts);
}
