/**
 * Keeps the officer's page working with the network gone: the page itself is served from the
 * cache of its version. The trust list is never cached here: a response is only an offer, which
 * the page checks against the anchors it pinned and stores itself, as signed, in IndexedDB
 * (trust.ts); a cached response would be an attacker's answer replayed offline. Nothing about
 * what was verified is stored.
 */
/// <reference lib="webworker" />
declare const self: ServiceWorkerGlobalScope;
declare const __SHELL_VERSION__: string;

const SHELL_CACHE = `corridor-officer-${__SHELL_VERSION__}`;
// zxing_reader.wasm: the QR reader, pdf.js for PDFs (scan.ts): both work with the network gone.
const SHELL = ['./', 'app.js', 'app.css', 'manifest.webmanifest', 'zxing_reader.wasm', 'pdf.min.mjs', 'pdf.worker.min.mjs'];
const TRUST = 'trust.json';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await (await caches.open(SHELL_CACHE)).addAll(SHELL);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Older shells, and the trust-list cache earlier versions kept (possibly an attacker's answer).
    for (const key of await caches.keys()) if (key.startsWith('corridor-officer-') && key !== SHELL_CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

/** The page's own files: from this version's cache; a new build comes with a new worker. */
async function shellFile(request: Request): Promise<Response> {
  const cached = await (await caches.open(SHELL_CACHE)).match(request, { ignoreSearch: true });
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  // trust.json goes to the network untouched: offline, the page falls back on what it stored.
  if (url.pathname.endsWith(`/${TRUST}`)) return;
  event.respondWith(shellFile(event.request));
});
