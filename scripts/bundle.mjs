// One build script: bundles the CLI and every Action entry (src/action/entries/*.ts) into dist/,
// ESM that runs on Node 20 and 24 without node_modules. With code splitting, the entries are thin
// files (dist/cli.js, dist/<action>/index.js) importing shared chunks (dist/chunks/), so the
// Actions do not each carry their own copy of the engine. Output is deterministic: esbuild names
// chunks by content hash, and nothing here depends on time or machine.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const entries = [{ in: path.join(root, 'src/cli.ts'), out: 'cli' }];
const actionDir = path.join(root, 'src/action/entries');
if (existsSync(actionDir)) {
  for (const f of readdirSync(actionDir).filter((f) => f.endsWith('.ts')).sort()) {
    entries.push({ in: path.join(actionDir, f), out: `${f.slice(0, -3)}/index` });
  }
}
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
  // CommonJS dependencies bundled into ESM need a require() in every file that may hold them
  banner: { js: "import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);" },
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
    platform: 'node',
    target: 'node20',
    format: 'esm',
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: "import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
