import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-JPQI2AE5.js";
import {
  Command,
  CommanderError
} from "./chunk-7Q7TY25S.js";
import {
  ConfigError,
  ExitCode,
  safeLine,
  safeLines
} from "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/cli/run.ts
var OUTPUT = (ctx) => ({
  writeOut: ctx.stdout,
  writeErr: ctx.stderr,
  outputError: (text, write) => write(`${safeLines(text.replace(/\n$/, ""))}
`)
});
function buildProgramOf(ctx, done, commands) {
  const program = new Command("netpol-ci").description("Kubernetes NetworkPolicies shift-left, in CI: exact connectivity, semantic diffs, least-privilege policies").version(VERSION).showHelpAfterError().configureOutput(OUTPUT(ctx)).exitOverride();
  for (const c of commands) program.addCommand(c.make(ctx, done).configureOutput(c.plainOutput ? { writeOut: ctx.stdout, writeErr: ctx.stderr } : OUTPUT(ctx)));
  for (const c of program.commands) c.exitOverride();
  return program;
}
function runProgram(argv, ctx, commands) {
  let code = ExitCode.ok;
  const program = buildProgramOf(ctx, (c) => {
    code = c;
  }, commands);
  try {
    program.parse(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return ExitCode.ok;
      return ExitCode.badInput;
    }
    if (e instanceof ConfigError) {
      ctx.stderr(`${safeLine(`netpol-ci: configuration error: ${e.message}`)}
`);
      return ExitCode.badInput;
    }
    ctx.stderr(`${safeLines(`netpol-ci: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`)}
`);
    return ExitCode.internal;
  }
}
export {
  buildProgramOf,
  runProgram
};
