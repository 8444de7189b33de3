import { createHash, type Hash } from 'node:crypto';
import type { Connection, Connectivity } from '../../connectivity/engine.js';
import { ConnectionSet } from '../../model/connection-set.js';
import type { Peer } from '../../model/peer.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Topology } from '../../topology/links.js';
import type { Io } from '../../io/types.js';
import type { ResultCache } from '../../io/result-cache.js';
import { decodeResult, encodeResult, Unstorable } from '../result-codec.js';
import type { ReadSettings } from '../settings.js';
import type { ReadSide, ReadSides } from './sides.js';
import type { CheckOutcome, CheckRequest } from './types.js';

// The whole check kept across runs in --cache-dir. A PR is checked on every push and every re-run,
// and most pushes (code, docs, tests) leave the compared manifests as they were: the check then
// has the same inputs and the same answer. The key is a hash of every input of the answer:
//   - both sides' files as read, after Helm and Kustomize rendering (path and bytes), the values
//     files of the charts, and the reading diagnostics;
//   - the request (labels and paths shown), the files the PR changed (attribution names them);
//   - every setting that changes what is computed (namespace, address families, cluster ranges,
//     file size limit, rendering flags) and the options (lint, exposure);
//   - the format of this entry; the io layer adds the identity of the running code.
// The value carries a digest of its own text, so a corrupt entry is a miss, never an answer.
//
// One side's evaluated connectivity and scan are kept too (kind `check-side`), keyed by that
// side's files and the settings alone: the base of a pull request does not change between pushes,
// so a push that changes head evaluates and scans base from the folder. Base is still parsed and
// its engine built (explanations and causes of the changed pairs need its rules), but not
// enumerated or scanned.

/** Bumped when what is stored changes shape. */
const KIND = 'check';
const FORMAT = 'check-outcome/1';
const SIDE_KIND = 'check-side';
const SIDE_FORMAT = 'check-side/3';

export interface CheckCacheOptions {
  readonly lint?: boolean;
  readonly exposure?: boolean;
}

/** Length-prefixed fields (in UTF-16 units: UTF-8 decodes one way, so the stream still tells the fields apart), so that no two different inputs hash the same stream. */
function field(hash: Hash, text: string): void {
  hash.update(`${text.length}:`);
  hash.update(text);
}

function hashSide(hash: Hash, side: ReadSide): void {
  field(hash, side.label);
  field(hash, side.shape);
  field(hash, `files ${side.read.files.length}`);
  for (const f of side.read.files) {
    field(hash, f.path);
    field(hash, f.text);
  }
  field(hash, `values ${side.read.values.length}`);
  for (const v of side.read.values) {
    field(hash, v.chart);
    field(hash, `${v.files.length}`);
    for (const f of v.files) {
      field(hash, f.path);
      field(hash, f.text);
    }
  }
  field(hash, JSON.stringify(side.read.diagnostics));
}

/** The settings that change the answer (not the cache folder, progress or time limits). */
function settingsForm(settings: ReadSettings): string {
  const r = settings.render;
  return JSON.stringify(
    encodeResult({
      maxFileBytes: settings.maxFileBytes,
      namespace: settings.namespace,
      ipFamilies: settings.ipFamilies,
      podCidrs: settings.podCidrs ?? [],
      serviceCidrs: settings.serviceCidrs ?? [],
      render: {
        helmValues: r.helmValues,
        helmSet: r.helmSet,
        helmReleaseName: r.helmReleaseName,
        helmNamespace: r.helmNamespace,
        charts: [...r.charts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        kustomizeFlags: r.kustomizeFlags,
        maxOutputBytes: r.maxOutputBytes,
      },
    }),
  );
}

export function checkCacheKey(request: CheckRequest, sides: ReadSides, settings: ReadSettings, options: CheckCacheOptions): string {
  const hash = createHash('sha256');
  field(hash, FORMAT);
  field(hash, JSON.stringify(request));
  field(hash, JSON.stringify({ lint: options.lint === true, exposure: options.exposure === true }));
  field(hash, settingsForm(settings));
  hashSide(hash, sides.base);
  hashSide(hash, sides.head);
  field(hash, JSON.stringify(sides.changed));
  return hash.digest('hex');
}

/** The key of base's results: its files as read and the settings (never the other side or the request). */
export function sideCacheKey(side: ReadSide, settings: ReadSettings): string {
  const hash = createHash('sha256');
  field(hash, SIDE_FORMAT);
  // what is stored is base's: its scan keeps no evidence lines
  field(hash, 'base: evidence without lines');
  field(hash, settingsForm(settings));
  hashSide(hash, side);
  return hash.digest('hex');
}

/** What is stored: the outcome without the commit ids (pushes with the same manifests share an entry; the ids are the run's own). */
type Stored = Omit<CheckOutcome, 'commits'>;

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** The check results folder of a run, when there is one (`--cache-dir`) and the Io keeps results. */
export function checkCache(io: Io, settings: ReadSettings): ResultCache | undefined {
  const dir = settings.render.cacheDir;
  return dir && io.resultCache ? io.resultCache(dir) : undefined;
}

/** A stored value, decoded; undefined when absent, corrupt (digest), foreign (format) or not of the expected shape. */
function readEntry(cache: ResultCache, kind: string, format: string, key: string, shaped: (v: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
  const entry = cache.get(kind, key) as { format?: unknown; digest?: unknown; body?: unknown } | undefined;
  if (!entry || typeof entry !== 'object' || entry.format !== format || typeof entry.body !== 'string' || entry.digest !== digestOf(entry.body)) return undefined;
  try {
    const value = decodeResult(JSON.parse(entry.body)) as Record<string, unknown> | null;
    // the digest already vouches for the text; this guards against a future writer of another shape
    return value && typeof value === 'object' && shaped(value) ? value : undefined;
  } catch (e) {
    if (e instanceof Unstorable || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/** Stores a value with its digest; one that cannot be stored faithfully is simply not kept. */
function writeEntry(cache: ResultCache, kind: string, format: string, key: string, value: unknown): void {
  let body: string;
  try {
    body = JSON.stringify(encodeResult(value));
  } catch (e) {
    if (e instanceof Unstorable) return;
    throw e;
  }
  cache.set(kind, key, { format, digest: digestOf(body), body });
}

/** The stored outcome of a key, or undefined (absent, corrupt, foreign or unreadable). */
export function readCheck(cache: ResultCache, key: string): Stored | undefined {
  const value = readEntry(cache, KIND, FORMAT, key, (v) => Array.isArray(v.groups) && v.files instanceof Map && Array.isArray(v.diagnostics));
  return value as Stored | undefined;
}

/** Stores an outcome; one that cannot be stored faithfully is simply not kept. */
export function writeCheck(cache: ResultCache, key: string, outcome: CheckOutcome): void {
  const { commits: _commits, ...stored } = outcome;
  writeEntry(cache, KIND, FORMAT, key, stored);
}

/** One side's results that do not need its engine afterwards: the connectivity, the scan and the scan's diagnostics. */
export interface SideResults {
  readonly connectivity: Connectivity;
  readonly topology: Topology;
  readonly scanDiagnostics: readonly Diagnostic[];
}

/**
 * A connectivity as stored: each distinct peer and connection set once, the connections as index
 * triples (a 5,000-workload app has about 25,000 connections over 5,000 peers and a few dozen
 * sets, so this is several times smaller and faster to read back than the plain form). Peers are
 * told apart by their whole stored form, not their display key, and a connection with any field
 * besides src, dst and conns is not stored: nothing is lost.
 */
interface StoredConnectivity {
  readonly peers: readonly unknown[];
  readonly sets: readonly ConnectionSet[];
  /** src, dst, set: indexes, three per connection. */
  readonly rows: readonly number[];
  readonly rest: Omit<Connectivity, 'connections'>;
}

function compactConnectivity(c: Connectivity): StoredConnectivity {
  const peers: unknown[] = [];
  const peerIndex = new Map<string, number>();
  const sets: ConnectionSet[] = [];
  const setIndex = new Map<string, number>();
  const peer = (p: unknown) => {
    const k = JSON.stringify(encodeResult(p));
    let i = peerIndex.get(k);
    if (i === undefined) peerIndex.set(k, (i = peers.push(p) - 1));
    return i;
  };
  const rows: number[] = [];
  for (const x of c.connections) {
    if (Object.keys(x).length !== 3) throw new Unstorable('a connection with more than src, dst and conns');
    let j = setIndex.get(x.conns.key);
    if (j === undefined) setIndex.set(x.conns.key, (j = sets.push(x.conns) - 1));
    rows.push(peer(x.src), peer(x.dst), j);
  }
  const { connections: _connections, ...rest } = c;
  return { peers, sets, rows, rest };
}

function expandConnectivity(v: unknown): Connectivity {
  const s = v as Partial<StoredConnectivity> | null;
  if (!s || !Array.isArray(s.peers) || !Array.isArray(s.sets) || !Array.isArray(s.rows) || s.rows.length % 3 !== 0 || !s.rest || typeof s.rest !== 'object') throw new Unstorable('connectivity');
  const { peers, sets, rows } = s;
  if (!sets.every((x) => x instanceof ConnectionSet) || !peers.every((p) => p !== null && typeof p === 'object')) throw new Unstorable('connectivity tables');
  const at = <T>(list: readonly T[], i: unknown): T => {
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= list.length) throw new Unstorable('connectivity index');
    return list[i] as T;
  };
  const connections: Connection[] = [];
  for (let i = 0; i < rows.length; i += 3) connections.push({ src: at(peers, rows[i]) as Peer, dst: at(peers, rows[i + 1]) as Peer, conns: at(sets, rows[i + 2]) });
  return { ...(s.rest as Omit<Connectivity, 'connections'>), connections };
}

export function readSideResults(cache: ResultCache, key: string): SideResults | undefined {
  const value = readEntry(cache, SIDE_KIND, SIDE_FORMAT, key, (v) => {
    const t = v.topology as Record<string, unknown> | undefined;
    return !!v.connectivity && !!t && Array.isArray(t.links) && Array.isArray(t.unresolved) && Array.isArray(v.scanDiagnostics);
  });
  if (!value) return undefined;
  try {
    return { connectivity: expandConnectivity(value.connectivity), topology: value.topology as Topology, scanDiagnostics: value.scanDiagnostics as Diagnostic[] };
  } catch (e) {
    if (e instanceof Unstorable) return undefined;
    throw e;
  }
}

export function writeSideResults(cache: ResultCache, key: string, results: SideResults): void {
  let connectivity: StoredConnectivity;
  try {
    connectivity = compactConnectivity(results.connectivity);
  } catch (e) {
    if (e instanceof Unstorable) return;
    throw e;
  }
  writeEntry(cache, SIDE_KIND, SIDE_FORMAT, key, { ...results, connectivity });
}
