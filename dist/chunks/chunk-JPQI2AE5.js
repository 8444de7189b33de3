import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);

// src/cli/version.ts
var VERSION = "0.1.0";

export {
  VERSION
};
