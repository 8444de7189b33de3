#!/usr/bin/env node
import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import "./chunks/chunk-UQ363SVG.js";

// src/io/compile-cache.ts
import { lstatSync, mkdirSync } from "node:fs";
import module from "node:module";
import os from "node:os";
import path from "node:path";
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
  const dir = path.join(os.tmpdir(), `netpol-ci-compile-cache-${uid}`);
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
function compileCacheDir(argv2, env, cwd = process.cwd()) {
  if (env.NODE_COMPILE_CACHE !== void 0 || env.NODE_DISABLE_COMPILE_CACHE) return void 0;
  const kept = cacheDirArgument(argv2) ?? (env.NETPOL_CI_CACHE_DIR || void 0);
  return kept ? path.resolve(cwd, kept, "node-compile-cache") : privateTempDir();
}
function startCompileCache(argv2, env) {
  const enable = module.enableCompileCache;
  if (typeof enable !== "function") return;
  const dir = compileCacheDir(argv2, env);
  if (!dir) return;
  try {
    enable(dir);
  } catch {
  }
}

// src/cli.ts
startCompileCache(process.argv.slice(2), process.env);
var argv = process.argv.slice(2);
var { commandsFor } = await import("./chunks/commands-CE6OZ3XX.js");
var commands = await commandsFor(argv);
var { runProgram } = await import("./chunks/run-5CKDGVNA.js");
var { nodeIo } = await import("./chunks/node-io-BZ6HIMXJ.js");
process.exitCode = runProgram(argv, {
  io: nodeIo(),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
  stdoutTerminal: Boolean(process.stdout.isTTY),
  stdoutBytes: (bytes) => void process.stdout.write(bytes)
}, commands);
