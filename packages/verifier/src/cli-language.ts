/**
 * The officer's CLI in the officer's language: its usage's command lines (typed as they are in
 * every language) and its failures, each said in English (JSON, --debug, logs) and in the
 * officer's words (the terminal). The words are in src/languages/ (`cli`); which language is
 * cli.ts's business (it reads argv and the environment).
 */
import { CorridorError, UsageError, type ErrorCode } from '@corridor/shared';
import { CLI_PACKS } from './languages/index.js';
import { explain, LANGUAGES, type CliWords, type Language } from './messages.js';

/** What the CLI says, in each language (its own words: the page's bundle never carries them). */
export const CLI_WORDS: Record<Language, CliWords> = CLI_PACKS;

/** The command lines of `--help`: sync, status, serve, verify. */
export const COMMANDS = [
  'corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>] [--full]',
  'corridor-verifier status',
  'corridor-verifier serve --country <CC> --root <did:key> [--port 8490] [--host 127.0.0.1] [--trust-pack <file>]\n' +
  '      [--tls-cert <pem> --tls-key <pem>] [--insecure-http] [--public-url <https://…>]',
  'corridor-verifier verify <file.png | .jpg | .pdf | .svg | .json | -> --country <CC> --root <did:key> [--trust-pack <file>]\n' +
  `      [--purpose employment|further-study] [--max-age-days 7] [--registry-key <did:key>] [--language ${LANGUAGES.join('|')}] [--json]`,
] as const;

/** A command line parseArgs refused (its error), in `words`: the option named as typed. */
export function refusedCommandLine(error: Error & { code?: string }, words: CliWords): string {
  const option = /'([^']+)'/.exec(error.message)?.[1]?.replace(/ <value>$/, '') ?? '?';
  const said = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? words.unknownOption(option)
    : /does not take/.test(error.message) ? words.noValue(option) : words.missingValue(option);
  return `${words.usage}: ${said}`;
}

/**
 * The CLI's own failures for an officer reading `language`: `say` picks the sentence from a
 * language's words; `line` is what the terminal shows for any failure (undefined: the English line).
 */
export function cliFailures(language: Language) {
  const words = CLI_WORDS[language];
  const said = new WeakMap<Error, string>();
  const remember = <E extends Error>(error: E, say: (w: CliWords) => string): E => {
    said.set(error, say(words));
    return error;
  };
  return {
    words,
    usage: (say: (w: CliWords) => string): UsageError => remember(new UsageError(say(CLI_WORDS.en)), say),
    coded: (code: ErrorCode, say: (w: CliWords) => string, cause?: unknown): CorridorError =>
      remember(new CorridorError(code, say(CLI_WORDS.en), cause === undefined ? undefined : { cause }), say),
    /** The code kept; the CLI's own sentence, else the code's plain words (not the library's English detail). */
    line(error: unknown): string | undefined {
      if (language === 'en') return undefined;
      if (error instanceof CorridorError) return `${error.code}: ${said.get(error) ?? explain(error.code, language)}`;
      if (error instanceof UsageError) return said.has(error) ? `${words.usage}: ${said.get(error)}` : undefined;
      return words.internal;
    },
  };
}
