#!/usr/bin/env node
import { main } from './cli/program.js';
import { nodeIo } from './io/node-io.js';

process.exitCode = main(process.argv.slice(2), {
  io: nodeIo(),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
  stdoutTerminal: Boolean(process.stdout.isTTY),
  stdoutBytes: (bytes) => void process.stdout.write(bytes),
});
