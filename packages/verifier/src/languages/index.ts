/**
 * The languages the officer's tools speak. Adding one: write its file (copy en.ts and translate
 * every string, its `cli` export too: the types refuse a missing one) and add it to both lists.
 */
import ar, { cli as arCli } from './ar.js';
import de, { cli as deCli } from './de.js';
import en, { cli as enCli } from './en.js';
import fil, { cli as filCli } from './fil.js';
import id, { cli as idCli } from './id.js';
import ja, { cli as jaCli } from './ja.js';

export const PACKS = [en, ja, fil, ar, de, id] as const;
/** The CLI's words of each language (only the CLI imports them: the page's bundle leaves them out). */
export const CLI_PACKS = { en: enCli, ja: jaCli, fil: filCli, ar: arCli, de: deCli, id: idCli } as const;
export type { CliWords, Labels, LanguagePack } from './types.js';
