import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  ConnectionSet,
  DEFAULT_READ_SETTINGS,
  atomize,
  compareStrings,
  loadManifests,
  peerKey,
  workloadKey
} from "./chunk-O73IRBZ3.mjs";
import {
  INVISIBLE,
  ParseCache,
  escapeChar,
  parseStoredOrFresh,
  safeLine
} from "./chunk-TBLT5FKE.mjs";

// src/report/escape.ts
var MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&@~:"'=]/g;
var JOINER = "‍";
function escapeMarkdown(text) {
  return neutraliseAutolinks(
    text.replace(/\r\n?|\n/g, " ").replace(INVISIBLE, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`).replace(MD_SPECIAL, (c) => {
      switch (c) {
        case "<":
          return "&lt;";
        case ">":
          return "&gt;";
        case "&":
          return "&amp;";
        case '"':
          return "&quot;";
        case "@":
          return "@‍";
        case "|":
          return "\\|";
        default:
          return `\\${c}`;
      }
    })
  );
}
function neutraliseAutolinks(text) {
  return text.replace(/#(?=\d)/g, `#${JOINER}`).replace(/(GH)(\\?-\d)/gi, `$1${JOINER}$2`).replace(/\b[0-9a-fA-F]{7,}\b/g, (hex) => hex.replace(/(.{6})(?=.)/g, `$1${JOINER}`)).replace(/\/\//g, `/${JOINER}/`).replace(/(www)(\\?\.)/gi, `$1${JOINER}$2`);
}
function markdownCode(text) {
  const clean = text.replace(/\r\n?|\n/g, " ").replace(INVISIBLE, escapeChar).replace(/`/g, "'").replace(/\|/g, "∣");
  return `\`${clean}\``;
}
function escapeMermaid(text) {
  return text.replace(/[^A-Za-z0-9 ./_\-:,[\]{}]/g, (c) => `#${c.codePointAt(0)};`);
}
function oneLine(text) {
  return safeLine(text);
}

// src/action/settings.ts
import path from "node:path";
var families = (f) => f === "4" ? [4] : f === "6" ? [6] : [4, 6];
function resolveIn(inputs, p) {
  return path.resolve(inputs["working-directory"], p);
}
function readSettingsFromInputs(rt, inputs) {
  const config = inputs["helm-config"];
  const charts = config ? rt.io.readHelmConfig(resolveIn(inputs, config)) : /* @__PURE__ */ new Map();
  return {
    ...DEFAULT_READ_SETTINGS,
    ipFamilies: families(inputs["ip-family"]),
    render: {
      ...DEFAULT_READ_SETTINGS.render,
      helmValues: inputs["helm-values"].map((v) => resolveIn(inputs, v)),
      helmSet: inputs["helm-set"],
      charts,
      kustomizeFlags: inputs["kustomize-flags"],
      // the composite layer restores the folder with actions/cache and names it here (empty when `cache` is false)
      ...inputs.cache && rt.env.NETPOL_CI_CACHE_DIR ? { cacheDir: rt.env.NETPOL_CI_CACHE_DIR } : {}
    }
  };
}
function workspacePath(rt, file) {
  if (!path.isAbsolute(file)) return file;
  return path.relative(path.resolve(rt.env.GITHUB_WORKSPACE ?? "."), file).split(path.sep).join("/");
}
function shownAsRead(file) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

// src/pipeline/load.ts
function loadInputs(io, paths, settings, cache, mapping, comparedSide = false) {
  return loadRead(io, readInputs(io, paths, settings, mapping, comparedSide), settings, cache);
}
function readInputs(io, paths, settings, mapping, comparedSide = false) {
  const render = settings.namespace && settings.render.helmNamespace === void 0 ? { ...settings.render, helmNamespace: settings.namespace } : settings.render;
  return io.readManifests(paths, { maxFileBytes: settings.maxFileBytes, render, ...mapping ? { paths: mapping } : {}, ...comparedSide ? { comparedSide: true } : {}, ...settings.progress ? { progress: settings.progress } : {} });
}
function loadRead(io, read, settings, cache) {
  const dir = settings.render.cacheDir;
  let parses = cache ?? (dir ? new ParseCache() : void 0);
  if (dir && parses) {
    const unseen = read.files.filter((f) => !parses?.texts.has(f.text));
    for (const [file, stored] of io.storedParses(dir, unseen)) parses.stored.set(file, stored);
    parses.persist = true;
  }
  const toParse = parses ? read.files.filter((f) => !parses?.stored.has(f) && !parses?.texts.has(f.text)) : read.files;
  const share = io.startParsing(toParse);
  if (share) {
    parses ??= new ParseCache();
    for (let f = share.next(); f !== void 0; f = share.next()) parses.parsed.set(f, parseStoredOrFresh(f, parses));
    for (const [file, stored] of share.collect()) {
      parses.stored.set(file, stored);
      if (parses.persist) parses.fresh.set(file, stored);
    }
  }
  const load = loadManifests(read.files, parses, settings.namespace ? { defaultNamespace: settings.namespace } : {});
  if (dir && parses && parses.fresh.size > 0) {
    io.storeParses(dir, parses.fresh);
    parses.fresh.clear();
  }
  return { load, diagnostics: [...read.diagnostics, ...load.diagnostics], values: read.values };
}

// src/connectivity/diff.ts
function workloadsInfo(e) {
  return e.oneSided && e.oneSided.length > 0 ? `workload ${e.oneSided.join(" and ")} ${e.kind}` : void 0;
}
var KIND_ORDER = { changed: 0, added: 1, removed: 2 };
function diffConnectivity(before, after, moves = []) {
  const cuts = /* @__PURE__ */ new Set([...before.ipRanges, ...after.ipRanges]);
  for (const side of [before, after]) {
    for (const c of side.connections) {
      if (c.src.kind === "external") cuts.add(c.src.range);
      if (c.dst.kind === "external") cuts.add(c.dst.range);
    }
  }
  const families2 = [...new Set([...cuts].map((r) => r.family))];
  const atoms = atomize([...cuts], families2);
  const keys = new PeerIds();
  const a = refineKeyed(before, atoms, (src, dst) => keys.pair(src, dst));
  const b = refineKeyed(after, atoms, (src, dst) => keys.pair(src, dst));
  const beforeWorkloads = new Set(before.workloads.map(workloadKey));
  const afterWorkloads = new Set(after.workloads.map(workloadKey));
  const raw = [];
  a.forEach((x, key) => {
    const y = b.get(key);
    const conns = y?.conns ?? ConnectionSet.NONE;
    if (!conns.equals(x.conns)) raw.push({ kind: conns.isEmpty ? "removed" : "changed", src: x.src, dst: x.dst, before: x.conns, after: conns });
  });
  b.forEach((y, key) => {
    if (!a.has(key)) raw.push({ kind: "added", src: y.src, dst: y.dst, before: ConnectionSet.NONE, after: y.conns });
  });
  const info = (p, kind) => {
    if (p.kind !== "workload") return void 0;
    const k = workloadKey(p.ref);
    if (kind === "added" && !beforeWorkloads.has(k)) return k;
    if (kind === "removed" && !afterWorkloads.has(k)) return k;
    return void 0;
  };
  const entries = raw.map((e) => {
    const names = [info(e.src, e.kind), info(e.dst, e.kind)].filter((x) => x !== void 0);
    const withDelta = { ...e, gained: e.after.subtract(e.before), lost: e.before.subtract(e.after) };
    return names.length === 0 ? withDelta : { ...withDelta, oneSided: names };
  });
  const sortKey = new Map(entries.map((e) => [e, `${KIND_ORDER[e.kind]}\0${peerKey(e.src)}\0${peerKey(e.dst)}`]));
  entries.sort((x, y) => compareStrings(sortKey.get(x), sortKey.get(y)));
  const addedWorkloads = [...afterWorkloads].filter((k) => !beforeWorkloads.has(k)).sort();
  const removedWorkloads = [...beforeWorkloads].filter((k) => !afterWorkloads.has(k)).sort();
  const real = moves.filter((m) => removedWorkloads.includes(workloadKey(m.from)) && addedWorkloads.includes(workloadKey(m.to)));
  return { entries, addedWorkloads, removedWorkloads, moved: real.map((m) => ({ ...m, changes: moveChanges(entries, real, m) })) };
}
function moveChanges(entries, moves, m) {
  const headPeer = new Map(moves.map((x) => [workloadKey(x.from), { kind: "workload", ref: x.to }]));
  const [from, to] = [workloadKey(m.from), workloadKey(m.to)];
  const sides = /* @__PURE__ */ new Map();
  const at = (src, dst) => {
    const k = `${peerKey(src)}\0${peerKey(dst)}`;
    let x = sides.get(k);
    if (!x) sides.set(k, x = { src, dst, before: ConnectionSet.NONE, after: ConnectionSet.NONE });
    return x;
  };
  const rename = (p) => p.kind === "workload" ? headPeer.get(workloadKey(p.ref)) ?? p : p;
  for (const e of entries) {
    const [src, dst] = [peerKey(e.src), peerKey(e.dst)];
    if (src === from || dst === from) at(rename(e.src), rename(e.dst)).before = e.before;
    if (src === to || dst === to) at(e.src, e.dst).after = e.after;
  }
  const changed = [...sides.values()].filter((x) => !x.before.equals(x.after));
  return joinExternals(changed).sort((x, y) => compareStrings(`${peerKey(x.src)}\0${peerKey(x.dst)}`, `${peerKey(y.src)}\0${peerKey(y.dst)}`));
}
function joinExternals(changes) {
  const out = [];
  const runs = /* @__PURE__ */ new Map();
  for (const c of changes) {
    const ext = c.src.kind === "external" ? "src" : c.dst.kind === "external" ? "dst" : void 0;
    if (!ext) {
      out.push(c);
      continue;
    }
    const other = ext === "src" ? c.dst : c.src;
    const k = `${ext}\0${peerKey(other)}\0${c.before.toString()}\0${c.after.toString()}`;
    runs.set(k, [...runs.get(k) ?? [], c]);
  }
  for (const run of runs.values()) {
    const range = (c) => (c.src.kind === "external" ? c.src : c.dst).range;
    const sorted = [...run].sort((x, y) => range(x).family - range(y).family || (range(x).lo < range(y).lo ? -1 : range(x).lo > range(y).lo ? 1 : 0));
    let cur;
    for (const c of sorted) {
      const r = range(c);
      const prev = cur ? range(cur) : void 0;
      if (cur && prev && prev.family === r.family && prev.hi + 1n === r.lo) {
        const joined = { kind: "external", range: { family: r.family, lo: prev.lo, hi: r.hi } };
        cur = cur.src.kind === "external" ? { ...cur, src: joined } : { ...cur, dst: joined };
        continue;
      }
      if (cur) out.push(cur);
      cur = c;
    }
    if (cur) out.push(cur);
  }
  return out;
}
var PeerIds = class {
  ids = /* @__PURE__ */ new Map();
  byObject = /* @__PURE__ */ new Map();
  of(p) {
    const obj = p.kind === "workload" ? p.ref : p.kind === "external" ? p.range : void 0;
    let id = obj ? this.byObject.get(obj) : void 0;
    if (id !== void 0) return id;
    const key = peerKey(p);
    id = this.ids.get(key);
    if (id === void 0) this.ids.set(key, id = this.ids.size);
    if (obj) this.byObject.set(obj, id);
    return id;
  }
  /** One number per (src, dst): ids stay far below 2^26, so the product is an exact integer. */
  pair(src, dst) {
    return this.of(src) * PAIR_BASE + this.of(dst);
  }
};
var PAIR_BASE = 2 ** 26;
function refineKeyed(c, atoms, pairKey) {
  const out = /* @__PURE__ */ new Map();
  const atomPeers = /* @__PURE__ */ new Map();
  const atomPeer = (range) => {
    let p = atomPeers.get(range);
    if (!p) atomPeers.set(range, p = { kind: "external", range });
    return p;
  };
  const put = (src, dst, conns) => {
    const key = pairKey(src, dst);
    const cur = out.get(key);
    out.set(key, { src, dst, conns: cur ? cur.conns.union(conns) : conns });
  };
  for (const x of c.connections) {
    if (x.src.kind === "external") for (const atom of within(atoms, x.src.range)) put(atomPeer(atom), x.dst, x.conns);
    else if (x.dst.kind === "external") for (const atom of within(atoms, x.dst.range)) put(x.src, atomPeer(atom), x.conns);
    else put(x.src, x.dst, x.conns);
  }
  return out;
}
function refine(c, atoms) {
  const keys = /* @__PURE__ */ new Map();
  const keyOf = (p) => {
    const obj = p.kind === "workload" ? p.ref : p.kind === "external" ? p.range : void 0;
    if (!obj) return peerKey(p);
    let k = keys.get(obj);
    if (k === void 0) keys.set(obj, k = peerKey(p));
    return k;
  };
  return refineKeyed(c, atoms, (src, dst) => `${keyOf(src)}\0${keyOf(dst)}`);
}
function within(atoms, range) {
  let lo = 0;
  let hi = atoms.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    const m = atoms[mid];
    if (m.family < range.family || m.family === range.family && m.hi < range.lo) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < atoms.length; i++) {
    const a = atoms[i];
    if (a.family !== range.family || a.lo > range.hi) break;
    out.push(a);
  }
  return out;
}

export {
  loadInputs,
  readInputs,
  loadRead,
  escapeMarkdown,
  markdownCode,
  escapeMermaid,
  oneLine,
  workloadsInfo,
  diffConnectivity,
  refine,
  resolveIn,
  readSettingsFromInputs,
  workspacePath,
  shownAsRead
};
