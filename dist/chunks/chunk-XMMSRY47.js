import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  liveSourceFrom
} from "./chunk-3PACPH3M.js";
import {
  TRAFFIC_FORMATS
} from "./chunk-57HYVIXJ.js";
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";

// src/cli/traffic-options.ts
var collect = (value, previous = []) => [...previous, value];
var TrafficOptions = external_exports.object({
  traffic: external_exports.array(external_exports.string()).default([]),
  trafficFormat: external_exports.enum(TRAFFIC_FORMATS, { error: (i) => `expected one of ${TRAFFIC_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).optional(),
  clusterSnapshot: external_exports.string().optional(),
  cidrAliases: external_exports.string().optional()
});
function addTrafficOptions(cmd) {
  return cmd.option("--traffic <file>", "an observed-traffic trace: Inspektor Gadget (advisor, network gadget, advise_networkpolicy, trace_tcp json or columns) or plain connection lines (repeatable)", collect).option("--traffic-format <format>", `force the trace format instead of detecting it: ${TRAFFIC_FORMATS.join("|")}`).option("--cluster-snapshot <dir>", "exported pods, services, namespaces (and nodes) that map trace addresses to workloads (kubectl get pods,svc,ns,nodes -A -o yaml); --cluster reads them live instead").option("--cidr-aliases <file>", "YAML of name: CIDR | [CIDR...]: outside addresses in a named block become that block");
}
function trafficRequestFrom(opts, live) {
  if (opts.traffic.length === 0) {
    const orphan = opts.trafficFormat !== void 0 ? "--traffic-format" : opts.clusterSnapshot !== void 0 ? "--cluster-snapshot" : opts.cidrAliases !== void 0 ? "--cidr-aliases" : void 0;
    if (orphan) throw new ConfigError(`${orphan} needs --traffic FILE`);
    return void 0;
  }
  if (live && opts.clusterSnapshot !== void 0) throw new ConfigError("--cluster-snapshot and --cluster both give the snapshot that maps trace addresses: give one");
  return {
    files: opts.traffic,
    ...opts.trafficFormat ? { format: opts.trafficFormat } : {},
    ...opts.clusterSnapshot !== void 0 ? { snapshotDir: opts.clusterSnapshot } : {},
    ...live ? { liveSnapshot: live } : {},
    ...opts.cidrAliases !== void 0 ? { cidrAliases: opts.cidrAliases } : {}
  };
}
function snapshotClusterFrom(opts) {
  const live = liveSourceFrom(opts);
  if (live && opts.traffic.length === 0) throw new ConfigError("--cluster here maps the addresses of a trace to workloads: it needs --traffic FILE");
  return live?.kind === "kubectl" ? live : void 0;
}

export {
  TrafficOptions,
  addTrafficOptions,
  trafficRequestFrom,
  snapshotClusterFrom
};
