// The traffic stage: a generated trace over the 5,000-workload app, streamed, parsed and resolved.
//
//   node bench/traffic.mjs [--lines 100000,1000000] [--n 5000]     (npm run bench runs it too)
//
// The trace is the built-in network gadget's camelCase NDJSON (pktType, proto, ip, port,
// remoteKind, podOwner, remotePod*), one connection per line, drawn (seeded) from the links the
// manifests declare, with the noise real traces hold: DNS lookups, kubelet probes, loopback, and
// outside addresses. Each size runs in a fresh process (bench/traffic-worker.mjs): the app is
// loaded untimed, then reading + resolving the whole file is timed, and the process's peak RSS is
// printed, so that 100k and 1M lines show that memory stays flat while the file grows tenfold.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, OUT_DIR, appDir, ensureApp } from './generate.mjs';

const TARGET_MS = 5000;

const loadNote = () => `load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The pod name a controller gives: `<deployment>-<rs hash>-<5>`, `<statefulset>-<ordinal>`. */
function podName(ref, k) {
  const h = (ref.name.length * 7919 + k * 104729).toString(36).padStart(5, 'x').slice(-5);
  return ref.kind === 'StatefulSet' ? `${ref.name}-${k % 3}` : `${ref.name}-7c9d8f6b5-${h}`;
}

/** Writes `lines` trace lines (deterministic for the same app and size); returns the path. */
export async function ensureTrace(lib, n, lines) {
  const file = path.join(OUT_DIR, `traffic-${n}-${lines}.ndjson`);
  if (existsSync(file)) return file;
  const read = lib.readManifestFiles([appDir(n)]);
  const cluster = lib.loadManifests(read.files).cluster;
  const links = lib.scanTopology(cluster).value.links.filter((l) => l.src.kind === 'workload' && l.dst.kind === 'workload');
  const rnd = mulberry32(15);
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  let buf = '';
  for (let i = 0; i < lines; i++) {
    const x = rnd();
    const l = links[Math.floor(rnd() * links.length)];
    const src = l.src.ref;
    const pod = podName(src, i % 7);
    const base = `{"type":"normal","namespace":"${src.namespace}","pod":"${pod}","podOwner":"${src.name}","podIP":"10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}","podHostIP":"10.0.0.${1 + (i % 40)}"`;
    let ev;
    if (x < 0.05) ev = `${base},"pktType":"OUTGOING","proto":"udp","ip":"10.96.0.10","port":53,"remoteKind":"svc","remoteServiceNamespace":"kube-system","remoteServiceName":"kube-dns"}`;
    else if (x < 0.08) ev = `${base},"pktType":"HOST","proto":"tcp","ip":"10.0.0.${1 + (i % 40)}","port":8080,"remoteKind":"other","remoteOther":"10.0.0.${1 + (i % 40)}"}`;
    else if (x < 0.09) ev = `${base},"pktType":"OUTGOING","proto":"tcp","ip":"127.0.0.1","port":9090,"remoteKind":"other","remoteOther":"127.0.0.1"}`;
    else if (x < 0.1) ev = `${base},"pktType":"OUTGOING","proto":"tcp","ip":"203.0.113.${i % 200}","port":443,"remoteKind":"other","remoteOther":"203.0.113.${i % 200}"}`;
    else {
      const dst = l.dst.ref;
      const port = l.conns.ports('TCP').toString().split(/[,-]/)[0] || '8080';
      ev = `${base},"pktType":"OUTGOING","proto":"tcp","ip":"10.244.${i % 250}.${(i >> 3) % 250}","port":${port},"remoteKind":"pod","remotePodNamespace":"${dst.namespace}","remotePodName":"${podName(dst, i % 5)}"}`;
    }
    buf += `${ev}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((r) => out.end(r));
  return file;
}

/** The trace worker (src/pipeline/traffic-worker.ts) bundled beside the bench bundle, where src/io/traffic-workers.ts looks for it. */
async function buildTraceWorker(bundle) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(BENCH_DIR, '..', 'src', 'pipeline', 'traffic-worker.ts')],
    outfile: path.join(path.dirname(bundle), 'traffic-worker.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);" },
  });
}

export async function runTrafficBench({ bundle, n = 5000, sizes = [100_000, 1_000_000], log = (s) => process.stdout.write(`${s}\n`) } = {}) {
  ensureApp(n, false);
  await buildTraceWorker(bundle);
  const lib = await import(pathToFileURL(bundle).href);
  if (typeof lib.observeTraffic !== 'function') return log('skipped: the bench bundle does not export observeTraffic');
  const rows = [];
  for (const lines of sizes) {
    const file = await ensureTrace(lib, n, lines);
    const p = spawnSync(process.execPath, ['--expose-gc', path.join(BENCH_DIR, 'traffic-worker.mjs'), bundle, appDir(n), file], { encoding: 'utf8', timeout: 300_000 });
    if (p.status !== 0) {
      log(`traffic ${lines} lines: FAILED ${p.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const r = JSON.parse(p.stdout.trim().split('\n').pop());
    rows.push({ lines, ...r });
    log(
      `traffic N=${n} ${lines.toLocaleString('en')} lines (${(statSync(file).size / 1e6).toFixed(0)} MB, ${r.threads ?? 1} thread${r.threads === 2 ? 's' : ''}): ${r.ms.toFixed(0)} ms parse+resolve, ${r.cpuMs.toFixed(0)} ms CPU ` +
        `(${((lines / r.ms) * 1000).toFixed(0)} lines/s); peak RSS ${r.maxRssMiB.toFixed(0)} MiB (app loaded: ${r.rssBeforeMiB.toFixed(0)} MiB); ${r.summary}`,
    );
  }
  // the largest trace again in one thread (NETPOL_CI_TRAFFIC_WORKERS=0): what the second thread gains, or costs on a busy machine
  const largestRow = rows[rows.length - 1];
  if (largestRow) {
    const file = await ensureTrace(lib, n, largestRow.lines);
    const p = spawnSync(process.execPath, ['--expose-gc', path.join(BENCH_DIR, 'traffic-worker.mjs'), bundle, appDir(n), file], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, NETPOL_CI_TRAFFIC_WORKERS: '0' } });
    if (p.status === 0) {
      const r = JSON.parse(p.stdout.trim().split('\n').pop());
      log(`traffic N=${n} ${largestRow.lines.toLocaleString('en')} lines in one thread (NETPOL_CI_TRAFFIC_WORKERS=0): ${r.ms.toFixed(0)} ms, ${r.cpuMs.toFixed(0)} ms CPU; peak RSS ${r.maxRssMiB.toFixed(0)} MiB (as run above, ${largestRow.threads ?? 1} thread${largestRow.threads === 2 ? 's' : ''}: ${largestRow.ms.toFixed(0)} ms, ${largestRow.cpuMs.toFixed(0)} ms CPU)`);
    }
  }
  const big = rows.find((r) => r.lines === 1_000_000);
  const small = rows.find((r) => r.lines === 100_000);
  // wall time is the target; CPU time is printed beside it because a busy machine inflates wall time
  if (big) log(`${big.ms < TARGET_MS ? 'PASS' : 'MISS'} 1,000,000-line trace over ${n} workloads parses and resolves < ${TARGET_MS} ms: ${big.ms.toFixed(0)} ms (${big.cpuMs.toFixed(0)} ms CPU; ${loadNote()})`);
  if (big && small)
    log(`memory: peak RSS ${small.maxRssMiB.toFixed(0)} MiB at 100k lines, ${big.maxRssMiB.toFixed(0)} MiB at 1M lines (x${(big.maxRssMiB / small.maxRssMiB).toFixed(2)} for x10 the lines): streaming keeps it flat`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const bundle = path.join(OUT_DIR, 'stages.mjs');
  mkdirSync(OUT_DIR, { recursive: true });
  {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [path.join(BENCH_DIR, 'stages.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);" },
    });
  }
  await runTrafficBench({ bundle, n: Number(opt('--n', '5000')), sizes: opt('--lines', '100000,1000000').split(',').map(Number) });
}
