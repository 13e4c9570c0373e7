/**
 * The fonts a certificate is printed with, shipped with Corridor (Noto, from @fontsource on npm),
 * so a name in Japanese, Arabic or Devanagari never prints as empty boxes on a machine without
 * those fonts. Each family's stylesheet declares unicode-range subsets: Chromium loads only the
 * files a page uses and embeds only the glyphs it draws.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Families in fallback order: Latin (with Vietnamese, Greek, Cyrillic), Japanese (kana and kanji), Arabic, Devanagari. */
export const CERTIFICATE_FONT_FAMILIES = ['Noto Sans', 'Noto Sans JP', 'Noto Sans Arabic', 'Noto Sans Devanagari'] as const;

const PACKAGES = ['@fontsource/noto-sans', '@fontsource/noto-sans-jp', '@fontsource/noto-sans-arabic', '@fontsource/noto-sans-devanagari'];
const WEIGHTS = ['400', '700'];

let cached: string[] | undefined;

/** file: URLs of the stylesheets (regular and bold of each family), resolved once from the installed packages. */
export function certificateFontStylesheets(): string[] {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = PACKAGES.flatMap((name) => WEIGHTS.map((weight) => pathToFileURL(require.resolve(`${name}/${weight}.css`)).href));
  }
  return cached;
}
