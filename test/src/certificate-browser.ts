/**
 * A printed certificate in Chromium for tests that look inside the page (fonts used, element
 * boxes): one world with a real credential and its QR, one browser, and a page per certificate
 * opened in print media once the shipped fonts are in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, renderCredentialFiles } from '@corridor/issuer';
import type { SkillCredential } from '@corridor/shared';
import { launchChromium } from './loopback.js';
import { createWorld, type World } from './world.js';

export interface CertificateBench {
  world: World;
  credential: SkillCredential;
  qrSvg: string;
  /** The credential with the worker's name replaced (the QR stays the issued one's). */
  named(name: string): SkillCredential;
  /** Opens `html` as Chromium prints it (A4 viewport, print media, fonts loaded) and runs `look` on the page. */
  printed<T>(html: string, look: (page: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function certificateBench(issue: Parameters<World['issue']>[0] = {}): Promise<CertificateBench> {
  if (!chromiumPath()) throw new Error('Chromium is needed to print certificates: apt-get install chromium');
  const world = await createWorld();
  const credential = await world.issue(issue);
  await world.publishStatus();
  const qrSvg = (await renderCredentialFiles(credential, { catalogue: (await world.trust('JP')).qrCatalogue! })).svg;
  const browser: Browser = await launchChromium();
  const dir = mkdtempSync(join(tmpdir(), 'corridor-printed-'));
  let files = 0;
  return {
    world, credential, qrSvg,
    named: (name) => ({ ...credential, credentialSubject: { ...credential.credentialSubject, name } }) as SkillCredential,
    async printed(html, look) {
      const file = join(dir, `${files++}.html`);
      writeFileSync(file, html);
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      try {
        await page.emulateMedia({ media: 'print' });
        await page.goto(pathToFileURL(file).href);
        // The page's own document (this file is compiled without the DOM types).
        await page.evaluate('document.fonts.ready.then(() => undefined)');
        return await look(page);
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      world.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
