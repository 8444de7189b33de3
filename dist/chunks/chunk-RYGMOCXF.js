import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  explainDiff
} from "./chunk-2N74GJOT.js";
import {
  checkTrafficAgainst,
  clusterLabel
} from "./chunk-57HYVIXJ.js";
import {
  diffConnectivity
} from "./chunk-NCDNHDM5.js";
import {
  PolicyEngine
} from "./chunk-3HQQSEID.js";
import {
  DEFAULT_NAMESPACE,
  buildCluster,
  compareStrings,
  engineOptions,
  loadObjects,
  originRef
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  appendAll,
  diag,
  yaml
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";

// src/manifests/live.ts
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var SERVER_METADATA = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"];
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function clean(item) {
  const out = { ...item };
  delete out.status;
  if (isRecord(item.metadata)) {
    const meta = { ...item.metadata };
    for (const k of SERVER_METADATA) delete meta[k];
    if (isRecord(meta.annotations)) {
      const annotations = { ...meta.annotations };
      delete annotations[LAST_APPLIED];
      if (Object.keys(annotations).length > 0) meta.annotations = annotations;
      else delete meta.annotations;
    }
    out.metadata = meta;
  }
  return out;
}
function finishedPod(item) {
  const phase = isRecord(item.status) ? item.status.phase : void 0;
  return item.kind === "Pod" && (phase === "Succeeded" || phase === "Failed");
}
function liveName(label, item) {
  const meta = isRecord(item.metadata) ? item.metadata : {};
  const ns = typeof meta.namespace === "string" && meta.namespace ? `${meta.namespace}/` : "";
  return `${label}:${String(item.kind)}/${ns}${String(meta.name ?? "")}`;
}
function liveFiles(listJson, label) {
  let list;
  try {
    list = JSON.parse(listJson);
  } catch (e) {
    return { files: [], diagnostics: [diag(Codes.kubectlFailed, "error", `kubectl printed something that is not JSON: ${e.message}`)] };
  }
  if (!isRecord(list) || !Array.isArray(list.items)) return { files: [], diagnostics: [diag(Codes.kubectlFailed, "error", "kubectl printed JSON that is not a List")] };
  const files = [];
  for (const item of list.items) {
    if (!isRecord(item) || finishedPod(item)) continue;
    files.push({ path: liveName(label, item), text: yaml.dump(clean(item), { lineWidth: -1, noRefs: true, sortKeys: false }) });
  }
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files, diagnostics: [] };
}
var CONTROLLERS = {
  // kind -> the owner kinds it folds into
  ReplicaSet: ["Deployment"],
  Job: ["CronJob"]
};
function controllerOf(o) {
  const refs = o.object.metadata.ownerReferences ?? [];
  const r = refs.find((x) => x.controller) ?? refs[0];
  return r?.kind ? { kind: r.kind, name: r.name } : void 0;
}
function foldLiveOwners(objects) {
  const key = (kind, ns, name) => `${kind}\0${ns}\0${name}`;
  const present = /* @__PURE__ */ new Map();
  for (const o of objects) present.set(key(o.kind, o.object.metadata.namespace ?? "", o.object.metadata.name ?? ""), o);
  const top = (kind, ns, name) => {
    const self = present.get(key(kind, ns, name));
    const folds = CONTROLLERS[kind];
    if (!self || !folds) return { kind, name };
    const owner = controllerOf(self);
    if (!owner || !folds.includes(owner.kind) || !present.has(key(owner.kind, ns, owner.name))) return { kind, name };
    return top(owner.kind, ns, owner.name);
  };
  const out = [];
  for (const o of objects) {
    const ns = o.object.metadata.namespace ?? "";
    if (o.kind in CONTROLLERS) {
      const t = top(o.kind, ns, o.object.metadata.name ?? "");
      if (t.kind !== o.kind) continue;
    }
    if (o.kind === "Pod") {
      const phase = o.object.status?.phase;
      if (phase === "Succeeded" || phase === "Failed") continue;
      const owner = controllerOf(o);
      if (owner && owner.kind in CONTROLLERS) {
        const t = top(owner.kind, ns, owner.name);
        if (t.kind !== owner.kind) {
          const metadata = { ...o.object.metadata, ownerReferences: [{ kind: t.kind, name: t.name, controller: true }] };
          out.push({ ...o, object: { ...o.object, metadata } });
          continue;
        }
      }
    }
    out.push(o);
  }
  const withPods = /* @__PURE__ */ new Set();
  for (const o of out) {
    if (o.kind !== "Pod") continue;
    const owner = controllerOf(o);
    if (owner) withPods.add(key(owner.kind, o.object.metadata.namespace ?? "", owner.name));
  }
  return out.filter((o) => o.kind === "Pod" || !withPods.has(key(o.kind, o.object.metadata.namespace ?? "", o.object.metadata.name ?? "")));
}

// src/pipeline/cluster-drift.ts
var POLICY_KINDS = /* @__PURE__ */ new Set(["NetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
var CLUSTER_SCOPED = ["namespaces", "adminnetworkpolicies.policy.networking.k8s.io", "baselineadminnetworkpolicies.policy.networking.k8s.io", "clusternetworkpolicies.policy.networking.k8s.io"];
var NAMESPACED = [
  "pods",
  "replicationcontrollers",
  "services",
  "configmaps",
  "deployments.apps",
  "statefulsets.apps",
  "daemonsets.apps",
  "replicasets.apps",
  "jobs.batch",
  "cronjobs.batch",
  "ingresses.networking.k8s.io",
  "networkpolicies.networking.k8s.io",
  "routes.route.openshift.io",
  "httproutes.gateway.networking.k8s.io",
  "grpcroutes.gateway.networking.k8s.io",
  "tcproutes.gateway.networking.k8s.io",
  "tlsroutes.gateway.networking.k8s.io",
  "udproutes.gateway.networking.k8s.io"
];
var REQUIRED = ["namespaces", "pods", "networkpolicies.networking.k8s.io"];
function objectsOf(files, diagnostics) {
  const r = loadObjects(files);
  appendAll(diagnostics, r.diagnostics);
  return r.objects;
}
function readLiveObjects(io, source, settings) {
  const diagnostics = [];
  let files;
  let label;
  if (source.kind === "export") {
    if (!io.isDirectory(source.dir)) throw new ConfigError(`--cluster-export ${source.dir}: not a folder`);
    const read = io.readManifests([source.dir], { maxFileBytes: settings.maxFileBytes, render: settings.render });
    diagnostics.push(...read.diagnostics);
    files = read.files;
    label = source.dir;
  } else {
    label = clusterLabel(source);
    const discovery = io.kubectlResources(source.target);
    const served = discovery.resources;
    if (discovery.warning) diagnostics.push(diag(Codes.kubectlFailed, "warning", `kubectl api-resources: ${discovery.warning}; the other resource types are read`));
    const missing = REQUIRED.filter((r) => !served.has(r));
    if (missing.length > 0) throw new ConfigError(`the cluster does not serve ${missing.join(", ")} (kubectl api-resources); is this a Kubernetes API server?`);
    const clusterScoped = CLUSTER_SCOPED.filter((r) => served.has(r));
    const namespaced = NAMESPACED.filter((r) => served.has(r));
    files = [];
    const take = (json) => {
      const r = liveFiles(json, "cluster");
      files.push(...r.files);
      diagnostics.push(...r.diagnostics);
    };
    take(io.kubectlGet(source.target, clusterScoped));
    if (source.namespaces === void 0) take(io.kubectlGet(source.target, namespaced));
    else for (const ns of [...source.namespaces].sort(compareStrings)) take(io.kubectlGet(source.target, namespaced, ns));
  }
  let objects = foldLiveOwners(objectsOf(files, diagnostics));
  if (source.kind === "kubectl" && source.namespaces !== void 0) {
    const scope = new Set(source.namespaces);
    objects = objects.filter((o) => o.kind === "Namespace" ? scope.has(o.object.metadata.name ?? "") : true);
  }
  return { objects, label, diagnostics };
}
function liveSeverity(d) {
  return d.code === Codes.ownerLabelGap ? { ...d, severity: "info" } : d;
}
function readLiveCluster(io, source, settings) {
  const live = readLiveObjects(io, source, settings);
  const built = buildCluster(live.objects);
  return { cluster: built.cluster, label: live.label, diagnostics: [...live.diagnostics, ...built.diagnostics.map(liveSeverity)] };
}
function policyName(o) {
  const ns = o.object.metadata.namespace;
  return `${o.kind} ${ns ? `${ns}/` : ""}${o.object.metadata.name ?? ""}`;
}
function isClusterScoped(o) {
  return o.kind === "AdminNetworkPolicy" || o.kind === "BaselineAdminNetworkPolicy" || o.kind === "ClusterNetworkPolicy";
}
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).sort().filter((k) => v[k] !== void 0 && v[k] !== null).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
function where(o) {
  const at = originRef(o.origin);
  return at.line !== void 0 ? `${at.file}:${at.line}` : at.file;
}
function runClusterDrift(io, request, settings) {
  if (!io.isDirectory(request.policies)) throw new ConfigError(`--policies ${request.policies}: not a folder`);
  const diagnostics = [];
  let scope;
  if (request.source.kind === "kubectl" && request.source.namespaces) scope = new Set(request.source.namespaces);
  else if (request.paths && request.paths.length > 0) {
    const read2 = io.readManifests(request.paths, { maxFileBytes: settings.maxFileBytes, render: settings.render });
    diagnostics.push(...read2.diagnostics);
    const repo = buildCluster(objectsOf(read2.files, diagnostics));
    scope = new Set(repo.cluster.workloads.map((w) => w.ref.namespace));
  }
  const live = readLiveObjects(io, request.source, settings);
  diagnostics.push(...live.diagnostics);
  const inScope = (o) => {
    if (scope === void 0 || isClusterScoped(o)) return true;
    if (o.kind === "Namespace") return scope.has(o.object.metadata.name ?? "");
    return scope.has(o.object.metadata.namespace || DEFAULT_NAMESPACE);
  };
  const liveObjects = live.objects.filter(inScope);
  const read = io.readManifests([request.policies], { maxFileBytes: settings.maxFileBytes, render: settings.render });
  diagnostics.push(...read.diagnostics);
  const repoPolicies = [];
  for (const o of objectsOf(read.files, diagnostics)) {
    if (!POLICY_KINDS.has(o.kind)) continue;
    if (inScope(o)) repoPolicies.push(o);
    else diagnostics.push(diag(Codes.policyOutsideFolder, "info", `${policyName(o)} is in a namespace outside the compared ones; left out`, originRef(o.origin)));
  }
  const liveNonPolicy = liveObjects.filter((o) => !POLICY_KINDS.has(o.kind));
  const repoCluster = buildCluster([...liveNonPolicy, ...repoPolicies]);
  const liveCluster = buildCluster(liveObjects);
  diagnostics.push(...liveCluster.diagnostics.map(liveSeverity));
  const repoEngine = new PolicyEngine(repoCluster.cluster, engineOptions(settings));
  const liveEngine = new PolicyEngine(liveCluster.cluster, engineOptions(settings));
  diagnostics.push(...repoEngine.diagnostics, ...liveEngine.diagnostics);
  const diff = diffConnectivity(repoEngine.connectivity(), liveEngine.connectivity());
  const explanations = explainDiff(repoEngine, liveEngine, diff);
  const traffic = request.traffic ? checkTrafficAgainst(io, scope ? buildCluster(live.objects).cluster : liveCluster.cluster, request.traffic, settings, { repository: repoEngine.connectivity(), cluster: liveEngine.connectivity() }, scope) : void 0;
  if (traffic) diagnostics.push(...traffic.diagnostics);
  return {
    ...traffic ? { traffic: traffic.traffic } : {},
    diff,
    explanations,
    refs: { before: "repository", after: live.label },
    inventory: inventoryOf(repoPolicies, liveObjects.filter((o) => POLICY_KINDS.has(o.kind))),
    namespaces: scope ? [...scope].sort(compareStrings) : "all",
    diagnostics
  };
}
function inventoryOf(repo, live) {
  const byName = (list) => new Map(list.map((o) => [policyName(o), o]));
  const a = byName(repo);
  const b = byName(live);
  const out = [];
  for (const [name, o] of a) {
    const l = b.get(name);
    if (!l) out.push({ policy: name, state: "repository-only", repository: where(o) });
    else if (canonical(o.object.spec) !== canonical(l.object.spec)) out.push({ policy: name, state: "edited", repository: where(o), cluster: where(l) });
  }
  for (const [name, o] of b) if (!a.has(name)) out.push({ policy: name, state: "cluster-only", cluster: where(o) });
  return out.sort((x, y) => compareStrings(x.policy, y.policy));
}

export {
  POLICY_KINDS,
  readLiveCluster,
  runClusterDrift
};
