import { Codes, diag, uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ipBlocksOf } from '../connectivity/address-text.js';
import { CauseFinder, causeId } from '../connectivity/causes.js';
import { pairMovedWorkloads } from '../connectivity/diff-moves.js';
import { diffConnectivity, type ConnectivityDiffEntry } from '../connectivity/diff.js';
import { explainDiff } from '../connectivity/explain.js';
import { linkKey, newlyUnmet, unmetLinks, type UnmetLink } from '../connectivity/needs.js';
import type { Io } from '../io/types.js';
import type { Link, Topology, Unresolved } from '../topology/links.js';
import { compareStrings } from '../manifests/cluster.js';
import type { ConnectionSet } from '../model/connection-set.js';
import { peerKey, workloadKey } from '../model/peer.js';
import { compareDeclaredObserved, mergeLinks } from '../topology/merge.js';
import type { ReadSettings } from './settings.js';
import { readTraffic, readTrafficContext, unresolvedWarnings, type TrafficRequest } from './traffic.js';
import { Attributor } from './check/attribution.js';
import { isOutsideSource, itemsOf, mergeSelectors } from './check/items.js';
import { newLintFindings, widenedExposure } from './check/sanity.js';
import { checkCache, checkCacheKey, readCheck, writeCheck } from './check/cache.js';
import { loadSides, readSides, type LoadedSide, type ReadSides } from './check/sides.js';
import type { AttributedCause, BrokenLink, CheckOutcome, CheckRequest, FileInfo, Gap } from './check/types.js';
import { renderedSource } from '../manifests/rendered-name.js';
import { DEFAULT_SYNTHESIS_OPTIONS } from '../synthesis/synthesize.js';
import { unmetDnsNeeds, type DnsBasis } from './check/dns.js';

export type * from './check/types.js';

/** The gaps of one side; the one place the gaps section is fed from (a richer gap model replaces this function). */
export function gapsOf(head: Topology, base: Topology): Gap[] {
  const key = (u: Unresolved) => `${workloadKey(u.workload)}\u0000${u.value}\u0000${u.reason}`;
  const before = new Set(base.unresolved.map(key));
  return head.unresolved
    .map((u) => ({ workload: workloadKey(u.workload), value: u.value, at: u.at, reason: u.reason, detail: u.detail, ...(u.traced ? { values: u.traced } : {}), introduced: !before.has(key(u)) }))
    .sort((a, b) => compareStrings(`${a.workload}\u0000${a.value}`, `${b.workload}\u0000${b.value}`));
}

/**
 * The trace resolved against each side's objects (streamed twice: a trace may be larger than
 * memory; the snapshot and aliases are read once). Head's read gives the diagnostics; an observation that resolves to nothing on head
 * cannot be judged: a warning, never dropped silently.
 */
function observedLinks(io: Io, base: LoadedSide, head: LoadedSide, request: TrafficRequest, settings: ReadSettings): { head: readonly Link[]; base: readonly Link[]; diagnostics: Diagnostic[] } {
  const context = readTrafficContext(io, request, settings);
  const onHead = readTraffic(io, head.cluster, request, settings, context);
  const onBase = readTraffic(io, base.cluster, request, settings, context);
  return { head: onHead.value.links, base: onBase.value.links, diagnostics: [...context.diagnostics, ...onHead.diagnostics, ...unresolvedWarnings(onHead.value.unresolved)] };
}

export interface CheckOptions {
  /** Observed traffic, read against head: compared with head's declared links. */
  readonly traffic?: TrafficRequest;
  /** Policy sanity: head's lint findings that base does not have. */
  readonly lint?: boolean;
  /** The workloads whose exposure to peers outside the manifests the PR widened. */
  readonly exposure?: boolean;
  /** Where the cluster DNS runs (default: `synthesize`'s, kube-dns in kube-system on 53): the DNS needs the PR breaks are judged against it. */
  readonly dns?: DnsBasis;
}

/** `synthesize`'s DNS: `k8s-app=kube-dns` pods in `kube-system`, on port 53. */
const DEFAULT_DNS: DnsBasis = { namespace: DEFAULT_SYNTHESIS_OPTIONS.dns.namespace, podLabels: DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels, port: DEFAULT_SYNTHESIS_OPTIONS.dnsPort };

/**
 * The whole PR check on base and head: render, scan, connectivity, the semantic diff with
 * explanations grouped by cause, the needed links head's policies no longer allow, gaps, (with
 * traffic) head's declared links against the observed ones, and, when asked, new lint findings and
 * widened exposure (each costs engine work on both sides, so it runs only when asked).
 */
export function runCheck(io: Io, request: CheckRequest, settings: ReadSettings, options: CheckOptions = {}): CheckOutcome {
  const sides = readSides(io, request, settings);
  try {
    const commits = sides.commits;
    // observed traffic is read from files outside the sides: such a check is not kept (see check/cache.ts)
    const cache = options.traffic ? undefined : checkCache(io, settings);
    const key = cache ? checkCacheKey(request, sides, settings, options) : undefined;
    if (cache && key) {
      const kept = readCheck(cache, key);
      if (kept) {
        // the fields in the order a fresh outcome has them (the JSON report follows it)
        const { refs, ...rest } = kept;
        return { refs, ...(commits ? { commits } : {}), ...rest };
      }
    }
    const outcome = computeCheck(io, sides, settings, options);
    if (cache && key) writeCheck(cache, key, outcome);
    return outcome;
  } finally {
    // the exported trees of refs (loadSides removes them as soon as both sides are parsed)
    sides.dispose();
  }
}

function computeCheck(io: Io, sides: ReadSides, settings: ReadSettings, options: CheckOptions): CheckOutcome {
  const { changed, commits } = sides;
  const { base, head } = loadSides(io, sides, settings);
  const files = new Map<string, FileInfo>();
  for (const [sideName, side] of [
    ['base', base],
    ['head', head],
  ] as const) {
    const charts = side.values.map((v) => ({ shown: v.chart, rel: side.rel(v.chart) ?? v.chart }));
    for (const d of side.documents) {
      const rel = side.rel(d);
      if (rel === undefined) continue;
      const chart = charts.find((c) => d.startsWith(`${c.shown}/`));
      // a rendered file is named after its template (`chart/templates/x.yaml [rendered]`), an overlay's output `overlay/kustomization [rendered]`
      if (chart) files.set(d, { side: sideName, path: renderedSource(rel).file, chart: chart.rel === '.' ? '' : chart.rel });
      else if (rel.endsWith('/kustomization [rendered]') || rel === 'kustomization [rendered]') {
        const overlay = rel === 'kustomization [rendered]' ? '' : rel.slice(0, -'/kustomization [rendered]'.length);
        files.set(d, { side: sideName, path: overlay || '.', overlay });
      } else files.set(d, { side: sideName, path: rel });
    }
    // a values file is cited at its line (a gap or a broken link whose address the values wrote), as a plain file of the side
    for (const v of side.values) for (const f of v.files) if (!files.has(f.path)) files.set(f.path, { side: sideName, path: side.rel(f.path) ?? f.path });
    // a rendered object is cited in the file it came from (a template, a base file, a patch): that file carries its chart or overlay
    for (const [source, rendered] of side.sources) {
      const info = files.get(rendered);
      if (info && !files.has(source)) files.set(source, { ...info, path: side.rel(source) ?? source });
    }
  }

  const before = base.connectivity;
  const after = head.connectivity;
  const diff = diffConnectivity(before, after, pairMovedWorkloads(base.engine.cluster.workloads, head.engine.cluster.workloads));
  const explanations = explainDiff(base.engine, head.engine, diff);
  const finder = new CauseFinder(base.engine, head.engine);
  const attributor = new Attributor(changed, files, base, head);

  const groupsById = new Map<string, { causes: AttributedCause[]; entries: number[] }>();
  diff.entries.forEach((e, i) => {
    const causes: AttributedCause[] = finder.causesOf(e, explanations[i]).map((cause) => ({ cause, files: attributor.filesOf(cause.at) }));
    const id = causes.map((c) => causeId(c.cause)).join('\n');
    const g = groupsById.get(id);
    if (g) {
      g.entries.push(i);
      g.causes = g.causes.map((c, k) => ({ ...c, cause: mergeSelectors(c.cause, (causes[k] as AttributedCause).cause) }));
    } else groupsById.set(id, { causes, entries: [i] });
  });
  const blocks = ipBlocksOf([...head.engine.policies, ...base.engine.policies]);
  const toItems = (entries: readonly number[]) => itemsOf(diff, explanations, entries, finder.policies, blocks);
  // groups by size (the biggest change first), then by cause identity for a stable order
  const groups = [...groupsById.entries()]
    .sort(([ia, a], [ib, b]) => b.entries.length - a.entries.length || compareStrings(ia, ib))
    .map(([, g]) => ({ causes: g.causes, items: toItems(g.entries) }));
  const outside = groups.flatMap((g) => g.items.filter((it) => isOutsideSource(diff.entries[it.entries[0] as number] as ConnectivityDiffEntry) && !it.gained.isEmpty));

  // the trace is of the running app, which the PR's head is to become: its links are needs of
  // head like the declared ones (a PR whose policies block observed traffic breaks it), and of
  // base as they resolve there, so that a link base already blocked is not the PR's doing
  const observed = options.traffic ? observedLinks(io, base, head, options.traffic, settings) : undefined;
  const unmetHead = unmetLinks(observed ? mergeLinks(head.topology.links, observed.head) : head.topology.links, after);
  const unmetBase = unmetLinks(observed ? mergeLinks(base.topology.links, observed.base) : base.topology.links, before);
  const { broken: newlyBroken, already } = newlyUnmet(unmetHead.unmet, unmetBase.unmet);
  // DNS needs as `verify` judges them: head's blocked ones, and whether base blocked them already (base is asked about those only)
  const dnsBasis = options.dns ?? DEFAULT_DNS;
  const dnsHead = unmetDnsNeeds(head, dnsBasis, settings);
  const dnsBase = dnsHead.length > 0 ? unmetDnsNeeds(base, dnsBasis, settings, new Set(dnsHead.flatMap((u) => (u.link.src.kind === 'workload' ? [workloadKey(u.link.src.ref)] : [])))) : [];
  const dnsSplit = newlyUnmet(dnsHead, dnsBase);
  const dnsKind = new Map(dnsHead.map((u) => [linkKey(u.link), u.dns]));
  const marked = (list: readonly UnmetLink[]) => list.map((u) => ({ ...u, dns: dnsKind.get(linkKey(u.link)) as 'named' | 'egress' }));
  const byLink = <T extends UnmetLink>(list: T[]) => list.sort((a, b) => compareStrings(linkKey(a.link), linkKey(b.link)));
  const broken = byLink([...withBaseNeeds(newlyBroken, observed ? mergeLinks(base.topology.links, observed.base) : base.topology.links), ...marked(dnsSplit.broken)]);
  const alreadyUnmet = byLink([...already, ...marked(dnsSplit.already)]);
  const notJudged = unmetHead.unjudged.map((l) => {
    const ev = l.evidence.find((e) => e.kind === 'address' || e.kind === 'exposure' || e.kind === 'intent');
    return diag(Codes.linkNotJudged, 'info', `the link ${peerKey(l.src)} => ${peerKey(l.dst)} (${l.conns.toString()}) goes through a Gateway proxy, which the policy engine does not model; not checked`, ev && 'at' in ev ? ev.at : undefined);
  });

  // the declared-against-observed sections compare with head only
  const traffic: CheckOutcome['traffic'] = observed ? compareDeclaredObserved(head.topology.links, observed.head) : undefined;
  const trafficDiagnostics: readonly Diagnostic[] = observed?.diagnostics ?? [];

  return {
    refs: { base: base.label, head: head.label },
    ...(commits ? { commits } : {}),
    changedFiles: changed,
    diff,
    explanations,
    groups,
    outside,
    broken,
    alreadyUnmet,
    unjudged: unmetHead.unjudged,
    gaps: gapsOf(head.topology, base.topology),
    ...(traffic ? { traffic } : {}),
    ...(options.lint ? { lint: newLintFindings(base, head) } : {}),
    ...(options.exposure ? { exposure: widenedExposure(base, head, settings, blocks) } : {}),
    files,
    diagnostics: uniqueDiagnostics([...base.diagnostics, ...head.diagnostics, ...notJudged, ...trafficDiagnostics]),
    headDiagnostics: uniqueDiagnostics([...head.diagnostics, ...notJudged, ...trafficDiagnostics]),
  };
}

/**
 * Each broken link with what base needed of the same pair, when the PR changed the need itself
 * (a port moved in a Deployment or a chart's values while the policy kept the old number): the
 * report can then say why a link breaks that no policy change explains.
 */
function withBaseNeeds(broken: readonly UnmetLink[], baseLinks: readonly Link[]): BrokenLink[] {
  // a pair may be needed by several links (addresses, exposure, a trace): their union is the need
  const needed = new Map<string, ConnectionSet>();
  for (const l of baseLinks) needed.set(linkKey(l), needed.get(linkKey(l))?.union(l.conns) ?? l.conns);
  return broken.map((u) => {
    const before = needed.get(linkKey(u.link));
    return before && !before.equals(u.link.conns) ? { ...u, baseNeeded: before } : u;
  });
}
