import { describe, expect, it } from 'vitest';
import type { LineOutcome } from '../../../src/topology/traffic/events.js';
import { TraceLineReader } from '../../../src/topology/traffic/reader.js';

const readAll = (text: string, forced?: ConstructorParameters<typeof TraceLineReader>[0]) => {
  const r = new TraceLineReader(forced);
  const out: LineOutcome[] = [];
  text.split('\n').forEach((l, i) => out.push(...r.push(l, i + 1)));
  const end = r.end();
  if (end) out.push(end);
  return out.filter((o) => o.kind !== 'none');
};

const V1 = (port: number) => `{"type":"connect","remote_kind":"other","port":${port},"local_pod_namespace":"a","local_pod_name":"p","remote_other":"192.0.2.1","debug":"x } { y"}`;

describe('TraceLineReader', () => {
  it('one JSON array, an element per line or spread over lines, braces inside strings ignored; each event keeps its first line', () => {
    const text = `[\n  ${V1(1)},\n  {\n    "type": "connect", "remote_kind": "other", "port": 2,\n    "local_pod_namespace": "a", "local_pod_name": "p", "remote_other": "192.0.2.2"\n  }, ${V1(3)}\n]\n`;
    const out = readAll(text);
    expect(out.map((o) => (o.kind === 'event' ? `${o.event.line}:${o.event.port}` : o.kind))).toEqual(['2:1', '3:2', '6:3']);
  });

  it('a JSON array cut short is reported where its last element starts', () => {
    const out = readAll(`[\n${V1(1)},\n{"type": "connect",\n"port": 2`);
    expect(out.map((o) => o.kind)).toEqual(['event', 'malformed']);
    const r = new TraceLineReader();
    r.push('[', 1);
    r.push('{"a":', 2);
    expect(r.openLine).toBe(2);
  });

  it('the same array on a single line', () => {
    expect(readAll(`[${V1(1)},${V1(2)}]`).map((o) => o.kind)).toEqual(['event', 'event']);
  });

  it('CR line endings, blanks and # comments are not data', () => {
    expect(readAll(`# trace\n\n10.0.0.1:1 -> 10.0.0.2:80 udp\r`).map((o) => (o.kind === 'event' ? `${o.event.proto} ${o.event.port}` : o.kind))).toEqual(['UDP 80']);
  });

  it('plain lines: IPv6 in brackets, an arrow of any style, an optional timestamp', () => {
    const out = readAll(`[fd00::1]:5000 => [fd00::2]:443\n2024-01-01T00:00:00Z 10.0.0.1:1 → 10.0.0.2:8080 TCP`);
    expect(out.map((o) => (o.kind === 'event' ? `${o.event.src.addr} ${o.event.dst.addr} ${o.event.port} ${o.event.time ?? '-'}` : o.kind))).toEqual(['fd00::1 fd00::2 443 -', '10.0.0.1 10.0.0.2 8080 2024-01-01T00:00:00Z']);
  });

  it('a columns header switches to rows; a row with a missing cell is malformed', () => {
    const out = readAll(`SRC DST COMM PID TYPE\n10.0.0.1:3333 10.0.0.2:80 curl 1 connect\n10.0.0.1:3333 10.0.0.2:80 1 connect`);
    expect(out.map((o) => o.kind)).toEqual(['event', 'malformed']);
  });

  it('with a text format forced, JSON lines are not read as JSON', () => {
    expect(readAll(V1(1), 'plain').map((o) => o.kind)).toEqual(['unknown']);
  });
});
