/**
 * The officer's page, first visit, in headless Chromium: served by the verifier's own server
 * (createVerifierApp, as `serve` runs it) on loopback, each run in a fresh browser context (cold
 * cache, no service worker, nothing stored). Timed in the page itself (performance.now()):
 * navigation to the setup panel (the page loaded and the offered trust list checked), the
 * administrator's confirmation (clicked as soon as shown) to "ready", then choosing a certificate's
 * QR picture to its verdict headline on screen. Median of the runs, without throttling and at
 * 4× CPU throttling (as issue 20 measured the page). app.js's size as transferred (its brotli
 * copy) and decoded, from Resource Timing, and the bytes the server sent until the verdict.
 */
import type { Socket } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { renderCredentialFiles } from '@corridor/issuer';
import { indexTrustPackContent, openTrustPack } from '@corridor/shared';
import { createVerifierApp, OFFICER_TRUST_FORMAT, type OfficerTrustDocument } from '@corridor/verifier';
import { launchChromium, listenOnLoopback } from '../loopback.js';
import { createWorld } from '../world.js';

export interface OfficerPageTimes {
  /** Navigation start to the setup panel shown: the page loaded, the trust list offered and checked. */
  setupShownMs: number;
  /** The administrator's confirmation (clicked as soon as shown) to the page ready to verify. */
  installMs: number;
  /** Navigation start to ready, less the time the confirmation took to be clicked. */
  readyMs: number;
  /** A certificate's QR picture chosen to its verdict headline painted. */
  firstVerdictMs: number;
}

export interface OfficerPageResults {
  runs: number;
  /** Every run's verdict; a run that was not `valid` is reported here. */
  verdict: string;
  unthrottled: OfficerPageTimes;
  cpuThrottled4x: OfficerPageTimes;
  appJs: { bytes: number; transferBytes: number; encoding: string };
  /**
   * Bytes the verifier's server sent (headers included) from the page's first request to its first
   * verdict shown: the page's and its service worker's (which caches the shell meanwhile), median.
   */
  servedBytesToVerdict: number;
}

interface Run extends OfficerPageTimes { verdict: string; appJs: OfficerPageResults['appJs']; servedBytes: number }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianTimes = (runs: Run[]): OfficerPageTimes => ({
  setupShownMs: median(runs.map((r) => r.setupShownMs)), installMs: median(runs.map((r) => r.installMs)),
  readyMs: median(runs.map((r) => r.readyMs)), firstVerdictMs: median(runs.map((r) => r.firstVerdictMs)),
});

/*
 * What runs in the page is given as source (this project compiles without the DOM's types), as a
 * script Chromium runs before the page's own (the page's CSP allows no eval; this is not eval).
 * `benchWatch(event, selector)` keeps when `event` was next dispatched — on the document in the
 * capture phase, before the page's own listener; 0, navigation start, without an event — and when
 * `selector` then first matched and was painted (the next frame).
 */
const WATCHER = `window.benchWatch = (event, selector) => {
  window.benchTimes = new Promise((resolve) => {
    let start = 0;
    if (event) document.addEventListener(event, () => { start = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve({ start, shown: performance.now() }));
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
};
window.benchWatch('', '#setup-confirm');`;
const watch = (page: Page, event: 'click' | 'change', selector: string) => page.evaluate(`window.benchWatch(${JSON.stringify(event)}, ${JSON.stringify(selector)})`);
const watched = (page: Page) => page.evaluate('window.benchTimes') as Promise<{ start: number; shown: number }>;

/** app.js's body as it came over the wire and decoded, from the page's Resource Timing. */
const APP_JS = `(() => {
  const app = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/officer/app.js');
  return app && { encoded: app.encodedBodySize, decoded: app.decodedBodySize };
})()`;

async function firstVisit(browser: Browser, url: string, certificate: Buffer, throttle: number, bytesSent: () => number): Promise<Run> {
  const sentBefore = bytesSent();
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
    let encoding = 'identity';
    page.on('response', (response) => { if (new URL(response.url()).pathname === '/officer/app.js') encoding = response.headers()['content-encoding'] ?? 'identity'; });
    await page.addInitScript(WATCHER);
    await page.goto(url, { waitUntil: 'commit' });
    const setupShownMs = (await watched(page)).shown;
    await watch(page, 'click', '#status[data-state="ready"]');
    await page.click('#setup-confirm');
    const install = await watched(page);
    await watch(page, 'change', '#result .headline');
    await page.setInputFiles('#photo', { name: 'certificate.png', mimeType: 'image/png', buffer: certificate });
    const verdict = await watched(page);
    const servedBytes = bytesSent() - sentBefore;
    const app = await page.evaluate(APP_JS) as { encoded: number; decoded: number } | undefined;
    if (!app) throw new Error('the page did not load /officer/app.js');
    const installMs = install.shown - install.start;
    return {
      setupShownMs: Math.round(setupShownMs), installMs: Math.round(installMs), readyMs: Math.round(setupShownMs + installMs),
      firstVerdictMs: Math.round(verdict.shown - verdict.start),
      verdict: await page.locator('#result [data-verdict]').first().getAttribute('data-verdict') ?? 'none',
      appJs: { bytes: app.decoded, transferBytes: app.encoded, encoding }, servedBytes,
    };
  } finally {
    await context.close();
  }
}

export async function benchOfficerPage(runs: number): Promise<OfficerPageResults> {
  const world = await createWorld();
  const credential = await world.issue();
  await world.publishStatus();
  const pack = await world.pack('JP');
  const roots = [world.keys.jp.description.controller];
  const { operator, content } = await openTrustPack(pack);
  const trust = await indexTrustPackContent(content, { roots, operator });
  const certificate = (await renderCredentialFiles(credential, trust.qrCatalogue ? { catalogue: trust.qrCatalogue } : {})).png;
  world.close();
  const officer: OfficerTrustDocument = { format: OFFICER_TRUST_FORMAT, pack, deltas: [], country: 'JP', roots, operator, maxStatusAgeSeconds: 7 * 86400 };
  const served = await listenOnLoopback(createVerifierApp({ trust: () => trust, country: 'JP', officer: () => officer }));
  // Every byte the server writes, on every connection (a closed socket keeps its count).
  const sockets: Socket[] = [];
  served.server.on('connection', (socket: Socket) => sockets.push(socket));
  const bytesSent = () => sockets.reduce((sum, socket) => sum + socket.bytesWritten, 0);
  const browser = await launchChromium();
  try {
    const url = `${served.base}/officer/`;
    const plain: Run[] = [];
    const throttled: Run[] = [];
    for (let i = 0; i < runs; i++) {
      plain.push(await firstVisit(browser, url, certificate, 1, bytesSent));
      throttled.push(await firstVisit(browser, url, certificate, 4, bytesSent));
    }
    const all = [...plain, ...throttled];
    return {
      runs,
      // Every run must end on the verdict the certificate deserves: the first other one is reported.
      verdict: all.find((run) => run.verdict !== 'valid')?.verdict ?? 'valid',
      unthrottled: medianTimes(plain), cpuThrottled4x: medianTimes(throttled),
      appJs: plain[0]!.appJs, servedBytesToVerdict: median(plain.map((run) => run.servedBytes)),
    };
  } finally {
    await browser.close();
    await served.close();
  }
}
