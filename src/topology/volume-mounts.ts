import path from 'node:path';
import type { PodSpec } from '../manifests/schemas.js';

/**
 * Which of a ConfigMap or Secret volume's keys the pod's containers can read. The kubelet writes
 * each key as a file named by the key, or, when the volume lists `items`, only those keys, each at
 * its item's `path`. A container sees the files of the mounts it has: a mount without `subPath`
 * sees the whole volume, a mount with `subPath: app.conf` only that file (or the files under it,
 * when it names a folder of item paths). A key no mount shows is read by no container, so the
 * scan finds no address in it: a shared ConfigMap whose components each mount their own file
 * gives each component its own file's links, not all of them.
 *
 * The subPath is cleaned as the kubelet joins it to the volume's folder (`.` and `conf//` are the
 * volume and `conf`). Unknown stays open: a `subPathExpr` (expanded from the container's
 * environment at run time), a subPath into the kubelet's own folders (`..data` holds every key), a
 * mount whose fields are not strings, or a volume no container mounts (a mutating webhook may mount
 * it in a container the manifests do not hold) shows every key, as before this reading.
 */
export type VolumeKeys = (key: string) => boolean;

const EVERY_KEY: VolumeKeys = () => true;

interface Mount {
  readonly name: string;
  /** undefined: the whole volume (no subPath) or unknown (subPathExpr). */
  readonly subPath: string | undefined;
}

/** The volume mounts of every container of the pod (init containers and sidecars included), by volume name, read once per pod spec and leniently: the schema does not validate them. */
const mountCache = new WeakMap<object, ReadonlyMap<string, readonly Mount[]>>();

function mountsOf(spec: PodSpec): ReadonlyMap<string, readonly Mount[]> {
  const known = mountCache.get(spec);
  if (known) return known;
  const out = new Map<string, Mount[]>();
  for (const list of [spec.initContainers, spec.containers, (spec as { ephemeralContainers?: unknown }).ephemeralContainers]) {
    if (!Array.isArray(list)) continue;
    for (const container of list) {
      const mounts = (container as { volumeMounts?: unknown } | null)?.volumeMounts;
      if (!Array.isArray(mounts)) continue;
      for (const m of mounts) {
        const { name, subPath, subPathExpr } = (m ?? {}) as { name?: unknown; subPath?: unknown; subPathExpr?: unknown };
        if (typeof name !== 'string') continue;
        const expr = subPathExpr !== undefined && subPathExpr !== null && subPathExpr !== '';
        const mount = { name, subPath: typeof subPath === 'string' && !expr ? cleaned(subPath) : undefined };
        const same = out.get(name);
        if (same) same.push(mount);
        else out.set(name, [mount]);
      }
    }
  }
  mountCache.set(spec, out);
  return out;
}

/** A subPath as a file path inside the volume, or undefined for the whole volume or a place unknown here. */
function cleaned(subPath: string): string | undefined {
  const p = path.posix.normalize(subPath).replace(/^\/+/, '').replace(/\/+$/, '');
  if (p === '' || p === '.' || p.startsWith('..')) return undefined;
  return p;
}

/**
 * The keys of the pod's volume `volumeName` its containers can read. `items` is the volume's
 * list (key and path), or undefined when it lists none (every key, at a file of its own name).
 */
export function readableKeys(spec: PodSpec | null | undefined, volumeName: string | undefined, items: readonly { key: string; path?: unknown }[] | undefined): VolumeKeys {
  const listed = items && items.length > 0 ? filesByKey(items) : undefined;
  const keyListed: VolumeKeys = listed ? (key) => listed.has(key) : EVERY_KEY;
  if (volumeName === undefined || !spec) return keyListed;
  const mounts = mountsOf(spec).get(volumeName) ?? [];
  if (mounts.length === 0 || mounts.some((m) => m.subPath === undefined)) return keyListed;
  const subPaths = mounts.map((m) => m.subPath as string);
  return (key) => {
    const files = listed ? listed.get(key) : [key];
    return files !== undefined && files.some((file) => subPaths.some((s) => file === s || file.startsWith(`${s}/`)));
  };
}

/** Each listed key's files: its items' paths (a key listed twice is written at both). */
function filesByKey(items: readonly { key: string; path?: unknown }[]): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const i of items) {
    const file = (typeof i.path === 'string' ? cleaned(i.path) : undefined) ?? i.key;
    const files = out.get(i.key);
    if (files) files.push(file);
    else out.set(i.key, [file]);
  }
  return out;
}
