import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivityDifferences, diffDifferences, findNetpolAnalyzer, napeerForm, netpolAnalyzer, ours, toYaml, writeConfig, type ToolRun } from '../helpers/netpol-analyzer.js';
import { adminEdit, adminPolicies, applyAdminEdit, withRoute } from '../helpers/random-admin.js';
import { ALLOWED, type AllowedContext } from './netpol-analyzer-allowed.js';
import type { Doc } from '../helpers/random-config.js';
import { WIDE_SIZES, wideConfiguration } from '../helpers/random-config-wide.js';
import { applyMutations, randomPullRequest } from '../helpers/random-pr.js';

/**
 * The netpol-analyzer hunt: random configurations and random pull requests through our CLI
 * (`dist/cli.js`, so run `npm run bundle` first) and netpol-analyzer's own binary (`netpolicy`
 * v1.4.2, the tool the conformance goldens come from; NETPOL_ANALYZER_PATH or bench's build), compared
 * semantically as the conformance harness compares (test/helpers/netpol-analyzer.ts).
 *
 * Configurations: wide ones (test/helpers/random-config-wide.ts: every workload kind, namespaces
 * with labels, selectors with matchExpressions, ipBlocks with except, named ports, endPort,
 * SCTP/UDP, policyTypes variants, empty rules, Services, an Ingress) plus admin policies
 * (random-admin.ts: ANPs with Pass and distinct priorities, a BANP, named ports, networks) and
 * sometimes an OpenShift Route. Pull requests: random-pr.ts, with admin policies on both sides.
 *
 * Every disagreement is either explained by one of ALLOWED (netpol-analyzer-allowed.ts: a
 * difference where we follow Kubernetes and netpol-analyzer does not, or a documented design choice
 * of ours), or kept in
 * HUNT_OUT as `<id>/{all.yaml | old/, new/}` with `diff.txt` (both outputs and the differing pairs),
 * and fails the hunt. Knobs: HUNT_SEEDS (default 1,2), HUNT_RUNS (configurations per seed, default
 * 100), HUNT_PR_RUNS (pull requests per seed, default 50), HUNT_SIZE (small | large),
 * HUNT_ADMIN_MAX (ANPs per configuration, default 3), HUNT_MINIMIZE=0 (no minimal case).
 */
const SEEDS = (process.env.HUNT_SEEDS ?? '1,2').split(',').map(Number);
const RUNS = Number(process.env.HUNT_RUNS ?? 100);
const PR_RUNS = Number(process.env.HUNT_PR_RUNS ?? 50);
const SIZE = WIDE_SIZES[(process.env.HUNT_SIZE ?? 'small') as 'small' | 'large'];
/** HUNT_ADMIN_MAX: AdminNetworkPolicies per configuration, at most (default 3; more stresses priority order and Pass). */
const ADMIN_MAX = Number(process.env.HUNT_ADMIN_MAX ?? 3);
/** HUNT_MINIMIZE=0: keep the whole configuration only (minimizing costs two runs per object). */
const MINIMIZE = process.env.HUNT_MINIMIZE !== '0';
const OUT = process.env.HUNT_OUT ?? mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-napeer-hunt-'));

/** Objects whose namespace is `default` written without one, as many charts do (both tools read them into `default`). */
const withoutDefaultNamespace = (docs: readonly Doc[]): Doc[] =>
  docs.map((d) => {
    const meta = d.metadata as { namespace?: string } | undefined;
    if (meta?.namespace !== 'default') return d;
    const { namespace: _default, ...rest } = meta;
    return { ...d, metadata: rest };
  });

const configuration: fc.Arbitrary<Doc[]> = fc
  .record({
    docs: wideConfiguration(SIZE),
    admin: fc.oneof({ weight: 1, arbitrary: fc.constant<Doc[]>([]) }, { weight: 2, arbitrary: adminPolicies(ADMIN_MAX) }),
    route: fc.boolean(),
    implicitDefault: fc.boolean(),
  })
  .map(({ docs, admin, route, implicitDefault }) => {
    const all = route ? withRoute([...docs, ...admin]) : [...docs, ...admin];
    return implicitDefault ? withoutDefaultNamespace(all) : all;
  });

/** Kinds random-pr.ts edits (it reads every other object as a workload): the rest is set aside and put back. */
const PR_KINDS = new Set(['Namespace', 'NetworkPolicy', 'Service', 'Ingress', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

/**
 * Pull requests: half on random-pr.ts's own base (randomConfiguration, Services, an Ingress), half
 * on a wide configuration; one to three of its edits, and maybe an edit of the admin policies.
 */
const pullRequest = fc
  .record({
    pr: randomPullRequest,
    wide: fc.option(configuration, { nil: undefined }),
    admin: fc.oneof({ weight: 1, arbitrary: fc.constant<Doc[]>([]) }, { weight: 1, arbitrary: adminPolicies(2) }),
    edit: fc.option(adminEdit, { nil: undefined }),
  })
  .map(({ pr, wide, admin, edit }) => {
    const all = wide ?? [...pr.base, ...admin];
    const known = all.filter((d) => PR_KINDS.has(d.kind as string));
    const aside = all.filter((d) => !PR_KINDS.has(d.kind as string));
    const head = [...applyMutations(known, pr.mutations).head, ...(edit ? applyAdminEdit(aside, edit) : aside)];
    return { base: all, head, mutations: [...pr.mutations.map((m) => m.kind), ...(edit ? [edit.kind] : [])] };
  });

/** The corners a configuration reaches, by what its YAML says: counted, so a summary shows the hunt reached them. */
const CORNERS: Record<string, RegExp> = {
  AdminNetworkPolicy: /kind: AdminNetworkPolicy\n/,
  'ANP Pass': /action: Pass/,
  BaselineAdminNetworkPolicy: /kind: BaselineAdminNetworkPolicy\n/,
  'admin namedPort': /namedPort:/,
  'admin networks': /networks:/,
  Route: /kind: Route\n/,
  Ingress: /kind: Ingress\n/,
  'ipBlock except': /except:/,
  endPort: /endPort:/,
  SCTP: /protocol: SCTP/,
  'matchExpressions': /matchExpressions:/,
  'policyTypes: []': /policyTypes: \[\]/,
  'named port in a policy': /port: [a-z]/,
  sidecar: /restartPolicy: Always/,
};
const reached = new Map<string, number>();
const CLUSTER_SCOPED = new Set(['Namespace', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);
const countCorners = (docs: readonly Doc[]) => {
  const yaml = toYaml(docs);
  const hit = (name: string) => reached.set(name, (reached.get(name) ?? 0) + 1);
  for (const [name, re] of Object.entries(CORNERS)) if (re.test(yaml)) hit(name);
  if (docs.some((d) => !CLUSTER_SCOPED.has(d.kind as string) && (d.metadata as { namespace?: string }).namespace === undefined)) hit('objects without a namespace');
};

/** Drops whole objects, one at a time, for as long as `differs` holds; repeats until nothing more goes. */
function minimize(docs: readonly Doc[], differs: (docs: readonly Doc[]) => boolean): Doc[] {
  let current = [...docs];
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = current.length - 1; i >= 0; i--) {
      const fewer = current.filter((_, j) => j !== i);
      if (differs(fewer)) {
        current = fewer;
        changed = true;
      }
    }
  }
  return current;
}

interface Finding {
  readonly id: string;
  readonly kind: string;
  readonly lines: string[];
}

/** Splits differing lines into the allowed ones (counted by name) and the rest. */
function classify(lines: string[], ctx: AllowedContext, allowedCounts: Map<string, number>): string[] {
  return lines.filter((l) => {
    const a = ALLOWED.find((x) => x.test(l, ctx));
    if (a) allowedCounts.set(a.name, (allowedCounts.get(a.name) ?? 0) + 1);
    return !a;
  });
}

const failure = (who: string, r: ToolRun) => `${who} failed: ${r.stderr.slice(-1500)}`;

describe('netpol-analyzer hunt', () => {
  it(`${RUNS} configurations and ${PR_RUNS} pull requests per seed, seeds ${SEEDS.join(',')}: ours equals netpol-analyzer v1.4.2 but for ALLOWED`, () => {
    const bin = findNetpolAnalyzer();
    if (!bin) throw new Error('netpol-analyzer binary not found: set NETPOL_ANALYZER_PATH');
    const theirs = netpolAnalyzer(bin);
    const work = mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-napeer-work-'));
    const found: Finding[] = [];
    const allowedCounts = new Map<string, number>();
    let configs = 0;
    let prs = 0;
    let pairs = 0;
    const started = Date.now();
    const keep = (f: Finding, files: Record<string, readonly Doc[]>, outputs: string) => {
      const dir = path.join(OUT, f.id);
      for (const [name, docs] of Object.entries(files)) writeConfig(path.join(dir, name), docs);
      writeFileSync(path.join(dir, 'diff.txt'), `${f.kind}\n${f.lines.join('\n')}\n\n${outputs}\n`);
      found.push(f);
    };
    try {
      for (const seed of SEEDS) {
        fc.sample(configuration, { seed, numRuns: RUNS }).forEach((docs, i) => {
          configs++;
          countCorners(docs);
          const id = `seed${seed}-config${i}`;
          const dir = path.join(work, 'config');
          const form = napeerForm(docs);
          writeConfig(dir, form);
          const [a, b] = [ours.connectivity(dir), theirs.connectivity(dir)];
          if (a.ok && JSON.stringify(form) !== JSON.stringify(docs)) {
            // the rewrite keeps the meaning: ours must answer the same on the original
            writeConfig(path.join(work, 'original'), docs);
            const o = ours.connectivity(path.join(work, 'original'));
            const self = o.ok ? connectivityDifferences(o.stdout, a.stdout) : [failure('ours on the original', o)];
            if (self.length > 0) return keep({ id, kind: 'ours answers differently on the netpol-analyzer form (original | form)', lines: self }, { '.': docs, form }, '');
          }
          if (!a.ok || !b.ok) return keep({ id, kind: 'a tool failed', lines: [!a.ok ? failure('ours', a) : '', !b.ok ? failure('netpol-analyzer', b) : ''].filter(Boolean) }, { '.': form }, '');
          pairs += a.stdout.split('\n').filter(Boolean).length;
          const rest = classify(connectivityDifferences(a.stdout, b.stdout), { docs: form, dir, bin }, allowedCounts);
          if (rest.length === 0) return;
          // the smallest sub-configuration (whole objects dropped one at a time) that still differs unexplained
          const differs = (ds: readonly Doc[]) => {
            writeConfig(dir, ds);
            const [x, y] = [ours.connectivity(dir), theirs.connectivity(dir)];
            return x.ok && y.ok && classify(connectivityDifferences(x.stdout, y.stdout), { docs: ds, dir, bin }, new Map()).length > 0;
          };
          const min = MINIMIZE ? minimize(form, differs) : form;
          writeConfig(dir, min);
          const [ma, mb] = [ours.connectivity(dir), theirs.connectivity(dir)];
          keep({ id, kind: 'connectivity differs (ours | netpol-analyzer)', lines: rest }, { '.': form, min }, `--- minimal case: min/all.yaml\n${connectivityDifferences(ma.stdout, mb.stdout).join('\n')}\n--- ours\n${a.stdout}\n--- netpol-analyzer\n${b.stdout}`);
        });
        fc.sample(pullRequest, { seed, numRuns: PR_RUNS }).forEach(({ base, head, mutations }, i) => {
          prs++;
          countCorners([...base, ...head]);
          const id = `seed${seed}-pr${i}`;
          const [oldDir, newDir] = [path.join(work, 'old'), path.join(work, 'new')];
          writeConfig(oldDir, napeerForm(base));
          writeConfig(newDir, napeerForm(head));
          const [a, b] = [ours.diff(oldDir, newDir), theirs.diff(oldDir, newDir)];
          if (!a.ok || !b.ok) return keep({ id, kind: 'a tool failed', lines: [!a.ok ? failure('ours', a) : '', !b.ok ? failure('netpol-analyzer', b) : ''].filter(Boolean) }, { old: base, new: head }, '');
          // a connection that differs before (ref1) or after (ref2) is judged as a connectivity line of that side
          const sides = { ref1: { docs: napeerForm(base), dir: oldDir, bin }, ref2: { docs: napeerForm(head), dir: newDir, bin } };
          const lines = diffDifferences(a.stdout, b.stdout);
          const pairOf = (l: string) => / ?(\S+ => \S+) : /.exec(l)?.[1] ?? l;
          const explained = new Set<string>();
          const unexplained = new Set<string>();
          for (const l of lines) {
            const side = /^(ref1|ref2) (.*)$/.exec(l);
            if (side) (classify([side[2] as string], sides[side[1] as 'ref1' | 'ref2'], allowedCounts).length > 0 ? unexplained : explained).add(pairOf(l));
          }
          // a pair's diff type and workload info follow from its connections: explained when every differing side of the pair is
          const rest = lines.filter((l) => (l.startsWith('kind ') ? !explained.has(pairOf(l)) || unexplained.has(pairOf(l)) : unexplained.has(pairOf(l))));
          if (rest.length > 0) keep({ id, kind: `diff differs (ours | netpol-analyzer) after ${mutations.join(', ')}`, lines: rest }, { old: base, new: head }, `--- ours\n${a.stdout}\n--- netpol-analyzer\n${b.stdout}`);
        });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `netpol-analyzer hunt: ${configs} configurations (${pairs} pairs), ${prs} pull requests, ${seconds}s; ` +
        `allowed differences: ${[...allowedCounts].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}; ` +
        `${found.length} unexplained (kept in ${OUT})\nconfigurations and pull requests reaching: ${[...reached].map(([k, n]) => `${k} ${n}`).join(', ')}\n${found.map((f) => `${f.id}: ${f.kind} (${f.lines.length}) e.g. ${f.lines[0] ?? ''}`).join('\n')}`,
    );
    expect(configs + prs).toBeGreaterThan(0);
    // every configuration lists pairs (its workloads reach the outside at least): a run of empty listings compared nothing
    if (configs > 0) expect(pairs).toBeGreaterThan(configs);
    expect(found.map((f) => f.id)).toEqual([]);
  });
});
