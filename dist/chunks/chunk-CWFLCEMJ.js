import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);

// src/io/threads.ts
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, workerData } from "node:worker_threads";
var STARTED = 1;
var ANSWERED = 2;
var START_TIMEOUT_MS = 1e4;
function threadScript(name, from = import.meta.url) {
  for (const rel of [`../${name}-worker.js`, `./${name}-worker.js`]) {
    const file = fileURLToPath(new URL(rel, from));
    if (existsSync(file)) return file;
  }
  return void 0;
}
var THREAD_THRESHOLD_CHARS = { "check-base": 1024 * 1024 };
var THREAD_MIN_CORES = 4;
var DEFAULT_MODE = "0";
function threadWanted(name, chars, env = process.env) {
  const mode = (env.NETPOL_CI_CHECK_THREAD ?? DEFAULT_MODE).trim();
  if (mode === "1") return true;
  if (mode !== "auto") return false;
  return chars >= THREAD_THRESHOLD_CHARS[name] && os.availableParallelism() >= THREAD_MIN_CORES;
}
function startThreadJob(script, input, startTimeoutMs = START_TIMEOUT_MS) {
  const { port1, port2 } = new MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(4));
  const data = { input, port: port2, state };
  let worker;
  try {
    worker = new Worker(script, { workerData: data, transferList: [port2] });
    worker.on("error", () => void 0);
    worker.unref();
    port1.unref();
  } catch {
    worker = void 0;
  }
  const startedAt = Date.now();
  let done = false;
  const finish = () => {
    done = true;
    port1.close();
    void worker?.terminate();
  };
  return {
    collect(patienceMs) {
      if (done || !worker) return void 0;
      const giveUpAt = Date.now() + patienceMs;
      try {
        if (Atomics.load(state, 0) === 0) Atomics.wait(state, 0, 0, Math.max(0, Math.min(startedAt + startTimeoutMs, giveUpAt) - Date.now()));
        if (Atomics.load(state, 0) === 0) return void 0;
        Atomics.wait(state, 0, STARTED, Math.max(0, giveUpAt - Date.now()));
        if (Atomics.load(state, 0) !== ANSWERED) return void 0;
        const received = receiveMessageOnPort(port1);
        return received && "value" in received.message ? received.message.value : void 0;
      } finally {
        finish();
      }
    },
    cancel() {
      if (!done) finish();
    }
  };
}
function answerThreadJob(compute) {
  const job = workerData;
  Atomics.store(job.state, 0, STARTED);
  Atomics.notify(job.state, 0);
  let answer;
  try {
    answer = { value: compute(job.input) };
  } catch (e) {
    answer = { error: e.stack ?? String(e) };
  }
  job.port.postMessage(answer);
  Atomics.store(job.state, 0, ANSWERED);
  Atomics.notify(job.state, 0);
}

export {
  threadScript,
  threadWanted,
  startThreadJob,
  answerThreadJob
};
