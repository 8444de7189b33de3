// The YAML parser note: one parse of an app's text with js-yaml (the bulk parser) and one with
// the `yaml` package (used only to recover positions), in this fresh process. Prints one JSON line.
//   node bench/yaml-note.mjs <app-dir>
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import jsYaml from 'js-yaml';
import { LineCounter, parseAllDocuments } from 'yaml';

const dir = process.argv[2];
const texts = readdirSync(dir, { recursive: true })
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

let docs = 0;
let t0 = performance.now();
for (const t of texts) docs += jsYaml.loadAll(t).length;
const jsYamlMs = performance.now() - t0;

let docs2 = 0;
t0 = performance.now();
for (const t of texts) docs2 += parseAllDocuments(t, { lineCounter: new LineCounter() }).length;
const yamlMs = performance.now() - t0;

console.log(JSON.stringify({ bytes, files: texts.length, docs, docs2, jsYamlMs, yamlMs }));
