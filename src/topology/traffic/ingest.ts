import { Codes, diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Cluster } from '../../manifests/cluster.js';
import type { CidrAlias } from './aliases.js';
import type { LineOutcome, TrafficFormat } from './events.js';
import { TraceLineReader } from './reader.js';
import { TrafficResolver, type ObservedTraffic } from './resolve.js';
import type { ClusterSnapshot } from './snapshot.js';

/** Per file and code, this many lines are reported one by one; the rest in one closing line. */
const REPORT_LIMIT = 20;

/**
 * Repeated JSON lines are read once: a trace without timestamps (the first advisor, the
 * network-graph gadget, plain exports) repeats the same event for every connection of a pair.
 * The outcome of a line depends on its text alone (and the file's forced format), so a repeat
 * replays it: reports still name the repeat's own line, and an event's own line number is used
 * only where its (source, destination, port) is first seen, which a repeat never is.
 * Off until a line repeats the one before it (a trace with timestamps never does, and then
 * nothing is kept: a memo filled early survives into the old generation and made the peak RSS
 * of a 1M-line trace erratic); bounded; a window of PROBE lines with fewer than one repeat in
 * MIN_HIT_RATIO turns it off again.
 */
class LineMemo {
  private static readonly CAPACITY = 1024;
  private static readonly PROBE = 256;
  private static readonly MIN_HIT_RATIO = 0.1;
  private readonly outcomes = new Map<string, LineOutcome>();
  private lookups = 0;
  private hits = 0;
  private previous = '';
  active = false;

  /** While off: turns on when `text` repeats the line before it. */
  watch(text: string): void {
    if (text === this.previous) this.active = true;
    else this.previous = text;
  }

  get(text: string): LineOutcome | undefined {
    const o = this.outcomes.get(text);
    if (o !== undefined) this.hits++;
    if (++this.lookups === LineMemo.PROBE) {
      if (this.hits < LineMemo.PROBE * LineMemo.MIN_HIT_RATIO) {
        this.active = false;
        this.outcomes.clear();
        this.previous = '';
      }
      this.lookups = 0;
      this.hits = 0;
    }
    return o;
  }

  set(text: string, o: LineOutcome): void {
    if (!this.active) return;
    if (this.outcomes.size >= LineMemo.CAPACITY) this.outcomes.clear();
    this.outcomes.set(text, o);
  }
}

/** Feeds one trace file's lines, as they stream, through a reader into the resolver; reports each unusable line with file:line. */
export class TraceFileConsumer {
  private readonly reader: TraceLineReader;
  private readonly reported = new Map<string, number>();
  private events = 0;
  private readonly memo: LineMemo | undefined;

  constructor(
    private readonly file: string,
    private readonly resolver: TrafficResolver,
    private readonly diagnostics: Diagnostic[],
    forced?: TrafficFormat,
    memo = true,
  ) {
    this.reader = new TraceLineReader(forced);
    // a forced text format reads `{` lines as text, and a columns row depends on its header
    this.memo = memo && forced !== 'plain' && forced !== 'trace-tcp-columns' ? new LineMemo() : undefined;
    resolver.noteFile(file);
  }

  /** The last outcome read (one JSON line gives exactly one), for the memo. One sink for every line: a second one made the reader's call sites polymorphic, and the GC pacing of a 1M-line trace erratic. */
  private last: LineOutcome | undefined;
  private readonly sink = (o: LineOutcome) => {
    this.last = o;
    this.take(o, this.at);
  };
  private at = 0;

  line(text: string, line: number): void {
    this.at = line;
    const memo = this.memo;
    // one JSON object per line (NDJSON), outside a JSON array: the line is the whole event
    if (memo && text.charCodeAt(0) === 123 /* { */ && this.reader.readsLineByLine) {
      if (!memo.active) memo.watch(text);
      if (memo.active) {
        const known = memo.get(text);
        if (known) return this.take(known, line);
        this.last = undefined;
        this.reader.read(text, line, this.sink);
        if (this.last) memo.set(text, this.last);
        return;
      }
    }
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
  /** Read every line in full, repeats too (default false): what the memo must agree with. */
  readonly noMemo?: boolean;
}

/** Reads every trace and resolves it against the cluster: the observed links, what stays unresolved, and what was filtered. */
export function observeTraffic(cluster: Cluster, inputs: TrafficInputs, lines: LineSource): { value: ObservedTraffic; diagnostics: Diagnostic[] } {
  const resolver = new TrafficResolver(cluster, inputs.snapshot, inputs.aliases);
  const diagnostics: Diagnostic[] = [];
  for (const file of inputs.files) {
    const consumer = new TraceFileConsumer(file, resolver, diagnostics, inputs.format, !inputs.noMemo);
    const n = lines(file, (text, line) => consumer.line(text, line));
    consumer.end(n);
  }
  const r = resolver.finish();
  return { value: r.value, diagnostics: [...diagnostics, ...r.diagnostics] };
}
