import { createHash, type Hash } from 'node:crypto';
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
// (Keeping base's connectivity and scan alone, for a push that changes head, was measured: base
// must still be parsed and its engine built for the explanations of the changed pairs, and
// reading the stored side back cost about what it saved; so only the whole check is kept.)

/** Bumped when what is stored changes shape. */
const KIND = 'check';
const FORMAT = 'check-outcome/2';

export interface CheckCacheOptions {
  readonly lint?: boolean;
  readonly exposure?: boolean;
  /** Where DNS runs: the DNS needs are judged against it. */
  readonly dns?: unknown;
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
    // where a rendered file's objects came from: a comment added to a base moves the lines the
    // report cites while the rendered text stays the same
    field(hash, f.origins === undefined ? '' : JSON.stringify(f.origins));
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
      ingressController: settings.ingressController ?? null,
      render: {
        helmValues: r.helmValues,
        helmSet: r.helmSet,
        helmReleaseName: r.helmReleaseName,
        helmNamespace: r.helmNamespace,
        kubeVersion: r.kubeVersion,
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
  field(hash, JSON.stringify({ lint: options.lint === true, exposure: options.exposure === true, dns: options.dns ?? null }));
  field(hash, settingsForm(settings));
  hashSide(hash, sides.base);
  hashSide(hash, sides.head);
  field(hash, JSON.stringify(sides.changed));
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

/** The stored outcome of a key, or undefined (absent, corrupt (digest), foreign (format) or not of an outcome's shape). */
export function readCheck(cache: ResultCache, key: string): Stored | undefined {
  const entry = cache.get(KIND, key) as { format?: unknown; digest?: unknown; body?: unknown } | undefined;
  if (!entry || typeof entry !== 'object' || entry.format !== FORMAT || typeof entry.body !== 'string' || entry.digest !== digestOf(entry.body)) return undefined;
  try {
    const v = decodeResult(JSON.parse(entry.body)) as Record<string, unknown> | null;
    // the digest already vouches for the text; this guards against a future writer of another shape
    return v && typeof v === 'object' && Array.isArray(v.groups) && v.files instanceof Map && Array.isArray(v.diagnostics) ? (v as unknown as Stored) : undefined;
  } catch (e) {
    if (e instanceof Unstorable || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/** Stores an outcome with its digest; one that cannot be stored faithfully is simply not kept. */
export function writeCheck(cache: ResultCache, key: string, outcome: CheckOutcome): void {
  const { commits: _commits, ...stored } = outcome;
  let body: string;
  try {
    body = JSON.stringify(encodeResult(stored));
  } catch (e) {
    if (e instanceof Unstorable) return;
    throw e;
  }
  cache.set(KIND, key, { format: FORMAT, digest: digestOf(body), body });
}
