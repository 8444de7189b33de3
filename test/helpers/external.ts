/**
 * Connectivity lines with the outside address space joined: adjacent ranges with the same peer and
 * connections become one (the engine may print the space split at every boundary the policies
 * mention, or joined; both say the same).
 */
export function joinExternal(entries: readonly (readonly [string, string, string])[]): string[] {
  const EXT = /^(\d+\.\d+\.\d+\.\d+)-(\d+\.\d+\.\d+\.\d+)\[External\]$/;
  const ip = (s: string) => s.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const fmt = (n: number) => [24, 16, 8, 0].map((b) => Math.floor(n / 2 ** b) % 256).join('.');
  const out: string[] = [];
  const groups = new Map<string, [number, number][]>();
  for (const [src, dst, conns] of entries) {
    const s = EXT.exec(src);
    const d = EXT.exec(dst);
    const m = s ?? d;
    if (!m) {
      out.push(`${src} => ${dst} : ${conns}`);
      continue;
    }
    const key = s ? `ext\u0000${dst}\u0000${conns}` : `${src}\u0000ext\u0000${conns}`;
    const list = groups.get(key) ?? [];
    list.push([ip(m[1] as string), ip(m[2] as string)]);
    groups.set(key, list);
  }
  for (const [key, ranges] of groups) {
    const [a, b, conns] = key.split('\u0000') as [string, string, string];
    ranges.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    for (const [lo, hi] of merged) {
      const ext = `${fmt(lo)}-${fmt(hi)}[External]`;
      out.push(a === 'ext' ? `${ext} => ${b} : ${conns}` : `${a} => ${ext} : ${conns}`);
    }
  }
  return out.sort();
}
