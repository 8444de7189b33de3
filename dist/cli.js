#!/usr/bin/env node
import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  yieldBackgroundThreads
} from "./chunks/chunk-TX2NFAD4.js";
import "./chunks/chunk-UQ363SVG.js";

// src/cli.ts
import { fileURLToPath } from "node:url";

// src/cli/command-names.ts
var COMMAND_NAMES = ["check", "connectivity", "diff", "scan", "synthesize", "verify", "links", "lint", "prune", "baseline"];
var isCommandName = (s) => COMMAND_NAMES.includes(s);

// src/io/code-cache.ts
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
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
  const dir = path.join(os.tmpdir(), `netpol-ci-code-cache-${uid}`);
  try {
    mkdirSync(dir, { mode: 448 });
  } catch (e) {
    if (e.code !== "EEXIST") return void 0;
  }
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === uid && (st.mode & 18) === 0 ? dir : void 0;
  } catch {
    return void 0;
  }
}
function codeCacheDir(argv2, env, cwd = process.cwd()) {
  if (env.NODE_DISABLE_COMPILE_CACHE) return void 0;
  const kept = cacheDirArgument(argv2) ?? (env.NETPOL_CI_CACHE_DIR || void 0);
  return kept ? path.resolve(cwd, kept, "code-cache") : privateTempDir();
}
function requireWithCodeCache(file, cache, tag2) {
  const bytes = readFileSync(file);
  const source = bytes.toString("utf8");
  const entry = cache === void 0 ? void 0 : codeCacheEntry(cache, tag2, bytes);
  const cachedData = entry === void 0 ? void 0 : readEntry(entry);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...cachedData ? { cachedData } : {},
    // the bundle imports nothing dynamically (esbuild resolves its own `import()`s); were it to, as a module would
    ...vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}
  });
  if (cache !== void 0 && entry !== void 0 && (cachedData === void 0 || script.cachedDataRejected)) {
    process.once("exit", () => writeEntry(cache, tag2, entry, script));
  }
  const module = { exports: {} };
  const run = script.runInThisContext();
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}
function codeCacheEntry(cache, tag2, source) {
  const key = createHash("sha256").update(`${process.version}\0${process.arch}\0${process.platform}\0`).update(source).digest("hex").slice(0, 32);
  return path.join(cache, `${tag2}-${key}.v8`);
}
var DIGEST_BYTES = 32;
function readEntry(entry) {
  try {
    if (!lstatSync(entry).isFile()) return void 0;
    const bytes = readFileSync(entry);
    if (bytes.length <= DIGEST_BYTES) return void 0;
    const data = bytes.subarray(DIGEST_BYTES);
    return createHash("sha256").update(data).digest().equals(bytes.subarray(0, DIGEST_BYTES)) ? data : void 0;
  } catch {
    return void 0;
  }
}
function writeEntry(cache, tag2, entry, script) {
  try {
    mkdirSync(cache, { recursive: true, mode: 448 });
    const temp = `${entry}.${process.pid}.tmp`;
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([createHash("sha256").update(data).digest(), data]), { mode: 384 });
    renameSync(temp, entry);
    const ofTag = new RegExp(`^${tag2.replace(/[^a-z-]/g, "")}-[0-9a-f]{32}\\.v8$`);
    for (const f of readdirSync(cache)) {
      if (ofTag.test(f) && path.join(cache, f) !== entry) rmSync(path.join(cache, f), { force: true });
    }
  } catch {
  }
}

// src/cli.ts
yieldBackgroundThreads();
var argv = process.argv.slice(2);
var first = argv[0];
var tag = isCommandName(first) ? argv.some((a) => a === "--help" || a === "-h") ? `${first}-help` : first : "other";
var cli = requireWithCodeCache(fileURLToPath(new URL("./cli/main.cjs", import.meta.url)), codeCacheDir(argv, process.env), tag);
await cli.start(argv);
