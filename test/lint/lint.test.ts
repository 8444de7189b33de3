import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { diffConnectivity } from '../../src/connectivity/diff.js';
import { PolicyEngine, type Connectivity } from '../../src/connectivity/engine.js';
import { lintPolicies, type LintFinding } from '../../src/connectivity/lint.js';
import { loadManifests } from '../../src/manifests/load.js';
import type { ManifestFile } from '../../src/manifests/documents.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, FIXTURES } from '../helpers/fixtures.js';
import { expectGolden } from '../helpers/golden.js';
import { notJudged } from '../helpers/lint.js';

afterAll(cleanupTempDirs);

const rel = (p: string) => path.relative(REPO_ROOT, p);
const SANITY = path.join(FIXTURES, 'lint', 'sanity');
const CONNLIST = path.resolve(REPO_ROOT, '..', 'shared', 'conformance', 'connlist');

describe('netpol-ci lint', () => {
  it('reports each kind of finding at its file:line with the rule that covers it (golden), exit 1', () => {
    const r = runCli(['lint', rel(SANITY)]);
    expect(r.code).toBe(1);
    expectGolden(r.stdout, path.join(SANITY, 'expected', 'lint.txt'));
    // the rule whose named port resolves nowhere is also the engine's NPC014 warning
    expect(r.stderr).toContain('warning NPC014 spec.ingress[3].ports: named port "metrics"');
  });

  it('states every kind once on the sanity fixture', () => {
    const rows = JSON.parse(runCli(['lint', rel(SANITY), '-q', '-f', 'json']).stdout) as { kind: string; policy: string; rule?: string; line: number; coveredBy: string[] }[];
    expect(rows.map((f) => [f.kind, f.policy, f.rule ?? '', f.line])).toEqual([
      ['selects-nothing', 'NetworkPolicy shop/ghost', '', 6],
      ['redundant-rule', 'NetworkPolicy shop/api', 'ingress[0]', 17],
      ['redundant-rule', 'NetworkPolicy shop/api', 'ingress[1]', 20],
      ['never-matches', 'NetworkPolicy shop/api', 'ingress[3]', 25],
      ['redundant-rule', 'NetworkPolicy shop/web', 'ingress[0]', 36],
      ['shadowed-rule', 'AdminNetworkPolicy allow-monitor', 'ingress[0] "allow-monitor"', 57],
    ]);
    expect(rows.find((f) => f.kind === 'shadowed-rule')?.coveredBy).toEqual(['AdminNetworkPolicy deny-ops ingress[0] "deny-from-ops"']);
    expect(rows.find((f) => f.policy === 'NetworkPolicy shop/web')?.coveredBy).toEqual(['AdminNetworkPolicy deny-ops ingress[0] "deny-from-ops"']);
  });

  it('example app: clean; its default denies guard pods the manifests do not show, its DNS rules reach kube-system (info with --verbose)', () => {
    const r = runCli(['lint', 'fixtures/example-app/manifests', '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const notes = r.stderr.split('\n').filter((l) => l.includes('NPC187'));
    expect(notes.filter((l) => l.includes('/default-deny is not judged for redundancy: it selects every pod of namespace'))).toHaveLength(3);
    expect(notes.filter((l) => l.includes('/allow-dns egress[0] is not judged: a peer of it matches no pod of the manifests, and may match pods of namespace kube-system outside them'))).toHaveLength(3);
    expect(notes).toHaveLength(6);
  });

  it('judges no rule by pods the manifests do not hold: the DNS rule is no finding, a typo in a namespace they hold is', () => {
    // kube-system (the cluster DNS) and a monitoring namespace are not in the manifests: a rule
    // towards them matches nothing *of the manifests*, but in the cluster it is what lets DNS
    // through; calling it "can never match" (exit 1) would have users delete it. nca --sanity adds
    // kube-dns pods for the same reason.
    const r = runCli(['lint', 'fixtures/lint/outside', '-f', 'json', '--verbose']);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { kind: string; policy: string; rule?: string; line: number }[];
    expect(rows.map((f) => [f.kind, f.policy, f.rule ?? '', f.line])).toEqual([
      ['never-matches', 'NetworkPolicy shop/web', 'egress[1]', 39],
      ['never-matches', 'NetworkPolicy shop/web', 'egress[2]', 41],
      // one edit from kube-system, which every cluster has: a typo, not a namespace outside the manifests
      ['never-matches', 'NetworkPolicy shop/typo-dns', 'egress[0]', 88],
    ]);
    expect(JSON.parse(r.stdout)[2].message).toContain('namespace "kube-sytem" is one edit from kube-system');
    // what lint left unjudged is said, at its line, as information
    const notes = r.stderr.split('\n').filter((l) => l.includes('NPC187'));
    expect(notes.map((l) => /policies\.yaml:(\d+):/.exec(l)?.[1])).toEqual(['3', '18', '31', '34', '54', '63', '74']);
    // the default deny isolates every pod of shop: those of the manifests are isolated by their own
    // policies too, but it also guards those the manifests do not show and those added later
    expect(notes.shift()).toContain('NetworkPolicy shop/default-deny is not judged for redundancy: it selects every pod of namespace shop, also those the manifests do not show');
    expect(notes[0]).toContain('info NPC187');
    expect(notes[0]).toContain('kube-system');
    expect(notes[1]).toContain('namespaces labelled purpose=monitoring');
    expect(notes[4]).toContain('AdminNetworkPolicy protect-kube-system');
    // a policy of a namespace whose workloads the manifests do not hold selects pods they cannot show
    expect(notes[5]).toContain('NetworkPolicy kube-system/dns-from-shop is not judged: it selects no pod of the manifests, and may select pods of namespace kube-system outside them');
    // and only with --verbose
    expect(runCli(['lint', 'fixtures/lint/outside']).stderr).not.toContain('NPC187');
  });

  it("judges nothing by the pods an operator runs: a custom resource with spec.replicas (NPC315) leaves its namespace's pods unknown", () => {
    // kube-prometheus: the Prometheus resource has the operator run Prometheus' pods in monitoring;
    // a policy for them selects no pod of the manifests, and a rule admitting them matches none, but
    // both act on those pods in the cluster. Grafana's pods are in the manifests.
    const r = runCli(['lint', 'fixtures/lint/operator', '-f', 'json', '--verbose']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const notes = r.stderr.split('\n').filter((l) => l.includes('NPC187'));
    expect(notes).toHaveLength(3);
    expect(notes[0]).toContain('NetworkPolicy monitoring/prometheus-k8s is not judged: it selects no pod of the manifests, and may select the pods an operator runs in namespace monitoring outside them');
    expect(notes.slice(1).every((l) => l.includes('NetworkPolicy monitoring/grafana ingress['))).toBe(true);
  });

  it('exits 0 with nothing to say on a clean configuration, in every format', () => {
    for (const [format, empty] of [
      ['txt', ''],
      ['json', '[]\n'],
      ['md', 'No policy sanity findings.\n'],
    ] as const) {
      const r = runCli(['lint', 'fixtures/connectivity/ingress-controller/manifests', '-f', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(empty);
    }
  });

  it('md escapes manifest-derived names', () => {
    const r = runCli(['lint', rel(SANITY), '-q', '-f', 'md']);
    expect(r.stdout).toContain('| `fixtures/lint/sanity/policies.yaml:57` | shadowed-rule | AdminNetworkPolicy allow\\-monitor | ingress\\[0\\] &quot;allow\\-monitor&quot; |');
  });

  it('bad input is exit 2', () => {
    expect(runCli(['lint', 'does/not/exist']).code).toBe(2);
    expect(runCli(['lint', rel(SANITY), '-f', 'csv']).code).toBe(2);
  });
});

/** All manifest files of a folder, as the loader takes them. */
function readFolder(dir: string): ManifestFile[] {
  const out: ManifestFile[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...readFolder(p));
    else if (/\.(ya?ml|json)$/.test(e)) out.push({ path: rel(p), text: readFileSync(p, 'utf8') });
  }
  return out;
}

const connectivityOf = (files: readonly ManifestFile[]) => new PolicyEngine(loadManifests(files).cluster).connectivity();
/** Semantic equality: the address space is refined on both sides' boundaries (a deleted ipBlock changes the cut, not the answer). */
const same = (a: Connectivity, b: Connectivity) => diffConnectivity(a, b).entries.length === 0;
const POLICY_KINDS = new Set(['NetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);

/**
 * The oracle: a policy or rule is reported redundant (or never matching, or shadowed) exactly
 * when deleting it from the YAML leaves the connectivity byte-identical.
 */
describe('redundancy agrees with deleting the policy or rule and recomputing the connectivity', () => {
  const apps = [SANITY, path.join(FIXTURES, 'example-app', 'manifests'), path.join(CONNLIST, 'acs-security-demos', 'input'), path.join(CONNLIST, 'anp_banp_core_test', 'input')];
  for (const app of apps) {
    it(rel(app), () => {
      const files = readFolder(app);
      const baseline = connectivityOf(files);
      const lint = lintPolicies(new PolicyEngine(loadManifests(files).cluster));
      const findings = lint.findings;
      const flagged = (f: LintFinding) => `${f.policy}|${f.rule?.replace(/ ".*"$/, '') ?? ''}`;
      const reported = new Set(findings.filter((f) => f.kind !== 'selects-nothing').map(flagged));
      // a rule lint did not judge (NPC187: a peer that may match pods outside the manifests) is never reported, nor a policy holding one
      const unjudged = notJudged(lint.diagnostics);
      const nothing = new Set(findings.filter((f) => f.kind === 'selects-nothing').map((f) => f.policy));
      let checked = 0;
      for (const [fi, file] of files.entries()) {
        const docs = parseAllDocuments(file.text);
        for (const [di, doc] of docs.entries()) {
          const obj = doc.toJS() as { kind?: string; metadata?: { name?: string; namespace?: string }; spec?: Record<string, unknown[] | undefined> } | null;
          if (!obj?.kind || !POLICY_KINDS.has(obj.kind)) continue;
          const key = obj.kind === 'NetworkPolicy' ? `${obj.kind} ${obj.metadata?.namespace ?? 'default'}/${obj.metadata?.name}` : `${obj.kind} ${obj.metadata?.name}`;
          if (nothing.has(key) || unjudged.has(`${key}|`)) continue;
          const without = (mutate: (o: NonNullable<typeof obj>) => unknown): Connectivity => {
            const texts = docs.map((d, i) => (i === di ? mutate(structuredClone(obj)) : d.toJS())).filter((o) => o !== undefined && o !== null);
            const text = texts.map((o) => `---\n${JSON.stringify(o)}\n`).join('');
            return connectivityOf(files.map((f, i) => (i === fi ? { path: f.path, text } : f)));
          };
          const policyChanged = !same(without(() => undefined), baseline);
          const policyFlagged = reported.has(`${key}|`);
          // a policy whose every rule is reported is explained by its rules, not as a whole
          const rules = (['ingress', 'egress'] as const).flatMap((d) => (obj.spec?.[d] ?? []).map((_, i) => `${d}[${i}]`));
          const allRulesFlagged = rules.length > 0 && rules.every((r) => reported.has(`${key}|${r}`) || unjudged.has(`${key}|${r}`));
          const holdsUnjudged = rules.some((r) => unjudged.has(`${key}|${r}`));
          if (policyFlagged) expect({ key, redundant: !policyChanged }).toEqual({ key, redundant: true });
          else if (!allRulesFlagged && !holdsUnjudged) expect({ key, redundant: !policyChanged }).toEqual({ key, redundant: false });
          checked++;
          if (policyFlagged) continue;
          for (const d of ['ingress', 'egress'] as const) {
            (obj.spec?.[d] ?? []).forEach((_, i) => {
              const changed = !same(
                without((o) => {
                  // deleting the last rule must not change policyTypes' defaulting: state the types
                  const spec = o.spec as Record<string, unknown>;
                  if (o.kind === 'NetworkPolicy' && !spec.policyTypes) spec.policyTypes = ['Ingress', ...((spec.egress as unknown[] | undefined)?.length ? ['Egress'] : [])];
                  (spec[d] as unknown[]).splice(i, 1);
                  return o;
                }),
                baseline,
              );
              const rule = `${d}[${i}]`;
              if (unjudged.has(`${key}|${rule}`)) expect({ key, rule, reported: reported.has(`${key}|${rule}`) }).toEqual({ key, rule, reported: false });
              else expect({ key, rule, redundant: !changed }).toEqual({ key, rule, redundant: reported.has(`${key}|${rule}`) });
              checked++;
            });
          }
        }
      }
      expect(checked).toBeGreaterThan(3);
    }, 120_000);
  }
});
