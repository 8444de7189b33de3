import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-JPQI2AE5.js";
import "./chunk-UQ363SVG.js";

// src/cli/commands.ts
var COMMAND_NAMES = ["check", "connectivity", "diff", "scan", "synthesize", "verify", "links", "lint", "prune", "baseline"];
var LOADERS = {
  check: async () => ({ name: "check", make: (await import("./check-AGMU5INR.js")).checkCommand }),
  connectivity: async () => ({ name: "connectivity", make: (await import("./connectivity-74XHWS5A.js")).connectivityCommand }),
  diff: async () => ({ name: "diff", make: (await import("./diff-CULWOZUU.js")).diffCommand }),
  scan: async () => ({ name: "scan", make: (await import("./scan-SKDBJUHK.js")).scanCommand }),
  synthesize: async () => ({ name: "synthesize", make: (await import("./synthesize-22C4OL6F.js")).synthesizeCommand }),
  verify: async () => ({ name: "verify", make: (await import("./verify-AFCY3ZYX.js")).verifyCommand }),
  links: async () => ({ name: "links", make: (await import("./links-QEQEXXC3.js")).linksCommand }),
  lint: async () => ({ name: "lint", make: (await import("./lint-MYIPSSPU.js")).lintCommand }),
  prune: async () => ({ name: "prune", make: (await import("./prune-QZ2YSNSR.js")).pruneCommand }),
  baseline: async () => {
    const { baselineCommand } = await import("./baseline-GDSDSS4L.js");
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
