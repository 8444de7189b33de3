import type { z } from 'zod';

/**
 * The common case of validation without zod's per-field bookkeeping: a valid object answered with
 * exactly the data zod would return, built from the zod schemas themselves (no second copy of them).
 *
 * zod allocates a payload and an issues array for every field it visits; at 5,000 workloads that is
 * most of the validation time and much of the garbage. Here objects, arrays, optional and nullable
 * wrappers (the structure) are walked directly, and plain strings, booleans and unknowns are checked
 * inline; every other schema (numbers with their checks, enums, unions, custom label maps, anything
 * with a refinement) is handed to zod's own `run`, so each leaf is judged by zod itself. On the first
 * problem the walk gives up (`undefined`), and the caller runs zod's safeParse for the exact issues:
 * an invalid object costs what it did, and a valid one yields the same data, in the input's key
 * order (see compileObject): usually the input itself.
 */
const INVALID: unique symbol = Symbol('invalid');
type Check = (value: unknown) => unknown;

/** The parts of zod 4's internals used here (`schema._zod`), read only. */
interface Internals {
  readonly def: {
    readonly type: string;
    readonly checks?: readonly unknown[];
    readonly coerce?: boolean;
    readonly shape?: Readonly<Record<string, Schema>>;
    readonly catchall?: Schema;
    readonly element?: Schema;
    readonly innerType?: Schema;
    readonly entries?: Readonly<Record<string, unknown>>;
    readonly options?: readonly Schema[];
    readonly inclusive?: boolean;
    readonly discriminator?: unknown;
  };
  readonly optin?: string;
  readonly optout?: string;
  run(payload: { value: unknown; issues: unknown[] }, ctx: { async: false }): unknown;
}
interface Schema {
  readonly _zod: Internals;
}

const compiled = new WeakMap<object, Check>();
const compiling = new WeakSet<object>();
/** Schemas of our own with a refinement zod would run field by field, and a predicate that accepts only values zod returns unchanged. */
const accepting = new WeakMap<object, (value: unknown) => boolean>();

/**
 * Declares that every value `accepts` takes is valid for `schema` and is its own output (zod
 * returns it unchanged); others are still judged by zod. For refined schemas of ours that zod
 * would otherwise run with its per-field bookkeeping on every object (label maps, integers read
 * through a preprocess). As an object's field it is required unless wrapped in `.optional()`:
 * `schema` must not accept undefined on its own.
 */
export function withFastAccept<S extends z.ZodType>(schema: S, accepts: (value: unknown) => boolean): S {
  accepting.set(schema, accepts);
  return schema;
}

/**
 * `schema.safeParse(value)` when it succeeds, computed without zod's per-field allocations;
 * `undefined` when the value has a problem (then only zod's own issues are exact).
 */
export function fastValidate<S extends z.ZodType>(schema: S, value: unknown): { success: true; data: z.infer<S> } | undefined {
  const data = checkerOf(schema as unknown as Schema)(value);
  return data === INVALID ? undefined : { success: true, data: data as z.infer<S> };
}

function checkerOf(schema: Schema): Check {
  let check = compiled.get(schema);
  if (!check) {
    // a schema met again while it is being compiled (a recursive one) is left to zod
    if (compiling.has(schema)) return delegate(schema);
    compiling.add(schema);
    check = compile(schema);
    compiling.delete(schema);
    compiled.set(schema, check);
  }
  return check;
}

const SYNC = { async: false } as const;

/** zod itself judges this value: its output when it has no issue. */
function delegate(schema: Schema): Check {
  const zod = schema._zod;
  return (value) => {
    const payload = zod.run({ value, issues: [] }, SYNC) as { value: unknown; issues: unknown[] } | Promise<unknown>;
    return payload instanceof Promise || payload.issues.length > 0 ? INVALID : payload.value;
  };
}

function compile(schema: Schema): Check {
  const { def } = schema._zod;
  const accepts = accepting.get(schema);
  if (accepts) {
    const judged = delegate(schema);
    return (v) => (accepts(v) ? v : judged(v));
  }
  if (def.type === 'number' && !def.coerce) return compileNumber(schema);
  // refinements and coercions run in zod
  if ((def.checks?.length ?? 0) > 0 || def.coerce) return delegate(schema);
  switch (def.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : INVALID);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : INVALID);
    case 'unknown':
    case 'any':
      return (v) => v;
    case 'optional': {
      const inner = def.innerType as Schema;
      // a default inside substitutes a value for absence: zod's business
      if (inner._zod.optin === 'defaulted') return delegate(schema);
      const check = checkerOf(inner);
      return (v) => (v === undefined ? v : check(v));
    }
    case 'nullable': {
      const check = checkerOf(def.innerType as Schema);
      return (v) => (v === null ? v : check(v));
    }
    case 'array': {
      const check = checkerOf(def.element as Schema);
      return (v) => {
        if (!Array.isArray(v)) return INVALID;
        let out: unknown[] | undefined;
        for (let i = 0; i < v.length; i++) {
          const r = check(v[i]);
          if (r === INVALID) return INVALID;
          if (r !== v[i] && !out) out = v.slice(0, i);
          if (out) out[i] = r;
        }
        // zod's copy would hold the same items in the same order: the input itself is that copy
        return out ?? v;
      };
    }
    case 'object':
      return compileObject(schema);
    case 'enum': {
      // zod's enum returns its input when it is one of the values
      const values = new Set(Object.values(def.entries ?? {}));
      const judged = delegate(schema);
      return (v) => (values.has(v) ? v : judged(v));
    }
    case 'union': {
      // the first option that accepts the value gives the answer; an exclusive or discriminated union is zod's
      if (def.inclusive === false || def.discriminator !== undefined || !def.options) return delegate(schema);
      const options = def.options.map(checkerOf);
      return (v) => {
        for (const option of options) {
          const r = option(v);
          if (r !== INVALID) return r;
        }
        return INVALID;
      };
    }
    default:
      return delegate(schema);
  }
}

/**
 * z.number() with the integer format and bounds (ports, priorities): a safe integer within them is
 * its own output; anything else (a fraction, NaN, out of range, another check) goes to zod.
 */
function compileNumber(schema: Schema): Check {
  const judged = delegate(schema);
  let integer = false;
  let min = -Infinity;
  let max = Infinity;
  let minInclusive = true;
  let maxInclusive = true;
  for (const c of schema._zod.def.checks ?? []) {
    const d = (c as { _zod?: { def?: CheckDef } })._zod?.def;
    if (d === undefined || d.when !== undefined) return judged;
    if (d.check === 'number_format' && d.format === 'safeint') integer = true;
    // one bound of each kind (more are zod's business)
    else if (d.check === 'greater_than' && typeof d.value === 'number' && min === -Infinity) [min, minInclusive] = [d.value, d.inclusive === true];
    else if (d.check === 'less_than' && typeof d.value === 'number' && max === Infinity) [max, maxInclusive] = [d.value, d.inclusive === true];
    else return judged;
  }
  // without the integer format, zod's own NaN and infinity rules would have to be mirrored: not worth it
  if (!integer) return judged;
  return (v) => {
    if (typeof v === 'number' && Number.isSafeInteger(v) && (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max)) return v;
    return judged(v);
  };
}

/** The parts of a zod 4 check's definition read by compileNumber. */
interface CheckDef {
  readonly check?: string;
  readonly format?: string;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly when?: unknown;
}

interface Field {
  readonly key: string;
  readonly check: Check;
  /** May be absent (optional or nullish); else required. */
  readonly optional: boolean;
}

/**
 * zod's object, as data: the declared keys with their checked values, and for a loose object every
 * other enumerable key of the input as it is, except `__proto__` (zod drops it, so that the result
 * keeps its prototype); a strict object is left to zod. The keys keep the input's order (zod's own
 * copy puts the declared ones first): nothing reads an object's key order (selectors, ports and
 * rules are read by name), and a valid plain object is then its own result, with no copy made or
 * kept beside it. A copy is made only where a value changes (zod's output of a field differs) or
 * where zod drops a key.
 */
function compileObject(schema: Schema): Check {
  const { def } = schema._zod;
  const shape = def.shape ?? {};
  if (Object.getOwnPropertySymbols(shape).length > 0) return delegate(schema);
  const catchall = def.catchall?._zod;
  const looseUnknown = catchall !== undefined && catchall.def.type === 'unknown' && (catchall.def.checks?.length ?? 0) === 0;
  if (catchall !== undefined && !looseUnknown) return delegate(schema);
  const fields: Field[] = [];
  for (const key of Object.keys(shape)) {
    if (key === '__proto__') continue;
    const field = (shape[key] as Schema)._zod;
    const optional = field.optin === 'optional' && field.optout === 'optional';
    // a default or a half-optional field: zod's business; except a schema of ours declared with
    // withFastAccept (a preprocess takes undefined in, so zod marks it optin: its answer decides)
    if (!optional && field.optin !== undefined && !accepting.has(shape[key] as object)) return delegate(schema);
    fields.push({ key, check: checkerOf(shape[key] as Schema), optional });
  }
  const declared = new Set(fields.map((f) => f.key));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return INVALID;
    const input = v as Record<string, unknown>;
    // the checked values that differ from the input's (rare: most values are their own result)
    let changed: Map<string, unknown> | undefined;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as Field;
      const value = input[f.key];
      const r = f.check(value);
      const present = value !== undefined || f.key in input;
      if (r === INVALID) {
        if (f.optional && !present) continue;
        return INVALID;
      }
      if (!present) {
        if (!f.optional) return INVALID;
        continue;
      }
      if (r !== value) (changed ??= new Map()).set(f.key, r);
    }
    const plain = Object.getPrototypeOf(input) === Object.prototype && !Object.hasOwn(input, '__proto__');
    if (changed === undefined && plain && (looseUnknown || onlyDeclared(input, declared))) return input;
    const out: Record<string, unknown> = {};
    for (const k in input) {
      if (k === '__proto__') continue;
      if (declared.has(k)) out[k] = changed?.has(k) ? changed.get(k) : input[k];
      else if (looseUnknown) out[k] = input[k];
    }
    return out;
  };
}

/** Whether every enumerable key of `input` is a declared one (a stripping object then drops nothing). */
function onlyDeclared(input: Record<string, unknown>, declared: ReadonlySet<string>): boolean {
  for (const k in input) if (!declared.has(k)) return false;
  return true;
}
