/**
 * An immutable set of small integers (pod-class or address-atom ids) out of a fixed universe
 * [0, size). A rule's peers usually select a handful of classes out of thousands, and a few rules
 * select nearly all of them, so a set has two encodings chosen by its density: a sparse set is
 * its sorted ids (membership by binary search), a dense one 32-bit words (membership one shift).
 * Either way a set costs what it holds: three classes out of 20,000 are three entries, not 625
 * words, which keeps binding linear in the rules rather than rules times classes.
 */
export class IdSet {
  private constructor(
    /** The universe: ids are in [0, size). */
    readonly size: number,
    /** How many ids the set holds. */
    readonly count: number,
    /** Sorted ids (sparse encoding), or undefined. */
    private readonly ids: Uint32Array | undefined,
    /** Bit words (dense encoding), or undefined. */
    private readonly words: Uint32Array | undefined,
  ) {}

  static empty(size: number): IdSet {
    return new IdSet(size, 0, new Uint32Array(0), undefined);
  }

  static full(size: number): IdSet {
    const words = new Uint32Array((size + 31) >>> 5).fill(0xffffffff);
    const extra = words.length * 32 - size;
    if (extra > 0) words[words.length - 1] = 0xffffffff >>> extra;
    return IdSet.fromWords(size, words, size);
  }

  /** The set of `ids` (any order, duplicates allowed; each must be in [0, size)). */
  static of(size: number, ids: Iterable<number>): IdSet {
    const sorted = Uint32Array.from(ids).sort();
    return IdSet.fromSorted(size, sorted);
  }

  /** The union of many sets of one universe, in one pass (no intermediate sets). */
  static unionAll(size: number, sets: Iterable<IdSet>): IdSet {
    const list: IdSet[] = [];
    let total = 0;
    for (const s of sets) {
      if (s.count === 0) continue;
      if (s.count === size) return s;
      list.push(s);
      total += s.count;
    }
    if (list.length === 0) return IdSet.empty(size);
    if (list.length === 1) return list[0] as IdSet;
    if (!IdSet.dense(size, total)) {
      // every member is sparse (a dense set alone holds at least size/32 ids): concatenate and sort
      const all = new Uint32Array(total);
      let at = 0;
      for (const s of list) {
        all.set(s.ids as Uint32Array, at);
        at += s.count;
      }
      return IdSet.fromSorted(size, all.sort());
    }
    const words = new Uint32Array((size + 31) >>> 5);
    for (const s of list) s.orInto(words);
    return IdSet.fromWords(size, words, popcount(words));
  }

  has(id: number): boolean {
    if (this.words) return ((this.words[id >>> 5] as number) & (1 << (id & 31))) !== 0;
    const ids = this.ids as Uint32Array;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = ids[mid] as number;
      if (x < id) lo = mid + 1;
      else if (x > id) hi = mid - 1;
      else return true;
    }
    return false;
  }

  union(other: IdSet): IdSet {
    return IdSet.unionAll(this.size, [this, other]);
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** Calls `f` with each id in ascending order (without an iterator object per id: hot loops use this). */
  forEach(f: (id: number) => void): void {
    if (this.ids) {
      for (let i = 0; i < this.ids.length; i++) f(this.ids[i] as number);
      return;
    }
    const words = this.words as Uint32Array;
    for (let i = 0; i < words.length; i++) {
      let w = words[i] as number;
      while (w !== 0) {
        f(i * 32 + (31 - Math.clz32(w & -w)));
        w &= w - 1;
      }
    }
  }

  /** The ids in ascending order. */
  *[Symbol.iterator](): IterableIterator<number> {
    if (this.ids) {
      yield* this.ids;
      return;
    }
    const words = this.words as Uint32Array;
    for (let i = 0; i < words.length; i++) {
      let w = words[i] as number;
      while (w !== 0) {
        yield i * 32 + (31 - Math.clz32(w & -w));
        w &= w - 1;
      }
    }
  }

  /** Sets this set's bits in `words` (a dense buffer of the same universe). */
  private orInto(words: Uint32Array): void {
    if (this.words) {
      for (let i = 0; i < words.length; i++) words[i] = (words[i] as number) | (this.words[i] as number);
      return;
    }
    for (const id of this.ids as Uint32Array) words[id >>> 5] = (words[id >>> 5] as number) | (1 << (id & 31));
  }

  /** Dense once the words take less memory than the ids would. */
  private static dense(size: number, count: number): boolean {
    return count * 32 >= size && count > 0;
  }

  private static fromSorted(size: number, sorted: Uint32Array): IdSet {
    // drop duplicates in place
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i] as number;
    const ids = n === sorted.length ? sorted : sorted.slice(0, n);
    if (!IdSet.dense(size, n)) return new IdSet(size, n, ids, undefined);
    const words = new Uint32Array((size + 31) >>> 5);
    for (const id of ids) words[id >>> 5] = (words[id >>> 5] as number) | (1 << (id & 31));
    return IdSet.fromWords(size, words, n);
  }

  private static fromWords(size: number, words: Uint32Array, count: number): IdSet {
    if (IdSet.dense(size, count)) return new IdSet(size, count, undefined, words);
    const ids = new Uint32Array(count);
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      let w = words[i] as number;
      while (w !== 0) {
        ids[at++] = i * 32 + (31 - Math.clz32(w & -w));
        w &= w - 1;
      }
    }
    return new IdSet(size, count, ids, undefined);
  }
}

function popcount(words: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as number;
    w -= (w >>> 1) & 0x55555555;
    w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
    n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}
