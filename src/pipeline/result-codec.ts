import { ConnectionSet, PROTOCOLS } from '../model/connection-set.js';
import { IntervalSet } from '../model/interval-set.js';

// A faithful JSON form of a use-case's result, for the cache across runs (`--cache-dir`).
//
// Results are trees of plain data plus a few value types: connection sets, interval sets, maps,
// sets, bigints (IP addresses) and `undefined` fields. Each value type becomes a one-key object
// whose key starts with NUL, a character no manifest key or name can hold; everything else maps
// to itself. Anything else (a class instance, a function, a cycle) cannot be stored: encoding
// throws `Unstorable` and the caller simply does not cache. Decoding is strict: a tag it does not
// know, a malformed value or a non-canonical port list throws `Unstorable`, so a corrupt or
// foreign entry is never trusted.

export class Unstorable extends Error {}

const TAG = {
  conns: '\u0000conns',
  ports: '\u0000ports',
  map: '\u0000map',
  set: '\u0000set',
  bigint: '\u0000bigint',
  undefined: '\u0000undefined',
  /** A plain object one of whose own keys starts with NUL (never in practice; kept faithful anyway). */
  object: '\u0000object',
} as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Sets an own data property, even `__proto__` (an assignment would set the prototype; defineProperty is slow, so only there). */
function define(o: Record<string, unknown>, k: string, value: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
  else o[k] = value;
}

const flat = (s: IntervalSet): number[] => [...s.intervals()].flat();

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The JSON form of a value; throws `Unstorable` for what has none. */
export function encodeResult(value: unknown): Json {
  const open = new Set<object>();
  const enc = (v: unknown): Json => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        // NaN and infinities have no JSON form; -0 would come back as 0
        if (!Number.isFinite(v) || Object.is(v, -0)) throw new Unstorable(`number ${String(v)}`);
        return v;
      case 'bigint':
        return { [TAG.bigint]: v.toString() };
      case 'undefined':
        return { [TAG.undefined]: 0 };
      case 'object': {
        if (v === null) return null;
        if (open.has(v)) throw new Unstorable('a cycle');
        open.add(v);
        try {
          if (v instanceof ConnectionSet) return { [TAG.conns]: PROTOCOLS.map((p) => flat(v.ports(p))) };
          if (v instanceof IntervalSet) return { [TAG.ports]: flat(v) };
          if (v instanceof Map) return { [TAG.map]: [...v.entries()].map(([k, x]) => [enc(k), enc(x)]) };
          if (v instanceof Set) return { [TAG.set]: [...v].map(enc) };
          if (Array.isArray(v)) {
            const out: Json[] = [];
            for (let i = 0; i < v.length; i++) {
              if (!(i in v)) throw new Unstorable('a sparse array');
              out.push(enc(v[i]));
            }
            return out;
          }
          if (!isPlainObject(v)) throw new Unstorable(`an instance of ${(v as { constructor?: { name?: string } }).constructor?.name ?? 'a class'}`);
          const keys = Object.keys(v);
          const o: { [key: string]: Json } = {};
          for (const k of keys) define(o, k, enc((v as Record<string, unknown>)[k]));
          return keys.some((k) => k.startsWith('\u0000')) ? { [TAG.object]: o } : o;
        } finally {
          open.delete(v);
        }
      }
      default:
        throw new Unstorable(`a ${typeof v}`);
    }
  };
  return enc(value);
}

/** Ports back from [lo, hi, lo, hi, ...], which must be canonical (sorted, disjoint, non-touching, within 1..65535). */
function intervals(raw: unknown, min: number, max: number): IntervalSet {
  if (!Array.isArray(raw) || raw.length % 2 !== 0) throw new Unstorable('port list');
  const pairs: [number, number][] = [];
  let last = min - 2;
  for (let i = 0; i < raw.length; i += 2) {
    const lo: unknown = raw[i];
    const hi: unknown = raw[i + 1];
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) throw new Unstorable('port');
    const [a, b] = [lo as number, hi as number];
    if (a > b || a <= last + 1 || a < min || b > max) throw new Unstorable('non-canonical port list');
    pairs.push([a, b]);
    last = b;
  }
  return IntervalSet.of(pairs);
}

function connectionSet(raw: unknown): ConnectionSet {
  if (!Array.isArray(raw) || raw.length !== PROTOCOLS.length) throw new Unstorable('connection set');
  // ConnectionSet.of + union keep the single encodings of "all" and "none" (identity matters there)
  return PROTOCOLS.reduce((acc, p, i) => acc.union(ConnectionSet.of(p, intervals(raw[i], 1, 65535))), ConnectionSet.NONE);
}

/** The value back from its JSON form; throws `Unstorable` for anything `encodeResult` cannot have written. */
export function decodeResult(json: unknown): unknown {
  const dec = (v: unknown): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Unstorable('number');
      return v;
    }
    if (Array.isArray(v)) return v.map(dec);
    if (typeof v !== 'object') throw new Unstorable(typeof v);
    const keys = Object.keys(v);
    const first = keys[0];
    if (keys.length === 1 && first !== undefined && first.startsWith('\u0000')) {
      const body: unknown = (v as Record<string, unknown>)[first];
      switch (first) {
        case TAG.conns:
          return connectionSet(body);
        case TAG.ports:
          return intervals(body, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
        case TAG.map:
          if (!Array.isArray(body)) throw new Unstorable('map');
          return new Map(
            body.map((e: unknown) => {
              if (!Array.isArray(e) || e.length !== 2) throw new Unstorable('map entry');
              return [dec(e[0]), dec(e[1])] as const;
            }),
          );
        case TAG.set:
          if (!Array.isArray(body)) throw new Unstorable('set');
          return new Set(body.map(dec));
        case TAG.bigint:
          if (typeof body !== 'string' || !/^-?\d+$/.test(body)) throw new Unstorable('bigint');
          return BigInt(body);
        case TAG.undefined:
          return undefined;
        case TAG.object:
          if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Unstorable('object');
          return plain(body as Record<string, unknown>);
        default:
          throw new Unstorable(`unknown tag ${JSON.stringify(first)}`);
      }
    }
    if (keys.some((k) => k.startsWith('\u0000'))) throw new Unstorable('stray tag');
    return plain(v as Record<string, unknown>);
  };
  const plain = (v: Record<string, unknown>): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    // a stored `__proto__` key stays data, never a prototype
    for (const k of Object.keys(v)) define(o, k, dec(v[k]));
    return o;
  };
  return dec(json);
}
