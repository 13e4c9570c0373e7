// Bundles the officer's page (web/) into dist/web: the verification pipeline itself, with
// node:crypto and node:zlib swapped for pure-JS equivalents, so the page verifies offline.
// The service worker's cache name is the hash of what it caches: a new build replaces it.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const web = fileURLToPath(new URL('.', import.meta.url));
const out = fileURLToPath(new URL('../dist/web/', import.meta.url));
const shim = (name) => `${web}shims/${name}`;
const SHIMS = { crypto: shim('crypto.ts'), zlib: shim('zlib.ts'), module: shim('module.ts') };

const nodeBuiltins = {
  name: 'node-builtins',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^node:/ }, ({ path }) => ({ path: SHIMS[path.slice(5)] ?? shim('unavailable.cjs') }));
  },
};

mkdirSync(out, { recursive: true });
const common = {
  bundle: true, format: 'esm', platform: 'browser', target: ['chrome111', 'firefox115', 'safari16.4'],
  minify: true, legalComments: 'none', logLevel: 'warning', metafile: true,
};
await build({
  ...common,
  entryPoints: { app: `${web}app.ts` },
  outdir: out,
  plugins: [nodeBuiltins],
  // The CLI's PDF reader (pdf.js painting on @napi-rs/canvas) is Node's; the page keeps its own.
  external: ['pdfjs-dist/*', '@napi-rs/canvas'],
  // webcrypto-ed25519: jose verifies through crypto.subtle; older browsers lack Ed25519 there.
  inject: [shim('globals.ts'), shim('webcrypto-ed25519.ts')],
  define: { 'process.env.NODE_ENV': '"production"' },
});
for (const file of ['index.html', 'app.css', 'manifest.webmanifest']) copyFileSync(`${web}${file}`, `${out}${file}`);
// Served compressed to browsers that ask (http.ts): brotli at its best level, gzip for the others.
for (const file of ['app.js', 'app.css']) {
  const bytes = readFileSync(`${out}${file}`);
  writeFileSync(`${out}${file}.br`, brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(`${out}${file}.gz`, gzipSync(bytes, { level: 9 }));
}
// ZXing's QR reader (scan.ts), from node_modules: served with the page, cached for offline use.
const require = createRequire(import.meta.url);
copyFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'), `${out}zxing_reader.wasm`);
// pdf.js (scan.ts), loaded only when a PDF is chosen; cached for offline use like the rest.
const pdfjs = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, 'build/');
for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) copyFileSync(`${pdfjs}${file}`, `${out}${file}`);

const shell = ['index.html', 'app.css', 'app.js', 'manifest.webmanifest', 'zxing_reader.wasm', 'pdf.min.mjs', 'pdf.worker.min.mjs'];
const version = createHash('sha256').update(shell.map((f) => readFileSync(`${out}${f}`)).join('')).digest('hex').slice(0, 16);
await build({ ...common, entryPoints: { sw: `${web}sw.ts` }, outdir: out, define: { __SHELL_VERSION__: JSON.stringify(version) } });
writeFileSync(`${out}build.json`, JSON.stringify({ version, shell }, null, 2));
const size = (f) => (readFileSync(`${out}${f}`).length / 1024).toFixed(0);
console.log(`officer page: app.js ${size('app.js')} KB (${size('app.js.br')} KB brotli), sw.js ${size('sw.js')} KB, zxing_reader.wasm ${size('zxing_reader.wasm')} KB, pdf.js ${size('pdf.min.mjs')} + ${size('pdf.worker.min.mjs')} KB (shell ${version})`);
