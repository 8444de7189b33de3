// One build script: bundles the CLI and every Action entry (src/action/entries/*.ts) into dist/,
// ESM that runs on Node 20 and 24 without node_modules. With code splitting, the entries are thin
// files (dist/cli.js, dist/<action>/index.js) importing shared chunks (dist/chunks/), so the
// Actions do not each carry their own copy of the engine. Output is deterministic: esbuild names
// chunks by content hash, and nothing here depends on time or machine.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
// dist/check-base-worker.js: the thread of a large PR check's base side (src/pipeline/check/base-thread.ts),
// an entry of its own that loads only the chunks it needs
const entries = [
  { in: path.join(root, 'src/cli.ts'), out: 'cli' },
  { in: path.join(root, 'src/pipeline/check/base-worker.ts'), out: 'check-base-worker' },
];
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
  charset: 'utf8',
  // a module's import.meta.url (where it finds the worker scripts and the files beside it) is the bundle's own
  define: { 'import.meta.url': '__npcModuleUrl' },
  banner: { js: "const __npcModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
// dist/parse-worker.js: the thread that parses part of a large input (src/io/parse-workers.ts finds
// it beside the chunks); dist/traffic-worker.js: the thread that reads the second half of a large
// trace (src/io/traffic-workers.ts). One file each without the shared chunks: each loads only what
// it runs, so it starts fast.
for (const [entry, out] of [
  ['src/io/parse-worker.ts', 'parse-worker.js'],
  ['src/pipeline/traffic-worker.ts', 'traffic-worker.js'],
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
