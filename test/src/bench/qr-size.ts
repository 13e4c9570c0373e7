/** How big the reference credential's QR code is: ours, against compact JSON and default CBOR-LD. */
import { encode as encodeCborld } from '@digitalbazaar/cborld';
import { describeQr, documentLoader, encodeQrText, QR_PREFIX } from '@corridor/shared';
import QRCode from 'qrcode';
import { createWorld } from '../world.js';
import { measure } from './measure.js';

/**
 * The reference QR before credentials dropped Corridor's own context for VC 2.0 + OB 3.0 terms
 * (IdentityObject birth date, Result route, status entry id, ESCO targetUrl) and took the VC
 * Barcodes framing: the bench reports the change against it.
 */
export const BEFORE_OB3_TERMS = { bytes: 340, version: 14, modules: 73 };

export interface QrResults {
  corridor: { bytes: number; characters: number; version: number; modules: number };
  compactJson: { bytes: number; version: number | null; modules: number | null };
  defaultCborld: { bytes: number; characters: number; version: number; modules: number };
  /** The plain way to a credential's QR files: `qrcode.toBuffer` (PNG) + `qrcode.toString` (SVG), one thread. */
  plainQrFiles: { opsPerSecond: number; msPerRow: number };
}

/** QR version and modules at ECC M for byte-mode data, or nulls when it does not fit at all. */
function byteModeQr(text: string): { version: number | null; modules: number | null } {
  try {
    const { version, modules } = describeQr(text);
    return { version, modules };
  } catch {
    return { version: null, modules: null };
  }
}

export async function benchQrSize(): Promise<QrResults> {
  const world = await createWorld();
  const credential = await world.issue();
  await world.publishStatus();
  const catalogue = (await world.trust('JP')).qrCatalogue!;
  world.close();
  const text = await encodeQrText(credential, { catalogue });
  const ours = describeQr(text);
  const json = JSON.stringify(credential);
  const plain = await encodeCborld({ jsonldDocument: credential, documentLoader, registryEntryId: 1 });
  const plainText = QR_PREFIX + (await import('@corridor/shared')).encodeBase45(plain);
  const plainQr = describeQr(plainText);
  const files = await measure(async () => {
    await QRCode.toBuffer(text, { errorCorrectionLevel: 'M' });
    await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M' });
  }, { durationMs: 2000, warmup: 10 });
  return {
    plainQrFiles: { opsPerSecond: files.opsPerSecond, msPerRow: Math.round(100_000 / files.opsPerSecond) / 100 },
    corridor: { bytes: Math.floor(((text.length - QR_PREFIX.length) * 2) / 3), characters: text.length, version: ours.version, modules: ours.modules },
    compactJson: { bytes: Buffer.byteLength(json), ...byteModeQr(json) },
    defaultCborld: { bytes: plain.length, characters: plainText.length, version: plainQr.version, modules: plainQr.modules },
  };
}
