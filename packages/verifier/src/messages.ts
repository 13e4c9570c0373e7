/**
 * What an officer reads, in every language of src/languages/ (one file each): verdicts, outcomes,
 * every error code in plain words, the labels of the CLI and the page, the CLI's usage and its own
 * errors. Not a native speaker's (German and Indonesian had a careful non-native review): have
 * native speakers review them before deployment. English is the fallback, never another language.
 */
import type { ErrorCode } from '@corridor/shared';
import { PACKS } from './languages/index.js';
import type { Labels, LanguagePack } from './languages/types.js';

export type Language = (typeof PACKS)[number]['code'];
export const LANGUAGES: readonly Language[] = PACKS.map((pack) => pack.code);
const BY_CODE = Object.fromEntries(PACKS.map((pack) => [pack.code, pack])) as Record<Language, LanguagePack<Language>>;
export const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(PACKS.filter((pack) => 'rightToLeft' in pack && pack.rightToLeft).map((pack) => pack.code));

const each = <T>(pick: (pack: LanguagePack<Language>) => T) => Object.fromEntries(PACKS.map((pack) => [pack.code, pick(pack)])) as Record<Language, T>;
export const VERDICTS = each((pack) => pack.verdicts);
export const OUTCOMES = each((pack) => pack.outcomes);
export const MESSAGES = each((pack) => pack.messages);
export const LABELS: Record<Language, Labels> = each((pack) => pack.labels);
/** Each language's own name (its button on the page). */
export const LANGUAGE_NAMES = each((pack) => pack.name);
export type { CliWords, Labels } from './languages/types.js';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(BY_CODE, value);
}

/**
 * The language of a POSIX locale environment, for a CLI run without --language: the first of
 * LC_ALL, LC_MESSAGES, LANG that is set decides (as for any program's messages); its language
 * part (`de_DE.UTF-8` → de, `ja_JP` → ja, `tl_PH` → fil: Filipino is standardised Tagalog) if we
 * have it. Undefined for C/POSIX, a language we do not have, or nothing set: English, then.
 */
export function localeLanguage(env: Readonly<Record<string, string | undefined>>): Language | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  const code = /^([a-z]{2,3})(?=$|[_.@-])/i.exec(locale ?? '')?.[1]?.toLowerCase();
  const language = code === 'tl' ? 'fil' : code;
  return isLanguage(language) ? language : undefined;
}

/** The officer's sentence for a code, in `language` (English when the language is not supported). */
export function explain(code: ErrorCode, language: string = 'en'): string {
  return MESSAGES[isLanguage(language) ? language : 'en'][code];
}

/**
 * A country's name in the officer's language (ISO 3166-1 alpha-2 → "Japan", "日本", "Jepang"),
 * from the platform's CLDR data (Intl.DisplayNames: Node and browsers); the code if it has none.
 */
export function countryName(code: string, language: string = 'en'): string {
  try {
    return new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The assessment route in the officer's words, or undefined for one off the list (only a forged credential carries one). */
export function routeName(route: string, language: Language): string | undefined {
  const routes = LABELS[language].routes;
  return Object.hasOwn(routes, route) ? routes[route as keyof typeof routes] : undefined;
}

/** A text in several languages (a record's title): the officer's language, else English, else nothing rather than a guess. */
export function textIn(text: Record<string, string>, language: string): string {
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}
