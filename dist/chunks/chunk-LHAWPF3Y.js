import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  parseCidr
} from "./chunk-YS4F6JR5.js";
import {
  DEFAULT_MAX_FILE_BYTES,
  compareDiagnostics,
  external_exports,
  formatDiagnostic
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError,
  ExitCode
} from "./chunk-LJ56FUY6.js";

// src/cli/output.ts
function printDiagnostics(ctx, diagnostics, opts) {
  const shown = [...diagnostics].filter((d) => d.severity === "error" || d.severity === "warning" && !opts.quiet || d.severity === "info" && opts.verbose).sort(compareDiagnostics);
  for (const d of shown) ctx.stderr(`${formatDiagnostic(d)}
`);
}
function hasErrors(diagnostics) {
  return diagnostics.some((d) => d.severity === "error");
}
function emitChunks(ctx, chunks, file) {
  if (file && file !== "-") ctx.io.writeFiles(/* @__PURE__ */ new Map([[file, { chunks }]]));
  else for (const chunk of chunks) ctx.stdout(chunk);
}
function emit(ctx, text, file) {
  if (file && file !== "-") ctx.io.writeFiles(/* @__PURE__ */ new Map([[file, text]]));
  else ctx.stdout(text);
}
function exitCodeFor(diagnostics, findings = false) {
  if (hasErrors(diagnostics)) return ExitCode.badInput;
  return findings ? ExitCode.findings : ExitCode.ok;
}
function progress(ctx, opts) {
  const enabled = ctx.interactive && !opts.quiet && !ctx.env.CI;
  if (!enabled) return () => {
  };
  return (message) => ctx.stderr(`\r\x1B[2K${message}`);
}

// src/cli/common.ts
var CommonOptions = external_exports.object({
  output: external_exports.string().optional(),
  verbose: external_exports.boolean().default(false),
  quiet: external_exports.boolean().default(false),
  maxFileSize: external_exports.coerce.number().int().positive().default(DEFAULT_MAX_FILE_BYTES),
  ipFamily: external_exports.enum(["4", "6", "dual"], { error: (i) => `expected 4, 6 or dual, got ${JSON.stringify(i.input)}` }).default("4"),
  helmValues: external_exports.array(external_exports.string()).default([]),
  helmSet: external_exports.array(external_exports.string().regex(/^[^=]+=/, { error: "expected key=value" })).default([]),
  helmReleaseName: external_exports.string().optional(),
  helmNamespace: external_exports.string().optional(),
  namespace: external_exports.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: "expected a namespace name (RFC 1123 label)" }).max(63).optional(),
  helmConfig: external_exports.string().optional(),
  kustomizeFlag: external_exports.array(external_exports.string()).default([]),
  renderTimeout: external_exports.coerce.number().positive().default(120),
  podCidr: external_exports.array(external_exports.string()).default([]),
  serviceCidr: external_exports.array(external_exports.string()).default([]),
  timeout: external_exports.string().transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === void 0) ctx.addIssue({ code: "custom", message: `expected a duration such as 30s, 2m or 1h30m, got ${JSON.stringify(text)}` });
    return ms ?? 0;
  }).optional(),
  maxRenderBytes: external_exports.coerce.number().int().positive().default(64 * 1024 * 1024),
  cacheDir: external_exports.string().min(1).optional()
});
function ipFamilies(flag) {
  return flag === "4" ? [4] : flag === "6" ? [6] : [4, 6];
}
function readSettingsFrom(ctx, opts) {
  const charts = opts.helmConfig ? ctx.io.readHelmConfig(opts.helmConfig) : /* @__PURE__ */ new Map();
  const cidrs = (flag, list) => list.map((text) => {
    const r = parseCidr(text);
    if (!r) throw new ConfigError(`${flag}: invalid CIDR ${JSON.stringify(text)}`);
    return r;
  });
  return {
    maxFileBytes: opts.maxFileSize,
    ipFamilies: ipFamilies(opts.ipFamily),
    ...opts.namespace ? { namespace: opts.namespace } : {},
    progress: progress(ctx, opts),
    podCidrs: cidrs("--pod-cidr", opts.podCidr),
    serviceCidrs: cidrs("--service-cidr", opts.serviceCidr),
    render: {
      helmValues: opts.helmValues,
      helmSet: opts.helmSet,
      ...opts.helmReleaseName ? { helmReleaseName: opts.helmReleaseName } : {},
      ...opts.helmNamespace ? { helmNamespace: opts.helmNamespace } : {},
      charts,
      kustomizeFlags: opts.kustomizeFlag,
      // --timeout limits every external step; --render-timeout (seconds) is the older, render-only spelling
      timeoutMs: opts.timeout ?? opts.renderTimeout * 1e3,
      timeoutFlag: opts.timeout !== void 0 ? "--timeout" : "--render-timeout",
      maxOutputBytes: opts.maxRenderBytes,
      ...opts.cacheDir ?? ctx.env.NETPOL_CI_CACHE_DIR ? { cacheDir: opts.cacheDir ?? ctx.env.NETPOL_CI_CACHE_DIR } : {}
    }
  };
}
function parseDuration(text) {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) > 0 ? Number(t) * 1e3 : void 0;
  const unit = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
  let total = 0;
  let rest = t;
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) return void 0;
    total += Number(m[1]) * unit[m[2]];
    rest = rest.slice(m[0].length);
  }
  return t.length > 0 && total > 0 ? total : void 0;
}
function execLimits(settings) {
  return { timeoutMs: settings.render.timeoutMs, ...settings.render.timeoutFlag ? { timeoutFlag: settings.render.timeoutFlag } : {} };
}
var collect = (value, previous = []) => [...previous, value];
function addCommonOptions(cmd) {
  return cmd.option("-o, --output <file>", "write the report to FILE instead of stdout").option("--verbose", "also show informational diagnostics (skipped files and kinds)").option("-q, --quiet", "show only errors; no progress").option("--max-file-size <bytes>", `skip manifest files larger than this (default ${DEFAULT_MAX_FILE_BYTES})`).option("--namespace <ns>", "namespace of objects that name none, as kubectl apply -n (default: default); chart and kustomization namespaces win").option("--ip-family <family>", "address families of the cluster: 4, 6 or dual (default 4)").option("--helm-values <file>", "values file for every chart (repeatable)", collect).option("--helm-set <key=value>", "a value for every chart, as helm --set (repeatable)", collect).option("--helm-release-name <name>", "release name for helm template (default: the chart folder name)").option("--helm-namespace <ns>", "namespace for helm template").option("--helm-config <file>", "per-chart settings: charts: {<folder>: {releaseName, namespace, values: [...], set: [...]}}").option("--kustomize-flag <flag>", "extra flag for kubectl kustomize, e.g. --load-restrictor=LoadRestrictionsNone (repeatable)", collect).option("--cache-dir <dir>", "keep Helm and Kustomize renderings, parsed manifests and (for check) the whole check across runs in DIR, keyed by content (default: $NETPOL_CI_CACHE_DIR, else none)").option("--pod-cidr <cidr>", "the cluster's pod network (repeatable): address peers (ipBlock, ANP networks) covering it then apply to pod-to-pod traffic", collect).option("--service-cidr <cidr>", "the cluster's Service network (repeatable): not treated as external addresses", collect).option("--timeout <duration>", "time limit for each external step (helm, kubectl, git, dot), e.g. 30s or 2m; exceeding it is exit 2 (default 120s)").option("--render-timeout <seconds>", "time limit for each helm or kubectl rendering, in seconds (default 120; --timeout wins)").option("--max-render-bytes <bytes>", "output limit for each rendering (default 64 MiB)");
}
function parseOptions(schema, raw) {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const flag = issue ? `--${String(issue.path[0] ?? "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : "";
    throw new ConfigError(`${flag}: ${issue?.message ?? "invalid option"}`);
  }
  return r.data;
}

export {
  printDiagnostics,
  hasErrors,
  emitChunks,
  emit,
  exitCodeFor,
  progress,
  CommonOptions,
  readSettingsFrom,
  execLimits,
  addCommonOptions,
  parseOptions
};
