import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";

// src/cli/cluster-options.ts
var ClusterOptions = external_exports.object({
  cluster: external_exports.boolean().default(false),
  context: external_exports.string().optional(),
  kubeconfig: external_exports.string().optional(),
  clusterNamespaces: external_exports.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(,[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, { error: "expected namespace names separated by commas: ns1,ns2" }).transform((s) => [...new Set(s.split(","))]).optional()
});
function addClusterOptions(cmd, what = "read what is running in the cluster with kubectl instead of manifests") {
  return cmd.option("--cluster", what).option("--context <name>", "with --cluster: kubeconfig context (default: the current one)").option("--kubeconfig <file>", "with --cluster: kubeconfig file (default: $KUBECONFIG or ~/.kube/config)").option("--cluster-namespaces <ns,...>", "with --cluster: read only these namespaces (default: all)");
}
var KUBECTL_TIMEOUT_SECONDS = 30;
function liveSourceFrom(opts) {
  if (!opts.cluster) {
    for (const [flag, set] of [["--context", opts.context], ["--kubeconfig", opts.kubeconfig], ["--cluster-namespaces", opts.clusterNamespaces]]) {
      if (set !== void 0) throw new ConfigError(`${flag} needs --cluster`);
    }
    return void 0;
  }
  return {
    kind: "kubectl",
    target: { ...opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}, ...opts.context ? { context: opts.context } : {}, timeoutSeconds: opts.timeout !== void 0 ? Math.max(1, Math.ceil(opts.timeout / 1e3)) : KUBECTL_TIMEOUT_SECONDS },
    ...opts.clusterNamespaces ? { namespaces: opts.clusterNamespaces } : {}
  };
}

export {
  ClusterOptions,
  addClusterOptions,
  liveSourceFrom
};
