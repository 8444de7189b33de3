// One traffic run in a fresh process: `node --expose-gc bench/traffic-worker.mjs <bundle> <app dir> <trace>`.
// Loads the app (untimed), then streams, parses and resolves the trace (timed); prints one JSON line.
// NETPOL_CI_TRAFFIC_WORKERS=0 reads it in one thread (see src/io/traffic.ts).
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [bundle, dir, trace] = process.argv.slice(2);
const lib = await import(pathToFileURL(bundle).href);
const cluster = lib.loadManifests(lib.readManifestFiles([dir]).files).cluster;
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
// whether the CLI would read this trace in two threads now (size, cores, load average, NETPOL_CI_TRAFFIC_WORKERS)
const threads = lib.traceCut?.(trace) !== undefined ? 2 : 1;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
// as the CLI reads it (readTraffic: a large trace split between this thread and the trace worker
// beside the bundle); a bundle from before readTraffic was exported reads it in one thread
const r = lib.readTraffic
  ? lib.readTraffic(lib.nodeIo(), cluster, { files: [trace] }, lib.DEFAULT_READ_SETTINGS)
  : lib.observeTraffic(cluster, { files: [trace] }, (file, onLine) => lib.forEachLine(file, '--traffic', onLine));
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const s = r.value.summary;
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    rssBeforeMiB: rssBefore / 1024 / 1024,
    threads,
    summary: `${s.starts} starts, ${r.value.links.length} links, ${r.value.unresolved.length} unresolved, filtered ${s.dns} DNS + ${s.nodeLocal} node-local + ${s.loopback} loopback`,
  }),
);
