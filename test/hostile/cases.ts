import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fifo, link, snapshot, socket, write, type HostileCase, type Problem, type RunResult } from './harness.js';

export type Found = { problem: Problem; why: string }[];

export const deployment = (name: string, ns: string, labels = `{app: ${name}}`) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${JSON.stringify(name)}, namespace: ${JSON.stringify(ns)}}\nspec: {template: {metadata: {labels: ${labels}}, spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}}}\n`;

/** The run must report `code` (at a file); otherwise the problem is a silent drop. */
export function reports(code: string, opts: { file?: RegExp; message?: RegExp } = {}) {
  return (r: RunResult): Found => {
    const lines = r.stderr.split('\n').filter((l) => l.includes(` ${code} `));
    const hit = lines.some((l) => (!opts.file || opts.file.test(l)) && (!opts.message || opts.message.test(l)));
    return hit ? [] : [{ problem: 'dropped', why: `expected a ${code} diagnostic${opts.message ? ` matching ${opts.message}` : ''}; stderr: ${r.stderr.slice(0, 300)}` }];
  };
}

export function all(...checks: ((r: RunResult) => Found)[]) {
  return (r: RunResult): Found => checks.flatMap((c) => c(r));
}

export const exitIs = (code: number) => (r: RunResult): Found => (r.code === code ? [] : [{ problem: 'dropped', why: `expected exit ${code}, got ${r.code}` }]);
export const stdoutHas = (line: string) => (r: RunResult): Found => (r.stdout.split('\n').includes(line) ? [] : [{ problem: 'dropped', why: `stdout lacks ${JSON.stringify(line)}` }]);
export const stdoutLacks = (re: RegExp) => (r: RunResult): Found => (re.test(r.stdout) ? [{ problem: 'dropped', why: `stdout matches ${re}` }] : []);
const oneLineError = (re: RegExp) => (r: RunResult): Found =>
  r.code === 2 && r.stderr.trim().split('\n').some((l) => /^netpol-ci: configuration error: /.test(l) && re.test(l)) ? [] : [{ problem: 'dropped', why: `expected a one-line exit-2 error matching ${re}; got ${r.code}: ${r.stderr.slice(0, 300)}` }];

/** A victim file outside the repository, and the check that it is untouched. */
function victim(outside: string): string {
  const v = path.join(outside, 'victim.txt');
  if (!existsSync(v)) writeFileSync(v, 'precious\n');
  return v;
}
const victimIntact = (outside: string) => (): Found => (readFileSync(path.join(outside, 'victim.txt'), 'utf8') === 'precious\n' ? [] : [{ problem: 'escape', why: 'the victim file outside the output folder was overwritten' }]);
const nothingNewOutside = (outside: string, before: () => Map<string, string>) => (): Found => {
  const now = snapshot(outside);
  const b = before();
  const added = [...now.keys()].filter((k) => !b.has(k));
  return added.length > 0 ? [{ problem: 'escape', why: `written outside the output folder: ${added.join(', ')}` }] : [];
};

const CHART = (dir: string, template: string) => {
  write(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: evil\nversion: 0.1.0\n');
  write(path.join(dir, 'templates', 'pod.yaml'), template);
};
const LEAK_TEMPLATE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x{{ .Files.Get "files/l" | b32enc | trunc 40 | lower }}\n  namespace: shop\n';
const OVERLAY = (dir: string) => {
  write(path.join(dir, 'kustomization.yaml'), 'resources: [pod.yaml]\n');
  write(path.join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: ov, namespace: shop, labels: {app: ov}}\n');
};

const snapshots = new Map<string, Map<string, string>>();

export const CASES: HostileCase[] = [
  // --- writes: nothing outside the named folder, nothing through a symlink, one-line errors ---
  {
    name: 'synthesize: namespace ../../x never becomes a path',
    kind: 'escape',
    setup: ({ dir, outside }) => {
      write(path.join(dir, 'evil.yaml'), deployment('w', '../../x'));
      snapshots.set('ns', snapshot(outside));
    },
    args: () => ['synthesize', '.', '-o', 'out/sub/'],
    check: (r, { outside }) => all(reports('NPC029'), nothingNewOutside(outside, () => snapshots.get('ns') as Map<string, string>))(r),
  },
  {
    name: 'synthesize: absolute namespace /tmp/x',
    kind: 'escape',
    setup: ({ dir }) => write(path.join(dir, 'evil.yaml'), deployment('w', '/tmp/netpol-ci-hostile-abs')),
    args: () => ['synthesize', '.', '-o', 'out/'],
    check: (r) => all(reports('NPC029'), () => (existsSync('/tmp/netpol-ci-hostile-abs.yaml') ? [{ problem: 'escape', why: 'wrote /tmp/netpol-ci-hostile-abs.yaml' }] : []))(r),
  },
  {
    name: 'synthesize: a workload name with slashes and dots',
    kind: 'escape',
    setup: ({ dir }) => write(path.join(dir, 'evil.yaml'), deployment('../../../etc/cron.d/x', 'shop')),
    args: () => ['synthesize', '.', '-o', 'out/'],
    check: reports('NPC029'),
  },
  {
    name: 'synthesize: a namespace with a line break',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, 'evil.yaml'), deployment('w', 'a\n::error::forged')),
    args: () => ['synthesize', '.', '-o', 'out/'],
    check: reports('NPC029'),
  },
  {
    name: 'synthesize: a symlink planted in the output folder is not written through',
    kind: 'escape',
    setup: ({ dir, outside }) => link(victim(outside), path.join(dir, 'out', 'shop.yaml')),
    args: () => ['synthesize', '.', '-o', 'out/'],
    check: (r, { outside }) => all(oneLineError(/symlink/), victimIntact(outside))(r),
  },
  {
    name: 'synthesize: a symlinked sub-folder below the output folder',
    kind: 'escape',
    setup: ({ dir, outside }) => {
      write(path.join(dir, 'evil.yaml'), deployment('w', 'shop'));
      mkdirSync(path.join(dir, 'out'), { recursive: true });
      link(outside, path.join(dir, 'out', 'nested'));
      snapshots.set('sub', snapshot(outside));
    },
    args: () => ['synthesize', '.', '-o', 'out/nested/x/'],
    check: (r, { outside }) => all(oneLineError(/symlink/), nothingNewOutside(outside, () => snapshots.get('sub') as Map<string, string>))(r),
  },
  {
    name: 'synthesize --output into a file where a folder is expected',
    kind: 'crash',
    setup: ({ dir }) => write(path.join(dir, 'afile'), 'x'),
    args: () => ['synthesize', '.', '-o', 'afile/x/'],
    check: oneLineError(/afile is a file where a folder is expected/),
  },
  {
    name: 'synthesize --output onto a folder where the file should be',
    kind: 'crash',
    setup: ({ dir }) => mkdirSync(path.join(dir, 'out', 'shop.yaml'), { recursive: true }),
    args: () => ['synthesize', '.', '-o', 'out/'],
    check: oneLineError(/folder is where the file should be/),
  },
  {
    name: 'connectivity -o onto a symlink to a file outside',
    kind: 'escape',
    setup: ({ dir, outside }) => link(victim(outside), path.join(dir, 'report.txt')),
    args: () => ['connectivity', '.', '-o', 'report.txt'],
    expectApp: false,
    check: (r, { outside }) => all(oneLineError(/symlink/), victimIntact(outside))(r),
  },
  {
    name: 'connectivity -o onto a FIFO does not block',
    kind: 'stall',
    setup: ({ dir }) => fifo(path.join(dir, 'report.txt')),
    args: () => ['connectivity', '.', '-o', 'report.txt'],
    expectApp: false,
    check: oneLineError(/not a regular file/),
  },
  {
    name: 'synthesize --dry-run with a hostile namespace prints nothing raw',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, 'evil.yaml'), deployment('w', '\u202eevil')),
    args: () => ['synthesize', '.', '-o', 'out/', '--dry-run'],
    check: reports('NPC029'),
  },
  // --- reads: only regular files inside the tree ---
  {
    name: 'a FIFO named like a manifest',
    kind: 'stall',
    setup: ({ dir }) => fifo(path.join(dir, 'pipe.yaml')),
    args: () => ['connectivity', '.'],
    check: reports('NPC025', { file: /pipe\.yaml/ }),
  },
  {
    name: 'a FIFO named on the command line',
    kind: 'stall',
    setup: ({ dir }) => fifo(path.join(dir, 'pipe.yaml')),
    args: () => ['connectivity', 'app.yaml', 'pipe.yaml'],
    check: reports('NPC025'),
  },
  {
    name: 'a symlink to /dev/zero',
    kind: 'stall',
    setup: ({ dir }) => link('/dev/zero', path.join(dir, 'zero.yaml')),
    args: () => ['connectivity', '.'],
    check: reports('NPC004', { file: /zero\.yaml/ }),
  },
  {
    name: '/dev/zero named on the command line',
    kind: 'stall',
    setup: () => {},
    args: () => ['connectivity', 'app.yaml', '/dev/zero'],
    check: reports('NPC025'),
  },
  {
    name: 'a symlink to /dev/urandom inside a sub-folder',
    kind: 'stall',
    setup: ({ dir }) => link('/dev/urandom', path.join(dir, 'deep', 'er', 'r.yml')),
    args: () => ['connectivity', '.'],
    check: reports('NPC004'),
  },
  {
    name: 'a Unix socket named like a manifest',
    kind: 'stall',
    setup: ({ dir }) => socket(path.join(dir, 'sock.yaml')),
    args: () => ['connectivity', '.'],
    check: reports('NPC025', { file: /sock\.yaml/ }),
  },
  {
    name: 'a symlink to /etc/passwd',
    kind: 'escape',
    setup: ({ dir }) => link('/etc/passwd', path.join(dir, 'passwd.yaml')),
    args: () => ['connectivity', '.'],
    check: reports('NPC004'),
  },
  {
    name: 'a relative symlink climbing out of the tree',
    kind: 'escape',
    setup: ({ dir, outside }) => {
      write(path.join(outside, 'secret.yaml'), deployment('secret', 'shop'));
      link(path.relative(dir, path.join(outside, 'secret.yaml')), path.join(dir, 'up.yaml'));
    },
    args: () => ['connectivity', '.'],
    check: all(reports('NPC004'), stdoutLacks(/secret/)),
  },
  {
    name: 'a folder symlink to /etc',
    kind: 'escape',
    setup: ({ dir }) => link('/etc', path.join(dir, 'etc')),
    args: () => ['connectivity', '.'],
    check: reports('NPC004', { file: /etc/ }),
  },
  {
    name: 'a dangling symlink',
    kind: 'drop',
    setup: ({ dir }) => link(path.join(dir, 'nowhere.yaml'), path.join(dir, 'dangling.yaml')),
    args: () => ['connectivity', '.'],
    check: reports('NPC001', { file: /dangling\.yaml/ }),
  },
  {
    name: 'a symlink loop',
    kind: 'stall',
    setup: ({ dir }) => {
      link('b.yaml', path.join(dir, 'a.yaml'));
      link('a.yaml', path.join(dir, 'b.yaml'));
    },
    args: () => ['connectivity', '.'],
    check: reports('NPC001', { file: /a\.yaml/ }),
  },
  {
    name: 'a symlink inside the tree is followed (not dropped)',
    kind: 'drop',
    setup: ({ dir }) => {
      write(path.join(dir, 'real', 'pod.yaml'), deployment('linked', 'shop'));
      link('real/pod.yaml', path.join(dir, 'alias.yaml'));
    },
    args: () => ['connectivity', '.'],
    check: stdoutHas('shop/linked[Deployment] => shop/web[Deployment] : All Connections'),
  },
  {
    name: 'a file over --max-file-size',
    kind: 'stall',
    setup: ({ dir }) => write(path.join(dir, 'big.yaml'), `# ${'x'.repeat(200_000)}\n`),
    args: () => ['connectivity', '.', '--max-file-size', '100000'],
    check: reports('NPC002', { file: /big\.yaml/ }),
  },
  {
    name: 'a dot-folder is skipped and said so with --verbose',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, '.hidden', 'np.yaml'), deployment('hidden', 'shop')),
    args: () => ['connectivity', '.', '--verbose'],
    check: reports('NPC027', { file: /\.hidden/ }),
  },
  {
    name: 'a dotfile manifest is read, not dropped',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, '.dot.yaml'), deployment('dotted', 'shop')),
    args: () => ['connectivity', '.'],
    check: stdoutHas('shop/dotted[Deployment] => shop/web[Deployment] : All Connections'),
  },
  {
    name: 'an unreadable folder is an error',
    kind: 'drop',
    setup: ({ dir }) => {
      write(path.join(dir, 'locked', 'x.yaml'), deployment('locked', 'shop'));
      chmodSync(path.join(dir, 'locked'), 0o000);
    },
    args: () => ['connectivity', '.'],
    // as root every folder is readable: then the workload must simply be there
    check: (r) => (process.getuid?.() === 0 ? stdoutHas('shop/locked[Deployment] => shop/web[Deployment] : All Connections')(r) : reports('NPC026', { file: /locked/ })(r)),
  },
  {
    name: 'UTF-16LE with a byte-order mark is decoded',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'u16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(deployment('wide', 'shop'), 'utf16le')])),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC031', { message: /UTF-16LE/ }), stdoutHas('shop/wide[Deployment] => shop/web[Deployment] : All Connections')),
  },
  {
    name: 'UTF-16BE with a byte-order mark is decoded',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'u16be.yaml'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(deployment('widebe', 'shop'), 'utf16le').swap16()])),
    args: () => ['connectivity', '.'],
    check: stdoutHas('shop/widebe[Deployment] => shop/web[Deployment] : All Connections'),
  },
  {
    name: 'UTF-16 without a byte-order mark is named, not called binary',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'u16.yaml'), Buffer.from(deployment('nobom', 'shop'), 'utf16le')),
    args: () => ['connectivity', '.'],
    check: reports('NPC031', { message: /UTF-16LE without a byte-order mark/ }),
  },
  {
    name: 'UTF-32 is named',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'u32.yaml'), Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])),
    args: () => ['connectivity', '.'],
    check: reports('NPC031', { message: /UTF-32/ }),
  },
  {
    name: 'a binary file',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'bin.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3])),
    args: () => ['connectivity', '.'],
    check: reports('NPC003', { file: /bin\.yaml/ }),
  },
  // --- charts and overlays: refused before rendering when they reach outside ---
  {
    name: 'a chart whose files/ link to /etc/passwd (.Files.Get)',
    kind: 'escape',
    setup: ({ dir }) => {
      CHART(path.join(dir, 'chart'), LEAK_TEMPLATE);
      link('/etc/passwd', path.join(dir, 'chart', 'files', 'l'));
    },
    args: () => ['connectivity', '.'],
    check: all(reports('NPC028', { file: /chart/ }), stdoutLacks(/\bx[a-z2-7]{10,}/)),
  },
  {
    name: 'a chart whose templates folder is a symlink outside',
    kind: 'escape',
    setup: ({ dir, outside }) => {
      write(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: evil\nversion: 0.1.0\n');
      write(path.join(outside, 'tpl', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: outside-pod, namespace: shop}\n');
      link(path.join(outside, 'tpl'), path.join(dir, 'chart', 'templates'));
    },
    args: () => ['connectivity', '.'],
    check: all(reports('NPC028'), stdoutLacks(/outside-pod/)),
  },
  {
    name: 'a chart holding a FIFO',
    kind: 'stall',
    setup: ({ dir }) => {
      CHART(path.join(dir, 'chart'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n');
      fifo(path.join(dir, 'chart', 'files', 'pipe'));
    },
    args: () => ['connectivity', '.'],
    check: reports('NPC028', { message: /FIFO/ }),
  },
  {
    name: 'a Chart.yaml that links to /dev/zero',
    kind: 'stall',
    setup: ({ dir }) => {
      mkdirSync(path.join(dir, 'chart', 'templates'), { recursive: true });
      link('/dev/zero', path.join(dir, 'chart', 'Chart.yaml'));
    },
    args: () => ['connectivity', '.'],
    check: reports('NPC028', { message: /\/dev\/zero/ }),
  },
  {
    name: 'a symlink to /dev/zero beside an overlay (render hashing)',
    kind: 'stall',
    setup: ({ dir }) => {
      OVERLAY(path.join(dir, 'ov'));
      link('/dev/zero', path.join(dir, 'ov', 'zero'));
    },
    args: () => ['connectivity', '.'],
    check: reports('NPC028', { file: /ov/ }),
  },
  {
    name: 'a FIFO beside an overlay',
    kind: 'stall',
    setup: ({ dir }) => {
      OVERLAY(path.join(dir, 'ov'));
      fifo(path.join(dir, 'ov', 'pipe.txt'));
    },
    args: () => ['connectivity', '.'],
    check: reports('NPC028', { message: /FIFO/ }),
  },
  {
    name: 'an overlay listing /etc/passwd through a symlink',
    kind: 'escape',
    setup: ({ dir }) => {
      write(path.join(dir, 'ov', 'kustomization.yaml'), 'configMapGenerator: [{name: x, files: [p]}]\n');
      link('/etc/passwd', path.join(dir, 'ov', 'p'));
    },
    args: () => ['connectivity', '.'],
    check: reports('NPC028'),
  },
  {
    name: 'a kustomization.yaml that is a FIFO',
    kind: 'stall',
    setup: ({ dir }) => fifo(path.join(dir, 'ov', 'kustomization.yaml')),
    args: () => ['connectivity', '.'],
    check: reports('NPC025'),
  },
  {
    name: 'overlays that list each other are reported, not skipped',
    kind: 'drop',
    setup: ({ dir }) => {
      write(path.join(dir, 'a', 'kustomization.yaml'), 'resources: [../b]\n');
      write(path.join(dir, 'b', 'kustomization.yaml'), 'resources: [../a]\n');
    },
    args: () => ['connectivity', '.'],
    check: reports('NPC022'),
  },
  {
    name: 'an overlay listing itself is reported',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'self', 'kustomization.yaml'), 'resources: [.]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC022'),
  },
  // --- injection: everything printed is one safe line ---
  {
    name: 'a file named with a line break and ::error::',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, 'x\n::error::forged\n.yaml'), 'a: [\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC005'),
  },
  {
    name: 'a file named ::warning::x.yaml',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, '::warning file=a::x.yaml'), 'a: [\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC005'),
  },
  {
    name: 'a path argument with a line break',
    kind: 'injection',
    setup: () => {},
    args: () => ['connectivity', 'app.yaml', 'bad\n::error::arg'],
    unlocatedOk: true,
    check: reports('NPC015'),
  },
  {
    name: 'an unknown option with a line break',
    kind: 'injection',
    setup: () => {},
    args: () => ['connectivity', '--bogus\n::error::x', '.'],
    expectApp: false,
    exits: [2],
  },
  {
    name: 'a --helm-config path with a line break',
    kind: 'injection',
    setup: () => {},
    args: () => ['connectivity', '.', '--helm-config', 'no\n::error::such'],
    expectApp: false,
    exits: [2],
  },
  {
    name: 'bidi and zero-width characters in names reach the text report escaped',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, 'evil.yaml'), deployment('a\u202eb\u2066c\u200bd\ufeff', 'shop')),
    args: () => ['connectivity', '.'],
  },
  {
    name: 'scan: an env value with a line break and ::error::',
    kind: 'injection',
    setup: ({ dir }) =>
      write(
        path.join(dir, 'env.yaml'),
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: caller, namespace: shop}\nspec: {template: {metadata: {labels: {app: caller}}, spec: {containers: [{name: c, env: [{name: API_URL, value: "http://api:9090/\\n::error::forged"}, {name: OTHER_URL, value: "http://nowhere-\\u202e:80\\n::warning::x"}]}]}}}\n',
      ),
    args: () => ['scan', '.', '--format', 'txt'],
  },
  {
    name: 'bidi characters in a file name',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, 'gpj.\u202eyaml'), 'a: [\n'),
    args: () => ['connectivity', '.'],
  },
  {
    name: 'ANSI escapes inside a YAML file',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, 'ansi.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: "\u001b[31mred", namespace: shop}\n'),
    args: () => ['connectivity', '.'],
  },
  {
    name: 'autolinks in names are neutralised in Markdown',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, 'evil.yaml'), deployment('x#1@user', 'shop') + '---\n' + deployment('deadbeefdeadbeefdeadbeefdeadbeefdeadbeef', 'shop') + '---\n' + deployment('https://evil.example/www.x', 'shop')),
    args: () => ['connectivity', '.', '--format', 'md'],
    markdown: true,
  },
  {
    name: 'Markdown table breakers and HTML in names',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, 'evil.yaml'), deployment('a|b<img src=x onerror=alert(1)>`c`', 'shop')),
    args: () => ['connectivity', '.', '--format', 'md'],
    markdown: true,
    check: stdoutLacks(/<img/),
  },
  {
    name: 'CSV formula in a name',
    kind: 'injection',
    setup: ({ dir }) => write(path.join(dir, 'evil.yaml'), deployment('=cmd|calc', 'shop')),
    args: () => ['connectivity', '.', '--format', 'csv'],
    check: stdoutLacks(/(^|,)=cmd/m),
  },
  {
    name: 'a label value with a zero-width space is reported escaped',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'evil.yaml'), deployment('zw', 'shop', '{app: "a\u200bb"}')),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /\\u200b/ }),
  },
  // --- silent wrong answers ---
  {
    name: '__proto__ in matchLabels is kept as data, never {}',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector:\n    matchLabels:\n      __proto__: x\n  policyTypes: [Ingress]\n'),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC030', { message: /__proto__/ }), exitIs(2)),
  },
  {
    name: 'a `--- {…}` document in a file that also has `...`',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'flow.yaml'), `a: 1\n...\n--- {apiVersion: apps/v1, kind: Deployment, metadata: {name: flowed, namespace: shop}, spec: {template: {metadata: {labels: {app: flowed}}}}}\n`),
    args: () => ['connectivity', '.'],
    check: stdoutHas('shop/flowed[Deployment] => shop/web[Deployment] : All Connections'),
  },
  {
    name: 'a `--- |` string document is not read as a Pod',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'str.yaml'), `x: 1\n...\n--- |\n  apiVersion: v1\n  kind: Pod\n  metadata: {name: ghost, namespace: shop}\n`),
    args: () => ['connectivity', '.'],
    check: stdoutLacks(/ghost/),
  },
  {
    name: 'every duplicate key is reported, each at its line',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'dup.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n  namespace: shop\n  namespace: shop\n'),
    args: () => ['connectivity', '.'],
    check: (r) => {
      const n = r.stderr.split('\n').filter((l) => / NPC007 /.test(l));
      return n.length === 2 && n.some((l) => /dup\.yaml:5:/.test(l)) && n.some((l) => /dup\.yaml:7:/.test(l)) ? [] : [{ problem: 'dropped', why: `expected NPC007 at lines 5 and 7: ${n.join(' | ')}` }];
    },
  },
  {
    name: 'List item errors point at the item',
    kind: 'drop',
    setup: ({ dir }) =>
      write(path.join(dir, 'list.yaml'), 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: ok, namespace: shop}\n- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata: {name: bad, namespace: shop}\n  spec: {policyTypes: [Sideways]}\n- just a string\n'),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC010', { file: /list\.yaml:10:/ }), reports('NPC008', { file: /list\.yaml:11:/ })),
  },
  {
    name: 'selector In with no values',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector:\n    matchExpressions: [{key: app, operator: In, values: []}]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { file: /np\.yaml:6:/, message: /must be specified when operator is In/ }),
  },
  {
    name: 'selector Exists with values',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector:\n    matchExpressions: [{key: app, operator: Exists, values: [a]}]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /may not be specified when operator is Exists/ }),
  },
  {
    name: 'an invalid label key in a selector',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {"bad key!": x}\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /label key/ }),
  },
  {
    name: 'a NetworkPolicy port name over 15 characters',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: other}}\n  ingress: [{ports: [{port: averyveryverylongname}]}]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /15 characters/ }),
  },
  {
    name: 'an upper-case container port name',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'd.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec: {containers: [{name: c, ports: [{containerPort: 80, name: HTTP}]}]}\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /port name "HTTP"/ }),
  },
  {
    name: 'a CIDR with blanks',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector: {}\n  egress: [{to: [{ipBlock: {cidr: " 10.0.0.0/8 "}}]}]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /blanks/ }),
  },
  {
    name: 'a bare IP as a CIDR',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector: {}\n  egress: [{to: [{ipBlock: {cidr: 10.1.2.3}}]}]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /bare IP/ }),
  },
  {
    name: 'except outside its cidr',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector: {}\n  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}}]}]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /strict subset/ }),
  },
  {
    name: 'containerPort 99999 is an error',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'd.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec: {containers: [{name: c, ports: [{containerPort: 99999}]}]}\n'),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC010', { message: /99999/ }), exitIs(2)),
  },
  {
    name: 'port 8080.0000000000001 is 8080 as kubectl sends it, warned; 8080.5 is no integer',
    kind: 'validation',
    setup: ({ dir }) =>
      write(path.join(dir, 'np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: nothing}}\n  ingress: [{ports: [{port: 8080.0000000000001}]}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: q, namespace: shop}\nspec:\n  podSelector: {}\n  ingress: [{ports: [{port: 8080.5}]}]\n'),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC305', { message: /8080\.0000000000001 is read as the integer 8080/ }), reports('NPC010', { message: /8080\.5/ }), exitIs(2)),
  },
  {
    name: 'a BaselineAdminNetworkPolicy not named default',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'banp.yaml'), 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: other}\nspec:\n  subject: {namespaces: {}}\n  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /named "default"/ }),
  },
  {
    name: 'an admin subject with namespaces and pods',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'anp.yaml'), 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec:\n  priority: 1\n  subject: {namespaces: {}, pods: {podSelector: {}}}\n  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC030', { message: /exactly one of namespaces or pods/ }),
  },
  {
    name: 'an empty admin peer {} in a Deny rule fails closed',
    kind: 'drop',
    noApp: true,
    setup: ({ dir }) =>
      write(
        path.join(dir, 'anp.yaml'),
        `${deployment('a', 'shop')}---\n${deployment('b', 'shop')}---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: deny-empty}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n  ingress: [{action: Deny, from: [{}]}]\n`,
      ),
    args: () => ['connectivity', '.'],
    check: all(reports('NPC032', { message: /fails closed/ }), stdoutLacks(/shop\/a\[Deployment\] => shop\/b\[Deployment\]/)),
  },
  {
    name: 'a portRange error speaks of start and end',
    kind: 'validation',
    setup: ({ dir }) => write(path.join(dir, 'anp.yaml'), 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n  ingress: [{action: Allow, from: [{namespaces: {}}], ports: [{portRange: {start: 90, end: 80}}]}]\n'),
    args: () => ['connectivity', '.'],
    check: reports('NPC012', { message: /start \(90\) must be less than end \(80\)/ }),
  },
  {
    name: 'a YAML alias bomb',
    kind: 'stall',
    setup: ({ dir }) => {
      let y = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
      for (let i = 1; i < 9; i++) y += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
      write(path.join(dir, 'bomb.yaml'), y);
    },
    args: () => ['connectivity', '.'],
    check: reports('NPC006'),
  },
  {
    name: 'deeply nested flow sequences',
    kind: 'crash',
    setup: ({ dir }) => write(path.join(dir, 'deep.yaml'), `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
    args: () => ['connectivity', '.'],
  },
  {
    name: 'a megabyte-long name',
    kind: 'stall',
    setup: ({ dir }) => write(path.join(dir, 'long.yaml'), deployment('n'.repeat(1_000_000), 'shop')),
    args: () => ['connectivity', '.', '-q'],
  },
  // --- size: linear time ---
  {
    name: '130,000 tiny documents in one 12 MB file',
    kind: 'crash',
    setup: ({ dir }) => {
      const parts: string[] = [];
      for (let i = 0; i < 130_000; i++) parts.push(`---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: shop}\ndata: {k: v}\n`);
      write(path.join(dir, 'many.yaml'), parts.join(''));
    },
    args: () => ['connectivity', '.'],
  },
  {
    name: 'a List of 5,000 invalid NetworkPolicies',
    kind: 'stall',
    setup: ({ dir }) => {
      const parts = ['apiVersion: v1\nkind: List\nitems:\n'];
      for (let i = 0; i < 5000; i++) parts.push(`- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: p${i}\n    namespace: shop\n  spec:\n    podSelector: {}\n    ingress:\n    - ports:\n      - port: 80\n        protocol: XTCP\n`);
      write(path.join(dir, 'list.yaml'), parts.join(''));
    },
    args: () => ['connectivity', '.', '-q'],
    check: (r) => {
      const n = r.stderr.split('\n').filter((l) => / NPC010 /.test(l)).length;
      return n === 5000 ? [] : [{ problem: 'dropped', why: `expected 5,000 located errors, got ${n}` }];
    },
  },
  {
    name: 'one policy with 10,000 rules',
    kind: 'stall',
    setup: ({ dir }) => {
      const parts = ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: big, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress:\n'];
      for (let i = 0; i < 10_000; i++) parts.push(`  - from:\n    - podSelector: {matchLabels: {app: api}}\n    ports:\n    - port: ${1 + i}\n`);
      write(path.join(dir, 'big.yaml'), parts.join(''));
    },
    args: () => ['connectivity', '.'],
    expectApp: false,
    check: stdoutHas('shop/api[Deployment] => shop/web[Deployment] : TCP 1-10000'),
  },
  {
    name: 'a 5 MB one-line flow document',
    kind: 'stall',
    setup: ({ dir }) => {
      const items: string[] = [];
      for (let i = 0; i < 400_000; i++) items.push(`k${i}`);
      write(path.join(dir, 'flow.yaml'), `{apiVersion: v1, kind: ConfigMap, metadata: {name: x, namespace: shop}, data: {a: b}, junk: [${items.join(',')}]}\n`);
    },
    args: () => ['connectivity', '.'],
  },
  {
    name: '20,000 empty files',
    kind: 'stall',
    setup: ({ dir }) => {
      for (let d = 0; d < 20; d++) {
        mkdirSync(path.join(dir, 'empty', `d${d}`), { recursive: true });
        for (let i = 0; i < 1000; i++) writeFileSync(path.join(dir, 'empty', `d${d}`, `f${i}.yaml`), '');
      }
    },
    args: () => ['connectivity', '.'],
  },
  {
    name: 'a folder 300 levels deep',
    kind: 'crash',
    setup: ({ dir }) => {
      let d = path.join(dir, 'deep');
      for (let i = 0; i < 300; i++) d = path.join(d, 'd');
      write(path.join(d, 'x.yaml'), deployment('deepest', 'shop'));
    },
    args: () => ['connectivity', '.'],
    check: stdoutHas('shop/deepest[Deployment] => shop/web[Deployment] : All Connections'),
  },
];
