/**
 * The trace worker (dist/traffic-worker.mjs): reads the second part of a large trace, from a line
 * boundary to the end, exactly as the main thread would (observeTracePart over the streamed lines),
 * and sends back what it aggregated; the main thread reads the first part meanwhile and merges
 * (topology/traffic/ingest.ts). It answers through io/threads.ts (the main thread waits
 * synchronously). This file is the worker's entry: like src/cli.ts, it does its own I/O.
 */
import { answerThreadJob, isThreadJob } from '../io/threads.js';
import { forEachLine } from '../io/traffic.js';
import type { CidrAlias } from '../topology/traffic/alias-match.js';
import type { TrafficFormat } from '../topology/traffic/events.js';
import { observeTracePart } from '../topology/traffic/consumer.js';
import type { TrafficBasis } from '../topology/traffic/resolve.js';
import type { ClusterSnapshot } from '../topology/traffic/snapshot-model.js';

/** The worker's job: which bytes of which trace, and what to resolve them against. */
export interface TraceWorkerJob {
  readonly file: string;
  /** The first byte to read (it begins a line); the worker reads to the end of the file. */
  readonly start: number;
  readonly format?: TrafficFormat;
  /** The resolver's basis as JSON text (read back faster than a structured clone of it). */
  readonly basis: string;
  readonly snapshot: ClusterSnapshot;
  readonly aliases: readonly CidrAlias[];
}

// only when started as a worker (tests import the job type)
if (isThreadJob()) {
  answerThreadJob((input) => {
    const job = input as TraceWorkerJob;
    const inputs = { file: job.file, snapshot: job.snapshot, aliases: job.aliases, ...(job.format ? { format: job.format } : {}) };
    return observeTracePart(JSON.parse(job.basis) as TrafficBasis, inputs, (onLine) => forEachLine(job.file, '--traffic', onLine, undefined, { start: job.start, end: Number.POSITIVE_INFINITY }));
  });
}
