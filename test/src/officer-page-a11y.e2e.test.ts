// The officer's page for the people who use it: axe-core (WCAG 2.1 A and AA rules) finds nothing
// on any verdict in any language; at 320 px and at 200 % text nothing leaves the screen (the
// holder's name and birth date least of all, in Arabic too); the verdict is a heading that takes
// the focus, so it is read out; each verdict has its own shape, not only its colour; the language
// buttons say which language they are in, and nothing English is left in another language; every
// control the keyboard reaches shows a focus ring that stands out, on the dark header and button too.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { Issuer, IssuerStore } from '@corridor/issuer';
import { encodeQrText, indexTrustPackContent, openTrustPack, renderQrPng } from '@corridor/shared';
import { countryName, createVerifierApp, LABELS, LANGUAGES, type Language, type OfficerTrustDocument } from '@corridor/verifier';
import { qrPagesPdf } from './hostile.js';
import { installOfficerPage, launchChromium, listenOnLoopback, type Listening } from './loopback.js';
import { CENTRE_NAME, createWorld, WORKER, type World } from './world.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let world: World;
let service: Listening;
let browser: Browser;
let page: Page;
let pdf: Uint8Array;
let validPng: Uint8Array;

beforeAll(async () => {
  world = await createWorld();
  // A long name, as some are: it must wrap inside its box, never leave it.
  const valid = await world.issue({ subject: { name: 'Maria Concepcion Bartolome-Santos de los Reyes y Villanueva', birthDate: WORKER.birthDate } });
  const revoked = await world.issue();
  world.issuer.revoke(revoked.id);
  // The accredited centre's key with a status list the pack does not hold: CANNOT CONFIRM.
  const elsewhere = new Issuer({ store: new IssuerStore(':memory:'), key: world.keys.centre, name: CENTRE_NAME, baseUrl: 'https://other.example.ph' });
  const unconfirmed = await elsewhere.issue({ qualification: world.caregiving, subject: WORKER, assessedAt: '2026-10-30T00:00:00Z', route: 'training' });
  await world.publishStatus();
  const roots = [world.keys.jp.description.controller];
  const pack = await world.pack('JP');
  const { operator, content } = await openTrustPack(pack);
  const trust = await indexTrustPackContent(content, { roots, operator });
  const officer: OfficerTrustDocument = { format: 'corridor-officer-trust/2', pack, deltas: [], country: 'JP', roots, operator, maxStatusAgeSeconds: 7 * 86400 };
  const catalogue = trust.qrCatalogue!;
  const validQr = await encodeQrText(valid, { catalogue });
  pdf = qrPagesPdf([validQr, await encodeQrText(revoked, { catalogue }), await encodeQrText(unconfirmed, { catalogue }), 'CC1:NOT A CREDENTIAL']);
  validPng = await renderQrPng(validQr, { scale: 6 });

  service = await listenOnLoopback(createVerifierApp({ trust: () => trust, country: 'JP', officer: () => officer }));
  browser = await launchChromium();
  // axe-core is injected as a script: only this test's context lifts the page's CSP for it.
  page = await (await browser.newContext({ locale: 'en-US', bypassCSP: true })).newPage();
  await installOfficerPage(page, `${service.base}/officer/?lang=en`, 'JP', trust.sequence);
  await page.addScriptTag({ content: AXE });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
  world?.close();
});

async function axeViolations(): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Elements whose box leaves the viewport sideways, and whether the page scrolls sideways. */
async function outside(): Promise<{ overflow: boolean; elements: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const elements = [...document.querySelectorAll('body *')].filter((e) => {
      const box = e.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 1 || box.left < -1);
    }).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''}`);
    return { overflow: document.documentElement.scrollWidth > width + 1, elements };
  });
}

const chooseLanguage = async (language: string) => {
  await page.click(`#languages button[value="${language}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
};

describe('the officer page, accessible', () => {
  it('a cohort PDF: every verdict (valid, not valid, cannot confirm, unreadable) in every language passes axe-core\'s WCAG 2.1 A/AA rules', async () => {
    expect(await axeViolations()).toEqual([]);
    await page.setInputFiles('#photo', { name: 'cohort.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await page.locator('#result [data-verdict]').nth(3).waitFor({ timeout: 30_000 });
    expect(await page.locator('#result [data-verdict]').evaluateAll((all) => all.map((p) => p.getAttribute('data-verdict')).sort()))
      .toEqual(['indeterminate', 'invalid', 'unreadable', 'valid']);
    for (const language of LANGUAGES) {
      await chooseLanguage(language);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      expect([language, await axeViolations()]).toEqual([language, []]);
    }
  }, 120_000);

  it('what the officer reads, and what a screen reader says, is in the chosen language: no English label left', async () => {
    // Every English word of the page (the labels as shown, with the numbers this cohort gives them).
    const english = (language: Language) => {
      const words: string[] = [];
      const walk = (value: unknown) => {
        if (typeof value === 'string') words.push(value);
        else if (typeof value === 'function') words.push(...[1, 2, 3, 4].map((n) => String((value as (...a: unknown[]) => unknown)(n, '2026-12-01', n))));
        else if (value && typeof value === 'object') Object.values(value).forEach(walk);
      };
      walk(LABELS[language]);
      return words;
    };
    const englishWords = english('en');
    // The cohort's four verdicts from the test above are on the page, their checks and conditions too.
    expect(await page.locator('#result [data-verdict]').count()).toBe(4);
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      await chooseLanguage(language);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const own = new Set(english(language));
      const read = await page.evaluate(() => {
        // Text in another language on purpose (each language button names itself) is left out.
        const ours = (node: Node) => (node instanceof Element ? node : node.parentElement)!.closest('[lang]') === document.documentElement;
        const texts: string[] = [document.title];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) if (ours(walker.currentNode) && walker.currentNode.textContent!.trim()) texts.push(walker.currentNode.textContent!.trim());
        for (const element of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
          for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
            const value = element.getAttribute(name);
            if (value && ours(element)) texts.push(value);
          }
        }
        return texts;
      });
      const left = read.filter((text) => englishWords.includes(text) && !own.has(text));
      expect([language, left]).toEqual([language, []]);
      // The language list itself is named in the language, and the pinned country by its name.
      expect([language, await page.locator('#languages').getAttribute('aria-label')]).toEqual([language, LABELS[language].languages]);
      expect([language, await page.locator('#admin [data-pin="country"]').evaluate((code) => code.parentElement!.textContent)])
        .toEqual([language, `${countryName('JP', language)} (JP)`]);
    }
  }, 60_000);

  it('each verdict has its own icon shape, and the language buttons carry their language', async () => {
    await chooseLanguage('en');
    const shapes = await page.locator('#result [data-verdict] .headline svg').evaluateAll((icons) => icons.map((i) => `${i.getAttribute('class')}:${i.firstElementChild?.tagName}`));
    expect(new Set(shapes)).toEqual(new Set(['icon invalid:path', 'icon unreadable:path', 'icon indeterminate:path', 'icon valid:circle']));
    const firstPaths = await page.locator('#result [data-verdict] .headline svg').evaluateAll((icons) => new Set(icons.map((i) => i.innerHTML)).size);
    expect(firstPaths).toBe(3); // unreadable and cannot-confirm share the amber triangle; valid and invalid each their own
    expect(await page.locator('#languages button').evaluateAll((buttons) => buttons.map((b) => `${b.getAttribute('value')}=${b.getAttribute('lang')}`)))
      .toEqual(LANGUAGES.map((l) => `${l}=${l}`));
  });

  it('at 320 px and 200 % text nothing leaves the screen, in every language (Arabic right to left too); the name stays whole in its box', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    for (const language of LANGUAGES) {
      await chooseLanguage(language);
      expect([language, await outside()]).toEqual([language, { overflow: false, elements: [] }]);
      const name = await page.locator('#result [data-field="name"]').first().evaluate((dd) => {
        const box = dd.getBoundingClientRect();
        const holder = dd.closest('.holder')!.getBoundingClientRect();
        return { inside: box.left >= holder.left - 1 && box.right <= holder.right + 1, clipped: dd.scrollWidth > dd.clientWidth + 1 };
      });
      expect([language, name]).toEqual([language, { inside: true, clipped: false }]);
    }
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    await page.setViewportSize({ width: 1280, height: 720 });
  }, 60_000);

  it('app.js and app.css go compressed to a browser that asks (brotli, else gzip), plain to one that does not', async () => {
    const port = (service.server.address() as { port: number }).port;
    const fetchRaw = (path: string, encoding?: string) => new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path, headers: encoding ? { 'accept-encoding': encoding } : {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) })).on('error', reject);
      }).on('error', reject);
    });
    for (const file of ['app.js', 'app.css']) {
      const plain = await fetchRaw(`/officer/${file}`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const br = await fetchRaw(`/officer/${file}`, 'gzip, deflate, br');
      expect([br.headers['content-encoding'], br.headers['content-type'], br.headers['content-security-policy'] !== undefined]).toEqual(['br', expect.stringMatching(file.endsWith('.js') ? /^text\/javascript/ : /^text\/css/), true]);
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
      const gz = await fetchRaw(`/officer/${file}`, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    }
  });

  it('one verdict: its headline is a heading and takes the focus, so it is what a screen reader says', async () => {
    await chooseLanguage('fil');
    await page.setInputFiles('#photo', { name: 'valid.png', mimeType: 'image/png', buffer: Buffer.from(validPng) });
    await page.waitForFunction(() => document.querySelectorAll('#result [data-verdict]').length === 1, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => document.activeElement?.classList.contains('headline'), undefined, { timeout: 10_000 });
    const focused = await page.evaluate(() => ({ tag: document.activeElement!.tagName, text: document.activeElement!.textContent }));
    expect(focused).toEqual({ tag: 'H2', text: 'WASTO' });
    // The result is not one big live region competing with the status line.
    expect(await page.locator('#result[aria-live], #result [aria-live], #result [role="status"]').count()).toBe(0);
    expect(await axeViolations()).toEqual([]);
  }, 60_000);

  it('with no camera, "camera not available" stays: nothing overwrites it with "ready"', async () => {
    await chooseLanguage('en');
    await page.click('#scan');
    await page.waitForSelector('#status[data-state="error"]', { timeout: 10_000 });
    await page.waitForTimeout(600);
    expect(await page.locator('#status').textContent()).toBe(LABELS.en.cameraUnavailable);
  });

  it('warns before scanning when its trust list is too old for a green verdict', async () => {
    await page.clock.setFixedTime(Date.now() + 10 * 86_400_000);
    await page.reload();
    await page.waitForSelector('body[data-trust^="JP#"]', { timeout: 30_000 });
    await page.waitForFunction(() => document.getElementById('status')?.dataset.state === 'error', undefined, { timeout: 10_000 });
    expect(await page.locator('#status').textContent()).toMatch(/^The trust list on this device is 1\d days old: no credential can be confirmed valid\./);
  }, 60_000);

  it('every control the keyboard reaches shows a focus ring: a 2 px perimeter\'s worth of pixels at 3:1 against the unfocused look, the dark button and header too', async () => {
    // WCAG 2.2's focus appearance measure, taken from the pixels: the page unfocused, then at each Tab stop.
    await page.setViewportSize({ width: 1280, height: 900 });
    const luminance = (png: PNG, i: number) => {
      const channel = (c: number) => { const v = png.data[i + c]! / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
    };
    const shot = async () => PNG.sync.read(await page.screenshot());
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const unfocused = await shot();
    await page.keyboard.press('Shift'); // the keyboard, not the mouse, is in use: :focus-visible applies
    const seen: string[] = [];
    const faint: string[] = [];
    for (let stop = 0; stop < 30; stop++) {
      await page.keyboard.press('Tab');
      const target = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return undefined;
        const box = element.getBoundingClientRect();
        return { name: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${(element as HTMLButtonElement).value ? `[${(element as HTMLButtonElement).value}]` : ''}`, x: box.x, y: box.y, width: box.width, height: box.height };
      });
      if (!target) continue; // past the last control, before Tab wraps to the first
      if (seen.includes(target.name)) break;
      seen.push(target.name);
      const focused = await shot();
      let changed = 0;
      for (let y = Math.max(0, Math.floor(target.y - 10)); y < Math.min(focused.height, Math.ceil(target.y + target.height + 10)); y++) {
        for (let x = Math.max(0, Math.floor(target.x - 10)); x < Math.min(focused.width, Math.ceil(target.x + target.width + 10)); x++) {
          const i = (y * focused.width + x) * 4;
          const [a, b] = [luminance(unfocused, i), luminance(focused, i)];
          if ((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) >= 3) changed++;
        }
      }
      const perimeter = 2 * 2 * (target.width + target.height);
      if (changed < perimeter) faint.push(`${target.name}: ${changed} px at 3:1, needs ${Math.ceil(perimeter)}`);
    }
    expect(faint).toEqual([]);
    expect(seen).toEqual(expect.arrayContaining([...LANGUAGES.map((l) => `button[${l}]`), 'button#scan', 'input#photo', 'button#wallet']));
  }, 60_000);
});
