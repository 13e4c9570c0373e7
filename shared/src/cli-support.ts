/**
 * What the three CLIs share: how an error is shown and which exit code it gets.
 * Exit codes: 0 success / valid, 1 invalid or refused, 2 indeterminate, 3 usage or input error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CorridorError, type ErrorCode } from './errors.js';

export const EXIT = { ok: 0, invalid: 1, indeterminate: 2, usage: 3, internal: 70 } as const;

const INPUT_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'ERR_INPUT_INVALID', 'ERR_PAYLOAD_TOO_LARGE', 'ERR_QR_NOT_FOUND', 'ERR_NOT_FOUND', 'ERR_TRUST_PACK_INVALID', 'ERR_KEY_INVALID', 'ERR_INSECURE_TRANSPORT', 'ERR_PROPERTY_REFUSED',
]);

export class UsageError extends Error {}

/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts a sequence that can
 * clear the screen and paint anything), DEL, C1 controls (U+009B is a one-character CSI), bidi
 * embeddings, overrides, isolates and marks (which reorder what follows), the line and paragraph
 * separators, and lone surrogates.
 */
const TERMINAL_ACTIVE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TERMINAL_ACTIVE_KEEPING_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const visible = (c: string) => `\\u{${c.charCodeAt(0).toString(16)}}`;

/**
 * One untrusted value (a name, a message, a key) as inert text for a terminal: every character
 * a terminal would act on, line breaks included, shown as a visible `\u{…}` escape instead.
 */
export function inert(text: string): string {
  return text.replace(TERMINAL_ACTIVE, visible);
}

/**
 * A value as JSON for a terminal or a pipe: JSON.stringify escapes C0 controls and lone
 * surrogates but writes DEL, C1 controls, bidi controls and U+2028/9 raw; those are escaped too
 * (`\uXXXX`, the same JSON value).
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Human output just before it is written: the same, but the output's own line breaks kept. The
 * last line of defence; values are made inert where they are put into a line (so none can start one).
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_ACTIVE_KEEPING_LINES, visible);
}

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

/** The usage text of a CLI: the ` * ` lines of its opening comment. */
export function helpText(sourceText: string): string {
  return sourceText.split('\n').filter((l) => l.startsWith(' *')).map((l) => l.slice(3)).join('\n');
}

/**
 * parseArgs, but a bad flag is a usage error (exit 3) rather than a stack trace; `say` gives the
 * line in the reader's own language (the verifier's officer), else parseArgs' English is shown.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, say?: (error: Error & { code?: string }) => string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    process.stderr.write(`${inert(say?.(error as Error) ?? `usage: ${(error as Error).message} (see --help)`)}\n`);
    process.exit(EXIT.usage);
  }
}

export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new UsageError(`${what} is required (see --help)`);
  return value;
}

/** Runs a CLI's main: its number is the exit code; a failure prints one coded line, never a stack or personal data. */
export function runCli(main: () => Promise<number>, options: {
  json?: boolean; debug?: boolean; mapExitCode?: (code: number) => number;
  /**
   * The failure's line in the reader's own words (the officer's language), its ERR_* code kept;
   * undefined keeps the English line. JSON and the exit code are the same in every language.
   */
  say?: (error: unknown) => string | undefined;
}): void {
  main().then((code) => { process.exitCode = code; }, (error: unknown) => {
    const failure = describeFailure(error);
    process.stderr.write((options.json ? jsonText(failure.json, 0) : inert(options.say?.(error) ?? failure.line)) + '\n');
    if (options.debug) console.error(error);
    process.exitCode = options.mapExitCode ? options.mapExitCode(failure.exitCode) : failure.exitCode;
  });
}

/** A CLI's output: the human line, or with --json the JSON value. */
export function createPrinter(json: boolean | undefined): (human: string, value: unknown) => void {
  return (human, value) => {
    process.stdout.write((json ? jsonText(value) : terminalText(human)) + '\n');
  };
}

/** --port, else $PORT, else the service's default; 0 picks a free port. */
export function portOption(value: string | undefined, fallback: number): number {
  const port = Number(value ?? process.env.PORT ?? fallback);
  if (!Number.isSafeInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0..65535');
  return port;
}
