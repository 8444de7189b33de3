import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';

// Node's own modules that most runs never use, loaded on first use rather than when the CLI
// starts: `connectivity` of a folder runs no tool and, without --cache-dir, hashes nothing, and
// loading child_process and crypto (about thirty internal modules) is a few milliseconds of
// every short run.
const load = createRequire(import.meta.url);

export const spawnSync = ((...args: Parameters<typeof ChildProcess.spawnSync>) => (load('node:child_process') as typeof ChildProcess).spawnSync(...args)) as typeof ChildProcess.spawnSync;

export const createHash = ((...args: Parameters<typeof Crypto.createHash>) => (load('node:crypto') as typeof Crypto).createHash(...args)) as typeof Crypto.createHash;
