import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { PolicyEngine, type Connection } from '../../connectivity/engine.js';
import type { ChartValues } from '../../io/types.js';
import { ParseCache, type ManifestFile } from '../../manifests/documents.js';
import { loadManifests } from '../../manifests/load.js';
import type { IpFamily, IpRange } from '../../model/ip.js';
import type { ConnectionSet } from '../../model/connection-set.js';
import { peerKey, type Peer } from '../../model/peer.js';
import { scanTopology } from '../../topology/scan.js';
import type { Evidence, Link, Topology, Unresolved } from '../../topology/links.js';
import { decodeResult, encodeResult, Unstorable } from '../result-codec.js';
import { engineOptions, type ReadSettings } from '../settings.js';

// The PR check's base side on a second thread (the bundle's dist/check-base-worker.mjs).
//
// The check needs from base: its connections (for the diff), its links and gaps (which needed
// links were already unmet, which gaps are new), and its diagnostics; and, for the explanations
// and causes of the few changed pairs, its objects and policy engine. The objects and the engine
// are large graphs that cost more to hand between threads than to build, so the main thread still
// loads base and builds its engine while this thread does the same; what this thread saves the
// main thread is base's enumeration of every pair and its scan, half of a side's work. What
// comes back is small: the connections with their peers and connection sets listed once each,
// the links, gaps and the engine's and scan's diagnostics, as JSON text (result-codec).

/** What the thread is given: base's files as read (charts and overlays rendered on the main thread) and the settings that shape the analysis. */
export interface BaseThreadInput {
  readonly files: readonly ManifestFile[];
  readonly values: readonly ChartValues[];
  readonly namespace?: string;
  readonly ipFamilies: readonly IpFamily[];
  readonly podCidrs?: readonly IpRange[];
  readonly serviceCidrs?: readonly IpRange[];
  readonly ingressController?: ReadSettings['ingressController'];
}

/** What the check takes from the thread: exactly what the main thread would compute from its own copy of base. */
export interface BaseAnalysis {
  readonly connections: readonly Connection[];
  readonly topology: Topology;
  /** The engine's diagnostics once every pair was enumerated, then the scan's (the order loadSide lists them in). */
  readonly engineDiagnostics: readonly Diagnostic[];
  readonly scanDiagnostics: readonly Diagnostic[];
}

export function baseThreadInput(files: readonly ManifestFile[], values: readonly ChartValues[], settings: ReadSettings): BaseThreadInput {
  return {
    // a rendered file's origins travel with it: base's positions are cited in the same files as head's
    files: files.map((f) => ({ path: f.path, text: f.text, ...(f.origins ? { origins: f.origins } : {}) })),
    values: values.map((v) => ({ chart: v.chart, files: v.files.map((f) => ({ path: f.path, text: f.text })) })),
    ...(settings.namespace !== undefined ? { namespace: settings.namespace } : {}),
    ipFamilies: settings.ipFamilies,
    ...(settings.podCidrs ? { podCidrs: settings.podCidrs } : {}),
    ...(settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {}),
    ...(settings.ingressController ? { ingressController: settings.ingressController } : {}),
  };
}

/**
 * Base's connections, links and gaps from its files, as sides.ts computes them on the main thread
 * (same loading, engine options and scan options: base's address evidence has no lines).
 */
export function analyzeBase(input: BaseThreadInput): BaseAnalysis {
  const load = loadManifests(input.files, new ParseCache(), input.namespace ? { defaultNamespace: input.namespace } : {});
  const engine = new PolicyEngine(load.cluster, engineOptions(input));
  const scan = scanTopology(load.cluster, { values: input.values, evidenceLines: false, ...(input.serviceCidrs ? { serviceCidrs: input.serviceCidrs } : {}) });
  const connections = engine.connectivity().connections;
  return { connections, topology: scan.value, engineDiagnostics: engine.diagnostics, scanDiagnostics: scan.diagnostics };
}

/**
 * A part of the hand-over: as itself when JSON carries it faithfully (plain objects and arrays,
 * strings, finite numbers, booleans, null: most of it, which JSON.parse then builds directly), else
 * in result-codec's tagged form (connection sets, bigints, undefined fields), decoded on arrival.
 */
type Part = { readonly raw: unknown } | { readonly tagged: unknown };

function isPlainJson(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0);
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!(i in v) || !isPlainJson(v[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype) return false;
      for (const k in v) if (k.startsWith('\u0000') || k === '__proto__' || !isPlainJson((v as Record<string, unknown>)[k])) return false;
      return true;
    }
    default:
      return false;
  }
}

const part = (v: unknown): Part => (isPlainJson(v) ? { raw: v } : { tagged: encodeResult(v) });
const unpart = (p: Part): unknown => ('raw' in p ? p.raw : decodeResult(p.tagged));

/**
 * The hand-over form: peers and connection sets listed once each (in result-codec's form), the
 * connections and links as indexes into them, everything else as parts.
 */
interface Wire {
  readonly peers: unknown;
  readonly conns: unknown;
  /** [src, dst, conns] indexes, three per connection. */
  readonly connections: readonly number[];
  /** [src, dst, conns] indexes, three per link; their evidence lists in `evidence`. */
  readonly links: readonly number[];
  readonly evidence: Part;
  readonly unresolved: Part;
  readonly engineDiagnostics: Part;
  readonly scanDiagnostics: Part;
}

export function encodeBaseAnalysis(a: BaseAnalysis): string {
  const peers: Peer[] = [];
  const peerIndex = new Map<string, number>();
  const conns: ConnectionSet[] = [];
  const connsIndex = new Map<string, number>();
  const peerAt = (p: Peer) => {
    const key = peerKey(p);
    let i = peerIndex.get(key);
    if (i === undefined) {
      i = peers.push(p) - 1;
      peerIndex.set(key, i);
    }
    return i;
  };
  const connsAt = (c: ConnectionSet) => {
    let i = connsIndex.get(c.key);
    if (i === undefined) {
      i = conns.push(c) - 1;
      connsIndex.set(c.key, i);
    }
    return i;
  };
  const triples = (list: readonly { src: Peer; dst: Peer; conns: ConnectionSet }[]) => list.flatMap((c) => [peerAt(c.src), peerAt(c.dst), connsAt(c.conns)]);
  const wire: Wire = {
    connections: triples(a.connections),
    links: triples(a.topology.links),
    peers: encodeResult(peers),
    conns: encodeResult(conns),
    evidence: part(a.topology.links.map((l) => l.evidence)),
    unresolved: part(a.topology.unresolved),
    engineDiagnostics: part(a.engineDiagnostics),
    scanDiagnostics: part(a.scanDiagnostics),
  };
  return JSON.stringify(wire);
}

/** The analysis back from its hand-over form; undefined for text the thread cannot have written (then base is analysed here). */
export function decodeBaseAnalysis(text: string): BaseAnalysis | undefined {
  try {
    return decodeWire(JSON.parse(text) as Wire);
  } catch (e) {
    if (e instanceof Unstorable || e instanceof SyntaxError || e instanceof TypeError) return undefined;
    throw e;
  }
}

function decodeWire(wire: Wire): BaseAnalysis {
  const peers = decodeResult(wire.peers) as Peer[];
  const conns = decodeResult(wire.conns) as ConnectionSet[];
  const peer = (i: number | undefined) => {
    const p = peers[i as number];
    if (!p) throw new Unstorable('peer index');
    return p;
  };
  const connsOf = (i: number | undefined) => {
    const c = conns[i as number];
    if (!c) throw new Unstorable('connection set index');
    return c;
  };
  const connections: Connection[] = [];
  const t = wire.connections;
  for (let i = 0; i < t.length; i += 3) connections.push({ src: peer(t[i]), dst: peer(t[i + 1]), conns: connsOf(t[i + 2]) });
  const evidence = unpart(wire.evidence) as Evidence[][];
  const links: Link[] = [];
  const l = wire.links;
  if (evidence.length * 3 !== l.length) throw new Unstorable('links');
  for (let i = 0; i < l.length; i += 3) links.push({ src: peer(l[i]), dst: peer(l[i + 1]), conns: connsOf(l[i + 2]), evidence: evidence[i / 3] as Evidence[] });
  return {
    connections,
    topology: { links, unresolved: unpart(wire.unresolved) as Unresolved[] },
    engineDiagnostics: unpart(wire.engineDiagnostics) as Diagnostic[],
    scanDiagnostics: unpart(wire.scanDiagnostics) as Diagnostic[],
  };
}
