import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffConnectivity, workloadsInfo, type ConnectivityDiff } from '../../src/connectivity/diff.js';
import { PolicyEngine, peerKey } from '../../src/connectivity/engine.js';
import { explainDiff } from '../../src/connectivity/explain.js';
import { loadManifests } from '../../src/manifests/load.js';
import { renderDiffCsv, renderDiffMd, renderDiffMermaid, renderDiffTxt, type DiffReport } from '../../src/report/diff.js';
import { lines, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/fixtures.js';
import { parseCsv } from '../helpers/csv.js';

/**
 * Names, labels, rule names and file names come from the pull request under review: they must not
 * be able to inject HTML, ping anyone, open a link, break the list or the Mermaid graph, or run a
 * formula in a spreadsheet. The same two configurations go through the library renderers and the
 * CLI; the outputs must be identical and inert.
 */
afterAll(cleanupTempDirs);

// --- the hostile configurations ------------------------------------------------------------------

const NS_FORMULA = `=cmd|' /C calc'!A0`;
const SCRIPT = '<script>alert(1)</script>';

const BASE_APPS = `apiVersion: v1
kind: Namespace
metadata:
  name: "${NS_FORMULA}"
  labels: {"team": "**bold**|\`x\`", "evil\\"key": "${SCRIPT}", "nl": "line1\\nline2 @octocat"}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: "${SCRIPT}"
  namespace: "${NS_FORMULA}"
spec:
  selector: {matchLabels: {app: "@octocat"}}
  template:
    metadata:
      labels: {app: "@octocat", "x": "line1\\nline2 ](http://evil) #h"}
    spec:
      containers:
        - {name: main, image: i, ports: [{containerPort: 8080, name: "h|t\`p"}]}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: "x\\"] --> evil[\\"pwn"
  namespace: "@octocat"
spec:
  selector: {matchLabels: {app: "](http://evil)"}}
  template:
    metadata:
      labels: {app: "](http://evil)"}
    spec:
      containers: [{name: main, image: i}]
`;

const GONE = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: "gone**bold**@octocat"
  namespace: "+plus"
spec:
  selector: {matchLabels: {app: gone}}
  template:
    metadata: {labels: {app: gone}}
    spec:
      containers: [{name: main, image: i}]
`;

const NEW = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: "new\\nline\`tick\`#h"
  namespace: "-minus"
spec:
  selector: {matchLabels: {app: new}}
  template:
    metadata: {labels: {app: new}}
    spec:
      containers: [{name: main, image: i}]
---
apiVersion: v1
kind: Service
metadata: {name: "svc", namespace: "${NS_FORMULA}"}
spec:
  selector: {app: "@octocat"}
  ports: [{port: 80, targetPort: "h|t\`p"}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: "ing<script>@octocat](http://evil)", namespace: "${NS_FORMULA}"}
spec:
  defaultBackend:
    service: {name: svc, port: {number: 80}}
`;

const POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: "np|<script>@octocat](http://evil)**b**"
  namespace: "${NS_FORMULA}"
spec:
  podSelector: {matchLabels: {app: "@octocat", "x": "line1\\nline2 ](http://evil) #h"}}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: "@octocat"}}
      ports: [{port: "h|t\`p"}]
    - from:
        - namespaceSelector: {}
      ports: [{port: 8080}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: "anp\`|@octocat<script>"}
spec:
  priority: 5
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: "${NS_FORMULA}"}}}
  ingress:
    - name: "rule](http://evil)@octocat\`|<script>\\nnext"
      action: Pass
      from:
        - namespaces: {matchLabels: {kubernetes.io/metadata.name: "@octocat"}}
`;

/** A file name from the PR, as hostile as a Linux file system allows. */
const HOSTILE_FILE = 'pol|<b>@octocat](http:evil)`x`#"**b**.yaml';

type Files = { path: string; text: string }[];
const BASE: Files = [{ path: 'base/apps.yaml', text: BASE_APPS + GONE }];
const HEAD: Files = [
  { path: 'head/apps.yaml', text: BASE_APPS + NEW },
  { path: `head/${HOSTILE_FILE}`, text: POLICIES },
];

/** The report as the CLI builds it: explanations from both sides for md and json. */
function buildReport(before: Files, after: Files, refs: DiffReport['refs']): DiffReport {
  const side = (files: Files) => {
    const load = loadManifests(files);
    const engine = new PolicyEngine(load.cluster);
    // names and labels Kubernetes would reject are reported (NPC010, NPC030) but still analysed, so that the report stays complete
    const errors = [...load.diagnostics, ...engine.diagnostics].filter((d) => d.severity === 'error');
    expect(errors.filter((d) => d.code !== 'NPC010' && d.code !== 'NPC030')).toEqual([]);
    return engine;
  };
  const b = side(before);
  const a = side(after);
  const diff = diffConnectivity(b.connectivity(), a.connectivity());
  const explanations = explainDiff(b, a, diff);
  return { diff, explanations, refs };
}

function writeFiles(dir: string, files: Files): void {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
}

// --- inertness checks -----------------------------------------------------------------------------

/**
 * A Markdown line split as CommonMark reads it: backslash escapes outside code spans, code spans
 * opened by a backtick run and closed by a run of the same length. Returns the text outside code
 * spans (escapes kept) with each span replaced by `\u0000`, and the spans' contents.
 */
function splitCodeSpans(line: string): { outside: string; spans: string[] } {
  let outside = '';
  const spans: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === '\\' && i + 1 < line.length) {
      outside += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '`') {
      outside += c;
      i++;
      continue;
    }
    let j = i;
    while (line[j] === '`') j++;
    const run = j - i;
    let close = -1;
    for (let k = j; k < line.length; ) {
      if (line[k] !== '`') {
        k++;
        continue;
      }
      let m = k;
      while (line[m] === '`') m++;
      if (m - k === run) {
        close = k;
        break;
      }
      k = m;
    }
    if (close < 0) {
      outside += line.slice(i, j);
      i = j;
      continue;
    }
    spans.push(line.slice(j, close));
    outside += '\u0000';
    i = close + run;
  }
  return { outside, spans };
}

/** Every line shape the md renderer may produce; `C` is a code span, `T` escaped text. */
const MD_SHAPES: RegExp[] = [
  /^$/,
  /^### netpol-ci: connectivity diff$/,
  /^C → C$/,
  /^\*\*\d+ added · \d+ removed · \d+ changed\*\*$/,
  /^\*\*No connectivity change\.\*\*$/,
  /^Workloads added: (C(, C)*|none); removed: (C(, C)*|none)\.$/,
  /^Policy files that changed the answer: C(, C)*$/,
  /^#### (Newly allowed|No longer allowed|Changed) \(\d+\)$/,
  /^- C → C: (now allowed C|no longer allowed \(was C\)|(now also C; no longer C|now also C|no longer C) \(was C, now C\))( _\(T\)_)?$/,
  /^ {2}<details><summary>why<\/summary>$/,
  /^ {2}<\/details>$/,
  /^ {2}- (before|after) \(C\): C$/,
  /^ {4}- exposed by C(, C)* on C$/,
  /^ {4}- (source egress|destination ingress): C$/,
  /^ {6}- \[(ANP|NP|BANP|default)\] (Allow|Deny|Pass|Isolated) C: (no policy applies|C( (ingress|egress) rule \d+( C)?)? at C)$/,
];

/**
 * The Markdown is inert: no carriage return (a CommonMark line ending), every line has a known
 * shape, and outside code spans there is no HTML but the details/summary tags, no mention, no
 * link, no emphasis, no table pipe and no stray backtick or entity.
 */
function expectInertMarkdown(md: string, diff: ConnectivityDiff): void {
  expect(md).not.toMatch(/\r/);
  expect(md.endsWith('\n')).toBe(true);
  for (const line of md.slice(0, -1).split('\n')) {
    const { outside, spans } = splitCodeSpans(line);
    for (const s of spans) expect(s, line).not.toMatch(/[`|\n\r]/);
    // escaped text: only the italic workloads-diff-info part has any
    const text = outside.replace(/ _\((.*)\)_$/, (_, t: string) => {
      const bare = t.replace(/\\./g, '').replace(/&(lt|gt|amp|quot);/g, '').replace(/@\u200d/g, '');
      expect(bare, line).not.toMatch(/[<>`|*_[\]()@#"&]/);
      // a mention needs `@` right before a name character; a zero-width joiner stops it
      expect(t, line).not.toMatch(/@[\w-]/);
      return ' _(T)_';
    });
    const shape = text.split('\u0000').join('C');
    expect(
      MD_SHAPES.some((r) => r.test(shape)),
      `unexpected md line shape: ${JSON.stringify(shape)} from ${JSON.stringify(line)}`,
    ).toBe(true);
    const bare = text.replace(/\\./g, '').replace(/<\/?(details|summary)>/g, '');
    expect(bare, line).not.toMatch(/<|\]\(|@\w|\|/);
  }
  // one list item per entry, each on one line, naming both peers
  const items = md.split('\n').filter((l) => l.startsWith('- '));
  expect(items).toHaveLength(diff.entries.length);
  const inCode = (s: string) => `\`${s.replace(/\r\n?|\n/g, ' ').replace(/`/g, "'").replace(/\|/g, '\u2223')}\``;
  for (const e of diff.entries) expect(items.filter((l) => l.startsWith(`- ${inCode(peerKey(e.src))} → ${inCode(peerKey(e.dst))}: `))).toHaveLength(1);
}

const MERMAID_LABEL = '((?:[A-Za-z0-9 ./_\\-:,[\\]{}]|#\\d+;)*)';
const MERMAID_EDGE = new RegExp(`^ {2}(n\\d+)\\["${MERMAID_LABEL}"\\] -->\\|"${MERMAID_LABEL}"\\| (n\\d+)\\["${MERMAID_LABEL}"\\]$`);
const MERMAID_STYLE = /^ {2}linkStyle (\d+) stroke:(#2da44e|#cf222e|#bf8700),stroke-width:2px$/;
const MERMAID_MORE = /^ {2}more\["(\d+) more changed edges not shown"\]$/;
const COLOR = { added: '#2da44e', removed: '#cf222e', changed: '#bf8700' } as const;
const unescapeMermaid = (s: string) => s.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

/** Every line is one of the allowed shapes; labels decode to exactly the peers; one edge and one style per shown entry. */
function expectInertMermaid(text: string, diff: ConnectivityDiff, cap = 60): void {
  const all = lines(text);
  expect(all[0]).toBe('graph LR');
  const edges: string[][] = [];
  const styles: [number, string][] = [];
  const more: number[] = [];
  const ids = new Map<string, string>();
  for (const line of all.slice(1)) {
    const e = MERMAID_EDGE.exec(line);
    const s = MERMAID_STYLE.exec(line);
    const m = MERMAID_MORE.exec(line);
    if (e) {
      const [, sid, slabel, elabel, did, dlabel] = e as unknown as string[];
      edges.push([unescapeMermaid(slabel as string), unescapeMermaid(elabel as string), unescapeMermaid(dlabel as string)]);
      // a node id always carries the same label
      for (const [id, label] of [[sid, slabel], [did, dlabel]] as [string, string][]) {
        expect(ids.get(id) ?? label, line).toBe(label);
        ids.set(id, label);
      }
    } else if (s) styles.push([Number(s[1]), s[2] as string]);
    else if (m) more.push(Number(m[1]));
    else expect.fail(`unexpected mermaid line: ${JSON.stringify(line)}`);
  }
  const shown = diff.entries.slice(0, cap);
  expect(edges.map(([s, , d]) => [s, d])).toEqual(shown.map((e) => [peerKey(e.src), peerKey(e.dst)]));
  expect(edges.map(([, l]) => l)).toEqual(
    shown.map((e) => (e.kind === 'added' ? `added: ${e.after.toString()}` : e.kind === 'removed' ? `removed: ${e.before.toString()}` : `${e.before.toString()} to ${e.after.toString()}`)),
  );
  expect(styles).toEqual(shown.map((e, i) => [i, COLOR[e.kind]]));
  expect(more).toEqual(diff.entries.length > cap ? [diff.entries.length - cap] : []);
}


/** No cell starts a formula; a neutralised cell is the original with a leading apostrophe. */
function expectInertCsv(text: string, diff: ConnectivityDiff): void {
  const rows = parseCsv(text);
  expect(rows[0]).toEqual(['diff-type', 'source', 'destination', 'ref1', 'ref2', 'workloads-diff-info']);
  expect(rows).toHaveLength(diff.entries.length + 1);
  const neutral = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  diff.entries.forEach((e, i) => {
    const row = rows[i + 1] as string[];
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(row).toEqual([e.kind, peerKey(e.src), peerKey(e.dst), e.before.toString(), e.after.toString(), workloadsInfo(e) ?? ''].map(neutral));
  });
}

// --- the tests -----------------------------------------------------------------------------------

const report = buildReport(BASE, HEAD, { before: 'base', after: 'head' });

describe('hostile names through the library renderers', () => {
  it('the configurations exercise every hostile field', () => {
    const keys = report.diff.entries.flatMap((e) => [peerKey(e.src), peerKey(e.dst)]);
    for (const fragment of [NS_FORMULA, SCRIPT, '@octocat/', 'x"] --> evil["pwn', 'gone**bold**', '+plus/', '-minus/', 'new\nline`tick`#h', '{ingress-controller}']) {
      expect(keys.some((k) => k.includes(fragment)), fragment).toBe(true);
    }
    expect(new Set(report.diff.entries.map((e) => e.kind))).toEqual(new Set(['added', 'removed', 'changed']));
    const md = renderDiffMd(report);
    // policy, rule, Ingress and file names all reach the why blocks
    for (const fragment of ['np∣<script>@octocat](http://evil)**b**', "anp'∣@octocat<script>", "rule](http://evil)@octocat'∣<script> next", 'Ingress ', "pol∣<b>@octocat](http:evil)'x'#\"**b**.yaml:"]) {
      expect(md).toContain(fragment);
    }
  });

  it('md is inert', () => {
    expectInertMarkdown(renderDiffMd(report), report.diff);
    // labels never reach the output at all
    expect(renderDiffMd(report)).not.toContain('line1');
  });

  it('the checks catch broken output', () => {
    const md = renderDiffMd(report);
    const item = md.split('\n').find((l) => l.startsWith('- ') && l.includes('_(')) as string;
    const mention = md.split('\n').find((l) => l.startsWith('- ') && l.includes('@\u200d')) as string;
    expect(mention).toBeDefined();
    const broken = [
      md.replace(item, item.replace('`', '')), // a code span opened but not closed
      md.replace(mention, mention.replace('@\u200d', '@')), // a mention
      md.replace(item, item.replace(/_\(.*\)_$/, '_(see [x](http://evil))_')), // a link
      md.replace(item, `${item}\n<script>alert(1)</script>`), // raw HTML
      md.replace(item, item.replace(' → ', '\n→ ')), // an entry on two lines
      md.replace(item, item.replace(/`[^`]*`/, '`a|b`')), // a pipe in a code span
    ];
    broken.forEach((b, i) => expect(() => expectInertMarkdown(b, report.diff), `broken md ${i}`).toThrow());
    const mermaid = renderDiffMermaid(report);
    expect(() => expectInertMermaid(mermaid.replace('#34;', '"'), report.diff)).toThrow();
    expect(() => expectInertMermaid(mermaid.replace('#62;', '>'), report.diff)).toThrow();
    expect(() => expectInertMermaid(`${mermaid}  n0 --> n1\n`, report.diff)).toThrow();
    const csv = renderDiffCsv(report);
    expect(() => expectInertCsv(csv.replace(`'${NS_FORMULA}`, NS_FORMULA), report.diff)).toThrow();
  });

  it('md without explanations is inert too', () => {
    const bare: DiffReport = { diff: report.diff, refs: { before: 'a`|<b>@x', after: 'b\n# @octocat' } };
    const md = renderDiffMd(bare);
    expectInertMarkdown(md, report.diff);
    expect(md).toContain("`a'∣<b>@x` → `b # @octocat`");
  });

  it('mermaid is inert: fixed line shapes, labels decode to the peers', () => {
    expectInertMermaid(renderDiffMermaid(report), report.diff);
    expectInertMermaid(renderDiffMermaid(report, 3), report.diff, 3);
  });

  it('csv cells starting with =, +, -, @ are neutralised', () => {
    const csv = renderDiffCsv(report);
    expectInertCsv(csv, report.diff);
    expect(csv).toContain(`'${NS_FORMULA}`);
    expect(csv).toContain("'+plus/gone**bold**@octocat[Deployment]");
    expect(csv).toContain("'-minus/new");
    expect(csv).toContain("'@octocat/");
  });

  it('output is deterministic', () => {
    const again = buildReport(BASE, HEAD, { before: 'base', after: 'head' });
    expect(renderDiffMd(again)).toBe(renderDiffMd(report));
    expect(renderDiffMermaid(again)).toBe(renderDiffMermaid(report));
    expect(renderDiffCsv(again)).toBe(renderDiffCsv(report));
  });
});

describe('hostile names through the CLI', () => {
  const dir = tempDir('netpol-ci-hostile-');
  writeFiles(dir, [...BASE, ...HEAD]);
  const run = (format: string) => {
    const r = runCli(['diff', 'base', 'head', '--format', format], { cwd: dir });
    // only the invalid-name and invalid-label diagnostics, each one line (the names are JSON-quoted, control characters escaped)
    for (const l of r.stderr.split('\n').filter(Boolean)) expect(l).toMatch(/ (error|warning) (NPC010 metadata\.(name|namespace): ".*" is not a valid |NPC030 .*(label (key|value)|port name) )/);
    expect([0, 2]).toContain(r.code);
    return r.stdout;
  };

  it('md: inert, and the same bytes as the library renderer', () => {
    const md = run('md');
    expectInertMarkdown(md, report.diff);
    expect(md).toBe(renderDiffMd(report));
    expect(run('md')).toBe(md);
  });

  it('mermaid: inert, and the same bytes as the library renderer', () => {
    const text = run('mermaid');
    expectInertMermaid(text, report.diff);
    expect(text).toBe(renderDiffMermaid(report));
  });

  it('csv: neutralised, and the same bytes as the library renderer', () => {
    const text = run('csv');
    expectInertCsv(text, report.diff);
    expect(text).toBe(renderDiffCsv(report));
  });

  it('json keeps the names exactly (it is data, not markup)', () => {
    const out = JSON.parse(run('json')) as { entries: { src: string; dst: string }[] };
    expect(out.entries.map((e) => [e.src, e.dst])).toEqual(report.diff.entries.map((e) => [peerKey(e.src), peerKey(e.dst)]));
  });
});

describe('escaping bugs these tests found, now fixed', () => {
  // A lone carriage return is a line ending in CommonMark. markdownCode and escapeMarkdown only
  // replace \r?\n, so a name with "\r# ..." starts a heading (breaking the code span and the
  // list) that mentions @octocat, and "\r<img ...>" injects raw HTML.
  const CR_NAME = 'evil\\r# Approved by @octocat\\r<img src=x onerror=alert(1)>';
  const crHead: Files = [
    {
      path: 'head/apps.yaml',
      text: `${BASE_APPS}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: "${CR_NAME}"
  namespace: "cr"
spec:
  selector: {matchLabels: {app: cr}}
  template:
    metadata: {labels: {app: cr}}
    spec:
      containers: [{name: main, image: i}]
`,
    },
  ];
  const crReport = buildReport(BASE, crHead, { before: 'base', after: 'head' });

  it('the workload name really holds carriage returns', () => {
    expect(crReport.diff.addedWorkloads.some((k) => k.includes('\r# Approved by @octocat\r'))).toBe(true);
  });

  it('md: a carriage return in a name cannot start a heading or raw HTML', () => {
    expectInertMarkdown(renderDiffMd(crReport), crReport.diff);
  });

  it('mermaid and csv already handle it', () => {
    expectInertMermaid(renderDiffMermaid(crReport), crReport.diff);
    expectInertCsv(renderDiffCsv(crReport), crReport.diff);
  });

  // txt is netpol-analyzer's one-line-per-entry format; a line break in a name splits an entry.
  it('txt: each entry stays on one line', () => {
    const txt = renderDiffTxt(report);
    expect(lines(txt)).toHaveLength(report.diff.entries.length + 1);
  });
});
