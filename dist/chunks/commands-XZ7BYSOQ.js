import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-JPQI2AE5.js";
import "./chunk-UQ363SVG.js";

// src/cli/commands.ts
var COMMAND_NAMES = ["check", "connectivity", "diff", "scan", "synthesize", "verify", "links", "lint", "prune", "baseline"];
var LOADERS = {
  check: async () => ({ name: "check", make: (await import("./check-47ID4IQ4.js")).checkCommand }),
  connectivity: async () => ({ name: "connectivity", make: (await import("./connectivity-KVDT4FGM.js")).connectivityCommand }),
  diff: async () => ({ name: "diff", make: (await import("./diff-JSWAJUXV.js")).diffCommand }),
  scan: async () => ({ name: "scan", make: (await import("./scan-52OMSJD2.js")).scanCommand }),
  synthesize: async () => ({ name: "synthesize", make: (await import("./synthesize-WNHXNZOD.js")).synthesizeCommand }),
  verify: async () => ({ name: "verify", make: (await import("./verify-XM5QCGQZ.js")).verifyCommand }),
  links: async () => ({ name: "links", make: (await import("./links-H7FVHR7T.js")).linksCommand }),
  lint: async () => ({ name: "lint", make: (await import("./lint-YUA5K3QT.js")).lintCommand }),
  prune: async () => ({ name: "prune", make: (await import("./prune-JI7R2A5Y.js")).pruneCommand }),
  baseline: async () => {
    const { baselineCommand } = await import("./baseline-VRJYYBGQ.js");
    return { name: "baseline", make: (ctx, done) => baselineCommand(ctx, done, VERSION), plainOutput: true };
  }
};
var isCommandName = (s) => COMMAND_NAMES.includes(s);
async function commandsFor(argv) {
  const first = argv[0];
  if (isCommandName(first)) return [await LOADERS[first]()];
  if (argv.length === 1 && (first === "--version" || first === "-V")) return [];
  return Promise.all(COMMAND_NAMES.map((n) => LOADERS[n]()));
}
export {
  COMMAND_NAMES,
  commandsFor
};
