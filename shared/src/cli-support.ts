/**
 * What the three CLIs share: how an error is shown and which exit code it gets.
 * Exit codes: 0 success / valid, 1 invalid or refused, 2 indeterminate, 3 usage or input error.
 */
import { CorridorError, type ErrorCode } from './errors.js';

export const EXIT = { ok: 0, invalid: 1, indeterminate: 2, usage: 3, internal: 70 } as const;

const INPUT_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'ERR_INPUT_INVALID', 'ERR_PAYLOAD_TOO_LARGE', 'ERR_QR_NOT_FOUND', 'ERR_NOT_FOUND', 'ERR_TRUST_PACK_INVALID', 'ERR_KEY_INVALID',
]);

export class UsageError extends Error {}

/** The line a CLI prints for a failure, and its exit code. Unknown errors say nothing of their content. */
export function describeFailure(error: unknown): { line: string; exitCode: number; json: { code: string; message: string } } {
  if (error instanceof UsageError) {
    return { line: `usage: ${error.message}`, exitCode: EXIT.usage, json: { code: 'ERR_INPUT_INVALID', message: error.message } };
  }
  if (error instanceof CorridorError) {
    return {
      line: `${error.code}: ${error.message}`,
      exitCode: INPUT_ERRORS.has(error.code) ? EXIT.usage : EXIT.invalid,
      json: { code: error.code, message: error.message },
    };
  }
  return { line: 'internal error (see --debug)', exitCode: EXIT.internal, json: { code: 'ERR_INTERNAL', message: 'internal error' } };
}
