// Runs one stage of bench/stage-defs.mjs once, in this (fresh) process, and prints one JSON line:
//   node --expose-gc bench/stage-worker.mjs <bundle> <stage> <n>
// Peak RSS is the process's (process.resourceUsage().maxRSS), so it covers the stage's inputs
// too; `stageRssKiB` is the peak minus the RSS just before the timed run, an upper bound of what
// the stage itself added.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { STAGES } from './stage-defs.mjs';

const [bundle, name, nText] = process.argv.slice(2);
const stage = STAGES.find((s) => s.name === name);
if (!bundle || !stage || !nText) {
  console.error(`usage: stage-worker.mjs <bundle> <${STAGES.map((s) => s.name).join('|')}> <n>`);
  process.exit(2);
}
const lib = await import(pathToFileURL(bundle).href);
const missing = stage.requires.filter((f) => typeof lib[f] !== 'function');
if (missing.length > 0) {
  console.log(JSON.stringify({ skipped: `the bench bundle does not export ${missing.join(', ')}` }));
  process.exit(0);
}
const ctx = stage.prepare(lib, stage.inputs(Number(nText)));
globalThis.gc?.();
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss / 1024;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const out = stage.run(lib, ctx);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const maxRss = process.resourceUsage().maxRSS;
const diagnostics = out.diagnostics ?? [];
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKiB: maxRss,
    stageRssKiB: Math.max(0, maxRss - rssBefore),
    summary: out.summary ?? '',
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    kept: out.keep !== undefined && ctx !== undefined,
  }),
);
