/**
 * A set of integers kept in one canonical form: sorted, disjoint, non-touching inclusive
 * intervals stored flat as [lo0, hi0, lo1, hi1, ...]. Because the form is canonical, equality is
 * structural and every operation is a linear merge that returns a new value.
 */
export class IntervalSet {
  static readonly EMPTY = new IntervalSet([]);

  private constructor(private readonly bounds: readonly number[]) {}

  static range(lo: number, hi: number): IntervalSet {
    return lo > hi ? IntervalSet.EMPTY : new IntervalSet([lo, hi]);
  }

  static point(n: number): IntervalSet {
    return new IntervalSet([n, n]);
  }

  /** Builds a set from arbitrary (possibly overlapping, unsorted) inclusive intervals. */
  static of(intervals: Iterable<readonly [number, number]>): IntervalSet {
    const sorted = [...intervals].filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out: number[] = [];
    for (const [lo, hi] of sorted) {
      const last = out.length - 1;
      if (last > 0 && lo <= (out[last] as number) + 1) {
        if (hi > (out[last] as number)) out[last] = hi;
      } else {
        out.push(lo, hi);
      }
    }
    return out.length === 0 ? IntervalSet.EMPTY : new IntervalSet(out);
  }

  get isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  /** Whether every member lies in [lo, hi] (the empty set does). */
  within(lo: number, hi: number): boolean {
    return this.bounds.length === 0 || ((this.bounds[0] as number) >= lo && (this.bounds[this.bounds.length - 1] as number) <= hi);
  }

  /** The intervals as [lo, hi] pairs, in order. */
  *intervals(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.bounds.length; i += 2) yield [this.bounds[i] as number, this.bounds[i + 1] as number];
  }

  get size(): number {
    let n = 0;
    for (let i = 0; i < this.bounds.length; i += 2) n += (this.bounds[i + 1] as number) - (this.bounds[i] as number) + 1;
    return n;
  }

  contains(n: number): boolean {
    // binary search over interval starts
    let lo = 0;
    let hi = this.bounds.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const a = this.bounds[2 * mid] as number;
      const b = this.bounds[2 * mid + 1] as number;
      if (n < a) hi = mid - 1;
      else if (n > b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  equals(other: IntervalSet): boolean {
    if (this === other) return true;
    const a = this.bounds;
    const b = other.bounds;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  union(other: IntervalSet): IntervalSet {
    if (other.isEmpty || this === other) return this;
    if (this.isEmpty) return other;
    return IntervalSet.merge(this.bounds, other.bounds, (x, y) => x || y);
  }

  intersect(other: IntervalSet): IntervalSet {
    if (this.isEmpty || other.isEmpty) return IntervalSet.EMPTY;
    if (this === other) return this;
    return IntervalSet.merge(this.bounds, other.bounds, (x, y) => x && y);
  }

  subtract(other: IntervalSet): IntervalSet {
    if (this.isEmpty || other.isEmpty) return this;
    return IntervalSet.merge(this.bounds, other.bounds, (x, y) => x && !y);
  }

  isSubsetOf(other: IntervalSet): boolean {
    return this.subtract(other).isEmpty;
  }

  overlaps(other: IntervalSet): boolean {
    return !this.intersect(other).isEmpty;
  }

  /** `80,443,8000-8080`; empty is the empty string. */
  toString(): string {
    // straight from the bounds (closed [lo, hi] pairs), without intervals()' generator
    let text = '';
    for (let i = 0; i < this.bounds.length; i += 2) {
      const lo = this.bounds[i] as number;
      const hi = this.bounds[i + 1] as number;
      text += `${i === 0 ? '' : ','}${lo === hi ? `${lo}` : `${lo}-${hi}`}`;
    }
    return text;
  }

  /**
   * Sweeps the boundaries of two canonical sets and keeps the points where `keep(inA, inB)` holds.
   * Boundaries are half-open internally ([lo, hi+1)) so adjacent output intervals fuse naturally.
   */
  private static merge(a: readonly number[], b: readonly number[], keep: (inA: boolean, inB: boolean) => boolean): IntervalSet {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    let inA = false;
    let inB = false;
    let open = false;
    while (i < a.length || j < b.length) {
      const nextA = i < a.length ? (i % 2 === 0 ? (a[i] as number) : (a[i] as number) + 1) : Infinity;
      const nextB = j < b.length ? (j % 2 === 0 ? (b[j] as number) : (b[j] as number) + 1) : Infinity;
      const x = Math.min(nextA, nextB);
      if (nextA === x) {
        inA = i % 2 === 0;
        i++;
      }
      if (nextB === x) {
        inB = j % 2 === 0;
        j++;
      }
      const now = keep(inA, inB);
      if (now && !open) {
        out.push(x);
        open = true;
      } else if (!now && open) {
        out.push(x - 1);
        open = false;
      }
    }
    return out.length === 0 ? IntervalSet.EMPTY : new IntervalSet(out);
  }
}
