// Times nca on the bench's 50 baseline rules, scoped per rule, in ONE nca process within a time
// budget (smallest scopes first), and prints one JSON line:
//   node bench/nca-baseline.mjs <bundle> <n> <budget-seconds>
import { pathToFileURL } from 'node:url';
import { appDir } from './generate.mjs';
import { baselineRulesYaml } from './baseline-rules.mjs';

const [bundle, nText, budgetText] = process.argv.slice(2);
const lib = await import(pathToFileURL(bundle).href);
const nca = lib.findNca();
if (!nca) {
  console.log(JSON.stringify({ skipped: 'nca not found (NCA_PATH or nca on PATH)' }));
  process.exit(0);
}
const read = lib.readManifestFiles([appDir(Number(nText))]);
const cluster = lib.loadManifests(read.files).cluster;
const rules = lib.parseRuleFile('bench-rules.yaml', baselineRulesYaml(cluster)).rules;
const batch = lib.mergeNcaBatches([lib.buildNcaBatch(cluster, rules)]);
const run = lib.runNcaScheme(batch.files, batch.scheme, batch.queries.map((q) => q.output), Number(budgetText) * 1000);
const answered = new Set();
const asked = new Set(batch.queries.map((q) => q.rule.rule.name));
for (const q of batch.queries) {
  const text = run.outputs.get(q.output);
  if (text !== undefined && lib.parseNcaAnswer(q, text, batch.pods)) answered.add(q.rule.rule.name);
}
// a rule with two queries (in and out) counts as answered only when both are
for (const q of batch.queries) if (!run.outputs.has(q.output)) answered.delete(q.rule.rule.name);
const sizes = batch.files.filter((f) => f.name.endsWith('-pods.yaml')).map((f) => (f.text.match(/^kind: Pod$/gm) ?? []).length);
console.log(JSON.stringify({ version: nca.version, seconds: run.seconds, timedOut: run.timedOut, rules: rules.length, asked: asked.size, answered: answered.size, queries: batch.queries.length, podsPerRule: { min: Math.min(...sizes), max: Math.max(...sizes) } }));
