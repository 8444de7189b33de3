import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { all, deployment, exitIs, reports, stdoutHas, stdoutLacks, type Found } from './cases.js';
import { APP, fifo, link, outsideCodeSpans, write, type HostileCase, type RunResult } from './harness.js';

/**
 * Cases from the second hostile-input hunt (session 6): kinds and apiVersions that are not what
 * they seem, hostile Helm values, and the inputs of every command beyond connectivity.
 */

export const configError = (re: RegExp) => (r: RunResult): Found =>
  r.code === 2 && r.stderr.trim().split('\n').some((l) => /^netpol-ci: configuration error: /.test(l) && re.test(l)) ? [] : [{ problem: 'dropped', why: `expected a one-line exit-2 error matching ${re}; got ${r.code}: ${r.stderr.slice(0, 300)}` }];

const CHART = (dir: string) => {
  write(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  write(path.join(dir, 'chart', 'templates', 'p.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop, labels: {app: p}}\n');
  write(path.join(dir, 'chart', 'templates', 'leak.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: "leak-{{ .Values.secret }}", namespace: shop}\n');
};

const CALICO = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: allow-redis, namespace: shop}
spec:
  selector: app == 'api'
  types: [Ingress]
  ingress:
  - action: Allow
    protocol: TCP
    source: {selector: app == 'web'}
    destination: {ports: [6379]}
`;

export const HUNT2_CASES: HostileCase[] = [
  // --- a kind name alone does not say what an object is ---
  {
    name: 'a Calico NetworkPolicy (projectcalico.org) is not read as a Kubernetes one that allows everything',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'calico.yaml'), CALICO),
    args: () => ['connectivity', '.'],
    check: all(
      reports('NPC236', { file: /^calico\.yaml:1:13 /, message: /"projectcalico\.org\/v3" NetworkPolicy is a custom resource, not the Kubernetes NetworkPolicy \(API group networking\.k8s\.io\); skipped/ }),
      // the app's own policy still isolates api: nothing but web reaches it
      stdoutLacks(/=> shop\/api\[Deployment\] : All Connections/),
      exitIs(0),
    ),
  },
  {
    name: 'a Knative Route (serving.knative.dev) is not read as an OpenShift Route',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'kn.yaml'), 'apiVersion: serving.knative.dev/v1\nkind: Route\nmetadata: {name: r, namespace: shop}\nspec: {traffic: [{revisionName: x, percent: 100}]}\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC236', { file: /^kn\.yaml:1:/, message: /custom resource/ }),
  },
  {
    name: 'a NetworkPolicy under apiVersion v1 is an error, still analysed as what its author meant',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), 'apiVersion: v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Egress]}\n'),
    args: () => ['connectivity', '.'],
    expectApp: false,
    check: all(
      reports('NPC236', { file: /^np\.yaml:1:13 /, message: /apiVersion "v1" does not serve NetworkPolicy \(API group networking\.k8s\.io does\)/ }),
      exitIs(2),
      stdoutLacks(/^shop\/web\[Deployment\] =>/m),
    ),
  },
  {
    name: 'an apiVersion with a trailing blank is an error',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'd.yaml'), deployment('blank', 'shop').replace('apps/v1', '"apps/v1 "')),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC236', { file: /^d\.yaml:1:/, message: /"apps\/v1 " has no valid version/ }), stdoutHas('shop/blank[Deployment] => shop/web[Deployment] : All Connections')),
  },
  {
    name: 'historic API groups (extensions/v1beta1, apps/v1beta2) are the same resources',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'old.yaml'), deployment('ext', 'shop').replace('apps/v1', 'extensions/v1beta1') + '---\n' + deployment('beta', 'shop').replace('apps/v1', 'apps/v1beta2')),
    args: () => ['connectivity', '.'],
    check: all(exitIs(0), stdoutHas('shop/ext[Deployment] => shop/web[Deployment] : All Connections'), stdoutHas('shop/beta[Deployment] => shop/web[Deployment] : All Connections')),
  },
  {
    name: 'misspelt kinds (lower case, a trailing blank, a lower-case List) are errors, never skipped in silence',
    kind: 'drop',
    setup: ({ dir }) =>
      write(
        path.join(dir, 'k.yaml'),
        [
          'apiVersion: apps/v1\nkind: deployment\nmetadata: {name: lc, namespace: shop}\nspec: {template: {metadata: {labels: {app: lc}}}}\n',
          'apiVersion: networking.k8s.io/v1\nkind: "NetworkPolicy "\nmetadata: {name: sp, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n',
          'apiVersion: v1\nkind: list\nitems: []\n',
        ].join('---\n'),
      ),
    args: () => ['connectivity', '.'],
    check: all(
      reports('NPC237', { file: /^k\.yaml:2:7 /, message: /"deployment" is no Kubernetes kind \(kinds are exact and case-sensitive: Deployment\?\)/ }),
      reports('NPC237', { file: /^k\.yaml:7:7 /, message: /"NetworkPolicy " is no Kubernetes kind/ }),
      reports('NPC237', { file: /^k\.yaml:12:7 /, message: /"list" .*List\?/ }),
      exitIs(2),
    ),
  },
  {
    name: 'a List nested in a List is flattened',
    kind: 'drop',
    setup: ({ dir }) =>
      write(path.join(dir, 'l.yaml'), `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - ${JSON.stringify(JSON.parse(JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nested', namespace: 'shop' }, spec: { template: { metadata: { labels: { app: 'nested' } } } } })))}\n`),
    args: () => ['connectivity', '.'],
    check: stdoutHas('shop/nested[Deployment] => shop/web[Deployment] : All Connections'),
  },
  // --- Helm values: read under the reading policy, from inside the repository only ---
  {
    name: '--helm-config values naming /dev/zero are refused (no out-of-memory abort)',
    kind: 'stall',
    setup: ({ dir }) => {
      CHART(dir);
      write(path.join(dir, 'cfg.yaml'), 'charts:\n  chart:\n    values: [/dev/zero]\n');
    },
    args: () => ['connectivity', '.', '--helm-config', 'cfg.yaml'],
    exits: [2],
    unlocatedOk: true,
    expectApp: false,
    check: configError(/--helm-config cfg\.yaml: line 3, charts\.chart\.values\.0: \/dev\/zero is outside the repository/),
  },
  {
    name: '--helm-config values outside the repository are refused, never rendered into names',
    kind: 'escape',
    setup: ({ dir, outside }) => {
      CHART(dir);
      write(path.join(outside, 'secret.yaml'), 'secret: hunter2\n');
      write(path.join(dir, 'cfg.yaml'), `charts:\n  chart:\n    releaseName: r\n    values:\n      - ok.yaml\n      - ${path.relative(dir, path.join(outside, 'secret.yaml'))}\n`);
      write(path.join(dir, 'ok.yaml'), 'secret: fine\n');
    },
    args: () => ['connectivity', '.', '--helm-config', 'cfg.yaml'],
    exits: [2],
    unlocatedOk: true,
    expectApp: false,
    check: all(configError(/line 6, charts\.chart\.values\.1: \.\.\/outside\/secret\.yaml is outside the repository/), stdoutLacks(/hunter2/)),
  },
  {
    name: '--helm-config values through a symlink leaving the repository are refused',
    kind: 'escape',
    setup: ({ dir, outside }) => {
      CHART(dir);
      write(path.join(outside, 'secret.yaml'), 'secret: hunter2\n');
      link(path.join(outside, 'secret.yaml'), path.join(dir, 'v.yaml'));
      write(path.join(dir, 'cfg.yaml'), 'charts:\n  chart:\n    values: [v.yaml]\n');
    },
    args: () => ['connectivity', '.', '--helm-config', 'cfg.yaml'],
    exits: [2],
    unlocatedOk: true,
    expectApp: false,
    check: all(configError(/charts\.chart\.values\.0: v\.yaml is outside the repository/), stdoutLacks(/hunter2/)),
  },
  {
    name: '--helm-config values inside the repository are rendered',
    kind: 'drop',
    setup: ({ dir }) => {
      CHART(dir);
      write(path.join(dir, 'vals', 'v.yaml'), 'secret: fine\n');
      write(path.join(dir, 'cfg.yaml'), 'charts:\n  chart:\n    values: [vals/v.yaml]\n');
    },
    args: () => ['connectivity', '.', '--helm-config', 'cfg.yaml'],
    check: all(exitIs(0), stdoutHas('shop/leak-fine[Pod] => shop/web[Deployment] : All Connections')),
  },
  {
    name: '--helm-config values naming a FIFO in the repository do not block',
    kind: 'stall',
    setup: ({ dir }) => {
      CHART(dir);
      fifo(path.join(dir, 'pipe.yaml'));
      write(path.join(dir, 'cfg.yaml'), 'charts:\n  chart:\n    values: [pipe.yaml]\n');
    },
    args: () => ['connectivity', 'app.yaml', 'chart', '--helm-config', 'cfg.yaml'],
    exits: [2],
    check: reports('NPC022', { file: /^chart\/Chart\.yaml /, message: /values file pipe\.yaml: a FIFO, not a regular file; never read; chart not rendered/ }),
  },
  {
    name: '--helm-values naming /dev/zero is refused (no out-of-memory abort)',
    kind: 'stall',
    setup: ({ dir }) => CHART(dir),
    args: () => ['connectivity', '.', '--helm-values', '/dev/zero'],
    exits: [2],
    check: reports('NPC022', { file: /^chart\/Chart\.yaml /, message: /values file \/dev\/zero: a character device, not a regular file/ }),
  },
  {
    name: '--helm-config naming a FIFO does not block',
    kind: 'stall',
    setup: ({ dir }) => {
      CHART(dir);
      fifo(path.join(dir, 'cfg.yaml'));
    },
    args: () => ['connectivity', '.', '--helm-config', 'cfg.yaml'],
    exits: [2],
    unlocatedOk: true,
    expectApp: false,
    check: configError(/--helm-config cfg\.yaml: a FIFO, not a regular file/),
  },
  {
    name: '--helm-config naming /dev/zero is refused',
    kind: 'stall',
    setup: ({ dir }) => CHART(dir),
    args: () => ['connectivity', '.', '--helm-config', '/dev/zero'],
    exits: [2],
    unlocatedOk: true,
    expectApp: false,
    check: configError(/--helm-config \/dev\/zero: a character device, not a regular file/),
  },
];

/** A git repository in `dir`: the app committed as `base`, then `more` added and committed as `head`. */
function gitRepo(dir: string, more: (dir: string) => void): void {
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git('init', '-q');
  git('config', 'user.email', 'hunt@example.invalid');
  git('config', 'user.name', 'hunt');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('tag', 'base');
  more(dir);
  git('add', '-A');
  git('commit', '-qm', 'head');
  git('tag', 'head');
}

HUNT2_CASES.push(
  // --- git inputs: the paths of a ref comparison stay in the repository ---
  ...(['diff', 'check'] as const).flatMap((command) =>
    ['../', './../x', '/etc'].map(
      (p): HostileCase => ({
        name: `${command} --repo: the path ${p} is refused, never read from the folder above the exported ref`,
        kind: 'escape',
        noApp: true,
        setup: ({ dir }) => {
          write(path.join(dir, 'app.yaml'), APP);
          gitRepo(dir, (d) => write(path.join(d, 'more.yaml'), deployment('more', 'shop')));
        },
        args: () => (command === 'diff' ? ['diff', '--repo', '.', '--base', 'base', '--head', 'head', '--', p] : ['check', '--repo', '.', '--base', 'base', '--head', 'head', p]),
        exits: [2],
        unlocatedOk: true,
        check: configError(new RegExp(`${p.replace(/[./]/g, (c) => `\\${c}`)} leaves the repository \\(paths are relative to the repository root\\)`)),
      }),
    ),
  ),
  {
    name: 'diff --repo: a path that climbs and comes back (x/../more.yaml) is the path it names',
    kind: 'drop',
    noApp: true,
    setup: ({ dir }) => {
      write(path.join(dir, 'app.yaml'), APP);
      gitRepo(dir, (d) => write(path.join(d, 'more.yaml'), deployment('more', 'shop')));
    },
    args: () => ['diff', '--repo', '.', '--base', 'base', '--head', 'head', '--', 'x/../more.yaml', 'app.yaml'],
    check: all(exitIs(0), (r) => (/destination: shop\/web\[Deployment\].*workload shop\/more\[Deployment\] added|source: shop\/more\[Deployment\]/.test(r.stdout) ? [] : [{ problem: 'dropped', why: `the added workload is not in the diff: ${r.stdout.slice(0, 300)}` }])),
  },
  {
    name: 'check: input errors of the head are in the PR comment (verdict and a section), escaped',
    kind: 'drop',
    noApp: true,
    setup: ({ dir }) => {
      write(path.join(dir, 'app.yaml'), APP);
      gitRepo(dir, (d) => {
        write(path.join(d, 'x<img src=x>@octocat #12 deadbeefdead `b`.yaml'), 'a: [\n');
        write(path.join(d, 'k.yaml'), deployment('lc', 'shop').replace('kind: Deployment', 'kind: deployment'));
      });
    },
    args: () => ['check', '--repo', '.', '--base', 'base', '--head', 'head'],
    exits: [2],
    check: all(
      (r) => (/^### netpol-ci check: ⚠️ 2 input errors \(left out of the answer\)$/m.test(r.stdout) ? [] : [{ problem: 'dropped', why: `the verdict does not name the input errors: ${r.stdout.slice(0, 400)}` }]),
      // (the marker's commit id is an HTML comment GitHub does not render)
      (r) => (/<img|@octocat|#12|`b`/.test(outsideCodeSpans(r.stdout.replace(/^<!--.*-->$/m, ''))) ? [{ problem: 'escape', why: 'a hostile file name is live Markdown' }] : []),
      (r) => (/^#### Input errors/m.test(r.stdout) && /^- `k\.yaml:2` `NPC237`: `"deployment" is no Kubernetes kind/m.test(r.stdout) && /^- `head:x<img src=x>.*\.yaml:2` `NPC005`: /m.test(r.stdout) ? [] : [{ problem: 'dropped', why: `the comment does not list the input errors: ${r.stdout}` }]),
    ),
  },
);

HUNT2_CASES.push({
  name: 'objects without a name are errors, never merged into one ns/[Kind]',
  kind: 'drop',
  setup: ({ dir }) =>
    write(
      path.join(dir, 'nameless.yaml'),
      [
        'apiVersion: v1\nkind: Pod\nmetadata: {namespace: shop, labels: {app: a}}\n',
        'apiVersion: v1\nkind: Pod\nmetadata: {namespace: shop, name: "", labels: {app: b}}\n',
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n',
        'apiVersion: v1\nkind: Pod\nmetadata: {generateName: gen-, namespace: shop, labels: {app: c}}\n',
      ].join('---\n'),
    ),
  args: () => ['connectivity', '.'],
  check: all(
    reports('NPC238', { file: /^nameless\.yaml:3:11 \[doc 1\]/, message: /^.*Pod without metadata\.name \(nor generateName\): the API server rejects it; excluded from the analysis/ }),
    reports('NPC238', { file: /^nameless\.yaml:7:11 \[doc 2\]/ }),
    reports('NPC238', { file: /^nameless\.yaml:11:11 \[doc 3\]/, message: /NetworkPolicy without metadata\.name/ }),
    stdoutLacks(/shop\/\[Pod\]/),
    // a generateName is a name the API server completes: analysed
    stdoutHas('shop/gen-[Pod] => shop/web[Deployment] : All Connections'),
    exitIs(2),
  ),
});

// --- charts and overlays that render to nothing are said so ---
HUNT2_CASES.push(
  {
    name: 'a chart whose .helmignore excludes templates/ renders nothing: warned, not silent',
    kind: 'drop',
    setup: ({ dir }) => {
      CHART(dir);
      write(path.join(dir, 'chart', '.helmignore'), 'templates/\n');
    },
    args: () => ['connectivity', '.'],
    check: all(reports('NPC239', { file: /^chart\/Chart\.yaml /, message: /chart chart rendered no Kubernetes object \(.*\.helmignore excludes them\); nothing from it is analysed/ }), exitIs(0)),
  },
  {
    name: 'a chart whose every template is conditional renders nothing: warned',
    kind: 'drop',
    setup: ({ dir }) => {
      write(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
      write(path.join(dir, 'chart', 'templates', 'p.yaml'), '{{- if .Values.enabled }}\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n{{- end }}\n');
    },
    args: () => ['connectivity', '.'],
    check: reports('NPC239', { file: /^chart\/Chart\.yaml /, message: /every template is conditional on values not set/ }),
  },
  {
    name: 'an overlay with no resources renders nothing: warned',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'ov', 'kustomization.yaml'), 'resources: []\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC239', { file: /^ov\/kustomization\.yaml /, message: /overlay ov rendered no Kubernetes object/ }),
  },
);

HUNT2_CASES.push({
  name: 'annotation values that are no strings are what the API server rejects',
  kind: 'validation',
  setup: ({ dir }) => write(path.join(dir, 'ann.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ann\n  namespace: shop\n  annotations:\n    replicas: 5\n    list: [1]\n    empty: null\n    fine: "5"\nspec: {template: {metadata: {labels: {app: ann}}}}\n'),
  args: () => ['connectivity', '.'],
  check: all(
    reports('NPC030', { file: /^ann\.yaml:7:15 /, message: /annotation "replicas": the value must be a string, not number 5 \(quote it\) \(the API server rejects this Deployment\)/ }),
    reports('NPC030', { file: /^ann\.yaml:8:11 /, message: /annotation "list": the value must be a string, not a list/ }),
    (r) => (/annotation "(empty|fine)"/.test(r.stderr) ? [{ problem: 'dropped', why: 'a null or quoted annotation was reported' }] : []),
    // kept and analysed: nothing netpol-ci reads depends on annotations
    stdoutHas('shop/ann[Deployment] => shop/web[Deployment] : All Connections'),
    exitIs(2),
  ),
});

HUNT2_CASES.push(
  {
    name: 'a vendored subchart naming its own parent (file://../..) does not make the chart vanish',
    kind: 'drop',
    setup: ({ dir }) => {
      write(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: a\nversion: 0.1.0\n');
      write(path.join(dir, 'chart', 'templates', 'p.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: parent, namespace: shop}\n');
      write(path.join(dir, 'chart', 'charts', 'b', 'Chart.yaml'), 'apiVersion: v2\nname: b\nversion: 0.1.0\ndependencies:\n- {name: a, version: 0.1.0, repository: "file://../.."}\n');
      write(path.join(dir, 'chart', 'charts', 'b', 'templates', 'p.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: child, namespace: shop}\n');
    },
    args: () => ['connectivity', '.'],
    check: all(stdoutHas('shop/parent[Pod] => shop/web[Deployment] : All Connections'), stdoutHas('shop/child[Pod] => shop/web[Deployment] : All Connections')),
  },
  {
    name: 'two charts that depend on each other (file://) are both rendered, never both dropped',
    kind: 'drop',
    setup: ({ dir }) => {
      for (const [n, o] of [
        ['a', 'b'],
        ['b', 'a'],
      ] as const) {
        write(path.join(dir, n, 'Chart.yaml'), `apiVersion: v2\nname: ${n}\nversion: 0.1.0\ndependencies:\n- {name: ${o}, version: 0.1.0, repository: "file://../${o}"}\n`);
        write(path.join(dir, n, 'templates', 'p.yaml'), `apiVersion: v1\nkind: Pod\nmetadata: {name: p${n}, namespace: shop}\n`);
      }
    },
    args: () => ['connectivity', '.'],
    check: all(stdoutHas('shop/pa[Pod] => shop/web[Deployment] : All Connections'), stdoutHas('shop/pb[Pod] => shop/web[Deployment] : All Connections')),
  },
);

HUNT2_CASES.push({
  name: 'two NetworkPolicies of one name in two files: warned (the API server keeps one), both analysed',
  kind: 'drop',
  setup: ({ dir }) => write(path.join(dir, 'z-again.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api-from-web, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n'),
  args: () => ['connectivity', '.'],
  expectApp: false,
  check: all(reports('NPC016', { file: /^z-again\.yaml:3:18 /, message: /NetworkPolicy shop\/api-from-web is defined more than once \(first at app\.yaml:\d+\); both are analysed, but the API server keeps only the one applied last/ }), exitIs(0)),
});
