import path from 'node:path';
import { all, deployment, exitIs, reports, type Found } from './cases.js';
import { APP, fifo, link, outsideCodeSpans, write, type HostileCase, type RunResult } from './harness.js';

/**
 * Cases from the hostile-input hunt (session 5): reviewed link lists, baseline rule files and
 * traffic traces with the same hostility as manifests, and the commands beyond connectivity.
 */

const SVC = 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{port: 80, targetPort: 9090}]}\n';

/** stdout must match `re` (the rest of the input was still processed). */
const stdoutMatches = (re: RegExp) => (r: RunResult): Found => (re.test(r.stdout) ? [] : [{ problem: 'dropped', why: `stdout does not match ${re}: ${r.stdout.slice(0, 300)}` }]);

export const HUNT_CASES: HostileCase[] = [
  {
    name: 'links validate: one malformed link does not hide the errors of the others',
    kind: 'drop',
    setup: ({ dir }) =>
      write(
        path.join(dir, 'links.yaml'),
        [
          'links:',
          '  - {src: "shop/web[Deployment]", dst: "shop/api[Deployment]", conns: TCP 9090}',
          '  - {src: "shop/web[Deployment]", dst: "shop/api[Deployment]", conns: 80}',
          '  - null',
          '  - {src: "shop/web[Deployment]\\n::error::x <img src=x>", dst: "shop/api[Deployment]", conns: TCP 65536}',
          '  - {src: "shop/web[Deployment]", dst: "shop/api[Deployment]", conns: TCP 90-80}',
          '',
        ].join('\n'),
      ),
    args: () => ['links', 'validate', 'links.yaml', '--manifests', 'app.yaml'],
    exits: [2],
    check: all(
      reports('NPC010', { file: /^links\.yaml:3:/, message: /links\[1\]\.conns/ }),
      reports('NPC010', { file: /^links\.yaml:4:/, message: /links\[2\]/ }),
      reports('NPC010', { file: /^links\.yaml:5:/, message: /links\[3\]\.src/ }),
      reports('NPC010', { file: /^links\.yaml:5:/, message: /links\[3\]\.conns: not a connection set: "TCP 65536"/ }),
      reports('NPC010', { file: /^links\.yaml:6:/, message: /links\[4\]\.conns: not a connection set: "TCP 90-80"/ }),
      stdoutMatches(/^links\.yaml: 1 links, 5 error\(s\)$/m),
    ),
  },
  {
    // a workload's pods calling each other need a policy's allowance like any pods (no same-workload
    // allowance in Kubernetes): a reviewed self link is kept, as a self use, never dropped
    name: 'synthesize --links: a link to itself is a self use, written both ways, not dropped',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'links.yaml'), 'links:\n  - {src: "shop/web[Deployment]", dst: "shop/web[Deployment]", conns: TCP 8080}\n'),
    args: () => ['synthesize', 'app.yaml', '--links', 'links.yaml', '--dry-run'],
    check: all(exitIs(0), stdoutMatches(/ingress\[\d+\] <- shop\/web\[Deployment\] \(its own pods\) TCP 8080/), stdoutMatches(/egress\[\d+\] -> shop\/web\[Deployment\] \(its own pods\) TCP 8080/)),
  },
  {
    name: 'synthesize --links: a Service link naming none of its ports is reported',
    kind: 'drop',
    setup: ({ dir }) => {
      write(path.join(dir, 'svc.yaml'), SVC);
      write(path.join(dir, 'links.yaml'), 'links:\n  - {src: "shop/web[Deployment]", dst: "svc:shop/api", conns: TCP 81}\n  - {src: "shop/web[Deployment]", dst: "svc:shop/api", conns: TCP 80}\n');
    },
    args: () => ['synthesize', '.', '--links', 'links.yaml', '--dry-run'],
    check: all(reports('NPC233', { file: /^links\.yaml:2:/, message: /"TCP 81" names no port of svc:shop\/api/ }), exitIs(0), stdoutMatches(/port: 9090/)),
  },
  {
    name: 'links validate --manifests resolves svc: peers as synthesize does',
    kind: 'validation',
    setup: ({ dir }) => {
      write(path.join(dir, 'svc.yaml'), SVC);
      write(path.join(dir, 'links.yaml'), 'links:\n  - {src: "shop/web[Deployment]", dst: "svc:shop/api", conns: TCP 80}\n');
    },
    args: () => ['links', 'validate', 'links.yaml', '--manifests', '.'],
    check: all(exitIs(0), stdoutMatches(/^links\.yaml: 1 links, valid$/m)),
  },
];

/** Names that are autolinks, mentions, commit-like hex runs, table breakers and HTML in Markdown. */
const EVIL_NAMES = ['x#1@user', 'deadbeefdeadbeefdeadbeef', 'https://evil.example/www.x', 'a|b<img src=x onerror=alert(1)>`c`', 'e\u202e::error::forged'];
const evilApp = (dir: string) => {
  write(path.join(dir, 'evil.yaml'), EVIL_NAMES.map((n) => deployment(n, 'shop')).join('---\n'));
};
const EVIL_POLICY = (name: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${JSON.stringify(name)}, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: ${JSON.stringify(name)}}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: ${JSON.stringify(name)}}}}]}]\n`;
const noImg = (r: RunResult): Found => (/<img/i.test(outsideCodeSpans(r.stdout)) ? [{ problem: 'escape', why: 'raw HTML outside a code span' }] : []);

for (const [command, args] of [
  ['diff', (d: string) => ['diff', 'old', 'new', '--format', 'md', '--', d]],
  ['check', () => ['check', '--base', 'old', '--head', 'new', '--format', 'md']],
  ['lint', () => ['lint', 'new', '--format', 'md']],
  ['verify', () => ['verify', 'new', '--policies', 'new/policies', '--format', 'md']],
  ['scan', () => ['scan', 'new', '--format', 'md']],
] as const) {
  HUNT_CASES.push({
    name: `${command} --format md: hostile workload and policy names are escaped`,
    kind: 'injection',
    noApp: true,
    setup: ({ dir }) => {
      write(path.join(dir, 'old', 'app.yaml'), APP);
      write(path.join(dir, 'new', 'app.yaml'), APP);
      evilApp(path.join(dir, 'new'));
      write(path.join(dir, 'new', 'policies', 'np.yaml'), EVIL_NAMES.map(EVIL_POLICY).join('---\n'));
    },
    args: () => (args as (d: string) => string[])('').filter((a) => a !== '--' && a !== ''),
    markdown: true,
    check: noImg,
  });
}

const stderrLacks = (re: RegExp) => (r: RunResult): Found => (re.test(r.stderr) ? [{ problem: 'escape', why: `stderr matches ${re}` }] : []);

HUNT_CASES.push(
  {
    name: 'an overlay naming a cloud metadata URL and a base naming a git remote are refused, not fetched',
    kind: 'escape',
    setup: ({ dir }) => {
      write(path.join(dir, 'base', 'kustomization.yaml'), 'resources:\n  - pod.yaml\n  - git@github.com:x/y.git\n');
      write(path.join(dir, 'base', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: shop}\n');
      write(path.join(dir, 'ov', 'kustomization.yaml'), 'resources:\n  - ../base\n  - http://169.254.169.254/latest/meta-data/\n');
    },
    args: () => ['connectivity', '.'],
    exits: [2],
    check: all(
      reports('NPC234', { file: /^ov\/kustomization\.yaml:3:5 /, message: /"http:\/\/169\.254\.169\.254\/latest\/meta-data\/" is remote/ }),
      reports('NPC234', { file: /^base\/kustomization\.yaml:3:5 /, message: /"git@github\.com:x\/y\.git" is remote/ }),
      stderrLacks(/NPC022/),
    ),
  },
  {
    name: 'a helmCharts repository is not reached: kustomize renders offline',
    kind: 'escape',
    setup: ({ dir }) => write(path.join(dir, 'ov', 'kustomization.yaml'), 'helmCharts:\n  - name: nginx\n    repo: http://169.254.169.254/charts\n    version: 1.0.0\n    releaseName: x\n'),
    args: () => ['connectivity', '.'],
    exits: [2],
    check: all(reports('NPC022', { file: /^ov\/kustomization\.yaml /, message: /127\.0\.0\.1:9.*rendering is offline/ }), stderrLacks(/kustomize-helm-\d/)),
  },
);

const NP_PORTS = (ports: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ports, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - ports:\n${ports}`;

HUNT_CASES.push(
  {
    name: 'a quoted port number is what the API server rejects',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), NP_PORTS('    - {port: "9090"}\n')),
    args: () => ['connectivity', '.'],
    exits: [2],
    check: reports('NPC030', { file: /^np\.yaml:8:14 /, message: /ports\[0\]\.port: port "9090" is quoted/ }),
  },
  {
    name: 'endPort without port is an error, never "every port"',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), NP_PORTS('    - {endPort: 90}\n')),
    args: () => ['connectivity', '.'],
    exits: [2],
    check: reports('NPC030', { file: /^np\.yaml:8:17 /, message: /ports\[0\]\.endPort: endPort may not be specified when port is not specified/ }),
  },
);

const configError = (re: RegExp) => (r: RunResult): Found =>
  r.code === 2 && r.stderr.trim().split('\n').some((l) => /^netpol-ci: configuration error: /.test(l) && re.test(l)) ? [] : [{ problem: 'dropped', why: `expected a one-line exit-2 error matching ${re}; got ${r.code}: ${r.stderr.slice(0, 300)}` }];
const CHART_DIR = (dir: string) => {
  write(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  write(path.join(dir, 'chart', 'templates', 'p.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n');
};

for (const [what, text, re] of [
  ['a list where the map is expected', '- 1\n', /line 1, \(top level\): .*expected object/],
  ['a misspelt setting', 'charts:\n  chart:\n    value: [v.yaml]\n', /line 2, charts\.chart: Unrecognized key: "value"/],
  ['values that are no list', 'charts:\n  chart:\n    values: 5\n', /line 3, charts\.chart\.values: .*expected array/],
  ['a null value file', 'charts:\n  chart:\n    values: [null]\n', /line 3, charts\.chart\.values\.0: .*expected string/],
] as const) {
  HUNT_CASES.push({
    name: `--helm-config with ${what} is a located configuration error`,
    kind: 'validation',
    setup: ({ dir }) => {
      CHART_DIR(dir);
      write(path.join(dir, 'cfg.yaml'), text);
    },
    args: () => ['connectivity', '.', '--helm-config', 'cfg.yaml'],
    exits: [2],
    unlocatedOk: true,
    expectApp: false,
    check: configError(re),
  });
}

// side inputs named on the command line, planted by the pull request as a device or a FIFO:
// one configuration error each, never a hang, an out-of-memory abort or a stack trace
for (const [flag, args] of [
  ['--baseline', (f: string) => ['baseline', 'app.yaml', '--engine', 'builtin', '--baseline', f]],
  ['--links', (f: string) => ['synthesize', 'app.yaml', '--dry-run', '--links', f]],
  ['--cidr-aliases', (f: string) => ['scan', 'app.yaml', '--traffic', 'trace.txt', '--cidr-aliases', f]],
  ['links validate', (f: string) => ['links', 'validate', f]],
  ['--traffic', (f: string) => ['scan', 'app.yaml', '--traffic', f]],
] as const) {
  const what = flag === 'links validate' ? 'links file' : flag;
  HUNT_CASES.push({
    name: `${flag} naming a symlink to /dev/zero is refused`,
    kind: 'stall',
    setup: ({ dir }) => {
      link('/dev/zero', path.join(dir, 'side.yaml'));
      write(path.join(dir, 'trace.txt'), '10.244.2.30:53001 -> 10.96.0.10:53 udp\n');
    },
    args: () => args('side.yaml'),
    exits: [2],
    unlocatedOk: true,
    check: configError(new RegExp(`${what} side\\.yaml: a character device`)),
  });
  if (flag === '--traffic') continue; // a trace may be a pipe (--traffic /dev/stdin): a FIFO waits for its writer
  HUNT_CASES.push({
    name: `${flag} naming a FIFO does not block`,
    kind: 'stall',
    setup: ({ dir }) => {
      fifo(path.join(dir, 'side.yaml'));
      write(path.join(dir, 'trace.txt'), '10.244.2.30:53001 -> 10.96.0.10:53 udp\n');
    },
    args: () => args('side.yaml'),
    exits: [2],
    unlocatedOk: true,
    check: configError(new RegExp(`${what} side\\.yaml: a FIFO, not a regular file`)),
  });
}

HUNT_CASES.push({
  name: '--cidr-aliases: one malformed entry does not drop the other aliases',
  kind: 'drop',
  setup: ({ dir }) => {
    write(path.join(dir, 'trace.txt'), '10.244.2.30:53001 -> 1.1.1.5:443 tcp\n');
    write(path.join(dir, 'aliases.yaml'), 'b: [null]\nc: 10.0.0.0/33\nedge: 1.1.1.0/24\n');
  },
  args: () => ['scan', 'app.yaml', '--traffic', 'trace.txt', '--cidr-aliases', 'aliases.yaml'],
  exits: [2],
  check: all(
    reports('NPC013', { file: /^aliases\.yaml:1:5 /, message: /b\[0\]: not a CIDR: null/ }),
    reports('NPC013', { file: /^aliases\.yaml:2:4 /, message: /not a CIDR: "10\.0\.0\.0\/33"/ }),
    stdoutMatches(/-> 1\.1\.1\.0-1\.1\.1\.255\[External\] : TCP 443/),
  ),
});

HUNT_CASES.push({
  name: '--cluster-snapshot: a null item and a pod address that is no IP are reported, the rest still maps',
  kind: 'drop',
  setup: ({ dir }) => {
    write(path.join(dir, 'trace.txt'), '10.244.2.30:53001 -> 1.1.1.5:443 tcp\n');
    write(
      path.join(dir, 'snap', 'pods.yaml'),
      'apiVersion: v1\nkind: List\nitems:\n- null\n- {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: shop, labels: {app: web}}, status: {podIP: 999.1.1.1}}\n- {apiVersion: v1, kind: Pod, metadata: {name: q, namespace: shop, labels: {app: web}}, status: {podIP: 10.244.2.30}}\n',
    );
  },
  args: () => ['scan', 'app.yaml', '--traffic', 'trace.txt', '--cluster-snapshot', 'snap'],
  check: all(
    reports('NPC235', { file: /^snap\/pods\.yaml:4:3 /, message: /not an object with metadata\.name; skipped/ }),
    reports('NPC235', { file: /^snap\/pods\.yaml:5:/, message: /pod shop\/p: "999\.1\.1\.1" is not an IP address/ }),
    stdoutMatches(/shop\/web\[Deployment\] -> 1\.1\.1\.5-1\.1\.1\.5\[External\] : TCP 443/),
  ),
});
