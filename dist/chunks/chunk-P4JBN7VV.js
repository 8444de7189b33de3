import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  dump
} from "./chunk-TZ6IWUHF.js";

// src/report/policies.ts
function renderPoliciesYaml(policies) {
  return policies.map((p) => `---
${dump(p, { lineWidth: -1, noRefs: true, quotingType: '"' })}`).join("");
}

export {
  renderPoliciesYaml
};
