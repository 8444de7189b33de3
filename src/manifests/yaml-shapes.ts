/**
 * Block mappings built by their shape. Kubernetes documents repeat a few dozen key lists
 * (`name, containerPort`, `protocol, port`, `apiVersion, kind, metadata, spec`) hundreds of
 * thousands of times. A mapping whose key list was met often enough is built by an object literal
 * of exactly those keys, compiled once: one allocation of the exact size (a `{}` grown key by key
 * keeps room for four properties, and each stored key is a lookup), and an allocation site V8 may
 * place straight into the old generation when its objects live long, as parsed documents do, so
 * that the young-generation collector does not copy them twice.
 *
 * The object is the same as `{}` given the keys in order: same own data properties, same order
 * (integer-like keys first, as for any object), Object.prototype. `__proto__` never comes here (the
 * reader leaves it to js-yaml), keys are unique (the reader checks), and a key is written in the
 * literal as its JSON string, which JavaScript reads back as the same string.
 */

/** Mappings with more keys than this are built key by key (ConfigMap data, long label maps). */
export const MAX_SHAPE_KEYS = 12;
/** A key list gets its literal on its fourth meeting: lists met once or twice are not worth a compile. */
const MEETINGS_BEFORE_LITERAL = 4;
/** Bounds what input of many different key lists can make this module hold or compile. */
const MAX_LITERALS = 1024;
const MAX_NODES = 1 << 16;

type Build = (values: readonly unknown[]) => Record<string, unknown>;

interface ShapeNode {
  readonly next: Map<string, ShapeNode>;
  met: number;
  build: Build | undefined;
}

const root: ShapeNode = { next: new Map(), met: 0, build: undefined };
let nodes = 1;
let literals = 0;

/** The mapping of `keys[i]: values[i]` for i < n (n <= MAX_SHAPE_KEYS), keys unique and never `__proto__`. */
export function shapedMapping(keys: readonly string[], values: readonly unknown[], n: number): Record<string, unknown> {
  let node: ShapeNode | undefined = root;
  for (let i = 0; i < n && node !== undefined; i++) {
    const key = keys[i] as string;
    let next: ShapeNode | undefined = node.next.get(key);
    if (next === undefined && nodes < MAX_NODES) {
      next = { next: new Map(), met: 0, build: undefined };
      node.next.set(key, next);
      nodes++;
    }
    node = next;
  }
  if (node !== undefined) {
    if (node.build !== undefined) return node.build(values);
    if (++node.met >= MEETINGS_BEFORE_LITERAL && literals < MAX_LITERALS) {
      node.build = literalOf(keys, n);
      literals++;
      return node.build(values);
    }
  }
  return keyByKey(keys, values, n);
}

/** The mapping built by assignments, as js-yaml builds it. */
export function keyByKey(keys: readonly string[], values: readonly unknown[], n: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) result[keys[i] as string] = values[i];
  return result;
}

/** `(v) => ({"k0": v[0], "k1": v[1], ...})`, or assignments where code cannot be made from text (`--disallow-code-generation-from-strings`). */
function literalOf(keys: readonly string[], n: number): Build {
  const entries: string[] = [];
  for (let i = 0; i < n; i++) entries.push(`${JSON.stringify(keys[i])}: v[${i}]`);
  try {
    return new Function('v', `return {${entries.join(', ')}};`) as Build;
  } catch {
    literals = MAX_LITERALS;
    const own = keys.slice(0, n);
    return (values) => keyByKey(own, values, n);
  }
}

/**
 * Lists of one to eight entries by an array literal of that length (their own allocation sites,
 * as for mappings); longer ones copied at their exact length. A list grown by `push` keeps room
 * for 16 more entries, and parsed documents live as long as the run.
 */
const LIST_LITERALS: readonly ((v: readonly unknown[]) => unknown[])[] = [
  () => [],
  (v) => [v[0]],
  (v) => [v[0], v[1]],
  (v) => [v[0], v[1], v[2]],
  (v) => [v[0], v[1], v[2], v[3]],
  (v) => [v[0], v[1], v[2], v[3], v[4]],
  (v) => [v[0], v[1], v[2], v[3], v[4], v[5]],
  (v) => [v[0], v[1], v[2], v[3], v[4], v[5], v[6]],
  (v) => [v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]],
];

/** The first `n` entries of `entries` as a list of their own. */
export function listOf(entries: readonly unknown[], n: number): unknown[] {
  const literal = LIST_LITERALS[n];
  return literal !== undefined ? literal(entries) : entries.slice(0, n);
}
