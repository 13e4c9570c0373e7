/**
 * Keeps the officer's page working with the network gone: the page itself is served from the
 * cache of its version, the trust list from the network when it answers
 * within a few seconds, else from the cache. Nothing about what was verified is stored.
 */
/// <reference lib="webworker" />
declare const self: ServiceWorkerGlobalScope;
declare const __SHELL_VERSION__: string;

const SHELL_CACHE = `corridor-officer-${__SHELL_VERSION__}`;
const TRUST_CACHE = 'corridor-officer-trust';
// zxing_reader.wasm: the QR reader, pdf.js for PDFs (scan.ts): both work with the network gone.
const SHELL = ['./', 'app.js', 'app.css', 'manifest.webmanifest', 'zxing_reader.wasm', 'pdf.min.mjs', 'pdf.worker.min.mjs'];
const TRUST = 'trust.json';
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await (await caches.open(SHELL_CACHE)).addAll(SHELL);
    const trust = await fetch(TRUST, { cache: 'no-store' }).catch(() => undefined);
    if (trust?.ok) await (await caches.open(TRUST_CACHE)).put(TRUST, trust);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('corridor-officer-') && key !== SHELL_CACHE && key !== TRUST_CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

async function fromNetwork(request: Request): Promise<Response> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), NETWORK_TIMEOUT_MS);
  try {
    return await fetch(request, { signal: timeout.signal, cache: 'no-store' });
  } finally {
    clearTimeout(timer);
  }
}

async function trustList(request: Request): Promise<Response> {
  const cache = await caches.open(TRUST_CACHE);
  try {
    const response = await fromNetwork(request);
    if (response.ok) {
      await cache.put(TRUST, response.clone());
      return response;
    }
  } catch {
    // offline or too slow: the copy kept on the device is the answer
  }
  return (await cache.match(TRUST)) ?? new Response('{"format":"none"}', { status: 503, headers: { 'content-type': 'application/json' } });
}

/** The page's own files: from this version's cache; a new build comes with a new worker. */
async function shellFile(request: Request): Promise<Response> {
  const cached = await (await caches.open(SHELL_CACHE)).match(request, { ignoreSearch: true });
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith(`/${TRUST}`)) event.respondWith(trustList(event.request));
  else event.respondWith(shellFile(event.request));
});
