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

/**
 * Why the bytes are no input at all, for a caller that names the file (the CLI): empty, starting
 * like JSON but not parsing, no kind the verifier reads, or a photo or PDF its reader cannot decode.
 */
export type InputProblem = { problem: 'empty' | 'not-json' | 'unknown-kind' } | { problem: 'damaged'; kind: 'PNG' | 'JPEG' | 'PDF' };

const problems = new WeakMap<CorridorError, InputProblem>();

function refused(problem: InputProblem, message: string, cause?: unknown): CorridorError {
  const error = new CorridorError('ERR_INPUT_INVALID', message, cause === undefined ? undefined : { cause });
  problems.set(error, problem);
  return error;
}

/** The problem readCredentialInputs found with the bytes themselves, if that is what `error` is. */
export function inputProblem(error: unknown): InputProblem | undefined {
  return isCorridorError(error) ? problems.get(error) : undefined;
}

/** A reader's own refusal of the bytes (truncated, not decodable) is the file's damage; its size limits and QR errors stay theirs. */
async function decoded<T>(kind: 'PNG' | 'JPEG' | 'PDF', read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isCorridorError(error) && error.code === 'ERR_INPUT_INVALID' && !problems.has(error)) problems.set(error, { problem: 'damaged', kind });
    throw error;
  }
}

/** Every credential in the input: one, or one per PDF page that has a QR code. */
export async function readCredentialInputs(bytes: Uint8Array, options: Options = {}): Promise<{ kind: InputKind; items: InputItem[] }> {
  if (bytes.length === 0) throw refused({ problem: 'empty' }, 'the input is empty');
  // Each image reader checks its own size limit before decoding anything.
  const image = isPng(bytes) ? 'png' : isJpeg(bytes) ? 'jpeg' : isPdf(bytes) ? 'pdf' : undefined;
  if (image === 'png') return { kind: image, items: [{ credential: await decodeQrText(await decoded('PNG', () => readQrFromPng(bytes)), options) }] };
  if (image === 'jpeg') return { kind: image, items: [{ credential: await decodeQrText(await decoded('JPEG', () => readQrFromJpeg(bytes)), options) }] };
  // Our own <uuid>.svg: its modules are read back from the path, no rendering.
  if (isSvg(bytes)) return { kind: 'svg', items: [{ credential: await decodeQrText(await readQrFromSvg(bytes), options) }] };
  if (image === 'pdf') {
    const items: InputItem[] = [];
    for (const { page, text } of await decoded('PDF', () => readQrsFromPdfDocument(bytes))) {
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
      throw refused({ problem: 'not-json' }, 'the input looks like JSON but does not parse', cause);
    }
  }
  if (/^[A-Z]{2}\d+[:-]/.test(text)) return { kind: 'qr-text', items: [{ credential: await decodeQrText(text, options) }] };
  throw refused({ problem: 'unknown-kind' }, `the input is not a PNG or JPEG photo, a PDF, our SVG, credential JSON or ${QR_PREFIX} QR text`);
}

/** The one credential in the input (the first page's, for a PDF). */
export async function readCredentialInput(bytes: Uint8Array, options: Options = {}): Promise<{ credential: unknown; kind: InputKind }> {
  const { kind, items } = await readCredentialInputs(bytes, options);
  const first = items[0]!;
  if (first.error) throw first.error;
  return { credential: first.credential, kind };
}
