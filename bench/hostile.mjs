// npm run bench:hostile (also run at the end of npm run bench)
//
// Linear time on hostile sizes (issue 10): a file of N tiny documents, one NetworkPolicy with N
// rules, a List of N invalid NetworkPolicies (each one a located diagnostic), N empty files.
// Each input is generated at three sizes and read + loaded (readManifestFiles + loadManifests,
// the bundled library) in a fresh child process, once; the growth column is the time per item
// relative to the smallest size: about 1.0 means linear, 2.0 per doubling would be quadratic.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const BENCH_DIR = path.dirname(new URL(import.meta.url).pathname);
const OUT = path.join(BENCH_DIR, 'out', 'hostile');
const BUNDLE = path.join(BENCH_DIR, 'out', 'hostile-stages.mjs');

const FAMILIES = [
  {
    name: 'documents',
    what: 'tiny documents in one file',
    sizes: [25_000, 50_000, 100_000],
    make: (dir, n) => {
      const parts = [];
      for (let i = 0; i < n; i++) parts.push(`---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: shop}\n`);
      writeFileSync(path.join(dir, 'docs.yaml'), parts.join(''));
    },
  },
  {
    name: 'rules',
    what: 'rules of one NetworkPolicy',
    sizes: [2_500, 5_000, 10_000],
    make: (dir, n) => {
      const parts = ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: big, namespace: shop}\nspec:\n  podSelector: {}\n  ingress:\n'];
      for (let i = 0; i < n; i++) parts.push(`  - from:\n    - ipBlock: {cidr: 10.${(i >> 8) & 255}.${i & 255}.0/24}\n    - podSelector: {matchLabels: {app: a${i}}}\n    ports:\n    - port: ${1 + (i % 65535)}\n`);
      writeFileSync(path.join(dir, 'rules.yaml'), parts.join(''));
    },
  },
  {
    name: 'list',
    what: 'invalid items of one List',
    sizes: [5_000, 10_000, 20_000],
    make: (dir, n) => {
      const parts = ['apiVersion: v1\nkind: List\nitems:\n'];
      for (let i = 0; i < n; i++) parts.push(`- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: p${i}\n  spec:\n    podSelector: {}\n    ingress:\n    - ports:\n      - port: 80\n        protocol: XTCP\n`);
      writeFileSync(path.join(dir, 'list.yaml'), parts.join(''));
    },
  },
  {
    name: 'files',
    what: 'empty files',
    sizes: [25_000, 50_000, 100_000],
    make: (dir, n) => {
      for (let d = 0; d * 1000 < n; d++) {
        mkdirSync(path.join(dir, `d${d}`), { recursive: true });
        for (let i = d * 1000; i < Math.min(n, (d + 1) * 1000); i++) writeFileSync(path.join(dir, `d${d}`, `f${i}.yaml`), '');
      }
    },
  },
];

await build({
  entryPoints: [path.join(BENCH_DIR, 'stages.ts')],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  banner: { js: "import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// the child: read + load one folder, print ms, documents and diagnostics as JSON
const CHILD = `
const lib = await import(${JSON.stringify(BUNDLE)});
const t0 = performance.now();
const read = lib.readManifestFiles([process.argv[1]]);
const load = lib.loadManifests(read.files);
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, documents: load.documents.length, diagnostics: read.diagnostics.length + load.diagnostics.length, rss: process.memoryUsage().rss }));
`;

const log = (s = '') => process.stdout.write(`${s}\n`);
log('hostile sizes: read + load, one run each in a fresh process');
log(`${'input'.padEnd(34)}${'size'.padStart(9)}${'ms'.padStart(9)}${'µs/item'.padStart(10)}${'growth'.padStart(8)}${'diags'.padStart(8)}${'RSS MB'.padStart(8)}`);
let worst = 0;
for (const f of FAMILIES) {
  let base;
  for (const n of f.sizes) {
    const dir = path.join(OUT, `${f.name}-${n}`);
    if (!existsSync(path.join(dir, '.done'))) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      f.make(dir, n);
      writeFileSync(path.join(dir, '.done'), '');
    }
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 600_000 });
    if (r.status !== 0) {
      log(`${f.what.padEnd(34)}${String(n).padStart(9)}  failed: ${(r.stderr || r.error?.message || '').split('\n')[0]}`);
      process.exitCode = 1;
      continue;
    }
    const out = JSON.parse(r.stdout.trim().split('\n').pop());
    const perItem = (out.ms * 1000) / n;
    base ??= perItem;
    const growth = perItem / base;
    worst = Math.max(worst, growth);
    log(
      `${f.what.padEnd(34)}${n.toLocaleString('en-US').padStart(9)}${out.ms.toFixed(0).padStart(9)}${perItem.toFixed(1).padStart(10)}${growth.toFixed(2).padStart(8)}${String(out.diagnostics).padStart(8)}${(out.rss / 1024 / 1024).toFixed(0).padStart(8)}`,
    );
  }
}
log(`worst growth of time per item across a 4x size step: ${worst.toFixed(2)} (1.0 = linear; quadratic would be about 4)`);
