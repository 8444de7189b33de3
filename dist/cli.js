#!/usr/bin/env node
const __npcModuleUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli.ts
var import_node_url = require("node:url");

// src/cli/command-names.ts
var COMMAND_NAMES = ["check", "connectivity", "diff", "scan", "synthesize", "verify", "links", "lint", "prune", "baseline"];
var isCommandName = (s) => COMMAND_NAMES.includes(s);

// src/io/code-cache.ts
var import_node_buffer = require("node:buffer");

// src/io/builtins.ts
var import_node_module = require("node:module");
var load = (0, import_node_module.createRequire)(__npcModuleUrl);
var createHash = ((...args) => load("node:crypto").createHash(...args));

// src/io/v8-tuning.ts
var import_node_v8 = __toESM(require("node:v8"), 1);
var LARGE_INPUT_CHARS = 16 * 1024 * 1024;
var KEY = /* @__PURE__ */ Symbol.for("netpol-ci.v8-tuning");
var state = () => globalThis[KEY] ??= { inlining: true, atStart: void 0 };
function startShortRunTuning() {
  setInlining(false);
  state().atStart = false;
}
function restoreStartTuning() {
  const s = state();
  if (s.atStart !== void 0 && s.inlining !== s.atStart) setInlining(s.atStart);
}
function setInlining(on) {
  import_node_v8.default.setFlagsFromString(on ? "--turbo-inlining" : "--no-turbo-inlining");
  state().inlining = on;
}

// src/io/code-cache.ts
var import_node_fs = require("node:fs");
var import_node_module2 = __toESM(require("node:module"), 1);
var import_node_os = __toESM(require("node:os"), 1);
var import_node_path = __toESM(require("node:path"), 1);
var import_node_vm = __toESM(require("node:vm"), 1);
var import_node_zlib = __toESM(require("node:zlib"), 1);
function cacheDirArgument(argv2) {
  let dir;
  for (let i = 0; i < argv2.length; i++) {
    const a = argv2[i];
    if (a === "--") break;
    if (a === "--cache-dir" && i + 1 < argv2.length) dir = argv2[++i];
    else if (a.startsWith("--cache-dir=")) dir = a.slice("--cache-dir=".length);
  }
  return dir;
}
function privateTempDir() {
  const uid = typeof process.getuid === "function" ? process.getuid() : void 0;
  if (uid === void 0) return void 0;
  const dir = import_node_path.default.join(import_node_os.default.tmpdir(), `netpol-ci-code-cache-${uid}`);
  try {
    (0, import_node_fs.mkdirSync)(dir, { mode: 448 });
  } catch (e) {
    if (e.code !== "EEXIST") return void 0;
  }
  try {
    const st = (0, import_node_fs.lstatSync)(dir);
    return st.isDirectory() && st.uid === uid && (st.mode & 18) === 0 ? dir : void 0;
  } catch {
    return void 0;
  }
}
function codeCacheDir(argv2, env, cwd = process.cwd()) {
  if (env.NODE_DISABLE_COMPILE_CACHE) return void 0;
  const kept = cacheDirArgument(argv2) ?? (env.NETPOL_CI_CACHE_DIR || void 0);
  return kept ? import_node_path.default.resolve(cwd, kept, "code-cache") : privateTempDir();
}
function requireWithCodeCache(file, cache, tag2) {
  const bytes = (0, import_node_fs.readFileSync)(file);
  const source = (0, import_node_buffer.isAscii)(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  const entry = cache === void 0 ? void 0 : codeCacheEntry(cache, tag2, bytes);
  const cachedData = entry === void 0 ? void 0 : readEntry(entry);
  const script = new import_node_vm.default.Script(import_node_module2.default.wrap(source), {
    filename: file,
    ...cachedData ? { cachedData } : {},
    // the bundle imports nothing dynamically (esbuild resolves its own `import()`s); were it to, as a module would
    ...import_node_vm.default.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: import_node_vm.default.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}
  });
  if (cache !== void 0 && entry !== void 0 && (cachedData === void 0 || script.cachedDataRejected)) {
    process.once("exit", () => writeEntry(cache, tag2, entry, script));
  }
  const module2 = { exports: {} };
  const run = script.runInThisContext();
  run.call(module2.exports, module2.exports, (0, import_node_module2.createRequire)(file), module2, file, import_node_path.default.dirname(file));
  return module2.exports;
}
function codeCacheEntry(cache, tag2, source) {
  const bytes = typeof source === "string" ? Buffer.from(source, "utf8") : source;
  const where = checksum(Buffer.from(`${process.version}\0${process.arch}\0${process.platform}\0`));
  return import_node_path.default.join(cache, `${tag2}-${where.toString("hex")}${checksum(bytes).toString("hex")}.v8`);
}
function checksum(bytes) {
  const crc32 = import_node_zlib.default.crc32;
  if (crc32 === void 0) return createHash("sha256").update(bytes).digest().subarray(0, CHECKSUM_BYTES);
  const out = Buffer.alloc(CHECKSUM_BYTES);
  out.writeUInt32BE(crc32(bytes), 0);
  out.writeUInt32BE(bytes.length % 2 ** 32, 4);
  return out;
}
var CHECKSUM_BYTES = 8;
function readEntry(entry) {
  try {
    if (!(0, import_node_fs.lstatSync)(entry).isFile()) return void 0;
    const bytes = (0, import_node_fs.readFileSync)(entry);
    if (bytes.length <= CHECKSUM_BYTES) return void 0;
    const data = bytes.subarray(CHECKSUM_BYTES);
    return checksum(data).equals(bytes.subarray(0, CHECKSUM_BYTES)) ? data : void 0;
  } catch {
    return void 0;
  }
}
function writeEntry(cache, tag2, entry, script) {
  try {
    (0, import_node_fs.mkdirSync)(cache, { recursive: true, mode: 448 });
    if (!(0, import_node_fs.lstatSync)(cache).isDirectory()) return;
    const temp = `${entry}.${process.pid}.tmp`;
    restoreStartTuning();
    const data = script.createCachedData();
    (0, import_node_fs.writeFileSync)(temp, Buffer.concat([checksum(data), data]), { mode: 384, flag: "wx" });
    (0, import_node_fs.renameSync)(temp, entry);
    const ofTag = new RegExp(`^${tag2.replace(/[^a-z-]/g, "")}-[0-9a-f]{32}\\.v8$`);
    for (const f of (0, import_node_fs.readdirSync)(cache)) {
      if (ofTag.test(f) && import_node_path.default.join(cache, f) !== entry) (0, import_node_fs.rmSync)(import_node_path.default.join(cache, f), { force: true });
    }
  } catch {
  }
}

// src/io/exit.ts
function endRun(proc = process) {
  if (proc.stdout.writableLength !== 0 || proc.stderr.writableLength !== 0) return false;
  proc.exit();
  return true;
}

// src/io/thread-priority.ts
var import_node_fs2 = require("node:fs");
var import_node_os2 = __toESM(require("node:os"), 1);
var BACKGROUND_NICENESS = 5;
function yieldBackgroundThreads(platform = process.platform) {
  if (platform !== "linux") return 0;
  let tasks;
  let own;
  try {
    if (!onMainThread()) return 0;
    tasks = (0, import_node_fs2.readdirSync)("/proc/self/task");
    own = import_node_os2.default.getPriority();
  } catch {
    return 0;
  }
  const niceness = Math.min(own + BACKGROUND_NICENESS, 19);
  let lowered = 0;
  for (const task of tasks) {
    const tid = Number(task);
    if (!Number.isSafeInteger(tid) || tid === process.pid) continue;
    try {
      if (import_node_os2.default.getPriority(tid) >= niceness) continue;
      import_node_os2.default.setPriority(tid, niceness);
      lowered++;
    } catch {
    }
  }
  return lowered;
}
function onMainThread() {
  return (0, import_node_fs2.readlinkSync)("/proc/thread-self").split("/")[2] === String(process.pid);
}

// src/cli.ts
yieldBackgroundThreads();
startShortRunTuning();
var argv = process.argv.slice(2);
var first = argv[0];
var tag = isCommandName(first) ? argv.some((a) => a === "--help" || a === "-h") ? `${first}-help` : first : "other";
var cli = requireWithCodeCache((0, import_node_url.fileURLToPath)(new URL("./cli/main.cjs", __npcModuleUrl)), codeCacheDir(argv, process.env), tag);
void cli.start(argv).then(() => endRun());
