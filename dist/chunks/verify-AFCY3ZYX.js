import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-JPQI2AE5.js";
import {
  VERIFY_FORMATS,
  renderClusterDrift,
  renderRepoDrift
} from "./chunk-6F4G3XGS.js";
import {
  TrafficOptions,
  addTrafficOptions,
  trafficRequestFrom
} from "./chunk-XMMSRY47.js";
import {
  ClusterOptions,
  addClusterOptions,
  liveSourceFrom
} from "./chunk-3PACPH3M.js";
import {
  CommonOptions,
  addCommonOptions,
  emit,
  exitCodeFor,
  parseOptions,
  printDiagnostics,
  progress,
  readSettingsFrom
} from "./chunk-LHAWPF3Y.js";
import {
  Command
} from "./chunk-7Q7TY25S.js";
import {
  fixRepoDrift,
  runRepoDrift
} from "./chunk-LLDP6N7M.js";
import {
  runClusterDrift
} from "./chunk-RYGMOCXF.js";
import "./chunk-Q3YWZAQI.js";
import "./chunk-SB7F7EHF.js";
import "./chunk-D4HXOHCG.js";
import {
  renderPoliciesYaml
} from "./chunk-P4JBN7VV.js";
import {
  DEFAULT_SYNTHESIS_OPTIONS
} from "./chunk-QEEATDXV.js";
import "./chunk-2N74GJOT.js";
import "./chunk-RCIHDDST.js";
import "./chunk-57HYVIXJ.js";
import {
  summaryText
} from "./chunk-W3TQMIRJ.js";
import "./chunk-AV2U6Z46.js";
import "./chunk-ZAFBLR44.js";
import "./chunk-NCDNHDM5.js";
import "./chunk-E23QOJSC.js";
import "./chunk-3HQQSEID.js";
import {
  NAMESPACE_NAME_LABEL
} from "./chunk-YS4F6JR5.js";
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/cli/commands/verify.ts
var labelList = external_exports.string().regex(/^[^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*$/, { error: "expected key=value[,key=value...]" }).transform((s) => Object.fromEntries(s.split(",").map((kv) => kv.split("="))));
var Options = CommonOptions.extend(ClusterOptions.shape).extend(TrafficOptions.shape).extend({
  format: external_exports.enum(VERIFY_FORMATS, { error: (i) => `expected one of ${VERIFY_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt"),
  policies: external_exports.string({ error: "--policies DIR is required: the folder of committed policies" }),
  allowExcess: external_exports.boolean().default(false),
  fix: external_exports.boolean().default(false),
  clusterExport: external_exports.string().optional(),
  dnsPort: external_exports.coerce.number().int().min(1).max(65535).default(53),
  dnsNamespace: external_exports.string().default("kube-system"),
  dnsSelector: labelList.default({ "k8s-app": "kube-dns" }),
  ingressController: labelList.optional()
});
function verifyCommand(ctx, done) {
  const cmd = new Command("verify").description("the drift gate: committed policies vs what the manifests need (repo drift), or the live cluster vs the repository (cluster drift)").argument("[paths...]", "the application manifests (repo drift; with --cluster: limit the comparison to their namespaces)").option("-f, --format <format>", `output format: ${VERIFY_FORMATS.join("|")}`, "txt").option("--policies <dir>", "the folder of committed policies").option("--allow-excess", "report excess (allowed beyond the needs) without failing").option("--fix", "write the synthesized policies that close the drift into --policies, print what changed, then verify again").option("--cluster-export <dir>", "cluster drift from a folder of exported manifests (kubectl get -o yaml), offline").option("--dns-port <port>", "port DNS listens on (default 53; OpenShift: 5353)").option("--dns-namespace <ns>", "namespace DNS runs in (default kube-system)").option("--dns-selector <labels>", "labels of the DNS pods (default k8s-app=kube-dns)").option("--ingress-controller <selector>", "with --fix: where the ingress controller runs, e.g. namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx");
  addClusterOptions(cmd);
  addTrafficOptions(cmd);
  addCommonOptions(cmd).action((paths, raw) => done(verify(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}
function verify(ctx, paths, opts) {
  if (opts.cluster && opts.clusterExport !== void 0) throw new ConfigError("--cluster and --cluster-export exclude each other");
  if (opts.clusterExport === void 0 && !liveSourceFrom(opts)) return repoDrift(ctx, paths, opts);
  if (opts.fix) throw new ConfigError("--fix applies to repo drift; the cluster is fixed by applying the repository (kubectl apply)");
  if (opts.clusterExport !== void 0 && (opts.context !== void 0 || opts.kubeconfig !== void 0 || opts.clusterNamespaces !== void 0)) {
    throw new ConfigError("--context, --kubeconfig and --cluster-namespaces need --cluster, not --cluster-export");
  }
  return clusterDrift(ctx, paths, opts);
}
function repoDrift(ctx, paths, opts) {
  if (paths.length === 0) throw new ConfigError("verify takes the manifest paths: verify <path...> --policies DIR (or --cluster)");
  if (opts.ingressController !== void 0 && !opts.fix) throw new ConfigError("--ingress-controller only shapes what --fix writes; add --fix");
  const say = progress(ctx, opts);
  const settings = readSettingsFrom(ctx, opts);
  const { namespace, ...pod } = opts.ingressController ?? {};
  const ic = opts.ingressController ? { ...namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}, ...Object.keys(pod).length > 0 ? { podLabels: pod } : {} } : void 0;
  const traffic = trafficRequestFrom(opts);
  const request = {
    paths,
    policies: opts.policies,
    ...traffic ? { traffic } : {},
    synthesis: { ...DEFAULT_SYNTHESIS_OPTIONS, dnsPort: opts.dnsPort, dns: { namespace: opts.dnsNamespace, podLabels: opts.dnsSelector }, ...ic ? { ingressController: ic } : {} }
  };
  say("reading manifests and policies…");
  if (opts.fix) {
    const fix = fixRepoDrift(ctx.io, request, settings, renderPoliciesYaml);
    say("");
    const d2 = fix.after.drift;
    emit(ctx, renderRepoDrift(opts.format, { drift: d2, policies: opts.policies, allowExcess: opts.allowExcess, fix, version: VERSION }), opts.output);
    printDiagnostics(ctx, fix.after.diagnostics, opts);
    return exitCodeFor(fix.after.diagnostics, d2.missing.length > 0 || d2.excess.length > 0 && !opts.allowExcess);
  }
  const r = runRepoDrift(ctx.io, request, settings);
  say("");
  const d = r.drift;
  emit(ctx, renderRepoDrift(opts.format, { drift: d, policies: opts.policies, allowExcess: opts.allowExcess, version: VERSION }), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, d.missing.length > 0 || d.excess.length > 0 && !opts.allowExcess);
}
function clusterDrift(ctx, paths, opts) {
  const say = progress(ctx, opts);
  const source = opts.clusterExport !== void 0 ? { kind: "export", dir: opts.clusterExport } : liveSourceFrom(opts);
  const traffic = source.kind === "kubectl" ? trafficRequestFrom(opts, source) : trafficRequestFrom(opts.traffic.length > 0 ? { ...opts, clusterSnapshot: opts.clusterSnapshot ?? source.dir } : opts);
  say("reading the cluster…");
  const r = runClusterDrift(ctx.io, { source, policies: opts.policies, ...paths.length > 0 ? { paths } : {}, ...traffic ? { traffic } : {} }, readSettingsFrom(ctx, opts));
  say("");
  emit(ctx, renderClusterDrift(opts.format, { outcome: r, version: VERSION }), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  if (r.traffic && !opts.quiet && !opts.verbose) ctx.stderr(`${summaryText(r.traffic.summary)}
`);
  return exitCodeFor(r.diagnostics, r.diff.entries.length > 0 || (r.traffic?.check.blocked.length ?? 0) > 0);
}
export {
  verifyCommand
};
