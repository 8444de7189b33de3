import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  startThreadJob,
  threadScript,
  threadWanted
} from "./chunk-CWFLCEMJ.js";
import {
  Codes,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_RENDER_OPTIONS,
  PARSED_FORMAT,
  appendAll,
  diag,
  external_exports,
  timedOut,
  yaml
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError,
  visible
} from "./chunk-LJ56FUY6.js";

// src/io/node-io.ts
import { spawnSync as spawnSync6 } from "node:child_process";
import { readdirSync as readdirSync5, readFileSync as readFileSync6, rmSync as rmSync2, statSync as statSync4, unlinkSync } from "node:fs";
import path12 from "node:path";

// src/io/files.ts
import { realpathSync as realpathSync2, statSync as statSync2 } from "node:fs";
import path6 from "node:path";

// src/manifests/render.ts
import path from "node:path/posix";
var KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
function isInside(file, dir) {
  return dir === "." || dir === "" || file === dir || file.startsWith(`${dir}/`);
}
function kustomizationRefs(dir, text) {
  let doc;
  try {
    doc = yaml.load(text);
  } catch {
    return [];
  }
  if (typeof doc !== "object" || doc === null) return [];
  const d = doc;
  const refs = [];
  for (const key of ["resources", "bases", "components"]) {
    const list = d[key];
    if (!Array.isArray(list)) continue;
    for (const r of list) if (typeof r === "string" && !/^[a-z]+:\/\//i.test(r) && !r.includes("?")) refs.push(path.normalize(path.join(dir, r)));
  }
  return refs;
}
function findRenderRoots(files, readText) {
  const chartDirs = files.filter((f) => path.basename(f) === "Chart.yaml").map((f) => path.dirname(f));
  const overlayDirs = files.filter((f) => KUSTOMIZATION_FILES.includes(path.basename(f))).map((f) => path.dirname(f));
  const referenced = /* @__PURE__ */ new Set();
  const components = /* @__PURE__ */ new Set();
  for (const dir of overlayDirs) {
    const file = files.find((f) => path.dirname(f) === dir && KUSTOMIZATION_FILES.includes(path.basename(f)));
    const text = file ? readText(file) : void 0;
    if (!text) continue;
    for (const r of kustomizationRefs(dir, text)) referenced.add(r);
    if (isComponent(text)) components.add(dir);
  }
  const insideChart = (d) => chartDirs.some((c) => c !== d && isInside(d, c));
  const insideOverlay = (d) => overlayDirs.some((o) => o !== d && isInside(d, o));
  const charts = chartDirs.filter((c) => !insideChart(c) && !referenced.has(c) && !insideOverlay(c)).sort();
  const overlays = overlayDirs.filter((o) => !referenced.has(o) && !insideChart(o) && !chartDirs.includes(o) && !insideOverlay(o) && !components.has(o));
  for (const o of unreachableOverlays(overlayDirs, overlays, files, readText)) if (!insideChart(o) && !chartDirs.includes(o) && !insideOverlay(o) && !components.has(o)) overlays.push(o);
  overlays.sort();
  const special = [...chartDirs, ...overlayDirs];
  const plain = files.filter(
    (f) => /\.(ya?ml|json)$/i.test(f) && !special.some((d) => isInside(f, d)) && !referenced.has(path.normalize(f))
  );
  return { charts, overlays, plain: plain.sort() };
}
function unreachableOverlays(overlayDirs, roots, files, readText) {
  const refsOf = /* @__PURE__ */ new Map();
  for (const dir of overlayDirs) {
    const file = files.find((f) => path.dirname(f) === dir && KUSTOMIZATION_FILES.includes(path.basename(f)));
    const text = file ? readText(file) : void 0;
    refsOf.set(dir, text ? kustomizationRefs(dir, text) : []);
  }
  const reached = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const r of refsOf.get(queue.pop()) ?? []) {
      if (refsOf.has(r) && !reached.has(r)) {
        reached.add(r);
        queue.push(r);
      }
    }
  }
  return overlayDirs.filter((o) => !reached.has(o));
}
function isComponent(kustomization) {
  try {
    const doc = yaml.load(kustomization);
    return doc?.kind === "Component";
  } catch {
    return false;
  }
}
function splitHelmOutput(output, chartDisplay) {
  const bySource = /* @__PURE__ */ new Map();
  let current = "(unknown template)";
  let buf = [];
  const flush = () => {
    if (buf.some((l) => l.trim() !== "" && l.trim() !== "---")) {
      const list = bySource.get(current) ?? [];
      list.push(buf.join("\n"));
      bySource.set(current, list);
    }
    buf = [];
  };
  for (const line of output.split(/\r?\n/)) {
    const m = /^# Source: (.+)$/.exec(line);
    if (m) {
      flush();
      current = m[1].split("/").slice(1).join("/");
      continue;
    }
    if (/^---\s*$/.test(line)) {
      flush();
      continue;
    }
    buf.push(line);
  }
  flush();
  return [...bySource].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([source, docs]) => ({ path: `${chartDisplay}/${source} [rendered]`, text: docs.map((d) => `---
${d}`).join("\n") }));
}
function kustomizeOutput(output, overlayDisplay) {
  return [{ path: `${overlayDisplay}/kustomization [rendered]`, text: output }];
}

// src/io/decode.ts
function startsWith(buf, bytes) {
  return bytes.every((b, i) => buf[i] === b);
}
function looksLikeBomlessUtf16(buf) {
  const n = Math.min(buf.length, 512) & ~1;
  if (n < 4) return void 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul >= half * 0.9 && evenNul === 0) return "le";
  if (evenNul >= half * 0.9 && oddNul === 0) return "be";
  return void 0;
}
function decodeManifest(buf) {
  if (startsWith(buf, [255, 254, 0, 0]) || startsWith(buf, [0, 0, 254, 255])) {
    return { ok: false, reason: "encoding", message: "UTF-32 text is not supported; save the file as UTF-8" };
  }
  for (const [bom, label] of [
    [[255, 254], "utf-16le"],
    [[254, 255], "utf-16be"]
  ]) {
    if (!startsWith(buf, bom)) continue;
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(buf.subarray(2));
      return { ok: true, text, note: `decoded as ${label.toUpperCase()} (byte-order mark); Kubernetes tools expect UTF-8` };
    } catch {
      return { ok: false, reason: "encoding", message: `invalid ${label.toUpperCase()} text (it starts with a UTF-16 byte-order mark)` };
    }
  }
  const bomless = looksLikeBomlessUtf16(buf);
  if (bomless) return { ok: false, reason: "encoding", message: `UTF-16${bomless.toUpperCase()} without a byte-order mark is not supported; save the file as UTF-8` };
  if (buf.subarray(0, 8192).includes(0)) return { ok: false, reason: "binary", message: "binary file (NUL bytes); skipped" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return { ok: true, text: text.charCodeAt(0) === 65279 ? text.slice(1) : text };
  } catch {
    return { ok: false, reason: "binary", message: "not valid UTF-8 text; skipped" };
  }
}

// src/io/read-policy.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync } from "node:fs";
import path2 from "node:path";
function isInsideTree(target, root) {
  return target === root || target.startsWith(root.endsWith(path2.sep) ? root : root + path2.sep);
}
function specialKind(st) {
  if (st.isFIFO()) return "a FIFO";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  return void 0;
}
function errCode(e) {
  return e.code ?? e.message;
}
function readRegularFile(abs, root, maxBytes, listedReal) {
  let real = abs;
  let follow = false;
  try {
    if (listedReal !== void 0) return readOpened(abs, listedReal, maxBytes);
    const l = lstatSync(abs);
    if (l.isSymbolicLink()) {
      try {
        real = realpathSync(abs);
      } catch (e) {
        return { ok: false, refusal: { kind: "unreadable", code: `dangling symlink, ${errCode(e)}` } };
      }
      if (root !== void 0 && !isInsideTree(real, root)) return { ok: false, refusal: { kind: "escape", target: real } };
      follow = true;
    }
    const st = follow ? statSync(real) : l;
    const special = specialKind(st);
    if (special) return { ok: false, refusal: { kind: "special", what: special } };
    if (st.isDirectory()) return { ok: false, refusal: { kind: "special", what: "a folder" } };
    if (st.size > maxBytes) return { ok: false, refusal: { kind: "tooLarge", size: st.size } };
    return readOpened(real, real, maxBytes);
  } catch (e) {
    return { ok: false, refusal: { kind: "unreadable", code: errCode(e) } };
  }
}
function readOpened(file, real, maxBytes) {
  try {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const f = fstatSync(fd);
      const late = specialKind(f);
      if (late || !f.isFile()) return { ok: false, refusal: { kind: "special", what: late ?? "not a regular file" } };
      if (f.size > maxBytes) return { ok: false, refusal: { kind: "tooLarge", size: f.size } };
      const buf = Buffer.allocUnsafe(Math.min(f.size, maxBytes) + 1);
      let n = 0;
      for (; ; ) {
        const r = readSync(fd, buf, n, buf.length - n, null);
        if (r === 0) break;
        n += r;
        if (n > maxBytes) return { ok: false, refusal: { kind: "tooLarge", size: n } };
        if (n === buf.length) return { ok: false, refusal: { kind: "unreadable", code: "the file grew while being read" } };
      }
      return { ok: true, bytes: buf.subarray(0, n), real };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { ok: false, refusal: { kind: "unreadable", code: errCode(e) } };
  }
}
function refusalMessage(r, maxBytes, where = "the scanned folder") {
  switch (r.kind) {
    case "escape":
      return `symlink points outside ${where} (${r.target}); refused`;
    case "special":
      return `${r.what}, not a regular file; never read`;
    case "tooLarge":
      return `file is ${r.size} bytes, over the limit of ${maxBytes} bytes (--max-file-size); skipped`;
    case "unreadable":
      return `cannot read file: ${r.code}`;
  }
}
function skippedByScan(name) {
  return name.startsWith(".") || name === "node_modules";
}
function walkTree(dir, root, options) {
  const entries = [];
  const problems = [];
  const stack = [""];
  while (stack.length > 0) {
    const rel = stack.pop();
    const abs = rel === "" ? dir : path2.join(dir, rel);
    let list;
    try {
      list = readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      problems.push({ abs, kind: "unreadableFolder", detail: errCode(e) });
      continue;
    }
    for (const d of list) {
      const childRel = rel === "" ? d.name : `${rel}/${d.name}`;
      const childAbs = path2.join(abs, d.name);
      if (d.isDirectory()) {
        if (options.skipFolder(d.name)) {
          problems.push({ abs: childAbs, kind: "skippedFolder", detail: d.name });
          continue;
        }
        stack.push(childRel);
      } else if (d.isSymbolicLink()) {
        let target;
        let isDir = false;
        try {
          target = realpathSync(childAbs);
          isDir = statSync(target).isDirectory();
        } catch {
          target = void 0;
        }
        if (isDir && target !== void 0) {
          if (!isInsideTree(target, root)) problems.push({ abs: childAbs, kind: "folderSymlinkEscape", detail: target });
          continue;
        }
        entries.push({ rel: childRel, abs: childAbs, kind: "symlink" });
      } else if (d.isFile()) {
        entries.push({ rel: childRel, abs: childAbs, kind: "file" });
      } else {
        const what = d.isFIFO() ? "a FIFO" : d.isSocket() ? "a socket" : d.isCharacterDevice() ? "a character device" : d.isBlockDevice() ? "a block device" : "a special file";
        entries.push({ rel: childRel, abs: childAbs, kind: "special", what });
      }
    }
  }
  entries.sort((a, b) => a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
  problems.sort((a, b) => a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0);
  return { entries, problems };
}
function renderTreeProblems(tree) {
  const root = realpathSync(tree);
  const out = [];
  const { entries, problems } = walkTree(tree, root, { skipFolder: (name) => name === ".git" });
  for (const p of problems) {
    if (p.kind === "folderSymlinkEscape") out.push(`${path2.relative(tree, p.abs)} -> ${p.detail} (folder symlink outside the tree)`);
    if (p.kind === "unreadableFolder") out.push(`${path2.relative(tree, p.abs)} cannot be read (${p.detail})`);
  }
  for (const e of entries) {
    if (e.kind === "special") out.push(`${e.rel} is ${e.what}`);
    if (e.kind !== "symlink") continue;
    let target;
    try {
      target = realpathSync(e.abs);
    } catch {
      out.push(`${e.rel} -> ${safeReadlink(e.abs)} (dangling symlink)`);
      continue;
    }
    if (!isInsideTree(target, root)) out.push(`${e.rel} -> ${target} (outside the tree)`);
    else {
      const special = specialKind(statSync(target));
      if (special) out.push(`${e.rel} -> ${special}`);
    }
  }
  return out.sort();
}
function safeReadlink(p) {
  try {
    return readlinkSync(p);
  } catch {
    return "?";
  }
}

// src/io/render.ts
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync as existsSync2, readdirSync as readdirSync2, readFileSync as readFileSync2, readlinkSync as readlinkSync2 } from "node:fs";
import path5 from "node:path";

// src/io/disk-cache.ts
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path3 from "node:path";
var FORMAT = "netpol-ci-cache/1";
var DiskCache = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  file(kind, key) {
    return path3.join(this.dir, kind, `${key.slice(0, 2)}`, `${key}.json`);
  }
  get(kind, key, schema) {
    let raw;
    try {
      raw = JSON.parse(readFileSync(this.file(kind, key), "utf8"));
    } catch {
      return void 0;
    }
    const entry = raw;
    if (!entry || entry.format !== FORMAT || entry.key !== key) return void 0;
    const parsed = schema.safeParse(entry.value);
    return parsed.success ? parsed.data : void 0;
  }
  /** Keeps the value, unless its JSON is longer than `maxChars` (then nothing is written). */
  set(kind, key, value, maxChars = Infinity) {
    const file = this.file(kind, key);
    try {
      const json = JSON.stringify({ format: FORMAT, key, value });
      if (json.length > maxChars) return;
      mkdirSync(path3.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, json);
      renameSync(tmp, file);
    } catch {
    }
  }
};

// src/io/tool-limits.ts
import { existsSync } from "node:fs";
import path4 from "node:path";
var DEFAULT_RENDER_MEMORY_BYTES = 2 * 1024 * 1024 * 1024;
function onPath(bin) {
  for (const dir of (process.env.PATH ?? "").split(path4.delimiter)) {
    if (dir && existsSync(path4.join(dir, bin))) return path4.join(dir, bin);
  }
  return void 0;
}
function boundedCommand(bin, args, memoryBytes = DEFAULT_RENDER_MEMORY_BYTES) {
  const env = { ...process.env, GOMEMLIMIT: `${Math.floor(memoryBytes * 0.8 / (1024 * 1024))}MiB` };
  const prlimit = onPath("prlimit");
  if (!prlimit) return { bin, args, env, memoryBytes };
  return { bin: prlimit, args: [`--data=${memoryBytes}`, "--", bin, ...args], env, memoryBytes };
}
var KLOG_PREFIX = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [^\]\s]+\] /;
var LOG_TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /;
var MAX_MESSAGE = 2e3;
function toolMessage(message, folders = []) {
  let text = message.split(/\r?\n/).map((l) => l.replace(KLOG_PREFIX, "").replace(LOG_TIMESTAMP, "").trim()).filter((l) => l !== "").join(" ");
  for (const [abs, shown] of [...folders].sort(([a], [b]) => b.length - a.length)) {
    if (abs) text = text.split(abs).join(shown);
  }
  text = visible(text);
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}… (${text.length - MAX_MESSAGE} more characters)` : text;
}

// src/io/render.ts
function helmBinary() {
  return process.env.HELM_PATH || "helm";
}
function kubectlBinary() {
  return process.env.KUBECTL_PATH || "kubectl";
}
var FileList = external_exports.array(external_exports.object({ path: external_exports.string(), text: external_exports.string() }));
var RenderCache = class {
  versions = /* @__PURE__ */ new Map();
  charts = /* @__PURE__ */ new Map();
  overlays = /* @__PURE__ */ new Map();
  disk;
  /** Keep renderings across runs in this folder too (`--cache-dir`). */
  useFolder(dir) {
    if (dir && this.disk?.dir !== dir) this.disk = new DiskCache(dir);
  }
  chart(key) {
    const hit = this.charts.get(key);
    if (hit) return hit;
    const stored = this.disk?.get("helm", key, FileList);
    if (!stored) return void 0;
    const result = { files: stored, diagnostics: [] };
    this.charts.set(key, result);
    return result;
  }
  setChart(key, result) {
    this.charts.set(key, result);
    if (result.diagnostics.length === 0) this.disk?.set("helm", key, result.files);
  }
  overlay(key) {
    const hit = this.overlays.get(key);
    if (hit) return hit;
    const stored = this.disk?.get("kustomize", key, FileList);
    if (!stored) return void 0;
    const result = { files: stored, diagnostics: [] };
    this.overlays.set(key, result);
    return result;
  }
  setOverlay(key, result) {
    this.overlays.set(key, result);
    if (result.diagnostics.length === 0) this.disk?.set("kustomize", key, result.files);
  }
  /** Folder -> its unsafe entries and content hash (a scanned root is walked once for all its overlays). */
  trees = /* @__PURE__ */ new Map();
  tree(dir) {
    let hit = this.trees.get(dir);
    if (!hit) {
      let problems;
      try {
        problems = renderTreeProblems(dir);
      } catch (e) {
        problems = [`cannot be read (${e.code ?? e.message})`];
      }
      const h = createHash("sha256");
      if (problems.length === 0) hashFolder(dir, h);
      hit = { problems, hash: h.digest("hex") };
      this.trees.set(dir, hit);
    }
    return hit;
  }
  toolVersion(bin, args) {
    const key = `${bin} ${args.join(" ")}`;
    if (!this.versions.has(key)) {
      const r = spawnSync(bin, args, { encoding: "utf8", timeout: 3e4, maxBuffer: 1024 * 1024, killSignal: "SIGKILL" });
      this.versions.set(key, r.status === 0 ? r.stdout.trim() : void 0);
    }
    return this.versions.get(key);
  }
};
function toolEnv(prefix) {
  return Object.keys(process.env).filter((k) => k.startsWith(prefix)).sort().map((k) => `${k}=${process.env[k]}`).join("\0");
}
var HASH_CONTENT_LIMIT = 8 * 1024 * 1024;
function hashFolder(dir, h) {
  const { entries } = walkTree(dir, dir, { skipFolder: (name) => name === ".git" });
  for (const e of entries) {
    h.update(e.rel).update("\0");
    if (e.kind === "special") h.update(`special ${e.what}\0`);
    else if (e.kind === "symlink") h.update(`link ${readlinkSync2(e.abs)}\0`);
    else {
      const r = readRegularFile(e.abs, dir, HASH_CONTENT_LIMIT);
      h.update(r.ok ? r.bytes : `refused ${JSON.stringify(r.refusal)}`).update("\0");
    }
  }
}
function refuseUnsafeTree(problems, what, at) {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, 5).join("; ") + (problems.length > 5 ? `; and ${problems.length - 5} more` : "");
  return [diag(Codes.renderTreeEscape, "error", `${what} holds files that may not be read: ${shown}; not rendered`, at, "only regular files inside the chart or overlay tree are rendered")];
}
function run(bin, args, cwd, opts) {
  const cmd = boundedCommand(bin, args);
  const r = spawnSync(cmd.bin, cmd.args, { cwd, encoding: "utf8", timeout: opts.timeoutMs, maxBuffer: opts.maxOutputBytes, killSignal: "SIGKILL", env: cmd.env });
  if (r.error) {
    const code = r.error.code;
    if (code === "ENOENT") return { ok: false, missing: true, message: `${bin} not found` };
    if (code === "ETIMEDOUT") return { ok: false, missing: false, message: `timed out after ${opts.timeoutMs / 1e3} s (${opts.timeoutFlag ?? "--render-timeout"})` };
    if (code === "ENOBUFS") return { ok: false, missing: false, message: `output larger than ${opts.maxOutputBytes} bytes (--max-render-bytes)` };
    return { ok: false, missing: false, message: r.error.message };
  }
  if (r.signal === "SIGKILL" || r.signal === "SIGSEGV" || r.status !== 0 && /out of memory|cannot allocate memory/i.test(r.stderr ?? "")) {
    return { ok: false, missing: false, message: `stopped: over the memory limit of ${cmd.memoryBytes / (1024 * 1024)} MiB or killed (${r.signal ?? `exit ${r.status}`})` };
  }
  if (r.status !== 0) return { ok: false, missing: false, message: (r.stderr || r.stdout || `exit ${r.status}`).trim() };
  return { ok: true, stdout: r.stdout };
}
function missingDependencies(chartDir) {
  let chart;
  try {
    chart = yaml.load(readFileSync2(path5.join(chartDir, "Chart.yaml"), "utf8"));
  } catch {
    return [];
  }
  const deps = chart?.dependencies ?? [];
  const vendored = existsSync2(path5.join(chartDir, "charts")) ? readdirSync2(path5.join(chartDir, "charts")) : [];
  return deps.filter((d) => d.name && !(d.repository ?? "").startsWith("file://")).filter((d) => !vendored.some((v) => v === d.name || v.startsWith(`${d.name}-`) && v.endsWith(".tgz"))).map((d) => `${d.name}${d.repository ? ` (${d.repository})` : ""}`);
}
function chartName(chartDir) {
  try {
    const chart = yaml.load(readFileSync2(path5.join(chartDir, "Chart.yaml"), "utf8"));
    return typeof chart?.name === "string" ? chart.name : void 0;
  } catch {
    return void 0;
  }
}
function releaseNameOf(folder, chart) {
  const base = (folder === "" ? chart : path5.basename(path5.resolve(folder))) || chart || "release";
  const name = base.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 53).replace(/-+$/, "");
  return name || (chart ?? "release").toLowerCase();
}
function renderChart(chartDir, display, opts, cache, logicalDir = chartDir, repositoryRoot = false) {
  const at = { file: `${display}/Chart.yaml`, doc: 0 };
  const tree = cache.tree(chartDir);
  const unsafe = refuseUnsafeTree(tree.problems, `chart ${display}`, at);
  if (unsafe.length > 0) return { files: [], values: [], diagnostics: unsafe };
  const missing = missingDependencies(chartDir);
  if (missing.length > 0) {
    return {
      files: [],
      values: [],
      diagnostics: [
        diag(Codes.chartDependencies, "error", `chart ${display} needs dependencies that are not vendored under charts/: ${missing.join(", ")}; chart not rendered`, at, "run helm dependency build and commit charts/, or vendor the subcharts")
      ]
    };
  }
  const settings = opts.charts.get(logicalDir) ?? {};
  const release = settings.releaseName ?? opts.helmReleaseName ?? (repositoryRoot ? releaseNameOf("", chartName(chartDir)) : releaseNameOf(logicalDir, chartName(chartDir)));
  const namespace = settings.namespace ?? opts.helmNamespace;
  const values = [...opts.helmValues, ...settings.values ?? []].map((v) => path5.resolve(v));
  const sets = [...opts.helmSet, ...settings.set ?? []];
  const args = ["template", release, chartDir, ...namespace ? ["--namespace", namespace] : [], ...values.flatMap((v) => ["--values", v]), ...sets.flatMap((s) => ["--set", s])];
  const bin = helmBinary();
  cache.useFolder(opts.cacheDir);
  const version = cache.toolVersion(bin, ["version", "--short"]);
  if (version === void 0) {
    return { files: [], values: [], diagnostics: [diag(Codes.toolMissing, "error", `helm is needed to render chart ${display} but ${bin} does not run; chart not rendered`, at, "install helm v3 or set HELM_PATH")] };
  }
  const h = createHash("sha256").update(`helm ${version}\0${release}\0${args.slice(3).join("\0")}\0${toolEnv("HELM_")}\0`);
  h.update(tree.hash);
  for (const v of values) h.update(existsSync2(v) ? readFileSync2(v) : "missing");
  const key = h.update(display).digest("hex");
  const valueFiles = [];
  for (const f of [path5.join(chartDir, "values.yaml"), ...values]) {
    try {
      valueFiles.push({ path: f, text: readFileSync2(f, "utf8") });
    } catch {
    }
  }
  const hit = cache.chart(key);
  if (hit) return { ...hit, values: hit.diagnostics.length === 0 ? valueFiles : [] };
  const r = run(bin, args, chartDir, opts);
  const result = r.ok ? { files: splitHelmOutput(r.stdout, display), diagnostics: [] } : { files: [], diagnostics: [diag(r.missing ? Codes.toolMissing : Codes.renderFailed, "error", `helm template failed for chart ${display}: ${toolMessage(r.message, [[chartDir, display]])}; chart not rendered`, at)] };
  cache.setChart(key, result);
  return { ...result, values: r.ok ? valueFiles : [] };
}
function renderOverlay(dir, display, contentRoot, opts, cache) {
  const kfile = KUSTOMIZATION_FILES.find((f) => existsSync2(path5.join(dir, f))) ?? "kustomization.yaml";
  const at = { file: `${display}/${kfile}`, doc: 0 };
  const tree = cache.tree(contentRoot);
  const unsafe = refuseUnsafeTree(tree.problems, `overlay ${display} (with the scanned folder it reads from)`, at);
  if (unsafe.length > 0) return { files: [], diagnostics: unsafe };
  const bin = kubectlBinary();
  cache.useFolder(opts.cacheDir);
  const version = cache.toolVersion(bin, ["version", "--client", "-o", "json"]);
  if (version === void 0) {
    return { files: [], diagnostics: [diag(Codes.toolMissing, "error", `kubectl is needed to render overlay ${display} but ${bin} does not run; overlay not rendered`, at, "install kubectl or set KUBECTL_PATH")] };
  }
  const helm = cache.toolVersion(helmBinary(), ["version", "--short"]) !== void 0 ? ["--helm-command", helmBinary()] : [];
  const args = ["kustomize", dir, "--enable-helm", ...helm, ...opts.kustomizeFlags];
  const h = createHash("sha256").update(`kubectl ${version}\0${helm.join(" ")}\0${opts.kustomizeFlags.join("\0")}\0${path5.relative(contentRoot, dir)}\0${toolEnv("KUSTOMIZE_")}\0`);
  h.update(tree.hash);
  const key = h.update(display).digest("hex");
  const hit = cache.overlay(key);
  if (hit) return hit;
  const r = run(bin, args, contentRoot, opts);
  const result = r.ok ? { files: kustomizeOutput(r.stdout, display), diagnostics: [] } : {
    files: [],
    diagnostics: [diag(r.missing ? Codes.toolMissing : Codes.renderFailed, "error", `kubectl kustomize failed for overlay ${display}: ${toolMessage(r.message, [[dir, display], [contentRoot, "."]])}; overlay not rendered`, at)]
  };
  cache.setOverlay(key, result);
  return result;
}
function readHelmConfig(file) {
  const base = path5.dirname(path5.resolve(file));
  const doc = yaml.load(readFileSync2(file, "utf8"));
  const out = /* @__PURE__ */ new Map();
  for (const [chart, s] of Object.entries(doc?.charts ?? {})) {
    const dir = path5.resolve(base, chart);
    if (!existsSync2(path5.join(dir, "Chart.yaml"))) throw new Error(`charts.${chart}: ${dir} has no Chart.yaml`);
    out.set(dir, {
      ...s.releaseName ? { releaseName: String(s.releaseName) } : {},
      ...s.namespace ? { namespace: String(s.namespace) } : {},
      values: (s.values ?? []).map((v) => path5.resolve(base, v)),
      set: (s.set ?? []).map(String)
    });
  }
  return out;
}

// src/io/files.ts
var MANIFEST_NAME = /(?:\.(?:yaml|yml|json)|^Kustomization)$/;
var IDENTITY = { display: (abs) => displayPath(abs), logical: (abs) => abs };
function displayPath(abs) {
  const rel = path6.relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") && !path6.isAbsolute(rel) ? rel : abs;
}
function readManifestFiles(paths, options, cache) {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const map = options.paths ?? IDENTITY;
  const values = [];
  const files = [];
  const diagnostics = [];
  const seen = /* @__PURE__ */ new Set();
  for (const p of paths) {
    const abs = path6.resolve(p);
    let st;
    try {
      st = statSync2(abs);
    } catch {
      diagnostics.push(diag(Codes.noInput, "error", `no such file or folder: ${p}`));
      continue;
    }
    if (st.isDirectory()) {
      const root = realpathSync2(abs);
      const regular = /* @__PURE__ */ new Set();
      const found = listFolder(abs, root, map, diagnostics, regular);
      if (found.length === 0) diagnostics.push(diag(Codes.noInput, "warning", `no .yaml, .yml or .json files under ${map.display(abs)}`));
      const readText = (rel) => {
        const r = readRegularFile(path6.join(abs, rel), root, maxBytes);
        if (!r.ok) return void 0;
        const d = decodeManifest(r.bytes);
        return d.ok ? d.text : void 0;
      };
      const roots = findRenderRoots(found, readText);
      for (const f of roots.plain) readOne(path6.join(abs, f), root, maxBytes, files, diagnostics, seen, map, regular.has(f) ? path6.join(root, f) : void 0);
      const render = options.render ?? DEFAULT_RENDER_OPTIONS;
      for (const c of roots.charts) {
        const dir = path6.join(abs, c);
        options.progress?.(`rendering chart ${map.display(dir)}…`);
        const r = renderChart(dir, map.display(dir), render, cache, map.logical(dir), map.root !== void 0 && path6.resolve(map.root) === path6.resolve(dir));
        appendAll(files, r.files);
        values.push({ chart: map.display(dir), files: r.values.map((v) => ({ path: map.display(v.path), text: v.text })) });
        appendAll(diagnostics, r.diagnostics);
      }
      for (const o of roots.overlays) {
        options.progress?.(`rendering overlay ${map.display(path6.join(abs, o))}…`);
        const r = renderOverlay(path6.join(abs, o), map.display(path6.join(abs, o)), abs, render, cache);
        appendAll(files, r.files);
        appendAll(diagnostics, r.diagnostics);
      }
    } else {
      readOne(abs, void 0, maxBytes, files, diagnostics, seen, map);
    }
  }
  return { files, diagnostics, values };
}
function listFolder(abs, root, map, diagnostics, regular) {
  const files = [];
  const { entries, problems } = walkTree(abs, root, { skipFolder: skippedByScan });
  for (const p of problems) {
    const at = { file: map.display(p.abs), doc: 0 };
    if (p.kind === "unreadableFolder") diagnostics.push(diag(Codes.unreadableFolder, "error", `cannot read folder (${p.detail}); its files are not analysed`, at));
    else if (p.kind === "skippedFolder") diagnostics.push(diag(Codes.skippedDotfile, "info", `folder ${p.detail} skipped on purpose (dot-folders and node_modules are not scanned)`, at));
    else diagnostics.push(diag(Codes.symlinkEscape, "error", `folder symlink points outside the scanned folder (${p.detail}); not followed`, at));
  }
  for (const e of entries) {
    if (!MANIFEST_NAME.test(path6.posix.basename(e.rel))) continue;
    if (e.kind === "special") {
      diagnostics.push(diag(Codes.notRegularFile, "error", `${e.what}, not a regular file; never read`, { file: map.display(e.abs), doc: 0 }));
      continue;
    }
    if (e.kind === "file") regular.add(e.rel);
    files.push(e.rel);
  }
  return files;
}
function readOne(abs, root, maxBytes, files, diagnostics, seen, map, listedReal) {
  const at = { file: map.display(abs), doc: 0 };
  const r = readRegularFile(abs, root, maxBytes, listedReal);
  if (!r.ok) {
    const code = { escape: Codes.symlinkEscape, special: Codes.notRegularFile, tooLarge: Codes.tooLarge, unreadable: Codes.unreadable }[r.refusal.kind];
    diagnostics.push(diag(code, "error", refusalMessage(r.refusal, maxBytes), at));
    return;
  }
  if (seen.has(r.real)) return;
  seen.add(r.real);
  const decoded = decodeManifest(r.bytes);
  if (!decoded.ok) {
    diagnostics.push(diag(decoded.reason === "binary" ? Codes.binary : Codes.unsupportedEncoding, "error", decoded.message, at));
    return;
  }
  if (decoded.note) diagnostics.push(diag(Codes.unsupportedEncoding, "warning", decoded.note, at));
  files.push({ path: at.file, text: decoded.text });
}

// src/io/changes.ts
import { spawnSync as spawnSync3 } from "node:child_process";
import { lstatSync as lstatSync2, readdirSync as readdirSync3, readFileSync as readFileSync3 } from "node:fs";
import path8 from "node:path";

// src/io/git.ts
import { spawnSync as spawnSync2 } from "node:child_process";
import { mkdirSync as mkdirSync2, mkdtempSync } from "node:fs";
import os from "node:os";
import path7 from "node:path";
function git(repo, args, limits = {}) {
  const r = spawnSync2("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: limits.timeoutMs, killSignal: "SIGKILL" });
  if (r.error) {
    if (r.error.code === "ETIMEDOUT") throw timedOut(`git ${args[0]}`, limits);
    throw new ConfigError(`git is needed for --repo: ${r.error.message}`);
  }
  if (r.status !== 0) throw new ConfigError(`git ${args.join(" ")}: ${r.stderr.trim()}`);
  return r.stdout;
}
function resolveRef(repo, ref, limits = {}) {
  if (ref.startsWith("-")) throw new ConfigError(`invalid ref ${JSON.stringify(ref)}`);
  try {
    return git(repo, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], limits).trim();
  } catch (e) {
    if (e instanceof ConfigError && / timed out /.test(e.message)) throw e;
    throw new ConfigError(`--repo ${repo}: ${JSON.stringify(ref)} is not a commit`);
  }
}
function repoTop(repo, limits = {}) {
  return git(repo, ["rev-parse", "--show-toplevel"], limits).trim();
}
function pathExists(repo, ref, p, limits = {}) {
  const rel = p.replace(/^\.\/?/, "");
  if (rel === "") return true;
  const r = spawnSync2("git", ["-C", repoTop(repo, limits), "cat-file", "-e", `${resolveRef(repo, ref, limits)}:${rel}`], { timeout: limits.timeoutMs, killSignal: "SIGKILL" });
  if (r.error?.code === "ETIMEDOUT") throw timedOut("git cat-file", limits);
  return r.status === 0;
}
function exportTree(repo, ref, paths, limits = {}) {
  const commit = resolveRef(repo, ref, limits);
  const top = repoTop(repo, limits);
  const dir = mkdtempSync(path7.join(os.tmpdir(), "netpol-ci-tree-"));
  const existing = paths.filter((p) => pathExists(repo, commit, p, limits));
  if (paths.length > 0 && existing.length === 0) return dir;
  const archive = spawnSync2("git", ["-C", top, "archive", "--format=tar", commit, "--", ...existing.length > 0 ? existing : ["."]], { maxBuffer: 1024 * 1024 * 1024, timeout: limits.timeoutMs, killSignal: "SIGKILL" });
  if (archive.error?.code === "ETIMEDOUT") throw timedOut(`git archive ${ref}`, limits);
  if (archive.error || archive.status !== 0) throw new ConfigError(`git archive ${ref}: ${archive.error?.message ?? archive.stderr.toString().trim()}`);
  mkdirSync2(dir, { recursive: true });
  const r = spawnSync2("tar", ["-x", "-C", dir], { input: archive.stdout, timeout: limits.timeoutMs, killSignal: "SIGKILL" });
  if (r.error?.code === "ETIMEDOUT") throw timedOut(`unpacking ${ref}`, limits);
  if (r.status !== 0) throw new ConfigError(`cannot unpack ${ref}: ${r.stderr.toString().trim()}`);
  return dir;
}

// src/io/changes.ts
function changedFilesInRepo(repo, base, head, paths) {
  const a = resolveRef(repo, base);
  const b = resolveRef(repo, head);
  const pathspecs = paths.map((p) => p.replace(/^\.\/?/, "")).filter((p) => p !== "");
  const r = spawnSync3("git", ["-C", repoTop(repo), "diff", "--name-only", "--no-renames", "-z", a, b, "--", ...pathspecs], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new ConfigError(`git is needed for --repo: ${r.error.message}`);
  if (r.status !== 0) throw new ConfigError(`git diff --name-only ${base} ${head}: ${r.stderr.trim()}`);
  return r.stdout.split("\0").filter((f) => f !== "").sort();
}
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
function listFiles(root) {
  const out = /* @__PURE__ */ new Map();
  let st;
  try {
    st = lstatSync2(root);
  } catch {
    return out;
  }
  if (st.isFile()) {
    out.set(path8.basename(root), root);
    return out;
  }
  const walk = (dir, rel) => {
    let entries;
    try {
      entries = readdirSync3(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) walk(path8.join(dir, e.name), r);
      } else if (e.isFile()) out.set(r, path8.join(dir, e.name));
    }
  };
  walk(root, "");
  return out;
}
function sameBytes(a, b) {
  try {
    return readFileSync3(a).equals(readFileSync3(b));
  } catch {
    return false;
  }
}
function changedFilesBetween(before, after) {
  const a = listFiles(path8.resolve(before));
  const b = listFiles(path8.resolve(after));
  const out = [];
  for (const [rel, file] of a) {
    const other = b.get(rel);
    if (!other || !sameBytes(file, other)) out.push(rel);
  }
  for (const rel of b.keys()) if (!a.has(rel)) out.push(rel);
  return out.sort();
}

// src/io/kubectl.ts
import { spawnSync as spawnSync4 } from "node:child_process";
function kubectlPath() {
  return process.env.KUBECTL_PATH || "kubectl";
}
var KLOG_PREFIX2 = /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w.-]+:\d+\] /;
function kubectlMessage(stderr) {
  const lines = stderr.split("\n").map((l) => l.replace(KLOG_PREFIX2, "").trim()).filter((l) => l !== "");
  const telling = lines.filter((l) => /^(error|Error from server|Unable to connect|The connection to the server)/i.test(l));
  const line = telling[telling.length - 1] ?? lines[lines.length - 1] ?? "no message";
  return line.length > 400 ? `${line.slice(0, 400)}…` : line;
}
function targetArgs(t) {
  return [...t.kubeconfig ? ["--kubeconfig", t.kubeconfig] : [], ...t.context ? ["--context", t.context] : [], `--request-timeout=${t.timeoutSeconds}s`];
}
function runKubectl(target, args, what) {
  return runKubectlRaw(target, args, what, () => false).stdout;
}
function runKubectlRaw(target, args, what, tolerated) {
  const full = [...targetArgs(target), ...args];
  const r = spawnSync4(kubectlPath(), full, {
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    timeout: (target.timeoutSeconds * 3 + 5) * 1e3,
    killSignal: "SIGKILL",
    env: process.env
  });
  if (r.error) {
    const code = r.error.code;
    if (code === "ENOENT") throw new ConfigError(`${what}: kubectl not found (install it, or set KUBECTL_PATH)`);
    if (code === "ETIMEDOUT") throw new ConfigError(`${what}: kubectl did not finish within ${target.timeoutSeconds * 3 + 5}s (the server does not answer; --timeout sets the per-request limit)`);
    throw new ConfigError(`${what}: kubectl failed: ${r.error.message}`);
  }
  if (r.status !== 0 && !tolerated(r.stderr, r.stdout)) throw new ConfigError(`${what}: kubectl failed: ${kubectlMessage(r.stderr)}`);
  return { stdout: r.stdout, stderr: r.status === 0 ? "" : r.stderr };
}
var PARTIAL_DISCOVERY = /unable to retrieve the complete list of server APIs/;
function kubectlResources(target) {
  const r = runKubectlRaw(target, ["api-resources", "-o", "name"], "listing the cluster resource types", (stderr, stdout) => PARTIAL_DISCOVERY.test(stderr) && stdout.trim() !== "");
  const resources = new Set(r.stdout.split("\n").map((l) => l.trim()).filter((l) => l !== ""));
  return r.stderr ? { resources, warning: kubectlMessage(r.stderr) } : { resources };
}
function kubectlGet(target, resources, namespace) {
  const scope = namespace === void 0 ? ["--all-namespaces"] : ["--namespace", namespace];
  return runKubectl(target, ["get", resources.join(","), ...scope, "-o", "json"], `reading ${namespace === void 0 ? "all namespaces" : `namespace ${namespace}`} from the cluster`);
}

// src/io/nca.ts
import { spawnSync as spawnSync5 } from "node:child_process";
import { existsSync as existsSync3, mkdtempSync as mkdtempSync2, readFileSync as readFileSync4, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import os2 from "node:os";
import path9 from "node:path";
function ncaBinary(env = process.env) {
  return env.NCA_PATH || "nca";
}
function findNca(env = process.env) {
  const bin = ncaBinary(env);
  const r = spawnSync5(bin, ["--version"], { encoding: "utf8", timeout: 6e4 });
  if (r.error || r.status !== 0) return void 0;
  const version = /(\d+\.\d+\.\d+)/.exec(`${r.stdout}${r.stderr}`)?.[1] ?? "unknown";
  return { path: bin, version };
}
function runNcaScheme(files, scheme, outputs, timeoutMs, env = process.env) {
  const dir = mkdtempSync2(path9.join(os2.tmpdir(), "netpol-ci-nca-"));
  try {
    for (const f of files) writeFileSync2(path9.join(dir, f.name), f.text);
    const started = process.hrtime.bigint();
    const r = spawnSync5(ncaBinary(env), ["--scheme", scheme], {
      cwd: dir,
      encoding: "utf8",
      timeout: timeoutMs,
      killSignal: "SIGKILL",
      maxBuffer: 512 * 1024 * 1024,
      env: { ...env, PYTHONHASHSEED: "0" }
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const read = /* @__PURE__ */ new Map();
    for (const o of outputs) {
      const p = path9.join(dir, o);
      if (existsSync3(p)) read.set(o, readFileSync4(p, "utf8"));
    }
    const timedOut2 = r.error?.code === "ETIMEDOUT" || r.signal === "SIGKILL" && r.status === null;
    const failure = r.error && !timedOut2 ? r.error.message : /Traceback|Error:/.test(r.stderr ?? "") && read.size < outputs.length ? lastLines(r.stderr) : void 0;
    return { outputs: read, timedOut: timedOut2, status: r.status ?? void 0, ...failure ? { error: failure } : {}, seconds };
  } finally {
    if (env.NETPOL_CI_KEEP_NCA) process.stderr.write(`nca work folder kept: ${dir}
`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
function lastLines(text) {
  return text.trim().split("\n").slice(-3).join(" | ");
}

// src/io/result-cache.ts
import { createHash as createHash2 } from "node:crypto";
import { readdirSync as readdirSync4, readFileSync as readFileSync5 } from "node:fs";
import path10 from "node:path";
import { fileURLToPath } from "node:url";
function codeIdentity() {
  const dir = path10.dirname(fileURLToPath(import.meta.url));
  const hash = createHash2("sha256");
  try {
    for (const f of readdirSync4(dir).sort()) {
      if (!/\.(m?js|ts)$/.test(f)) continue;
      hash.update(`${f}\0`);
      hash.update(readFileSync5(path10.join(dir, f)));
    }
  } catch {
    hash.update(String(Math.random()));
  }
  return hash.digest("hex");
}
function resultCacheIn(dir) {
  const disk = new DiskCache(dir);
  let code;
  const salted = (key) => createHash2("sha256").update(code ??= codeIdentity()).update("\0").update(key).digest("hex");
  return {
    get: (kind, key) => disk.get(kind, salted(key), external_exports.unknown()),
    set: (kind, key, value) => disk.set(kind, salted(key), value)
  };
}

// src/io/traffic.ts
import { closeSync as closeSync2, fstatSync as fstatSync2, openSync as openSync2, readSync as readSync2, statSync as statSync3 } from "node:fs";
import os3 from "node:os";
import { StringDecoder } from "node:string_decoder";
var CHUNK = 1 << 16;
function forEachLine(file, what, onLine, chunk = CHUNK, range) {
  let fd;
  try {
    fd = openSync2(file, "r");
  } catch (e) {
    throw new ConfigError(`${what} ${file}: ${e.code ?? e.message}`);
  }
  const buffer = Buffer.allocUnsafe(chunk);
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let line = 0;
  let position = range?.start ?? 0;
  const end = range?.end ?? Number.POSITIVE_INFINITY;
  const emit = (text) => onLine(text.endsWith("\r") ? text.slice(0, -1) : text, ++line);
  try {
    for (; ; ) {
      let n;
      try {
        n = readSync2(fd, buffer, 0, Math.min(chunk, end - position), range ? position : null);
        position += n;
      } catch (e) {
        throw new ConfigError(`${what} ${file}: ${e.code ?? e.message}`);
      }
      if (n === 0) break;
      const piece = decoder.write(buffer.subarray(0, n));
      let nl = piece.indexOf("\n");
      if (nl < 0) {
        carry += piece;
        continue;
      }
      emit(carry + piece.slice(0, nl));
      let start = nl + 1;
      for (nl = piece.indexOf("\n", start); nl >= 0; nl = piece.indexOf("\n", start)) {
        emit(piece.slice(start, nl));
        start = nl + 1;
      }
      carry = piece.slice(start);
    }
    const rest = carry + decoder.end();
    if (rest !== "") emit(rest);
    return line;
  } finally {
    closeSync2(fd);
  }
}
var TRACE_SPLIT_BYTES = 16 * 1024 * 1024;
function traceCut(file, env = process.env, cores = os3.availableParallelism(), load = os3.loadavg()[0] ?? 0) {
  const mode = (env.NETPOL_CI_TRAFFIC_WORKERS ?? "auto").trim();
  if (mode === "0") return void 0;
  let fd;
  try {
    if (!statSync3(file).isFile()) return void 0;
    fd = openSync2(file, "r");
  } catch {
    return void 0;
  }
  try {
    const size = fstatSync2(fd).size;
    if (mode !== "1" && (size < TRACE_SPLIT_BYTES || cores < 2 || load >= 2 * cores)) return void 0;
    const buffer = Buffer.allocUnsafe(4096);
    const head = buffer.subarray(0, readSync2(fd, buffer, 0, buffer.length, 0)).toString("utf8");
    if (/^[\s\uFEFF]*\[/.test(head)) return void 0;
    for (let at = Math.floor(size / 2); at < size; ) {
      const n = readSync2(fd, buffer, 0, buffer.length, at);
      if (n === 0) break;
      const nl = buffer.subarray(0, n).indexOf(10);
      if (nl >= 0) return at + nl + 1 < size ? at + nl + 1 : void 0;
      at += n;
    }
    return void 0;
  } finally {
    closeSync2(fd);
  }
}

// src/io/traffic-workers.ts
function startTraceWorker(job, deadlineMs, script = threadScript("traffic")) {
  if (!script) return void 0;
  const started = Date.now();
  const thread = startThreadJob(script, job, deadlineMs);
  return { collect: () => thread.collect(started + deadlineMs - Date.now()) };
}

// src/io/write-policy.ts
import { closeSync as closeSync3, constants as constants2, fstatSync as fstatSync3, ftruncateSync, lstatSync as lstatSync3, mkdirSync as mkdirSync3, openSync as openSync3, writeSync } from "node:fs";
import path11 from "node:path";
var REASONS = {
  ENOTDIR: "a file is where a folder is expected",
  EISDIR: "a folder is where the file should be",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  ELOOP: "it is a symlink; symlinks are never written through",
  ENOENT: "its folder does not exist"
};
function fail(file, why) {
  throw new ConfigError(`${visible(file)}: cannot write (${why})`);
}
function reason(e) {
  const code = e.code;
  return code ? REASONS[code] ? `${REASONS[code]}, ${code}` : code : e.message;
}
function relativeInside(inside, file) {
  const rel = path11.relative(path11.resolve(inside), path11.resolve(file));
  if (rel === "" || rel.startsWith("..") || path11.isAbsolute(rel)) fail(file, `outside the output folder ${inside}`);
  return rel.split(path11.sep);
}
function lstatOrUndefined(p) {
  try {
    return lstatSync3(p);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
}
function checkFolder(file, dir, create) {
  const st = lstatOrUndefined(dir);
  const shown = shownPath(dir);
  if (st === void 0) {
    if (!create) fail(file, `folder ${shown} does not exist`);
    mkdirSync3(dir);
  } else if (st.isSymbolicLink()) fail(file, `${shown} is a symlink; symlinks are never written through`);
  else if (!st.isDirectory()) fail(file, `${shown} is a file where a folder is expected`);
}
function shownPath(p) {
  const rel = path11.relative(process.cwd(), p);
  return visible(rel && !rel.startsWith("..") && !path11.isAbsolute(rel) ? rel : p);
}
function writeFileInside(policy, file, text) {
  const parts = relativeInside(policy.inside, file);
  let dir = path11.resolve(policy.inside);
  try {
    const base = process.cwd();
    const fromBase = path11.relative(base, dir);
    if (fromBase !== "" && !fromBase.startsWith("..") && !path11.isAbsolute(fromBase)) {
      let d = base;
      for (const part of fromBase.split(path11.sep)) {
        d = path11.join(d, part);
        checkFolder(file, d, policy.createFolders === true);
      }
    } else if (policy.createFolders) mkdirSync3(dir, { recursive: true });
    for (const part of parts.slice(0, -1)) {
      dir = path11.join(dir, part);
      checkFolder(file, dir, policy.createFolders === true);
    }
    const target = path11.join(dir, parts[parts.length - 1]);
    const st = lstatOrUndefined(target);
    if (st?.isSymbolicLink()) fail(file, "it is a symlink; symlinks are never written through");
    if (st && st.isDirectory()) fail(file, "a folder is where the file should be");
    if (st && !st.isFile()) fail(file, "not a regular file (FIFO, socket or device)");
    const fd = openSync3(target, constants2.O_WRONLY | constants2.O_CREAT | constants2.O_NOFOLLOW | constants2.O_NONBLOCK, 420);
    try {
      if (!fstatSync3(fd).isFile()) fail(file, "not a regular file (FIFO, socket or device)");
      ftruncateSync(fd, 0);
      const pieces = typeof text === "string" || text instanceof Uint8Array ? [text] : text.chunks;
      for (const piece of pieces) {
        const buf = typeof piece === "string" ? Buffer.from(piece, "utf8") : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
      }
    } finally {
      closeSync3(fd);
    }
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    fail(file, reason(e));
  }
}

// src/io/parsed-cache.ts
import { createHash as createHash3 } from "node:crypto";
var pathSchema = external_exports.array(external_exports.union([external_exports.string(), external_exports.number().int().nonnegative()]));
var SpecialSchema = external_exports.union([
  external_exports.tuple([pathSchema, external_exports.literal("integral"), external_exports.string(), external_exports.string()]),
  external_exports.tuple([pathSchema, external_exports.literal("number"), external_exports.enum(["NaN", "Infinity", "-Infinity", "-0"])])
]);
var SourceRefSchema = external_exports.object({
  file: external_exports.literal(""),
  doc: external_exports.number().int(),
  line: external_exports.number().int().optional(),
  column: external_exports.number().int().optional(),
  path: pathSchema.optional()
});
var StoredParseSchema = external_exports.object({
  documents: external_exports.array(
    external_exports.object({
      doc: external_exports.number().int().positive(),
      startLine: external_exports.number().int().positive(),
      text: external_exports.union([external_exports.tuple([external_exports.number().int().nonnegative(), external_exports.number().int().nonnegative()]), external_exports.string()]),
      value: external_exports.unknown(),
      specials: external_exports.array(SpecialSchema).optional()
    })
  ),
  diagnostics: external_exports.array(
    external_exports.object({
      code: external_exports.string(),
      severity: external_exports.enum(["error", "warning", "info"]),
      message: external_exports.string(),
      at: SourceRefSchema.optional(),
      hint: external_exports.string().optional()
    })
  )
});
var MAX_GROWTH = 16;
var ParsedCache = class _ParsedCache {
  constructor(dir) {
    this.dir = dir;
    this.disk = new DiskCache(dir);
  }
  dir;
  disk;
  keys = /* @__PURE__ */ new WeakMap();
  static formatHash;
  key(file) {
    let key = this.keys.get(file);
    if (key === void 0) {
      _ParsedCache.formatHash ??= createHash3("sha256").update(PARSED_FORMAT).digest("hex");
      key = createHash3("sha256").update(`${_ParsedCache.formatHash}\0${/\.json$/i.test(file.path) ? "json" : "yaml"}\0`).update(file.text, "utf16le").digest("hex");
      this.keys.set(file, key);
    }
    return key;
  }
  /** The stored parses of the files that have one. */
  read(files) {
    const found = /* @__PURE__ */ new Map();
    for (const f of files) {
      const stored = this.disk.get("parsed", this.key(f), StoredParseSchema);
      if (stored) found.set(f, stored);
    }
    return found;
  }
  write(parses) {
    for (const [f, parse] of parses) this.disk.set("parsed", this.key(f), parse, MAX_GROWTH * f.text.length + 65536);
  }
};

// src/io/parse-workers.ts
import os4 from "node:os";
var WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;
var DEFAULT_MODE = "0";
function parseWorkerCount(totalChars, fileCount, env = process.env) {
  const mode = (env.NETPOL_CI_WORKERS ?? DEFAULT_MODE).trim();
  const most = Math.max(fileCount - 1, 0);
  if (/^\d+$/.test(mode)) return Math.min(Number(mode), 16, most);
  if (mode !== "auto" || totalChars < WORKER_THRESHOLD_BYTES) return 0;
  return Math.min(os4.availableParallelism() - 1, 3, most);
}
function startParseWorkers(files, env = process.env, script = threadScript("parse")) {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const count = parseWorkerCount(total, files.length, env);
  if (count === 0 || !script) return void 0;
  const shares = Array.from({ length: count + 1 }, () => ({ files: [], chars: 0 }));
  for (const f of [...files].sort((a, b) => b.text.length - a.text.length)) {
    const least = shares.reduce((m, s) => s.chars < m.chars ? s : m);
    least.files.push(f);
    least.chars += f.text.length;
  }
  shares.sort((a, b) => a.chars - b.chars);
  const [mine, ...theirs] = shares;
  const patienceMs = 5e3 + total / 1e3;
  const startedAt = Date.now();
  const running = theirs.filter((s) => s.files.length > 0).map((s) => ({ files: s.files, job: startThreadJob(script, s.files, patienceMs) }));
  return {
    here: mine.files,
    collect() {
      const out = /* @__PURE__ */ new Map();
      for (const r of running) {
        const json = r.job.collect(startedAt + patienceMs - Date.now());
        if (json === void 0) continue;
        JSON.parse(json).forEach((p, i) => out.set(r.files[i], p));
      }
      return out;
    }
  };
}

// src/io/node-io.ts
function runDot(dot, format, limits = {}) {
  const r = spawnSync6(process.env.DOT_PATH || "dot", [`-T${format}`], { input: dot, maxBuffer: 256 * 1024 * 1024, timeout: limits.timeoutMs, killSignal: "SIGKILL" });
  if (r.error?.code === "ETIMEDOUT") throw timedOut(`Graphviz dot -T${format}`, limits);
  if (r.error) throw new ConfigError(`--format ${format} needs Graphviz 'dot' on PATH (apt-get install graphviz): ${r.error.message}`);
  if (r.status !== 0) throw new ConfigError(`Graphviz dot failed: ${r.stderr.toString().trim()}`);
  return new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.byteLength);
}
function nodeIo() {
  const cache = new RenderCache();
  let nca;
  let parsed;
  const parsedIn = (dir) => parsed?.dir === dir ? parsed : parsed = new ParsedCache(dir);
  const results = /* @__PURE__ */ new Map();
  return {
    readManifests: (paths, options) => readManifestFiles(paths, options, cache),
    storedParses: (dir, files) => parsedIn(dir).read(files),
    storeParses: (dir, parses) => parsedIn(dir).write(parses),
    startParsing: (files) => startParseWorkers(files),
    startThread(name, input, inputChars) {
      const script = threadWanted(name, inputChars) ? threadScript(name) : void 0;
      return script ? startThreadJob(script, input) : void 0;
    },
    readText(file, what) {
      try {
        return readFileSync6(file, "utf8");
      } catch (e) {
        throw new ConfigError(`${what} ${file}: ${e.code ?? e.message}`);
      }
    },
    readHelmConfig(file) {
      try {
        return readHelmConfig(file);
      } catch (e) {
        throw new ConfigError(`--helm-config ${file}: ${e.message.split("\n")[0]}`);
      }
    },
    repoTop,
    pathExists,
    exportTree(repo, ref, paths, limits) {
      const dir = exportTree(repo, ref, paths, limits);
      return { dir, top: repoTop(repo, limits), dispose: () => rmSync2(dir, { recursive: true, force: true }) };
    },
    resolveCommit: resolveRef,
    changedFilesInRepo,
    changedFilesBetween,
    dotToSvg: (dot, limits) => Buffer.from(runDot(dot, "svg", limits)).toString("utf8"),
    dotToPng: (dot, limits) => runDot(dot, "png", limits),
    listFiles(dir) {
      try {
        return readdirSync5(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path12.join(e.parentPath, e.name)).sort();
      } catch (e) {
        throw new ConfigError(`${dir}: cannot list (${e.code ?? e.message})`);
      }
    },
    writeFiles(files, options = {}) {
      for (const [file, text] of [...files].sort(([a], [b]) => a < b ? -1 : 1)) {
        const inside = options.inside ?? path12.dirname(path12.resolve(file));
        writeFileInside({ inside, ...options.createFolders ? { createFolders: true } : {} }, file, text);
      }
    },
    isDirectory(p) {
      try {
        return statSync4(p).isDirectory();
      } catch {
        return false;
      }
    },
    // verify: cluster reads; prune --write
    removeFiles(files) {
      for (const file of [...files].sort()) {
        try {
          unlinkSync(file);
        } catch (e) {
          throw new ConfigError(`${file}: cannot remove (${e.code ?? e.message})`);
        }
      }
    },
    kubectlResources,
    kubectlGet,
    // traffic: trace files
    forEachLine: (file, what, onLine, range) => forEachLine(file, what, onLine, void 0, range),
    traceCut: (file) => traceCut(file),
    startTraceWorker: (job, deadlineMs) => startTraceWorker(job, deadlineMs),
    // baseline: nca
    findNca() {
      nca ??= { found: findNca() };
      return nca.found;
    },
    runNcaScheme: (files, scheme, outputs, timeoutMs) => runNcaScheme(files, scheme, outputs, timeoutMs),
    // check: results kept across runs
    resultCache(dir) {
      let c = results.get(dir);
      if (!c) results.set(dir, c = resultCacheIn(dir));
      return c;
    }
  };
}

export {
  nodeIo
};
