#!/usr/bin/env node
import { startCompileCache } from './io/compile-cache.js';

// The compile cache first (io/compile-cache.ts): it covers only modules loaded after it is on, so
// the CLI proper is imported afterwards.
startCompileCache(process.argv.slice(2), process.env);
// then only the command the run names (src/cli/commands.ts)
const argv = process.argv.slice(2);
const { commandsFor } = await import('./cli/commands.js');
const commands = await commandsFor(argv);
const { runProgram } = await import('./cli/run.js');
const { nodeIo } = await import('./io/node-io.js');

process.exitCode = runProgram(argv, {
  io: nodeIo(),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
  stdoutTerminal: Boolean(process.stdout.isTTY),
  stdoutBytes: (bytes) => void process.stdout.write(bytes),
}, commands);
