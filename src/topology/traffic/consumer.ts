// One trace file's lines through a reader into the resolver, and the part of a file a second
// thread reads: what the trace worker loads (ingest.ts, over the whole cluster, is the main thread's).
import { Codes, diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { CidrAlias } from './aliases.js';
import type { LineOutcome, TrafficFormat } from './events.js';
import { TraceLineReader } from './reader.js';
import { TrafficResolver, type ResolverPartial, type TrafficBasis } from './resolve.js';
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

/** What a consumer reported (at most REPORT_LIMIT lines per code, in line order) and counted. */
export interface ConsumerPartial {
  readonly diagnostics: readonly Diagnostic[];
  readonly reported: readonly (readonly [string, number])[];
  readonly events: number;
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
    midFile = false,
  ) {
    this.reader = new TraceLineReader(forced, midFile);
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

  /** Whether `{` lines are read one per line (not inside a JSON array): see TraceLineReader. */
  get readsLineByLine(): boolean {
    return this.reader.readsLineByLine;
  }

  get hasColumnsHeader(): boolean {
    return this.reader.hasColumnsHeader;
  }

  get readAsIfNoHeader(): boolean {
    return this.reader.readAsIfNoHeader;
  }

  /** What this consumer reported and counted (the second reader's answer): see `absorb`. */
  partial(): ConsumerPartial {
    return { diagnostics: this.diagnostics, reported: [...this.reported], events: this.events };
  }

  /**
   * Takes what the reader of the lines right after these reported, as if read here: its lines
   * shifted by `lineOffset`; per code, lines are shown up to the limit in line order, so its
   * reports come after these and only while the limit is not reached.
   */
  absorb(part: TracePart, lineOffset: number): void {
    const shown = new Map<string, number>();
    for (const d of part.consumer.diagnostics) {
      const k = shown.get(d.code) ?? 0;
      shown.set(d.code, k + 1);
      if ((this.reported.get(d.code) ?? 0) + k < REPORT_LIMIT) this.diagnostics.push(d.at?.line !== undefined ? { ...d, at: { ...d.at, line: d.at.line + lineOffset } } : d);
    }
    for (const [code, n] of part.consumer.reported) this.reported.set(code, (this.reported.get(code) ?? 0) + n);
    this.events += part.consumer.events;
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

export interface TrafficInputs {
  readonly files: readonly string[];
  readonly format?: TrafficFormat;
  readonly snapshot?: ClusterSnapshot;
  readonly aliases?: readonly CidrAlias[];
  /** Read every line in full, repeats too (default false): what the memo must agree with. */
  readonly noMemo?: boolean;
}

/** What the second reader of a trace read: everything its consumer and resolver aggregated, line numbers from 1 at the cut. */
export interface TracePart {
  readonly lines: number;
  readonly consumer: ConsumerPartial;
  readonly resolver: ResolverPartial;
  /** A line was read as if no trace_tcp columns header came before the cut (see TraceLineReader). */
  readonly readAsIfNoHeader: boolean;
}

/** The part of a trace from a line boundary on, read as the second of two readers (a worker thread runs this). */
export function observeTracePart(basis: TrafficBasis, inputs: Omit<TrafficInputs, 'files'> & { readonly file: string }, lines: (onLine: (text: string, line: number) => void) => number): TracePart {
  const resolver = new TrafficResolver(basis, inputs.snapshot, inputs.aliases);
  const consumer = new TraceFileConsumer(inputs.file, resolver, [], inputs.format, !inputs.noMemo, true);
  const n = lines((text, line) => consumer.line(text, line));
  return { lines: n, consumer: consumer.partial(), resolver: resolver.partial(), readAsIfNoHeader: consumer.readAsIfNoHeader };
}

