/**
 * Whatever the officer has — a photo (PNG or JPEG) of the QR, a PDF of certificates (one per
 * page), the credential JSON, or the QR text — becomes credentials, or a coded error. Limits
 * come first, so oversized input fails fast.
 */
import {
  CorridorError, decodeQrText, isCorridorError, isJpeg, isPdf, isPng, isSvg, QR_PREFIX, readQrFromJpeg, readQrFromPng,
  readQrFromSvg, readQrsFromPdfDocument, type QrCatalogue,
} from '@corridor/shared';

export const MAX_JSON_BYTES = 1024 * 1024;

export type InputKind = 'png' | 'jpeg' | 'pdf' | 'svg' | 'json' | 'qr-text';

/** One credential read from the input; a PDF page whose QR code does not decode carries its error. */
export interface InputItem {
  credential?: unknown;
  error?: CorridorError;
  /** The PDF page it was found on. */
  page?: number;
}

type Options = { catalogue?: QrCatalogue };

/** Every credential in the input: one, or one per PDF page that has a QR code. */
export async function readCredentialInputs(bytes: Uint8Array, options: Options = {}): Promise<{ kind: InputKind; items: InputItem[] }> {
  if (bytes.length === 0) throw new CorridorError('ERR_INPUT_INVALID', 'the input is empty');
  // Each image reader checks its own size limit before decoding anything.
  const image = isPng(bytes) ? 'png' : isJpeg(bytes) ? 'jpeg' : isPdf(bytes) ? 'pdf' : undefined;
  if (image === 'png') return { kind: image, items: [{ credential: await decodeQrText(await readQrFromPng(bytes), options) }] };
  if (image === 'jpeg') return { kind: image, items: [{ credential: await decodeQrText(await readQrFromJpeg(bytes), options) }] };
  // Our own <uuid>.svg: its modules are read back from the path, no rendering.
  if (isSvg(bytes)) return { kind: 'svg', items: [{ credential: await decodeQrText(await readQrFromSvg(bytes), options) }] };
  if (image === 'pdf') {
    const items: InputItem[] = [];
    for (const { page, text } of await readQrsFromPdfDocument(bytes)) {
      try {
        items.push({ page, credential: await decodeQrText(text, options) });
      } catch (error) {
        // One bad page never takes the others down: whatever it threw, it is that page's coded error.
        items.push({ page, error: isCorridorError(error) ? error : new CorridorError('ERR_QR_INVALID', 'the QR payload cannot be read', { cause: error }) });
      }
    }
    return { kind: image, items };
  }
  if (bytes.length > MAX_JSON_BYTES) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'input is larger than any credential');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).trim();
  if (text.startsWith('{')) {
    try {
      return { kind: 'json', items: [{ credential: JSON.parse(text) as unknown }] };
    } catch (cause) {
      throw new CorridorError('ERR_INPUT_INVALID', 'the input looks like JSON but does not parse', { cause });
    }
  }
  if (/^[A-Z]{2}\d+[:-]/.test(text)) return { kind: 'qr-text', items: [{ credential: await decodeQrText(text, options) }] };
  throw new CorridorError('ERR_INPUT_INVALID', `the input is not a PNG or JPEG photo, a PDF, our SVG, credential JSON or ${QR_PREFIX} QR text`);
}

/** The one credential in the input (the first page's, for a PDF). */
export async function readCredentialInput(bytes: Uint8Array, options: Options = {}): Promise<{ credential: unknown; kind: InputKind }> {
  const { kind, items } = await readCredentialInputs(bytes, options);
  const first = items[0]!;
  if (first.error) throw first.error;
  return { credential: first.credential, kind };
}
