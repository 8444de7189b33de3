import { endpoint, type LineOutcome, type TraceEndpoint, type TrafficFormat } from './events.js';
import { readJsonEvent } from './formats.js';

/**
 * Reads a trace line by line, as the file streams in (src/io/traffic.ts feeds it): NDJSON, one
 * JSON array (pretty-printed over many lines, as the first advisor's testdata is), trace_tcp's
 * `-o columns` table, or plain connection lines. The format is detected from the content of each
 * line, or forced. Memory is bounded by the longest event, never by the file.
 */
export class TraceLineReader {
  private columns: { readonly names: readonly string[]; readonly line: number } | undefined;
  /** Inside a top-level JSON array: the element being collected, and the scanner's state. */
  private array: { depth: number; inString: boolean; escaped: boolean; element: string[]; elementLine: number; done: boolean } | undefined;
  private sawContent = false;
  /**
   * Reading from the middle of a file (the second part of a trace split between threads): the file
   * has content before, and no JSON array (the caller checks both), but whether a trace_tcp columns
   * header came before is not known. Lines are read as if none did, and `readAsIfNoHeader` says
   * whether a line's outcome depended on that.
   */
  readAsIfNoHeader = false;

  constructor(
    private readonly forced?: TrafficFormat,
    midFile = false,
  ) {
    this.sawContent = midFile;
  }

  /** Whether a trace_tcp columns header has been read: rows after it are read under it. */
  get hasColumnsHeader(): boolean {
    return this.columns !== undefined;
  }

  /** One line (without its newline); returns what each complete event in it is. */
  push(text: string, line: number): LineOutcome[] {
    const out: LineOutcome[] = [];
    this.read(text, line, (o) => out.push(o));
    return out;
  }

  /** As `push`, handing each outcome to `sink` (no array per line: the streaming path). */
  read(text: string, line: number, sink: (o: LineOutcome) => void): void {
    const trimmed = text.trim();
    if (!this.sawContent && trimmed !== '') {
      this.sawContent = true;
      // `[` then `{`, `]` or the end of the line: a JSON array (`[fd00::1]:80 -> ...` is a plain line)
      if (/^\[\s*(\{|\]|$)/.test(trimmed) && this.forced !== 'plain' && this.forced !== 'trace-tcp-columns') {
        this.array = { depth: 0, inString: false, escaped: false, element: [], elementLine: line, done: false };
      }
    }
    if (this.array) {
      for (const o of this.pushArray(text, line)) sink(o);
      return;
    }
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (trimmed.startsWith('{') && this.forced !== 'plain' && this.forced !== 'trace-tcp-columns') return sink(readJsonEvent(trimmed, line, this.forced));
    if (this.forced === undefined || this.forced === 'trace-tcp-columns') {
      const header = columnsHeader(trimmed);
      if (header) {
        this.columns = { names: header, line };
        return;
      }
      if (this.columns) return sink(columnsRow(trimmed, line, this.columns.names));
      this.readAsIfNoHeader = true;
    }
    if (this.forced === undefined || this.forced === 'plain') {
      const plain = plainLine(trimmed, line);
      if (plain) return sink(plain);
    }
    sink({ kind: 'unknown', reason: this.forced ? `not a ${this.forced} line` : 'not JSON, not a trace_tcp column row, not a connection line (src ip:port -> dst ip:port proto)' });
  }

  /** Call at the end of the file: a JSON array left open was cut short. */
  end(): LineOutcome | undefined {
    const a = this.array;
    if (a && !a.done) return { kind: 'malformed', reason: `the JSON array that starts here is not closed (truncated file?)` };
    return undefined;
  }

  /**
   * Whether a line starting with `{` is read on its own, one outcome per line: not inside a
   * JSON array (whose elements span lines). Before the first content line the answer is not yet
   * known (that line may open an array), so it is no.
   */
  get readsLineByLine(): boolean {
    return this.sawContent && this.array === undefined;
  }

  /** The first line of an unfinished array element, for `end()`'s report. */
  get openLine(): number | undefined {
    return this.array && !this.array.done ? this.array.elementLine : undefined;
  }

  private pushArray(text: string, line: number): LineOutcome[] {
    const a = this.array as NonNullable<typeof this.array>;
    const out: LineOutcome[] = [];
    let start = a.depth >= 2 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (a.done) {
        if (c !== ' ' && c !== '\t' && c !== '\r') {
          out.push({ kind: 'malformed', reason: 'text after the end of the JSON array' });
          break;
        }
        continue;
      }
      if (a.inString) {
        if (a.escaped) a.escaped = false;
        else if (c === '\\') a.escaped = true;
        else if (c === '"') a.inString = false;
        continue;
      }
      if (c === '"') a.inString = true;
      else if (c === '{' || c === '[') {
        a.depth++;
        if (a.depth === 2) {
          start = i;
          a.element = [];
          a.elementLine = line;
        }
      } else if (c === '}' || c === ']') {
        a.depth--;
        if (a.depth === 1) {
          a.element.push(text.slice(start, i + 1));
          out.push(readJsonEvent(a.element.join('\n'), a.elementLine, this.forced));
          a.element = [];
          start = -1;
        } else if (a.depth === 0) a.done = true;
        else if (a.depth < 0) {
          out.push({ kind: 'malformed', reason: 'unbalanced JSON array' });
          a.done = true;
        }
      }
    }
    if (a.depth >= 2 && start >= 0) a.element.push(text.slice(start));
    return out.length > 0 ? out : [{ kind: 'none' }];
  }
}

/** trace_tcp `-o columns`: a header such as `K8S.NODE K8S.NAMESPACE K8S.PODNAME K8S.CONTAINERNAME SRC DST COMM PID TID UID GID TYPE`. */
function columnsHeader(line: string): string[] | undefined {
  const names = line.split(/\s+/);
  return names.includes('SRC') && names.includes('DST') && names.includes('TYPE') && names.every((n) => /^[A-Z0-9_.]+$/.test(n)) ? names : undefined;
}

/**
 * An endpoint cell of the columns output: `p/NS/POD:PORT` (a pod), `s/NS/SVC:PORT` (a Service),
 * as pkg/operators/kubeipresolver/kubeipresolver.go writes them, or a bare `ADDR:PORT`.
 */
function endpointCell(cell: string): { ep: TraceEndpoint; port: number } | undefined {
  const k8s = /^([ps])\/([^/\s]+)\/([^/\s:]+):(\d+)$/.exec(cell);
  if (k8s) return { ep: endpoint(k8s[1] === 'p' ? 'pod' : 'svc', { namespace: k8s[2] as string, name: k8s[3] as string }), port: Number(k8s[4]) };
  const hp = hostPort(cell);
  return hp ? { ep: endpoint('raw', { addr: hp.addr }), port: hp.port } : undefined;
}

/** `10.0.0.1:80`, `[fd00::1]:80` or `fd00::1:80` (the last colon separates the port). */
function hostPort(text: string): { addr: string; port: number } | undefined {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(text) ?? /^(\d{1,3}(?:\.\d{1,3}){3}):(\d+)$/.exec(text) ?? /^([0-9a-fA-F]*:[0-9a-fA-F:.]*):(\d+)$/.exec(text);
  if (!m) return undefined;
  const port = Number(m[2]);
  return port >= 0 && port <= 65535 ? { addr: m[1] as string, port } : undefined;
}

function columnsRow(line: string, lineNo: number, names: readonly string[]): LineOutcome {
  const cells = line.split(/\s+/);
  if (cells.some((c) => c.includes('…'))) return { kind: 'malformed', reason: 'a cell cut short by the column width (…); use -o json' };
  if (cells.length !== names.length) return { kind: 'malformed', reason: `${cells.length} cells under a header of ${names.length} columns` };
  const get = (n: string) => {
    const i = names.indexOf(n);
    return i >= 0 ? cells[i] : undefined;
  };
  const type = get('TYPE');
  if (type !== 'connect' && type !== 'accept' && type !== 'close') return { kind: 'skip', reason: `event type ${JSON.stringify(type)}`, format: 'trace-tcp-columns' };
  const src = endpointCell(get('SRC') ?? '');
  const dst = endpointCell(get('DST') ?? '');
  if (!src || !dst) return { kind: 'malformed', reason: `SRC/DST are not endpoints (p/NS/POD:PORT, s/NS/SVC:PORT or ADDR:PORT)` };
  const ns = get('K8S.NAMESPACE');
  const pod = get('K8S.PODNAME');
  // the K8S.* columns describe the traced pod, the local side (src)
  const local: TraceEndpoint = src.ep.kind === 'raw' && ns && pod && ns !== '' ? endpoint('pod', { ...src.ep, namespace: ns, name: pod }) : src.ep;
  const port = type === 'accept' ? src.port : dst.port;
  if (port < 1) return { kind: 'malformed', reason: 'port 0' };
  const time = get('TIMESTAMP');
  const [from, to] = type === 'accept' ? [dst.ep, local] : [local, dst.ep];
  return { kind: 'event', format: 'trace-tcp-columns', event: { line: lineNo, src: from, dst: to, proto: 'TCP', port, phase: type === 'close' ? 'close' : 'start', ...(time ? { time } : {}) } };
}

const PLAIN = /^(?:(\S+)\s+)?(\S+)\s*(?:->|=>|→)\s*(\S+?)(?:\s+(tcp|udp|sctp))?$/i;

/** `[TIME] SRC_IP:PORT -> DST_IP:PORT [tcp|udp|sctp]` (conntrack- or tcpdump-like exports). */
function plainLine(line: string, lineNo: number): LineOutcome | undefined {
  const m = PLAIN.exec(line);
  if (!m) return undefined;
  const src = hostPort(m[2] as string);
  const dst = hostPort(m[3] as string);
  if (!src || !dst) return undefined;
  if (dst.port < 1) return { kind: 'malformed', reason: 'destination port 0' };
  const proto = ((m[4] ?? 'tcp').toUpperCase() as 'TCP' | 'UDP' | 'SCTP');
  return { kind: 'event', format: 'plain', event: { line: lineNo, src: endpoint('raw', { addr: src.addr }), dst: endpoint('raw', { addr: dst.addr }), proto, port: dst.port, phase: 'start', ...(m[1] ? { time: m[1] } : {}) } };
}
