import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli, type CliResult } from '../helpers/cli.js';
import { cleanupTempDirs, FIXTURES, tempDir } from '../helpers/fixtures.js';
import { git, runWithTools } from '../helpers/tools.js';
import { KUBE_DNS } from '../helpers/kube-dns.js';

/**
 * Issue 11, one fixture per numbered item (fixtures/issue11/<n>-...): the links, the gaps, the
 * policies and the exact diagnostics, through the CLI as a user runs it.
 */

const DIR = 'fixtures/issue11';
const text = (rel: string) => readFileSync(path.join(FIXTURES, 'issue11', rel), 'utf8');
/** `fixtures/issue11/<rel>:<line of the first line containing needle>` */
const at = (rel: string, needle: string, from = 0) => {
  const ls = text(rel).split('\n');
  const i = ls.findIndex((l, k) => k >= from && l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${rel}`);
  return `${DIR}/${rel}:${i + 1}`;
};

type ScanDoc = {
  links: { src: string; dst: string; conns: string; evidence: { file: string; line: number; value?: string; kind: string }[] }[];
  unresolved: { workload: string; value: string; reason: string; file: string; line: number }[];
  gaps: { workload: string; direction: string; reason: string; value?: string; conns: string; file: string; line: number; close: string }[];
};
type Policy = { metadata: { name: string; namespace: string; annotations?: Record<string, string> }; spec: { podSelector: { matchLabels?: Record<string, string> }; ingress?: unknown[]; egress?: unknown[] } };

function scanJson(args: string[]): { doc: ScanDoc; r: CliResult } {
  const r = runWithTools(['scan', '--format', 'json', ...args]);
  return { doc: JSON.parse(r.stdout) as ScanDoc, r };
}
const linkLines = (d: ScanDoc) => d.links.map((l) => `${l.src} => ${l.dst} : ${l.conns}`);
const gapLines = (d: ScanDoc) => d.gaps.map((g) => `${g.file}:${g.line} ${g.workload} ${g.direction} ${g.reason}${g.value !== undefined ? ` ${g.value}` : ''} (${g.conns})`);
/** Connectivity of the app with the policies (and kube-dns), DNS dropped. */
function allowed(app: string[], policies: string, extra: string[] = []): string[] {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'policies.yaml'), policies);
  writeFileSync(path.join(dir, 'dns.yaml'), KUBE_DNS);
  const r = runWithTools(['connectivity', ...app, dir, ...extra]);
  // gap rules that open an outside host on its port name 0.0.0.0/0, which --pod-cidr would apply to pods too (NPC185)
  expect(lines(r.stderr).filter((l) => !/warning NPC185 /.test(l))).toEqual([]);
  return lines(r.stdout).filter((l) => !l.includes('kube-system/'));
}

afterAll(cleanupTempDirs);

describe('1. silent isolation: every workload no link reaches and every unresolved address is a gap', () => {
  const app = `${DIR}/1-silent-isolation`;
  it('scan lists the gaps with file:line and how to close them', () => {
    const { doc, r } = scanJson([app]);
    expect(r.code).toBe(0);
    expect(doc.links).toEqual([]);
    expect(gapLines(doc)).toEqual([
      `${at('1-silent-isolation/app.yaml', 'https://api.payments')} shop/details[Deployment] egress external-hostname https://api.payments.example.com (TCP 443)`,
      `${at('1-silent-isolation/app.yaml', 'name: details')} shop/details[Deployment] ingress no-ingress-source (TCP 9080)`,
      `${at('1-silent-isolation/app.yaml', 'name: page')} shop/page[Deployment] ingress no-ingress-source (TCP 9080)`,
    ]);
    expect(doc.gaps[1]?.close).toContain('synthesize --links FILE');
    expect(doc.gaps[1]?.close).toContain('--traffic');
  });

  it('synthesize prints the gap summary; --fail-on-gaps exits 1; the default (deny) blocks, --gaps=namespace keeps the app working', () => {
    const strict = runCli(['synthesize', app]);
    expect(strict.code).toBe(0);
    expect(lines(strict.stderr)).toEqual([
      '3 gaps: what the manifests cannot tell, left closed: that traffic is blocked (--gaps=deny):',
      `  ${at('1-silent-isolation/app.yaml', 'https://api.payments')} shop/details[Deployment] egress "https://api.payments.example.com": api.payments.example.com is outside the cluster; NetworkPolicy cannot name hosts, only address blocks`,
      `  ${at('1-silent-isolation/app.yaml', 'name: details')} shop/details[Deployment] ingress: listens on TCP 9080 but no manifest names a caller`,
      `  ${at('1-silent-isolation/app.yaml', 'name: page')} shop/page[Deployment] ingress: listens on TCP 9080 but no manifest names a caller`,
      'close a gap with a reviewed link (scan --format yaml, edit, synthesize --links FILE), observed traffic (--traffic), or --gaps=namespace|deny|open; --fail-on-gaps makes gaps fail CI',
    ]);
    expect(runCli(['synthesize', app, '--fail-on-gaps']).code).toBe(1);
    expect(runCli(['synthesize', app, '--gaps', 'nope']).code).toBe(2);
    expect(allowed([app], strict.stdout)).toEqual([]);

    const ns = runCli(['synthesize', app, '--gaps=namespace']);
    expect(ns.stderr).toContain('closed within each namespace (--gaps=namespace)');
    const policies = loadAll(ns.stdout) as Policy[];
    const details = policies.find((p) => p.metadata.name === 'details-netpol') as Policy;
    // provenance: each gap rule says it is one
    expect(details.metadata.annotations?.['netpol-ci.io/rules']).toContain('ingress[0] gap (--gaps=namespace) <- namespace shop: listens on TCP 9080 but no manifest names a caller');
    expect(details.metadata.annotations?.['netpol-ci.io/rules']).toContain('egress[0] gap (--gaps=namespace) -> 0.0.0.0/0: "https://api.payments.example.com"');
    expect(allowed([app], ns.stdout)).toEqual([
      // an https URL is on 443 (RFC 9110 §4.2.2): the gap closed is that port, not every port
      'shop/details[Deployment] => 0.0.0.0-255.255.255.255[External] : TCP 443',
      'shop/details[Deployment] => shop/page[Deployment] : TCP 9080',
      'shop/page[Deployment] => shop/details[Deployment] : TCP 9080',
    ]);
    const open = runCli(['synthesize', app, '--gaps=open']);
    expect(allowed([app], open.stdout)).toEqual([
      '0.0.0.0-255.255.255.255[External] => shop/details[Deployment] : All Connections',
      '0.0.0.0-255.255.255.255[External] => shop/page[Deployment] : All Connections',
      'shop/details[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/details[Deployment] => shop/page[Deployment] : All Connections',
      'shop/page[Deployment] => shop/details[Deployment] : All Connections',
    ]);
  });
});

describe('2. $(VAR) expansion in env values', () => {
  it('expands from earlier entries of the same container; $$ escapes; a later or unknown name is left as written and is a gap', () => {
    const { doc, r } = scanJson([`${DIR}/2-var-expansion`]);
    expect(r.stderr).toBe('');
    // the bare OTEL_COLLECTOR_NAME value is not an address: only the expanded URL's port 4317, not every collector port
    expect(linkLines(doc)).toEqual(['otel/checkout[Deployment] => otel/collector[Deployment] : TCP 4317']);
    expect(doc.links[0]?.evidence.map((e) => `${e.file}:${e.line} ${e.value}`)).toEqual([`${at('2-var-expansion/app.yaml', 'value: http://$(OTEL')} http://collector:4317`]);
    expect(gapLines(doc)).toEqual([
      `${at('2-var-expansion/app.yaml', '$(DEFINED_LATER)')} otel/checkout[Deployment] egress undefined-variable http://$(DEFINED_LATER):9999 (All Connections)`,
      // the collector is called on grpc (4317) only: its http (4318) and metrics (8888) Service ports name no caller, each a gap at its port
      `${at('2-var-expansion/app.yaml', '- name: http')} otel/collector[Deployment] ingress no-ingress-source (TCP 4318)`,
      `${at('2-var-expansion/app.yaml', '- name: metrics')} otel/collector[Deployment] ingress no-ingress-source (TCP 8888)`,
    ]);
  });
});

describe('3. --namespace: the namespace of objects that name none', () => {
  const app = `${DIR}/3-default-namespace`;
  it('without it, the frontend lands in default and its address does not resolve; with it, one app in one namespace', () => {
    const before = scanJson([app]).doc;
    expect(before.links).toEqual([]);
    expect(before.unresolved.map((u) => `${u.workload} ${u.reason} ${u.value}`)).toEqual(['default/frontend[Deployment] no-such-service frontend-proxy:8080']);
    const after = scanJson([app, '--namespace', 'demo']).doc;
    expect(linkLines(after)).toEqual(['demo/frontend[Deployment] => demo/frontend-proxy[Deployment] : TCP 8080']);
    expect(after.gaps).toEqual([]);
  });

  it('policies landing in default warn (NPC073); --namespace is validated', () => {
    const r = runCli(['synthesize', app]);
    expect(lines(r.stderr)[0]).toBe(
      `${at('3-default-namespace/frontend.yaml', 'metadata:')}:1 [doc 1] warning NPC073 metadata: 1 workload (default/frontend[Deployment]) names no namespace, so its policy and the namespace's default-deny land in "default" (pass --namespace NS (as kubectl apply -n NS) if the application is deployed elsewhere)`,
    );
    const ok = runCli(['synthesize', app, '--namespace', 'demo']);
    expect(ok.stderr).toBe('');
    expect((loadAll(ok.stdout) as Policy[]).map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['demo/default-deny', 'demo/frontend-proxy-netpol', 'demo/frontend-netpol']);
    const bad = runCli(['scan', app, '--namespace', 'Not_A_Namespace']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--namespace: expected a namespace name (RFC 1123 label)');
  });
});

describe('4. a Kustomize root renders as that overlay only; Components never on their own', () => {
  it('the root folder: its base once, the kustomization namespace wins over --namespace, the optional Component is not deployed', () => {
    const { doc, r } = scanJson([`${DIR}/4-kustomize-root`, '--namespace', 'other']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // DB_HOST + DB_PORT: one link on that port
    expect(linkLines(doc)).toEqual(['web/api[Deployment] => web/db[StatefulSet] : TCP 5432']);
    expect(doc.links[0]?.evidence[0]?.value).toBe('db (DB_PORT=5432)');
    // the Component's NetworkPolicy is not in the input: nothing is denied
    const c = runWithTools(['connectivity', `${DIR}/4-kustomize-root`]);
    expect(c.stderr).toBe('');
    expect(lines(c.stdout)).toContain('web/db[StatefulSet] => web/api[Deployment] : All Connections');
  });
});

describe('5. diff --repo on an overlay that uses ../../base', () => {
  it('renders both sides (the whole tree is exported) and never shows a temporary path', () => {
    const repo = tempDir();
    cpSync(path.join(FIXTURES, 'issue11', '4-kustomize-root', 'base'), path.join(repo, 'bases', 'app'), { recursive: true });
    mkdirSync(path.join(repo, 'overlays', 'prod'), { recursive: true });
    writeFileSync(path.join(repo, 'overlays', 'prod', 'kustomization.yaml'), 'resources:\n  - ../../bases/app\nnamespace: prod\n');
    writeFileSync(path.join(repo, 'overlays', 'prod', 'policy.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db\nspec:\n  podSelector:\n    matchLabels:\n      app: db\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: api\n');
    writeFileSync(path.join(repo, 'overlays', 'prod', 'kustomization.yaml'), 'resources:\n  - ../../bases/app\nnamespace: prod\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'base');
    writeFileSync(path.join(repo, 'overlays', 'prod', 'kustomization.yaml'), 'resources:\n  - ../../bases/app\n  - policy.yaml\nnamespace: prod\n');
    git(repo, 'commit', '-qam', 'policy');
    const r = runWithTools(['diff', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD', 'overlays/prod', '--format', 'txt']);
    expect(r.stderr).not.toMatch(/netpol-ci-tree-|\/tmp\//);
    expect(r.stdout).not.toMatch(/netpol-ci-tree-|\/tmp\//);
    // the base rendered on both sides: only what the new policy changes differs
    expect(lines(r.stdout)).toEqual([
      'Connectivity diff:',
      'diff-type: removed, source: 0.0.0.0-255.255.255.255[External], destination: prod/db[StatefulSet], ref1: All Connections, ref2: No Connections',
    ]);
  });
});

describe('6. addresses only where an address can stand', () => {
  it('log lines and JSON descriptions make no link; nc host port and a URL do, on the line that holds them, once', () => {
    const { doc, r } = scanJson([`${DIR}/6-free-text`]);
    expect(r.stderr).toBe('');
    expect(linkLines(doc)).toEqual(['shop/worker[Deployment] => shop/cart[Deployment] : TCP 7070', 'shop/worker[Deployment] => shop/kafka[Deployment] : TCP 9092']);
    expect(doc.links.map((l) => l.evidence.map((e) => `${e.file}:${e.line} ${e.value}`))).toEqual([
      [`${at('6-free-text/app.yaml', 'curl -s')} http://cart:7070`],
      [`${at('6-free-text/app.yaml', 'nc -z kafka')} kafka 9092`],
    ]);
    // cache and ad are named only in prose: nothing links to them, so they are gaps, not links
    expect(gapLines(doc)).toEqual([
      `${DIR}/6-free-text/services.yaml:${text('6-free-text/services.yaml').split('\n').findIndex((l) => l === '  name: ad') + 1} shop/ad[Deployment] ingress no-ingress-source (TCP 9555)`,
      `${DIR}/6-free-text/services.yaml:${text('6-free-text/services.yaml').split('\n').findIndex((l) => l === '  name: cache') + 1} shop/cache[Deployment] ingress no-ingress-source (TCP 6379)`,
      // kafka is reached on 9092 (nc -z kafka 9092); its other Service port, 9093, names no caller
      `${at('6-free-text/services.yaml', '- name: p9093')} shop/kafka[Deployment] ingress no-ingress-source (TCP 9093)`,
    ]);
  });
});

describe('7. ports', () => {
  it('HOST/PORT pairs give one link on that port; a one-port Service gives its port; several ports: all, with a warning naming the choice', () => {
    const { doc, r } = scanJson([`${DIR}/7-ports`]);
    expect(linkLines(doc)).toEqual([
      'p/client[Deployment] => p/broker[Deployment] : TCP 9092-9093',
      'p/client[Deployment] => p/cache[Deployment] : TCP 6379',
      'p/client[Deployment] => p/search[Deployment] : TCP 8013',
    ]);
    expect(doc.links[2]?.evidence[0]?.value).toBe('search (SEARCH_PORT=8013)');
    expect(lines(r.stderr)).toEqual([
      `${at('7-ports/app.yaml', 'value: broker')}:22 [doc 1] warning NPC074 spec.template.spec.containers[0].env[3].value: "broker" names Service p/broker without a port; it has 2 ports (plain/9092, tls/9093), so p/client[Deployment] may reach all of them (write the port in the address (host:port) or review the link in a links file)`,
    ]);
  });
});

describe('8. targetPort: 0 means port (one resolver for the scan and the engine)', () => {
  it('the link and the Ingress exposure reach port 8080, and the synthesized policies allow exactly them', () => {
    const app = `${DIR}/8-target-port-zero`;
    const { doc } = scanJson([app]);
    expect(linkLines(doc)).toEqual(['t/web[Deployment] => t/api[Deployment] : TCP 8080', '{ingress-controller} => t/api[Deployment] : TCP 8080']);
    const s = runCli(['synthesize', app]);
    expect(allowed([app], s.stdout)).toEqual(['t/web[Deployment] => t/api[Deployment] : TCP 8080', '{ingress-controller} => t/api[Deployment] : TCP 8080']);
  });
});

describe('9. selectors: the controller selector, never a lone version label', () => {
  it('reviews-v2 is selected by app+version; adding ratings-v2 does not put it under another policy', () => {
    const app = `${DIR}/9-selectors`;
    const r = runCli(['synthesize', app]);
    expect(r.stderr.split('\n').filter((l) => l.includes(' NPC'))).toEqual([]);
    const ps = loadAll(r.stdout) as Policy[];
    const sel = (name: string) => ps.find((p) => p.metadata.name === `${name}-netpol`)?.spec.podSelector;
    expect(sel('reviews-v2')).toEqual({ matchLabels: { app: 'reviews', version: 'v2' } });
    expect(sel('ratings-v1')).toEqual({ matchLabels: { app: 'ratings', version: 'v1' } });
    expect(sel('ratings-v2')).toEqual({ matchLabels: { app: 'ratings', version: 'v2' } });
    // pods without a controller: the smallest unique label set, never `version: v7` alone
    expect(sel('legacy-a')).toEqual({ matchLabels: { tier: 'legacy', version: 'v7' } });
    expect(sel('legacy-b')).toEqual({ matchLabels: { team: 'blue' } });
    expect(allowed([app], r.stdout)).toEqual([
      'books/productpage-v1[Deployment] => books/reviews-v2[Deployment] : TCP 9080',
      'books/reviews-v2[Deployment] => books/ratings-v1[Deployment] : TCP 9080',
      'books/reviews-v2[Deployment] => books/ratings-v2[Deployment] : TCP 9080',
    ]);
  });
});

describe('10. the smaller items', () => {
  const ops = `${DIR}/10-smalls/ops.yaml`;
  it('a ConfigMap shared by eight workloads: evidence names it and each reference, and one warning says it is shared', () => {
    const { doc, r } = scanJson([ops]);
    expect(doc.links).toHaveLength(16);
    const svc3 = doc.links.find((l) => l.src === 'ops/svc3[Deployment]' && l.dst === 'ops/db[StatefulSet]');
    expect(svc3?.evidence).toEqual([
      expect.objectContaining({ file: ops, line: Number(at('10-smalls/ops.yaml', 'DATABASE_URL').split(':').pop()), value: 'postgres://app@db:5432', via: { file: ops, line: Number(at('10-smalls/ops.yaml', 'configMapRef:', 60).split(':').pop()), path: expect.any(Array) } }),
    ]);
    expect(lines(r.stderr)).toEqual([
      `${ops}:4:9 [doc 1] warning NPC072 metadata.name: ConfigMap ops/common-env is shared by 8 workloads (${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `ops/svc${i}[Deployment]`).join(', ')}); each gets a link to every address it names (if only some of them use an address, review the links in a links file (synthesize --links))`,
    ]);
  });

  it('kubernetes.default.svc:443 is the API server: a gap that says why, never "no Service matches"', () => {
    const { doc } = scanJson([ops]);
    expect(gapLines(doc)).toEqual([`${at('10-smalls/ops.yaml', 'kubernetes.default.svc')} ops/operator[Deployment] egress api-server https://kubernetes.default.svc:443 (TCP 443)`]);
    expect(doc.gaps[0]?.close).toContain('control-plane CIDR');
    // --gaps=namespace opens the API server's port (and 6443 behind it) to any address
    const r = runCli(['synthesize', ops, '--gaps=namespace']);
    const op = (loadAll(r.stdout) as Policy[]).find((p) => p.metadata.name === 'operator-netpol') as Policy;
    expect(op.spec.egress?.[0]).toEqual({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }, { protocol: 'TCP', port: 6443 }] });
  });

  it('--links accepts ns/name and svc:ns/name (the Service ports, reached at their targets)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'links.yaml');
    writeFileSync(file, 'links:\n  - src: ops/operator\n    dst: svc:ops/db\n    conns: TCP 5432\n  - src: ops/svc1\n    dst: svc:ops/nosuch\n    conns: TCP 1\n');
    const r = runCli(['synthesize', ops, '--links', file]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toContain(`${file}:6:10 [doc 1] error NPC010 links[1].dst: not a peer: no Service ops/nosuch in the manifests`);
    writeFileSync(file, 'links:\n  - src: ops/operator\n    dst: svc:ops/db\n    conns: TCP 5432\n');
    const ok = runCli(['synthesize', ops, '--links', file]);
    expect(ok.code).toBe(0);
    expect(allowed([ops], ok.stdout)).toEqual(['ops/operator[Deployment] => ops/db[StatefulSet] : TCP 5432']);
  });

  it("the default Helm release name is the chart folder's name", () => {
    const r = runWithTools(['connectivity', `${DIR}/10-smalls/chart-folder`]);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toContain('default/chart-folder-app[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections');
  });
});
