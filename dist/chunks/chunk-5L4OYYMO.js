import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  runDiff
} from "./chunk-KMB3GD5P.js";
import {
  renderDiffMd
} from "./chunk-Q3YWZAQI.js";
import {
  readSettingsFromInputs
} from "./chunk-GLUC33MD.js";
import {
  annotateDiagnostics,
  defineAction,
  diffSpec,
  publishReport,
  refsOf
} from "./chunk-UYXBV6A3.js";
import {
  ExitCode
} from "./chunk-LJ56FUY6.js";

// src/action/diff.ts
var fileAtRef = (ref) => (shown) => shown.startsWith(`${ref}:`) ? shown.slice(ref.length + 1) : void 0;
var diffAction = defineAction(diffSpec, async (inputs, rt) => {
  const { base, head } = refsOf(rt.event, rt.env, inputs.base, inputs.head);
  const settings = readSettingsFromInputs(rt, inputs);
  const r = await rt.log.group(
    `diff ${base}..${head}`,
    () => runDiff(rt.io, { kind: "repo", repo: inputs["working-directory"], base, head, paths: inputs.paths }, settings, { explain: true })
  );
  annotateDiagnostics(rt, r.after.diagnostics, fileAtRef(head));
  annotateDiagnostics(rt, r.before.diagnostics, () => void 0);
  const count = (k) => r.diff.entries.filter((e) => e.kind === k).length;
  const hasDiff = r.diff.entries.length > 0;
  rt.setOutput("has-diff", hasDiff);
  rt.setOutput("added", count("added"));
  rt.setOutput("removed", count("removed"));
  rt.setOutput("changed", count("changed"));
  const markdown = renderDiffMd({ diff: r.diff, refs: r.refs, ...r.explanations ? { explanations: r.explanations } : {} });
  await publishReport(rt, "diff", markdown, !hasDiff, inputs);
  if (r.diagnostics.some((d) => d.severity === "error")) return ExitCode.badInput;
  if (hasDiff && inputs["fail-on-diff"]) {
    rt.log.error(`connectivity changed: ${count("added")} added, ${count("removed")} removed, ${count("changed")} changed (fail-on-diff)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});

export {
  fileAtRef,
  diffAction
};
