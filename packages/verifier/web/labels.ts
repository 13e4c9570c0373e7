/**
 * The page's own words come with the rest of each language, in src/languages/ (one file each).
 */
export { LABELS, type Labels } from '../src/messages.js';
