import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  DEFAULT_SYNTHESIS_OPTIONS,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  RuleMatcher,
  applyBaselineToLinks,
  cutClosures,
  inEveryFamily,
  layoutPolicies,
  linkKey,
  parseLinksFile,
  readRuleFiles,
  renderPoliciesYaml,
  synthesizePolicies,
  unknownPresets,
  unresolvedLeftOpen
} from "../chunks/chunk-MGBJX6MS.mjs";
import "../chunks/chunk-WCR5MJTX.mjs";
import {
  findGaps,
  mergeLinks,
  readTraffic,
  unresolvedWarnings
} from "../chunks/chunk-L2SJDA3H.mjs";
import {
  dnsUsesByWorkload,
  scanTopology,
  selfLinks
} from "../chunks/chunk-HM4COL5A.mjs";
import {
  loadInputs,
  markdownCode,
  readSettingsFromInputs,
  resolveIn,
  workspacePath
} from "../chunks/chunk-LJ6KWNZ7.mjs";
import {
  DEFAULT_NAMESPACE,
  NAMESPACE_NAME_LABEL,
  compareStrings,
  isEmptySelector,
  originRef,
  selectorMatches,
  workloadKey
} from "../chunks/chunk-O73IRBZ3.mjs";
import {
  annotateDiagnostics,
  defineAction,
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction,
  synthesizeSpec,
  writeReport,
  writeSummary,
  yieldBackgroundThreads
} from "../chunks/chunk-MX7AUN24.mjs";
import {
  Codes,
  ExitCode,
  __toESM,
  appendAll,
  diag,
  formatPath,
  require_dist
} from "../chunks/chunk-TBLT5FKE.mjs";

// src/synthesis/check-selectors.ts
function checkSelectors(cluster, policies, options) {
  const out = [];
  const selected = (namespace, selector) => cluster.workloads.filter((w) => w.ref.namespace === namespace && w.pods.some((p) => selectorMatches(selector, p.labels))).map((w) => workloadKey(w.ref));
  const check = (policy, path, namespace, selector) => {
    const hits = selected(namespace, selector);
    if (hits.length === 1) return;
    const what = `${policy.metadata.namespace}/${policy.metadata.name} ${formatPath(path)} ${JSON.stringify(selector)}`;
    out.push(
      diag(
        Codes.selectorCheck,
        "warning",
        hits.length === 0 ? `${what} selects no workload in namespace ${namespace}` : `${what} selects ${hits.length} workloads, not one: ${hits.join(", ")}`,
        void 0,
        hits.length === 0 ? "the workload it was written for has no pods with these labels in the manifests" : "give the workload a distinguishing pod label"
      )
    );
  };
  const peerNamespace = (peer, own) => {
    if (!peer.podSelector || isEmptySelector(peer.podSelector)) return void 0;
    if (!peer.namespaceSelector) return own;
    const name = peer.namespaceSelector.matchLabels?.[NAMESPACE_NAME_LABEL];
    if (name === void 0) return void 0;
    const dnsLabels = options.dns.podLabels;
    if (name === options.dns.namespace && JSON.stringify(peer.podSelector.matchLabels ?? {}) === JSON.stringify(dnsLabels)) return void 0;
    return name;
  };
  for (const p of policies) {
    const ns = p.metadata.namespace;
    if (!isEmptySelector(p.spec.podSelector)) check(p, ["spec", "podSelector"], ns, p.spec.podSelector);
    for (const [direction, rules] of [["ingress", p.spec.ingress ?? []], ["egress", p.spec.egress ?? []]]) {
      rules.forEach((r, i) => {
        const peers = "from" in r ? r.from : r.to;
        peers.forEach((peer, j) => {
          const target = peerNamespace(peer, ns);
          if (target !== void 0) check(p, ["spec", direction, i, direction === "ingress" ? "from" : "to", j, "podSelector"], target, peer.podSelector);
        });
      });
    }
  }
  return out;
}

// src/synthesis/existing.ts
function existingSelections(cluster, existing) {
  const skip = /* @__PURE__ */ new Map();
  const diagnostics = [];
  const policies = existing.flatMap((o) => o.kind === "NetworkPolicy" && o.object.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY ? [o] : []);
  const sorted = [...cluster.workloads].sort((a, b) => compareStrings(workloadKey(a.ref), workloadKey(b.ref)));
  for (const w of sorted) {
    for (const p of policies) {
      const ns = p.object.metadata.namespace || DEFAULT_NAMESPACE;
      if (ns !== w.ref.namespace) continue;
      const selector = p.object.spec?.podSelector ?? {};
      if (!w.pods.some((pod) => selectorMatches(selector, pod.labels))) continue;
      const name = `NetworkPolicy ${ns}/${p.object.metadata.name ?? ""}`;
      const at = originRef(p.origin, ["spec", "podSelector"]);
      skip.set(workloadKey(w.ref), name);
      diagnostics.push(
        diag(Codes.existingPolicySkipped, "info", `${workloadKey(w.ref)} left untouched: the existing ${name} already selects it${at.line !== void 0 ? ` (${at.file}:${at.line})` : ""}`, originRef(w.origin, ["metadata", "name"]))
      );
      break;
    }
  }
  return { skip, diagnostics };
}

// src/synthesis/prune.ts
var import_yaml = __toESM(require_dist(), 1);

// src/pipeline/synthesize.ts
function runSynthesize(io, request, settings) {
  const { load, diagnostics, values } = loadInputs(io, request.paths, settings);
  const all = [...diagnostics];
  let links;
  let unresolved;
  let dnsUses;
  if (request.linksFile !== void 0) {
    const parsed = parseLinksFile(request.linksFile, io.readText(request.linksFile, "--links"), load.cluster.workloads.map((w) => w.ref), load.cluster);
    links = parsed.links;
    appendAll(all, parsed.diagnostics);
    const scanned = scanTopology(load.cluster, { values, evidenceLines: false, ...settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {} });
    unresolved = unresolvedLeftOpen(scanned.value.unresolved, links, scanned.value.links);
    dnsUses = scanned.value.dns;
    links = mergeLinks(links, selfLinks(scanned.value.self));
  } else {
    const scanned = scanTopology(load.cluster, { values, ...settings.serviceCidrs ? { serviceCidrs: settings.serviceCidrs } : {} });
    links = [...scanned.value.links, ...selfLinks(scanned.value.self)];
    unresolved = scanned.value.unresolved;
    dnsUses = scanned.value.dns;
    appendAll(all, scanned.diagnostics);
  }
  let traffic;
  if (request.traffic) {
    const observed = readTraffic(io, load.cluster, request.traffic, settings);
    links = mergeLinks(links, observed.value.links);
    appendAll(all, observed.diagnostics);
    appendAll(all, unresolvedWarnings(observed.value.unresolved));
    traffic = observed.value.summary;
  }
  const families = request.options.ipFamilies ?? settings.ipFamilies;
  const mode = request.gapMode ?? "deny";
  let ruleErrors = false;
  let baselineRules;
  const stated = links;
  if (request.baselineFiles && request.baselineFiles.length > 0) {
    const rules = readRuleFiles(io, request.baselineFiles);
    appendAll(all, rules.diagnostics);
    ruleErrors = rules.diagnostics.some((d) => d.severity === "error");
    baselineRules = rules.rules;
    const applied = applyBaselineToLinks(load.cluster, inEveryFamily(links, families), rules.rules, settings.ipFamilies);
    links = applied.links;
    appendAll(all, applied.diagnostics);
  }
  const gaps = findGaps(load.cluster, { links: links === stated ? links : [...stated, ...links], unresolved });
  let closedWhole = gaps;
  if (baselineRules && mode !== "deny") {
    const cut = cutClosures(load.cluster, gaps, mode, baselineRules, families);
    appendAll(all, cut.diagnostics);
    closedWhole = cut.whole;
    links = [...links, ...cut.links];
  }
  let options = { ...request.options, dnsClients: dnsUsesByWorkload(dnsUses), ipFamilies: families, gaps: { mode, list: closedWhole }, ...baselineRules ? { linksInEveryFamily: true } : {} };
  if (baselineRules && request.options.noPorts) options = { ...options, portsKept: pairsWithDenials(load.cluster, links, baselineRules) };
  let skipped = [];
  if (request.existing !== void 0) {
    const existing = loadInputs(io, [request.existing], settings);
    appendAll(all, existing.diagnostics);
    const sel = existingSelections(load.cluster, existing.load.cluster.objects);
    appendAll(all, sel.diagnostics);
    options = { ...options, skip: sel.skip };
    skipped = [...sel.skip].map(([workload, by]) => ({ workload, by }));
  }
  appendAll(all, unknownPresets(options.presets ?? [], load.cluster));
  const result = synthesizePolicies(load.cluster, links, options);
  appendAll(all, result.diagnostics);
  if (request.checkSelectors) appendAll(all, checkSelectors(load.cluster, result.value.policies, options));
  const refused = ruleErrors || request.linksFile !== void 0 && all.some((d) => d.severity === "error");
  return { policies: result.value.policies, gaps, diagnostics: all, refused, skipped, ...traffic ? { traffic } : {} };
}
function policyTarget(io, output) {
  if (output === void 0 || output === "-") return { kind: "stdout" };
  if (output.endsWith("/") || io.isDirectory(output)) return { kind: "folder", dir: output };
  return { kind: "file", file: output };
}
function writePolicies(io, policies, target, render) {
  const files = layoutPolicies(policies, target, render);
  io.writeFiles(files, target.kind === "folder" ? { createFolders: true, inside: target.dir } : {});
  return files;
}
function pairsWithDenials(cluster, links, rules) {
  const matcher = new RuleMatcher(cluster);
  const deny = rules.rules.filter((r) => r.action === "deny");
  return new Set(links.filter((l) => deny.some((r) => matcher.pair(r, l.src, l.dst) !== void 0)).map(linkKey));
}

// src/action/synthesize.ts
function ingressController(labels) {
  if (!labels) return {};
  const { namespace, ...pod } = labels;
  return { ingressController: { ...namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}, ...Object.keys(pod).length > 0 ? { podLabels: pod } : {} } };
}
var synthesizeAction = defineAction(synthesizeSpec, async (inputs, rt) => {
  const settings = readSettingsFromInputs(rt, inputs);
  const r = await rt.log.group(
    "synthesize",
    () => runSynthesize(
      rt.io,
      {
        paths: inputs.paths.map((p) => resolveIn(inputs, p)),
        ...inputs.links ? { linksFile: resolveIn(inputs, inputs.links) } : {},
        gapMode: inputs.gaps,
        options: {
          ...DEFAULT_SYNTHESIS_OPTIONS,
          defaultDeny: inputs["default-deny"],
          dnsPort: inputs["dns-port"],
          dns: { namespace: inputs["dns-namespace"], podLabels: inputs["dns-selector"] ?? DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels },
          ...ingressController(inputs["ingress-controller"]),
          namePrefix: inputs["name-prefix"],
          ...inputs["no-ports"] ? { noPorts: true } : {}
        }
      },
      settings
    )
  );
  annotateDiagnostics(rt, r.diagnostics, (f) => workspacePath(rt, f));
  if (r.refused) {
    rt.log.error("the links file has errors; no policies written");
    return ExitCode.badInput;
  }
  const output = resolveIn(inputs, inputs.output) + (inputs.output.endsWith("/") ? "/" : "");
  const files = await rt.log.group("write policies", () => writePolicies(rt.io, r.policies, policyTarget(rt.io, output), renderPoliciesYaml));
  const shown = [...files.keys()].map((f) => workspacePath(rt, f)).sort();
  const markdown = [
    "### netpol-ci: synthesized NetworkPolicies",
    "",
    `${r.policies.length} policies in ${shown.length} files:`,
    "",
    ...shown.map((f) => `- ${markdownCode(f)}`),
    ""
  ].join("\n");
  rt.setOutput("policies", r.policies.length);
  rt.setOutput("files", shown.join("\n"));
  rt.setOutput("report-path", writeReport(rt, "synthesize.md", markdown));
  await writeSummary(rt, markdown);
  return r.diagnostics.some((d) => d.severity === "error") ? ExitCode.badInput : ExitCode.ok;
});

// src/action/entries/synthesize.ts
yieldBackgroundThreads();
process.exitCode = await runAction(synthesizeAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
