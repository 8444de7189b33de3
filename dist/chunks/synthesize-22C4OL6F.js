import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  TrafficOptions,
  addTrafficOptions,
  snapshotClusterFrom,
  trafficRequestFrom
} from "./chunk-XMMSRY47.js";
import {
  ClusterOptions,
  addClusterOptions
} from "./chunk-3PACPH3M.js";
import {
  CommonOptions,
  addCommonOptions,
  exitCodeFor,
  parseOptions,
  printDiagnostics,
  progress,
  readSettingsFrom
} from "./chunk-LHAWPF3Y.js";
import {
  Command
} from "./chunk-7Q7TY25S.js";
import "./chunk-D4HXOHCG.js";
import {
  policyTarget,
  runSynthesize,
  writePolicies
} from "./chunk-FWUGNF62.js";
import "./chunk-OFWHDVLQ.js";
import "./chunk-XPWQCRA6.js";
import {
  renderPoliciesYaml
} from "./chunk-P4JBN7VV.js";
import {
  DEFAULT_SYNTHESIS_OPTIONS,
  GAP_MODES,
  layoutPolicies,
  parsePreset
} from "./chunk-QEEATDXV.js";
import "./chunk-2N74GJOT.js";
import {
  gapText
} from "./chunk-RCIHDDST.js";
import "./chunk-57HYVIXJ.js";
import {
  summaryText
} from "./chunk-W3TQMIRJ.js";
import "./chunk-AV2U6Z46.js";
import "./chunk-ZAFBLR44.js";
import "./chunk-NCDNHDM5.js";
import "./chunk-BECTGLCW.js";
import "./chunk-E23QOJSC.js";
import "./chunk-3HQQSEID.js";
import {
  NAMESPACE_NAME_LABEL
} from "./chunk-YS4F6JR5.js";
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import {
  safeLine
} from "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/report/gaps.ts
function renderGapSummary(gaps, mode) {
  if (gaps.length === 0) return "";
  const how = mode === "namespace" ? "closed within each namespace (--gaps=namespace)" : mode === "open" ? "left unrestricted in that direction (--gaps=open)" : "left closed: that traffic is blocked (--gaps=deny)";
  const out = [`${gaps.length} gap${gaps.length === 1 ? "" : "s"}: what the manifests cannot tell, ${how}:`];
  for (const g of gaps) out.push(`  ${safeLine(gapText(g))}`);
  out.push("close a gap with a reviewed link (scan --format yaml, edit, synthesize --links FILE), observed traffic (--traffic), or --gaps=namespace|deny|open; --fail-on-gaps makes gaps fail CI");
  return `${out.join("\n")}
`;
}

// src/cli/commands/synthesize.ts
var labelList = external_exports.string().regex(/^[^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*$/, { error: "expected key=value[,key=value...]" }).transform((s) => Object.fromEntries(s.split(",").map((kv) => kv.split("="))));
var Options = CommonOptions.extend(TrafficOptions.shape).extend(ClusterOptions.shape).extend({
  links: external_exports.string().optional(),
  baseline: external_exports.array(external_exports.string()).default([]),
  defaultDeny: external_exports.union([external_exports.boolean(), external_exports.enum(["true", "false"], { error: "--default-deny takes true or false" }).transform((v) => v === "true")]).default(true),
  dryRun: external_exports.boolean().default(false),
  dnsPort: external_exports.coerce.number().int().min(1).max(65535).default(53),
  dnsNamespace: external_exports.string().default("kube-system"),
  dnsSelector: labelList.default({ "k8s-app": "kube-dns" }),
  ingressController: labelList.optional(),
  namePrefix: external_exports.string().regex(/^[a-z0-9-]*$/, { error: "lower-case letters, digits and dashes only" }).default(""),
  gaps: external_exports.enum(GAP_MODES, { error: (i) => `expected one of ${GAP_MODES.join(", ")}, got ${JSON.stringify(i.input)}` }).default("deny"),
  failOnGaps: external_exports.boolean().default(false),
  existing: external_exports.string().optional(),
  preset: external_exports.array(external_exports.string()).default([]).transform(
    (list, ctx) => list.flatMap((text) => {
      const p = parsePreset(text);
      if (typeof p === "string") {
        ctx.addIssue({ code: "custom", message: p });
        return [];
      }
      return [p];
    })
  ),
  // commander spells --no-ports as ports: false
  ports: external_exports.boolean().default(true),
  checkSelectors: external_exports.boolean().default(false)
});
function ingressControllerSelector(labels) {
  if (!labels) return void 0;
  const { namespace, ...pod } = labels;
  return { ...namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}, ...Object.keys(pod).length > 0 ? { podLabels: pod } : {} };
}
function synthesizeCommand(ctx, done) {
  const cmd = new Command("synthesize").description("least-privilege NetworkPolicies for the connections the application needs").argument("<path...>", "manifest files or folders (scanned recursively)").option("--links <file>", "use this reviewed link list (scan --format json|yaml) instead of scanning").option("--baseline <file>", "baseline rules (repeatable): deny rules remove links, allow rules add theirs", (v, prev = []) => [...prev, v]).option("--default-deny [bool]", "add a default-deny policy per namespace (default true; --default-deny=false to omit)").option("--dry-run", "print what would be written, write nothing").option("--dns-port <port>", "port DNS listens on (default 53; OpenShift: 5353)").option("--dns-namespace <ns>", "namespace DNS runs in (default kube-system)").option("--dns-selector <labels>", "labels of the DNS pods (default k8s-app=kube-dns)").option("--ingress-controller <selector>", "where the ingress controller runs, e.g. namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx (default: any namespace)").option("--name-prefix <prefix>", "prefix for policy names").option("--gaps <mode>", "how to close what the manifests cannot tell (always reported): deny (default: strict least privilege), namespace (within the namespace) or open (unrestricted in that direction)").option("--fail-on-gaps", "exit 1 when there are gaps (for CI)").option("--existing <dir>", "leave the workloads that NetworkPolicies in DIR (not generated by netpol-ci) already select untouched, and say which").option("--preset <spec>", "ns=NAME:MODE or workload=NS/NAME:MODE, MODE block-all|allow-namespace|allow-all; applied before the links (repeatable)", (v, prev = []) => [...prev, v]).option("--no-ports", "peer-only rules: no ports or protocols (fewer, broader policies)").option("--check-selectors", "report every generated selector that selects no workload, or more than one, in the manifests");
  addTrafficOptions(cmd);
  addClusterOptions(cmd, "with --traffic: read pods, Services, namespaces and nodes from the cluster with kubectl to map trace addresses to workloads (instead of --cluster-snapshot)");
  addCommonOptions(cmd).action((paths, raw) => done(synthesize(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}
function synthesize(ctx, paths, opts) {
  const say = progress(ctx, opts);
  say("reading, scanning and synthesizing…");
  const ic = ingressControllerSelector(opts.ingressController);
  const traffic = trafficRequestFrom(opts, snapshotClusterFrom(opts));
  const r = runSynthesize(
    ctx.io,
    {
      paths,
      ...opts.links !== void 0 ? { linksFile: opts.links } : {},
      gapMode: opts.gaps,
      ...traffic ? { traffic } : {},
      ...opts.baseline.length > 0 ? { baselineFiles: opts.baseline } : {},
      options: {
        ...DEFAULT_SYNTHESIS_OPTIONS,
        defaultDeny: opts.defaultDeny,
        dnsPort: opts.dnsPort,
        dns: { namespace: opts.dnsNamespace, podLabels: opts.dnsSelector },
        ...ic ? { ingressController: ic } : {},
        namePrefix: opts.namePrefix,
        presets: opts.preset,
        noPorts: !opts.ports
      },
      ...opts.existing !== void 0 ? { existing: opts.existing } : {},
      checkSelectors: opts.checkSelectors
    },
    readSettingsFrom(ctx, opts)
  );
  say("");
  if (r.refused) {
    printDiagnostics(ctx, r.diagnostics, opts);
    ctx.stderr(`netpol-ci: the ${opts.baseline.length > 0 ? "links or baseline rule files have" : "links file has"} errors; no policies written
`);
    return exitCodeFor(r.diagnostics);
  }
  if (r.skipped.length > 0 && !opts.quiet) {
    ctx.stderr(`left ${r.skipped.length} workload(s) untouched (--existing ${opts.existing}):
${r.skipped.map((s) => `  ${s.workload}: already selected by ${s.by}
`).join("")}`);
  }
  const target = policyTarget(ctx.io, opts.output);
  if (target.kind === "stdout") ctx.stdout(renderPoliciesYaml(r.policies));
  else if (opts.dryRun) for (const [f, text] of layoutPolicies(r.policies, target, renderPoliciesYaml)) ctx.stdout(`# would write ${safeLine(f)}
${text}`);
  else {
    const files = writePolicies(ctx.io, r.policies, target, renderPoliciesYaml);
    if (!opts.quiet) ctx.stderr(`wrote ${r.policies.length} policies to ${files.size} file(s)
`);
  }
  printDiagnostics(ctx, r.diagnostics, opts);
  if (!opts.quiet || opts.failOnGaps) ctx.stderr(renderGapSummary(r.gaps, opts.gaps));
  if (r.traffic && !opts.quiet && !opts.verbose) ctx.stderr(`${summaryText(r.traffic)}
`);
  return exitCodeFor(r.diagnostics, opts.failOnGaps && r.gaps.length > 0);
}
export {
  synthesizeCommand
};
