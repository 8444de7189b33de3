import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);

// src/io/thread-priority.ts
import { readdirSync } from "node:fs";
import os from "node:os";
import { isMainThread } from "node:worker_threads";
var BACKGROUND_NICENESS = 5;
function yieldBackgroundThreads(platform = process.platform) {
  if (platform !== "linux" || !isMainThread) return 0;
  let tasks;
  let own;
  try {
    tasks = readdirSync("/proc/self/task");
    own = os.getPriority();
  } catch {
    return 0;
  }
  const niceness = Math.min(own + BACKGROUND_NICENESS, 19);
  let lowered = 0;
  for (const task of tasks) {
    const tid = Number(task);
    if (!Number.isSafeInteger(tid) || tid === process.pid) continue;
    try {
      if (os.getPriority(tid) >= niceness) continue;
      os.setPriority(tid, niceness);
      lowered++;
    } catch {
    }
  }
  return lowered;
}

export {
  yieldBackgroundThreads
};
