// One build script: bundles the CLI and every Action entry (src/action/entries/*.ts) into dist/,
// code that runs on Node 20 and 24 without node_modules. The Actions are ESM (.mjs): with code
// splitting their entries are thin files (dist/<action>/index.mjs) importing shared chunks
// (dist/chunks/), so they do not each carry their own copy of the engine. The CLI is CommonJS
// (dist/cli.js, dist/cli/main.cjs; dist/package.json says so): Node starts a CommonJS entry
// without its ES module loader, about 10 ms of every run. Output is deterministic: esbuild names
// chunks by content hash, and nothing here depends on time or machine.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
// dist/check-base-worker.mjs: the thread of a large PR check's base side (src/pipeline/check/base-thread.ts),
// an entry of its own that loads only the chunks it needs
const entries = [{ in: path.join(root, 'src/pipeline/check/base-worker.ts'), out: 'check-base-worker' }];
const actionDir = path.join(root, 'src/action/entries');
if (existsSync(actionDir)) {
  for (const f of readdirSync(actionDir).filter((f) => f.endsWith('.ts')).sort()) {
    entries.push({ in: path.join(actionDir, f), out: `${f.slice(0, -3)}/index` });
  }
}
// zod re-exports every message locale (`z.locales.de()`, 60-odd files, about a third of the CLI's
// code) though netpol-ci only ever uses the English messages zod sets up itself: the locales
// folder's index is bundled as English alone, so a run does not compile the rest. (A call to
// another locale would fail to build, not misbehave: no such call exists.)
const englishZodOnly = {
  name: 'english-zod-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(root, 'scripts', 'zod-locales-en.mjs') } : undefined,
    );
  },
};
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: path.join(root, 'dist'),
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  charset: 'utf8',
  plugins: [englishZodOnly],
  // CommonJS dependencies bundled into ESM need a require() in every file that may hold them
  banner: { js: "import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
// dist/cli.js: the CLI's entry (src/cli.ts), small, and CommonJS as every .js file under dist/
writeFileSync(path.join(root, 'dist', 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
await build({
  entryPoints: [path.join(root, 'src/cli.ts')],
  outfile: path.join(root, 'dist', 'cli.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  charset: 'ascii',
  define: { 'import.meta.url': '__npcModuleUrl' },
  banner: { js: "const __npcModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
// dist/cli/main.cjs: the CLI proper (src/cli-main.ts) as one CommonJS file, which dist/cli.js
// compiles through its code cache (src/io/code-cache.ts: Node 20 caches only scripts it compiles
// itself, not ES modules). The commands stay apart inside it: esbuild evaluates a module imported
// with import() only when it is imported, and V8 compiles a function only when it runs.
await build({
  entryPoints: [path.join(root, 'src/cli-main.ts')],
  outfile: path.join(root, 'dist', 'cli', 'main.cjs'),
  bundle: true,
  plugins: [englishZodOnly],
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  // ASCII only (other characters as escapes): V8 keeps a one-byte copy of the source, half the
  // size of the two-byte copy a single other character forces, and io/code-cache.ts reads it as
  // Latin-1, several times faster than decoding UTF-8
  charset: 'ascii',
  // a module's import.meta.url (where it finds the worker scripts and the files beside it) is the bundle's own
  define: { 'import.meta.url': '__npcModuleUrl' },
  banner: { js: "const __npcModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
// esbuild escapes strings and templates itself but leaves other characters in comments and regular
// expression literals, where an escape (\uXXXX, a UTF-16 unit each) means the same character; after
// a backslash it would not (`\\u...`), so that stops the build
const mainCjs = path.join(root, 'dist', 'cli', 'main.cjs');
const mainText = readFileSync(mainCjs, 'utf8');
writeFileSync(
  mainCjs,
  mainText.replace(/[\u0080-\uffff]/g, (c, at) => {
    if (mainText[at - 1] === '\\') throw new Error(`dist/cli/main.cjs: a character after a backslash at ${at} cannot be escaped`);
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }),
);
// dist/parse-worker.mjs: the thread that parses part of a large input (src/io/parse-workers.ts finds
// it beside the chunks); dist/traffic-worker.mjs: the thread that reads the second half of a large
// trace (src/io/traffic-workers.ts). One file each without the shared chunks: each loads only what
// it runs, so it starts fast.
for (const [entry, out] of [
  ['src/io/parse-worker.ts', 'parse-worker.mjs'],
  ['src/pipeline/traffic-worker.ts', 'traffic-worker.mjs'],
]) {
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, 'dist', out),
    bundle: true,
    plugins: [englishZodOnly],
    platform: 'node',
    target: 'node20',
    format: 'esm',
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: "import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
