/**
 * A fixed-size set of small integers (class or atom ids) as 32-bit words: membership is one
 * shift, union one pass, and a rule that matches every class costs C/32 words, not C entries.
 */
export class Bitset {
  private constructor(
    readonly size: number,
    private readonly words: Uint32Array,
  ) {}

  static empty(size: number): Bitset {
    return new Bitset(size, new Uint32Array((size + 31) >>> 5));
  }

  static full(size: number): Bitset {
    const b = Bitset.empty(size);
    b.words.fill(0xffffffff);
    const extra = b.words.length * 32 - size;
    if (extra > 0 && b.words.length > 0) b.words[b.words.length - 1] = 0xffffffff >>> extra;
    return b;
  }

  static of(size: number, ids: Iterable<number>): Bitset {
    const b = Bitset.empty(size);
    for (const id of ids) b.words[id >>> 5] = (b.words[id >>> 5] as number) | (1 << (id & 31));
    return b;
  }

  has(id: number): boolean {
    return ((this.words[id >>> 5] as number) & (1 << (id & 31))) !== 0;
  }

  /** A new set holding both. */
  union(other: Bitset): Bitset {
    const out = new Uint32Array(this.words);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) | (other.words[i] as number);
    return new Bitset(this.size, out);
  }

  /** Adds one id in place (only for sets under construction). */
  add(id: number): void {
    this.words[id >>> 5] = (this.words[id >>> 5] as number) | (1 << (id & 31));
  }

  copy(): Bitset {
    return new Bitset(this.size, new Uint32Array(this.words));
  }

  /** Adds `other` into this set in place (only for sets under construction). */
  addAll(other: Bitset): void {
    for (let i = 0; i < this.words.length; i++) this.words[i] = (this.words[i] as number) | (other.words[i] as number);
  }

  get isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (let i = 0; i < this.words.length; i++) {
      let w = this.words[i] as number;
      while (w !== 0) {
        const bit = 31 - Math.clz32(w & -w);
        yield i * 32 + bit;
        w &= w - 1;
      }
    }
  }
}
