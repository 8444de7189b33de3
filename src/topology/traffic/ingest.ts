import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { DEFAULT_NAMESPACE, type Cluster } from '../../manifests/cluster.js';
import { TraceFileConsumer, type TracePart, type TrafficInputs } from './consumer.js';
import { TrafficResolver, type ObservedTraffic, type TrafficBasis, type TrafficService } from './resolve.js';

export { observeTracePart, TraceFileConsumer, type ConsumerPartial, type TracePart, type TrafficInputs } from './consumer.js';

/** A line source: calls `onLine` for each line of the file (or of the byte range `[start, end)`, which begins a line), in order, 1-based from the range's start; returns the number of lines. */
export type LineSource = (file: string, onLine: (text: string, line: number) => void, range?: ByteRange) => number;

export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A large trace read by two threads: this one reads bytes `[0, cut)` while another reads
 * `[cut, end)` with `observeTracePart`; `collect` waits for its answer (undefined when it failed:
 * then this thread reads the rest itself).
 */
export interface TraceSplit {
  readonly cut: number;
  collect(): TracePart | undefined;
}

/** Starts the second reader of a file, or says no (a small file, a JSON array, no second core). */
export type TraceSplitter = (file: string) => TraceSplit | undefined;

/**
 * Reads every trace and resolves it against the cluster: the observed links, what stays
 * unresolved, and what was filtered. With `split`, a large file is read by two threads, each over
 * half of it, and their aggregates merged into exactly what one sequential read gives (the same
 * links, first lines, counts, times, unresolved list and reported lines in line order).
 */
export function observeTraffic(cluster: Cluster, inputs: TrafficInputs, lines: LineSource, split?: TraceSplitter): { value: ObservedTraffic; diagnostics: Diagnostic[] } {
  const resolver = new TrafficResolver(trafficBasis(cluster), inputs.snapshot, inputs.aliases);
  const diagnostics: Diagnostic[] = [];
  for (const file of inputs.files) {
    const consumer = new TraceFileConsumer(file, resolver, diagnostics, inputs.format, !inputs.noMemo);
    const onLine = (text: string, line: number) => consumer.line(text, line);
    const half = split?.(file);
    if (!half) {
      consumer.end(lines(file, onLine));
      continue;
    }
    const first = lines(file, onLine, { start: 0, end: half.cut });
    const part = half.collect();
    // the other reader assumed content before the cut, no JSON array, and (if it read a line that
    // a columns header would change) no header: this side read that part, and knows; and a name
    // both parts saw must have resolved alike (see TrafficResolver.resolve)
    if (part && consumer.readsLineByLine && !(part.readAsIfNoHeader && consumer.hasColumnsHeader) && resolver.sameNamedResolutions(part.resolver)) {
      consumer.absorb(part, first);
      resolver.absorb(part.resolver, first);
      consumer.end(first + part.lines);
    } else {
      const rest = lines(file, (text, line) => consumer.line(text, line + first), { start: half.cut, end: Number.POSITIVE_INFINITY });
      consumer.end(first + rest);
    }
  }
  const r = resolver.finish();
  return { value: r.value, diagnostics: [...diagnostics, ...r.diagnostics] };
}

/** The cluster's workloads (themselves, in the cluster's order) and Services. */
export function trafficBasis(cluster: Cluster): TrafficBasis {
  const services: TrafficService[] = [];
  for (const o of cluster.objects) {
    if (o.kind !== 'Service') continue;
    const ip = (o.object.spec as { clusterIP?: unknown } | undefined)?.clusterIP;
    services.push({
      namespace: o.object.metadata.namespace || DEFAULT_NAMESPACE,
      name: o.object.metadata.name ?? '',
      selector: o.object.spec?.selector ?? undefined,
      ports: (o.object.spec?.ports ?? []).map((p) => ({ port: p.port, ...(p.name ? { name: p.name } : {}), ...(p.targetPort !== undefined && p.targetPort !== null ? { targetPort: p.targetPort } : {}), ...(p.protocol ? { protocol: p.protocol } : {}) })),
      clusterIps: typeof ip === 'string' && ip !== 'None' ? [ip] : [],
    });
  }
  return { workloads: cluster.workloads, services };
}
