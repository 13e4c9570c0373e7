// Certificates print with the fonts Corridor ships (Noto, from npm), never with whatever the
// machine happens to have: a Latin, Japanese, Arabic or Devanagari name is drawn glyph by glyph
// from those fonts. Chromium itself reports, per element, which fonts drew its text.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CERTIFICATE_FONT_FAMILIES, renderCertificateHtml } from '@corridor/issuer';
import { certificateBench, type CertificateBench } from './certificate-browser.js';

interface PlatformFont { familyName: string; isCustomFont: boolean; glyphCount: number }
/** A web font we ship (the font file's own family name may add a style, e.g. "Noto Sans JP Thin"). */
const ours = (font: PlatformFont) => font.isCustomFont && CERTIFICATE_FONT_FAMILIES.some((family) => font.familyName.startsWith(family));

let bench: CertificateBench;
beforeAll(async () => { bench = await certificateBench({ subject: { name: 'Maria Santos', birthDate: '1996-04-12' } }); }, 90_000);
afterAll(() => bench?.close());

/** The fonts Chromium used to draw the worker's name on the certificate printed for `name`. */
function fontsDrawing(name: string): Promise<PlatformFont[]> {
  const html = renderCertificateHtml({ credential: bench.named(name), qualification: bench.world.caregiving, qrSvg: bench.qrSvg });
  return bench.printed(html, async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.name' });
    expect(nodeIds.length).toBeGreaterThan(0);
    const fonts: PlatformFont[] = [];
    for (const nodeId of nodeIds) fonts.push(...(await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts as PlatformFont[]);
    return fonts;
  });
}

describe('certificate fonts', () => {
  it.each([
    ['Latin with diacritics', "Zoë O'Brien-Nguyễn"],
    ['Japanese', "O'Brien 山田 花子"],
    ['Arabic', 'محمد بن عبد الله'],
    ['Devanagari', 'प्रिया शर्मा'],
  ])('a %s name is drawn entirely from the shipped fonts', async (_script, name) => {
    const fonts = await fontsDrawing(name);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.isCustomFont).toBe(true);
      expect(ours(font)).toBe(true);
    }
    expect(fonts.reduce((sum, f) => sum + f.glyphCount, 0)).toBeGreaterThan(0);
  }, 60_000);

  it('notices a script the shipped fonts do not cover (the check is not vacuous)', async () => {
    const fonts = await fontsDrawing('สมชาย 김민준');
    expect(fonts.some((font) => !font.isCustomFont || !ours(font))).toBe(true);
  }, 60_000);
});
