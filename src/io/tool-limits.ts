import { existsSync } from 'node:fs';
import path from 'node:path';
import { visible } from '../diagnostics/sanitize.js';

/**
 * helm and kubectl run on a pull request's charts and overlays: they get bounded time and output
 * (spawnSync's timeout and maxBuffer, in render.ts) and bounded memory, here. The memory cap is
 * RLIMIT_DATA set with util-linux `prlimit` (it counts the heap Go really maps; RLIMIT_AS would
 * also count the address space Go only reserves, and kills helm at start), and GOMEMLIMIT asks
 * Go's collector to stay below it first.
 */
export const DEFAULT_RENDER_MEMORY_BYTES = 2 * 1024 * 1024 * 1024;

function onPath(bin: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, bin))) return path.join(dir, bin);
  }
  return undefined;
}

export interface BoundedCommand {
  readonly bin: string;
  readonly args: string[];
  readonly env: NodeJS.ProcessEnv;
  readonly memoryBytes: number;
}

export function boundedCommand(bin: string, args: string[], memoryBytes = DEFAULT_RENDER_MEMORY_BYTES): BoundedCommand {
  const env = { ...process.env, GOMEMLIMIT: `${Math.floor((memoryBytes * 0.8) / (1024 * 1024))}MiB` };
  const prlimit = onPath('prlimit');
  if (!prlimit) return { bin, args, env, memoryBytes };
  return { bin: prlimit, args: [`--data=${memoryBytes}`, '--', bin, ...args], env, memoryBytes };
}

// klog's prefix: severity, date, time, thread id, file:line] (`E1129 05:12:15.123456   12345 file.go:12] `)
const KLOG_PREFIX = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [^\]\s]+\] /;
// Go's log package and timestamps tools print (`2026/11/29 05:12:15 `, `time="2026-11-29T05:12:15Z"`)
const LOG_TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /;
const MAX_MESSAGE = 2000;

/**
 * A tool's stderr as one deterministic diagnostic line: klog and log prefixes (timestamps, process
 * ids) stripped, temporary or absolute folders replaced by what the user knows them as, lines
 * joined, invisible characters made visible, length bounded.
 */
export function toolMessage(message: string, folders: readonly (readonly [string, string])[] = []): string {
  let text = message
    .split(/\r?\n/)
    .map((l) => l.replace(KLOG_PREFIX, '').replace(LOG_TIMESTAMP, '').trim())
    .filter((l) => l !== '')
    .join(' ');
  // longest folder first, so a chart inside the scanned root is named by its own display
  for (const [abs, shown] of [...folders].sort(([a], [b]) => b.length - a.length)) {
    if (abs) text = text.split(abs).join(shown);
  }
  // kustomize's helm home is a fresh temporary folder per run (`/tmp/kustomize-helm-123456789`)
  text = text.replace(/(?:\/[^\s'"=/]+)*\/kustomize-helm-\d+/g, '<tmp>/kustomize-helm');
  text = visible(text);
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}… (${text.length - MAX_MESSAGE} more characters)` : text;
}
