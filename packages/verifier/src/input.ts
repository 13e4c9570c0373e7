/**
 * Whatever the officer has — a PNG of the QR, the credential JSON, or the QR text — becomes a
 * credential, or a coded error. Limits come first, so oversized input fails fast.
 */
import { CorridorError, decodeQrText, isPng, MAX_IMAGE_BYTES, QR_PREFIX, readQrFromPng, type QrCatalogue } from '@corridor/shared';

export const MAX_JSON_BYTES = 1024 * 1024;

export type InputKind = 'png' | 'json' | 'qr-text';

export async function readCredentialInput(bytes: Uint8Array, options: { catalogue?: QrCatalogue } = {}): Promise<{ credential: unknown; kind: InputKind }> {
  if (bytes.length === 0) throw new CorridorError('ERR_INPUT_INVALID', 'the input is empty');
  if (isPng(bytes)) {
    if (bytes.length > MAX_IMAGE_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'image is too large');
    return { credential: await decodeQrText(readQrFromPng(bytes), options), kind: 'png' };
  }
  if (bytes.length > MAX_JSON_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'input is larger than any credential');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).trim();
  if (text.startsWith('{')) {
    try {
      return { credential: JSON.parse(text) as unknown, kind: 'json' };
    } catch (cause) {
      throw new CorridorError('ERR_INPUT_INVALID', 'the input looks like JSON but does not parse', { cause });
    }
  }
  if (/^[A-Z]{2}\d+:/.test(text)) return { credential: await decodeQrText(text, options), kind: 'qr-text' };
  throw new CorridorError('ERR_INPUT_INVALID', `the input is not a PNG, credential JSON or ${QR_PREFIX} QR text`);
}
