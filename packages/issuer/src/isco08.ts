/**
 * ISCO-08 titles by code, for printing an occupation as people read it ("5322 Home-based personal
 * care workers") rather than a bare number. English only: the ILO publishes the classification in
 * English (with French and Spanish); a code the table lacks gets no title — never a guessed one.
 */
import { ISCO08_GROUPS } from './isco08-data.js';

const TITLES: ReadonlyMap<string, string> = new Map(ISCO08_GROUPS);

/** The English title of an ISCO-08 group (1 to 4 digits), or undefined for a code ISCO-08 does not have. */
export function isco08Title(code: string): string | undefined {
  return TITLES.get(code);
}

/** The group as printed: "5322 Home-based personal care workers", or the code alone when it is unknown. */
export function isco08Label(code: string): string {
  const title = isco08Title(code);
  return title ? `${code} ${title}` : code;
}
