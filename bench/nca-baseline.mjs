// Times nca on the bench's 50 baseline rules, as `netpol-ci baseline --engine nca` runs it
// (scoped per rule, smallest scopes first, a few nca processes within one time budget), and
// prints one JSON line:
//   node bench/nca-baseline.mjs <bundle> <n> <budget-seconds>
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appDir, OUT_DIR } from './generate.mjs';
import { baselineRulesYaml } from './baseline-rules.mjs';

const [bundle, nText, budgetText] = process.argv.slice(2);
const lib = await import(pathToFileURL(bundle).href);
const nca = lib.findNca();
if (!nca) {
  console.log(JSON.stringify({ skipped: 'nca not found (NCA_PATH or nca on PATH)' }));
  process.exit(0);
}
const dir = appDir(Number(nText));
const cluster = lib.loadManifests(lib.readManifestFiles([dir]).files).cluster;
const rulesFile = path.join(OUT_DIR, `baseline-rules-${nText}.yaml`);
writeFileSync(rulesFile, baselineRulesYaml(cluster));
const o = lib.runBaseline(lib.nodeIo(), { paths: [dir], ruleFiles: [rulesFile], engine: 'nca', ncaTimeoutMs: Number(budgetText) * 1000 }, lib.DEFAULT_READ_SETTINGS);
const answered = o.verdicts.filter((v) => v.nca === 'holds' || v.nca === 'violated').length;
console.log(JSON.stringify({ version: nca.version, seconds: o.timings.ncaSeconds ?? 0, timedOut: o.verdicts.some((v) => v.nca === 'timed-out'), rules: o.verdicts.length, answered, violated: o.verdicts.filter((v) => v.nca === 'violated').length }));
