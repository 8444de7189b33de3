import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  commentSpec,
  defineAction,
  gitHubApiFor,
  markerFor,
  nodeIo,
  nodeRuntime,
  parseMarker,
  postComment,
  pullRequestOf,
  runAction,
  stripMarkers,
  workflowRunOf,
  yieldBackgroundThreads
} from "../chunks/chunk-MX7AUN24.mjs";
import {
  ConfigError,
  ExitCode
} from "../chunks/chunk-TBLT5FKE.mjs";

// src/action/comment-action.ts
var REPORT_KINDS = ["check", "diff"];
var commentAction = defineAction(commentSpec, async (inputs, rt) => {
  const target = await pullRequestTarget(rt, inputs["pr-number"], inputs.token);
  if (!target) {
    rt.log.info(`no pull request for this ${rt.event.name || "unknown"} event: nothing to comment on`);
    return ExitCode.ok;
  }
  const text = rt.io.readText(inputs["report-file"], "report-file");
  const size = Buffer.byteLength(text, "utf8");
  if (size > inputs["max-report-bytes"]) throw new ConfigError(`input "report-file": ${size} bytes, more than max-report-bytes (${inputs["max-report-bytes"]})`);
  const parsed = parseMarker(text);
  const claimed = parsed && REPORT_KINDS.includes(parsed.kind) ? parsed : parsed ? { ...parsed, kind: "check" } : void 0;
  const body = stripMarkers(text);
  const marker = markerFor(rt, claimed?.kind ?? "check", inputs["comment-key"] ?? claimed?.kind ?? "check", claimed?.empty ?? false, target.sha);
  rt.setOutput("pr-number", target.number);
  if (!inputs.comment) return ExitCode.ok;
  await rt.log.group(`comment on #${target.number}`, () => postComment(rt, inputs, marker, body, target.number));
  return ExitCode.ok;
});
async function pullRequestTarget(rt, given, token) {
  const pr = pullRequestOf(rt.event);
  if (pr) return { number: given ?? pr.number, sha: pr.headSha };
  const run = workflowRunOf(rt.event);
  if (!run) {
    if (given === void 0) return void 0;
    const api = rt.github(token);
    return { number: given, sha: await api.pullHead(given) };
  }
  if (given !== void 0) return { number: given, sha: run.headSha };
  const listed = run.pullNumbers[0];
  if (listed !== void 0) return { number: listed, sha: run.headSha };
  if (run.event !== "pull_request" || !run.headOwner || !run.headBranch) return void 0;
  const found = await rt.github(token).findPull(run.headOwner, run.headBranch, run.headSha);
  return found === void 0 ? void 0 : { number: found, sha: run.headSha };
}

// src/action/entries/comment.ts
yieldBackgroundThreads();
process.exitCode = await runAction(commentAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
