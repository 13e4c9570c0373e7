/**
 * The languages the officer's tools speak. Adding one: write its file (copy en.ts and translate
 * every string: the types refuse a missing one) and add it to this list.
 */
import ar from './ar.js';
import de from './de.js';
import en from './en.js';
import fil from './fil.js';
import id from './id.js';
import ja from './ja.js';

export const PACKS = [en, ja, fil, ar, de, id] as const;
export type { CliWords, Labels, LanguagePack } from './types.js';
