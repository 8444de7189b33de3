import { mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli } from '../helpers/cli.js';
import { TOOL_ENV } from '../helpers/tools.js';
import { all, exitIs, reports, type Found } from './cases.js';
import { configError } from './hunt2-cases.js';
import { fifo, write, type CaseContext, type HostileCase, type RunResult } from './harness.js';

/**
 * Cases from the third hostile-input hunt (session 9): cache folders restored from a cache a pull
 * request wrote, compressed and binary traces, YAML 1.1 traps in keys and numbers, and what is
 * left of every command's inputs.
 */

// --- a cache folder (--cache-dir) holds what an earlier run, maybe a hostile one, left there ---

/** A chart, an overlay and plain manifests: every kind of cache entry (helm, kustomize, parsed) is made by one run. */
function renderedApp(dir: string): void {
  write(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  write(path.join(dir, 'chart', 'templates', 'p.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: charted, namespace: shop, labels: {app: charted}}\n');
  write(path.join(dir, 'ov', 'kustomization.yaml'), 'resources: [pod.yaml]\n');
  write(path.join(dir, 'ov', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: overlaid, namespace: shop, labels: {app: overlaid}}\n');
}

const cacheOf = (c: CaseContext) => path.join(c.outside, 'cache');
const victimsOf = (c: CaseContext) => path.join(c.outside, 'victims');

/** Every file below a folder. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/**
 * A case that fills the cache with one run, plants something in place of every entry of `kinds`
 * (or of their folders), and expects the next run to print what a run without the cache prints,
 * with nothing written outside the cache.
 */
function plantedCache(name: string, kinds: readonly string[], plant: (entry: string, c: CaseContext) => void, folders = false, command: readonly string[] = ['connectivity', '.']): HostileCase {
  let expected: RunResult | undefined;
  const args = (c: CaseContext) => [...command, '--cache-dir', cacheOf(c)];
  return {
    name,
    kind: 'stall',
    setup: (c) => {
      renderedApp(c.dir);
      mkdirSync(victimsOf(c));
      expected = runCli(command, { cwd: c.dir, env: TOOL_ENV });
      runCli(args(c), { cwd: c.dir, env: TOOL_ENV });
      for (const kind of kinds) {
        const root = path.join(cacheOf(c), kind);
        const targets = folders ? readdirSync(root).map((d) => path.join(root, d)) : filesBelow(root);
        if (targets.length === 0) throw new Error(`the first run kept no ${kind} entry`);
        for (const t of targets) {
          rmSync(t, { recursive: true });
          plant(t, c);
        }
      }
    },
    args,
    expectApp: command[0] === 'connectivity',
    check: (r, c): Found => {
      const out: Found = [];
      if (r.stdout !== expected?.stdout || r.code !== expected.code) out.push({ problem: 'dropped', why: `the run with planted cache entries differs from one without the cache (exit ${r.code} vs ${expected?.code})` });
      if (command[0] === 'connectivity' && (!r.stdout.includes('shop/charted[Pod]') || !r.stdout.includes('shop/overlaid[Pod]'))) out.push({ problem: 'dropped', why: 'the chart or the overlay is missing' });
      const written = readdirSync(victimsOf(c));
      if (written.length > 0) out.push({ problem: 'escape', why: `cache entries written through a planted symlink: ${written.join(', ')}` });
      return out;
    },
  };
}

/** One Inspektor Gadget advise-networkpolicy event: web calls api on TCP 9090. */
const TRACE_LINE = JSON.stringify({
  egress: 1,
  endpoint: { addr: '10.96.20.20', version: 4, port: 9090, proto: 'TCP', k8s: { kind: 'svc', name: 'api', namespace: 'shop', labels: '', podSelector: 'app=api' } },
  k8s: { node: 'n', namespace: 'shop', podName: 'web-1', containerName: 'web', hostnetwork: false, podLabels: 'app=web', podIP: '10.244.1.10', owner: { kind: 'Deployment', name: 'web' } },
});

const ENTRY_KINDS = ['helm', 'kustomize', 'parsed'] as const;

export const HUNT3_CASES: HostileCase[] = [
  plantedCache('--cache-dir: entries replaced by FIFOs are misses, never opened (no hang)', ENTRY_KINDS, (e) => fifo(e)),
  plantedCache('--cache-dir: entries replaced by symlinks to /dev/zero are misses, never read (no out-of-memory)', ENTRY_KINDS, (e) => symlinkSync('/dev/zero', e)),
  plantedCache('--cache-dir: a 20 MB junk parsed entry for a small file is a miss', ['parsed'], (e) => write(e, ' '.repeat(20 * 1024 * 1024))),
  plantedCache('--cache-dir: entry folders replaced by symlinks outside are never written through', ENTRY_KINDS, (e, c) => symlinkSync(victimsOf(c), e), true),
  plantedCache('check --cache-dir: a kept check result replaced by a FIFO is a miss (no hang)', ['check'], (e) => fifo(e), false, ['check', '--base', '.', '--head', '.', '--format', 'json']),
  plantedCache('check --cache-dir: the result folder replaced by a symlink outside is never written through', ['check'], (e, c) => symlinkSync(victimsOf(c), e), true, ['check', '--base', '.', '--head', '.', '--format', 'json']),
  // --- baseline rule files ---
  ...(['txt', 'md', 'json'] as const).map(
    (format): HostileCase => ({
      name: `baseline --format ${format}: a rule file that cannot be read is no "passed" verdict`,
      kind: 'drop',
      setup: ({ dir }) => write(path.join(dir, 'rules', 'rules.yaml'), '- name: r1\n  from: app=web\n  to: app=api\n  action: deny\n- !!binary AAA=\n'),
      args: () => ['baseline', 'app.yaml', '--baseline', 'rules/rules.yaml', '--engine', 'builtin', '--format', format],
      markdown: format === 'md',
      check: all(reports('NPC005', { file: /^rules\/rules\.yaml:5:/ }), exitIs(2), (r) => {
        const lied = format === 'json' ? (JSON.parse(r.stdout) as { passed: boolean }).passed : /passed/.test(r.stdout);
        const said = format === 'json' ? (JSON.parse(r.stdout) as { inputErrors?: number }).inputErrors === 1 : /1 input error/.test(r.stdout);
        return lied || !said ? [{ problem: 'dropped', why: `the report does not say the rules were not read: ${r.stdout.slice(0, 200)}` }] : [];
      }),
    }),
  ),
  {
    name: 'baseline: a rule file inside the scanned folder (read as rules and as a manifest) says each problem once',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'rules.yaml'), '- name: r1\n  from: app=web\n  to: app=api\n  action: on\n'),
    args: () => ['baseline', '.', '--baseline', 'rules.yaml', '--engine', 'builtin'],
    check: all(reports('NPC100', { file: /^rules\.yaml:4:11 /, message: /action: expected allow or deny/ }), exitIs(2), (r) => {
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      return new Set(lines).size === lines.length ? [] : [{ problem: 'dropped', why: `a diagnostic printed twice: ${r.stderr.slice(0, 400)}` }];
    }),
  },
  // --- observed traffic (--traffic) in the shapes traces are kept in ---
  {
    name: '--traffic: a gzip-compressed trace is one clear error, never thousands of lines of binary',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'trace.ndjson.gz'), gzipSync(Buffer.from(`${TRACE_LINE}\n`.repeat(2000)))),
    args: () => ['scan', '.', '--traffic', 'trace.ndjson.gz', '--format', 'txt'],
    unlocatedOk: true,
    check: all(configError(/--traffic trace\.ndjson\.gz: a gzip-compressed file, not a trace; decompress it first, or stream it: --traffic <\(gunzip -c FILE\)$/), (r) =>
      r.stderr.split('\n').length > 3 ? [{ problem: 'dropped', why: `more than one error for one compressed file: ${r.stderr.slice(0, 300)}` }] : [],
    ),
  },
  {
    name: '--traffic: a gzip bomb (200 MB of zeros in 200 KB) is never inflated',
    kind: 'stall',
    setup: ({ dir }) => write(path.join(dir, 'bomb.gz'), gzipSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 })),
    args: () => ['synthesize', '.', '--traffic', 'bomb.gz', '--dry-run'],
    unlocatedOk: true,
    check: configError(/--traffic bomb\.gz: a gzip-compressed file/),
  },
  {
    name: '--traffic naming a folder or a missing file says so in words',
    kind: 'validation',
    setup: () => {},
    args: () => ['scan', '.', '--traffic', '.', '--format', 'txt'],
    unlocatedOk: true,
    check: configError(/--traffic \.: a folder, not a file \(EISDIR\)$/),
  },
  {
    name: '--traffic - (no file of that name) points at /dev/stdin',
    kind: 'validation',
    setup: () => {},
    args: () => ['scan', '.', '--traffic', '-', '--format', 'txt'],
    unlocatedOk: true,
    check: configError(/--traffic -: no such file \(ENOENT\); to read standard input, name \/dev\/stdin$/),
  },
  {
    name: '--links naming a missing file says so in words',
    kind: 'validation',
    setup: () => {},
    args: () => ['synthesize', '.', '--links', 'no/such.yaml', '--dry-run'],
    unlocatedOk: true,
    check: configError(/--links no\/such\.yaml: no such file \(ENOENT\)$/),
  },
  // --- YAML 1.1 (Kubernetes' parser) against YAML 1.2 (ours), in keys and numbers ---
  {
    name: 'a label key on/off/yes (a boolean key in YAML 1.1: Kubernetes reads "true") is warned, block and flow',
    kind: 'validation',
    setup: ({ dir }) =>
      write(
        path.join(dir, 'np.yaml'),
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: keys, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: api, on: x}}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          off: "1"\n          \'yes\': quoted\n',
      ),
    args: () => ['connectivity', '.'],
    check: all(
      reports('NPC011', { file: /^np\.yaml:5:41 /, message: /unquoted key on is the boolean true in YAML 1\.1 \(Kubernetes' parser reads the key "true"\)/ }),
      reports('NPC011', { file: /^np\.yaml:10:11 /, message: /unquoted key off is the boolean false/ }),
      (r) => (/key yes/.test(r.stderr) ? [{ problem: 'dropped', why: 'a quoted key was warned about' }] : []),
    ),
  },
  {
    name: 'a GitHub workflow beside the manifests (on: as a key) is no Kubernetes object: no key warning',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'ci', 'workflow.yml'), 'name: ci\non:\n  push: {branches: [main]}\njobs:\n  t: {runs-on: ubuntu-latest, steps: [{run: make}]}\n'),
    args: () => ['connectivity', '.'],
    check: all(exitIs(0), (r) => (r.stderr === '' ? [] : [{ problem: 'dropped', why: `a warning on a non-Kubernetes file: ${r.stderr.slice(0, 300)}` }])),
  },
  {
    name: 'port 1_000 (the integer 1000 in YAML 1.1, a string in YAML 1.2) is warned at its line, block and flow',
    kind: 'validation',
    setup: ({ dir }) =>
      write(
        path.join(dir, 'np.yaml'),
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: underscores, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - ports:\n    - port: 1_000\n    - {port: 2_000, protocol: TCP}\n',
      ),
    args: () => ['connectivity', '.'],
    check: all(
      reports('NPC011', { file: /^np\.yaml:8:13 /, message: /unquoted 1_000 is the integer 1000 in YAML 1\.1 \(Kubernetes' parser\) but the string "1_000" in YAML 1\.2/ }),
      reports('NPC011', { file: /^np\.yaml:9:14 /, message: /unquoted 2_000 is the integer 2000/ }),
    ),
  },
  // --- bytes that are no text, in the middle of a manifest ---
  {
    name: 'a NUL in the middle of a YAML file is an error at its line and column',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'nul.yaml'), Buffer.from('apiVersion: v1\nkind: Pod\nmetadata: {name: nul, namespace: shop}\nspec: {x: a\u0000b}\n', 'latin1')),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC003', { file: /^nul\.yaml:4:12 /, message: /binary file \(NUL bytes\)/ }), exitIs(2)),
  },
  {
    name: 'an invalid UTF-8 sequence in a name (a surrogate half) is an error at its line and column',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'bad.yaml'), Buffer.from('apiVersion: v1\nkind: Pod\nmetadata: {name: "bad\xed\xa0\x80name", namespace: shop}\n', 'latin1')),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC003', { file: /^bad\.yaml:3:22 /, message: /not valid UTF-8 text \(byte 0xed\)/ }), exitIs(2)),
  },
  // --- huge values quoted back ---
  {
    name: 'a 300,000-character label key is quoted in a bounded diagnostic line, its start and its explanation kept',
    kind: 'stall',
    setup: ({ dir }) =>
      write(path.join(dir, 'np.yaml'), `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {${'k😀'.repeat(100_000)}: x}\n`),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC030', { file: /^np\.yaml:6:/, message: /characters left out\]….*name part must be no more than 63 characters/ }), exitIs(2), (r) => {
      const longest = Math.max(...r.stderr.split('\n').map((l) => l.length));
      return longest > 3000 ? [{ problem: 'dropped', why: `a diagnostic line of ${longest} characters` }] : [];
    }),
  },
  {
    name: '--cidr-aliases: one bad element of a list (null, a map, an address that is none) drops only itself, each at its column',
    kind: 'drop',
    setup: ({ dir }) => {
      write(path.join(dir, 'traces', 't.ndjson'), `${JSON.stringify({ egress: 1, endpoint: { addr: '203.0.113.25', version: 4, port: 443, proto: 'TCP', k8s: { kind: 'raw', name: '', namespace: '', labels: '', podSelector: '' } }, k8s: { node: 'n', namespace: 'shop', podName: 'web-1', containerName: 'web', hostnetwork: false, podLabels: 'app=web', podIP: '10.244.1.10', owner: { kind: 'Deployment', name: 'web' } } })}\n`);
      write(path.join(dir, 'aliases', 'a.yaml'), 'scoring: [300.1.1.1/8, ~, {a: b}, 203.0.113.0/24]\n"": 192.0.2.0/24\n');
    },
    args: () => ['scan', 'app.yaml', '--traffic', 'traces/t.ndjson', '--cidr-aliases', 'aliases/a.yaml', '--format', 'txt'],
    check: all(
      reports('NPC013', { file: /^aliases\/a\.yaml:1:11 /, message: /scoring\[0\]: not a CIDR: "300\.1\.1\.1\/8"/ }),
      reports('NPC013', { file: /^aliases\/a\.yaml:1:24 /, message: /scoring\[1\]: not a CIDR: null/ }),
      reports('NPC013', { file: /^aliases\/a\.yaml:1:27 /, message: /scoring\[2\]: not a CIDR: a map/ }),
      reports('NPC010', { file: /^aliases\/a\.yaml:2:/, message: /an alias needs a name/ }),
      (r) => (/scoring/.test(r.stdout) ? [] : [{ problem: 'dropped', why: `the valid CIDR of the alias was dropped with its bad neighbours: ${r.stdout.slice(0, 400)}` }]),
    ),
  },
];

