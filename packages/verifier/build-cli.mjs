// Bundles the CLI (dist/cli.js, as tsc wrote it) into dist/bundle/ for the installed command
// (bin/corridor-verifier.js). Node 20 loads ES modules one file at a time, and a cold
// `verify cert.png` loaded ~85 of them (our ~60 and the libraries' on its path): ~40 ms of a
// ~250 ms run. The bundle is the same code: esbuild only joins the files.
//  - Our code and the small libraries every run uses (BUNDLED) are joined; `serve`'s code is a
//    chunk of its own, loaded only by `serve` as before.
//  - Every other library stays where it is, loaded when the code asks for it (pdf.js for a PDF,
//    ZXing for a picture, the W3C libraries for an off-shape credential): the import names the
//    very file Node would have found from the original importer, so nothing resolves differently.
//  - `import.meta.url` keeps meaning the original file (the help text is read from dist/cli.js,
//    the ZXing wasm and pdf.js are found from shared/dist/qr/, the page from dist/web/).
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const out = `${dist}bundle`;
/** Libraries on every run's path, small and without files of their own to find at run time. */
const BUNDLED = new Set(['jose', 'rdf-canonize', 'canonicalize']);
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const fromOut = (path) => {
  const rel = relative(out, path).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

const inPlace = {
  name: 'in-place',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, async ({ path, importer, kind, resolveDir, pluginData }) => {
      if (path.startsWith('node:') || builtinModules.includes(path) || pluginData?.inPlace || BUNDLED.has(packageName(path)) || path.startsWith('@corridor/')) return undefined;
      const found = await esbuild.resolve(path, { importer, kind, resolveDir, pluginData: { inPlace: true } });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: fromOut(found.path), external: true };
    });
    esbuild.onLoad({ filter: /\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (path.includes(`${sep}node_modules${sep}`) || !source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromOut(path))}, import.meta.url).href`), loader: 'js', resolveDir: dirname(path) };
    });
  },
};

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: { 'corridor-verifier': `${dist}cli.js` },
  outdir: out,
  bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
  // What Node itself matches when it resolves a package's exports.
  conditions: ['node'], mainFields: ['main'],
  // The bundled CommonJS (rdf-canonize) calls require.
  banner: { js: "import { createRequire as __corridorRequire } from 'node:module';\nconst require = __corridorRequire(import.meta.url);" },
  legalComments: 'none', logLevel: 'warning', plugins: [inPlace],
});
