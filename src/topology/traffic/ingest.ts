import { Codes, diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Cluster } from '../../manifests/cluster.js';
import type { CidrAlias } from './aliases.js';
import type { LineOutcome, TrafficFormat } from './events.js';
import { TraceLineReader } from './reader.js';
import { TrafficResolver, type ObservedTraffic } from './resolve.js';
import type { ClusterSnapshot } from './snapshot.js';

/** Per file and code, this many lines are reported one by one; the rest in one closing line. */
const REPORT_LIMIT = 20;

/** Feeds one trace file's lines, as they stream, through a reader into the resolver; reports each unusable line with file:line. */
export class TraceFileConsumer {
  private readonly reader: TraceLineReader;
  private readonly reported = new Map<string, number>();
  private events = 0;

  constructor(
    private readonly file: string,
    private readonly resolver: TrafficResolver,
    private readonly diagnostics: Diagnostic[],
    forced?: TrafficFormat,
  ) {
    this.reader = new TraceLineReader(forced);
    resolver.noteFile(file);
  }

  private readonly sink = (o: LineOutcome) => this.take(o, this.at);
  private at = 0;

  line(text: string, line: number): void {
    this.at = line;
    this.reader.read(text, line, this.sink);
  }

  end(lastLine: number): void {
    const open = this.reader.openLine;
    const o = this.reader.end();
    if (o) this.take(o, open ?? lastLine);
    for (const [code, n] of this.reported) {
      if (n > REPORT_LIMIT) this.diagnostics.push(diag(code as Diagnostic['code'], code === Codes.traceUnknownLine ? 'error' : 'warning', `${n - REPORT_LIMIT} more such lines not shown`, { file: this.file, doc: 0 }));
    }
    if (this.events === 0) this.diagnostics.push(diag(Codes.traceEmpty, 'warning', 'no connection event in this trace', { file: this.file, doc: 0 }));
  }

  private take(o: LineOutcome, line: number): void {
    switch (o.kind) {
      case 'event':
        this.events++;
        this.resolver.add(this.file, o.event);
        return;
      case 'none':
        return;
      case 'skip':
        this.resolver.noteLine('skipped');
        this.report(Codes.traceSkipped, 'warning', `skipped: ${o.reason}`, line);
        return;
      case 'malformed':
        this.resolver.noteLine('malformed');
        this.report(Codes.traceMalformed, 'warning', `skipped: ${o.reason}`, line);
        return;
      case 'unknown':
        this.resolver.noteLine('unknown');
        this.report(Codes.traceUnknownLine, 'error', o.reason, line);
        return;
    }
  }

  private report(code: Diagnostic['code'], severity: 'error' | 'warning', message: string, line: number): void {
    const n = (this.reported.get(code) ?? 0) + 1;
    this.reported.set(code, n);
    if (n <= REPORT_LIMIT) this.diagnostics.push(diag(code, severity, message, { file: this.file, doc: 0, line }));
  }
}

/** A line source: calls `onLine` for each line of the file, in order, 1-based; returns the number of lines. */
export type LineSource = (file: string, onLine: (text: string, line: number) => void) => number;

export interface TrafficInputs {
  readonly files: readonly string[];
  readonly format?: TrafficFormat;
  readonly snapshot?: ClusterSnapshot;
  readonly aliases?: readonly CidrAlias[];
}

/** Reads every trace and resolves it against the cluster: the observed links, what stays unresolved, and what was filtered. */
export function observeTraffic(cluster: Cluster, inputs: TrafficInputs, lines: LineSource): { value: ObservedTraffic; diagnostics: Diagnostic[] } {
  const resolver = new TrafficResolver(cluster, inputs.snapshot, inputs.aliases);
  const diagnostics: Diagnostic[] = [];
  for (const file of inputs.files) {
    const consumer = new TraceFileConsumer(file, resolver, diagnostics, inputs.format);
    const n = lines(file, (text, line) => consumer.line(text, line));
    consumer.end(n);
  }
  const r = resolver.finish();
  return { value: r.value, diagnostics: [...diagnostics, ...r.diagnostics] };
}
