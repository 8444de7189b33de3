import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Tty from 'node:tty';
import type * as WorkerThreads from 'node:worker_threads';

// Node's own modules that most runs never use, loaded on first use rather than when the CLI
// starts: `connectivity` of a folder runs no tool, starts no thread, reads no terminal and,
// without --cache-dir, hashes nothing. Loading child_process, crypto, worker_threads and tty
// (each a handful of internal modules; tty alone brings net) is milliseconds of every short run.
const load = createRequire(import.meta.url);

export const spawnSync = ((...args: Parameters<typeof ChildProcess.spawnSync>) => (load('node:child_process') as typeof ChildProcess).spawnSync(...args)) as typeof ChildProcess.spawnSync;

export const createHash = ((...args: Parameters<typeof Crypto.createHash>) => (load('node:crypto') as typeof Crypto).createHash(...args)) as typeof Crypto.createHash;

export const isatty = (fd: number): boolean => (load('node:tty') as typeof Tty).isatty(fd);

/** node:worker_threads, on first use (a thread is started only for large inputs). */
export const workerThreads = (): typeof WorkerThreads => load('node:worker_threads') as typeof WorkerThreads;
