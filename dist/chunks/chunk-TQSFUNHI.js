import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  evidenceText,
  findGaps,
  mergeLinks,
  readTraffic,
  scanTopology,
  unresolvedWarnings
} from "./chunk-3WGHHZUK.js";
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  NAMESPACE_NAME_LABEL,
  compareStrings,
  dnsLabelErrors,
  dnsSubdomainErrors,
  formatIp,
  isDnsLabel,
  isEmptySelector,
  loadInputs,
  locate,
  originRef,
  parseConns,
  parseManifestFile,
  parsePeer,
  peerKey,
  require_dist,
  selectorMatches,
  serviceWorkloads,
  targetConns,
  workloadKey,
  workloadsByNamespace
} from "./chunk-RI4RY7BV.js";
import {
  Codes,
  __toESM,
  appendAll,
  diag,
  dump,
  external_exports,
  formatPath
} from "./chunk-H2VFODTW.js";

// src/synthesis/selectors.ts
var IDENTITY = [["app.kubernetes.io/name", "app.kubernetes.io/instance"], ["app.kubernetes.io/name"], ["app"], ["k8s-app"], ["name"]];
var VOLATILE_KEYS = /* @__PURE__ */ new Set(["pod-template-hash", "controller-revision-hash", "statefulset.kubernetes.io/pod-name", "job-name", "batch.kubernetes.io/job-name", "controller-uid", "batch.kubernetes.io/controller-uid"]);
var VERSION_KEYS = /* @__PURE__ */ new Set(["version", "app.kubernetes.io/version", "helm.sh/chart", "chart", "release", "heritage"]);
function versionLike(key, value) {
  return VERSION_KEYS.has(key) || /(^|[./-])version$/i.test(key) || /^v?\d+([.-]\d+)*([.-][a-z0-9]+)?$/i.test(value);
}
function chooseSelector(w, sameNamespace) {
  const labels = w.pods[0]?.labels ?? {};
  const others = sameNamespace.filter((o) => o !== w);
  const matching = (sel) => others.filter((o) => o.pods.some((p) => selectorMatches(sel, p.labels))).map((o) => workloadKey(o.ref));
  const result = (selector, source) => {
    const alsoMatches = matching(selector).sort(compareStrings);
    return { selector, unique: alsoMatches.length === 0, alsoMatches, source };
  };
  if (Object.keys(labels).length === 0) {
    const used = [...new Set(others.flatMap((o) => o.pods.flatMap((p) => Object.keys(p.labels))))].sort(compareStrings);
    return result(used.length > 0 ? { matchExpressions: used.map((key) => ({ key, operator: "DoesNotExist" })) } : {}, "labels");
  }
  const keys = Object.keys(labels).filter((k) => w.pods.every((p) => p.labels[k] === labels[k]) && !VOLATILE_KEYS.has(k)).sort(compareStrings);
  const pick = (subset) => Object.fromEntries([...subset].sort(compareStrings).map((k) => [k, labels[k]]));
  const controller = w.controllerSelector && Object.entries(w.controllerSelector).every(([k, v]) => w.pods.every((p) => p.labels[k] === v)) ? Object.keys(w.controllerSelector) : void 0;
  const identity = IDENTITY.find((set) => set.every((k) => keys.includes(k)));
  const base = controller ?? identity;
  if (base) {
    const narrowed = narrow(base, keys, (subset) => matching({ matchLabels: pick(subset) }).length === 0);
    return result({ matchLabels: pick(narrowed ?? base) }, controller ? "controller" : "identity");
  }
  const found = narrow([], keys, (subset) => !(subset.length === 1 && versionLike(subset[0], labels[subset[0]])) && matching({ matchLabels: pick(subset) }).length === 0);
  return result({ matchLabels: pick(found ?? keys) }, "labels");
}
function narrow(base, keys, ok) {
  const extra = keys.filter((k) => !base.includes(k));
  for (let size = base.length === 0 ? 1 : 0; size <= Math.min(extra.length, 5); size++) {
    for (const add of combinations(extra, size)) {
      const subset = [...base, ...add];
      if (ok(subset)) return subset;
    }
  }
  return void 0;
}
function* combinations(items, k, start = 0, acc = []) {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let i = start; i < items.length; i++) {
    acc.push(items[i]);
    yield* combinations(items, k, i + 1, acc);
    acc.pop();
  }
}

// src/synthesis/gap-rules.ts
var GAP_MODES = ["namespace", "deny", "open"];
var ANYWHERE = [{ namespaceSelector: {} }, { ipBlock: { cidr: "0.0.0.0/0" } }];
var OUTSIDE = [{ ipBlock: { cidr: "0.0.0.0/0" } }];
var IN_CLUSTER = /* @__PURE__ */ new Set(["no-such-service", "no-such-port", "no-endpoints", "undefined-variable"]);
function gapRules(workloads, gaps, mode, podPeer) {
  const out = /* @__PURE__ */ new Map();
  if (mode === "deny" || gaps.length === 0) return out;
  const add = (ref, r) => {
    const k = workloadKey(ref);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  };
  const tag = `gap (--gaps=${mode})`;
  const merged = /* @__PURE__ */ new Map();
  for (const g of gaps) {
    const kind = g.direction === "ingress" ? "ingress" : IN_CLUSTER.has(g.reason) ? "egress-cluster" : "egress-outside";
    const k = `${workloadKey(g.workload)}\0${kind}`;
    const cur = merged.get(k) ?? { workload: g.workload, kind, conns: ConnectionSet.NONE, details: [] };
    let conns = g.conns;
    if (g.reason === "api-server" && conns.allows("TCP", 443)) conns = conns.union(ConnectionSet.port("TCP", 6443));
    cur.conns = cur.conns.union(conns);
    cur.details.push(g.value !== void 0 ? `${JSON.stringify(g.value)}: ${g.detail}` : g.detail);
    merged.set(k, cur);
  }
  for (const m of [...merged.values()]) {
    const w = m.workload;
    const ns = w.namespace;
    const why = m.details.join("; ");
    const sameNs = workloads.filter((x) => x.ref.namespace === ns && workloadKey(x.ref) !== workloadKey(w));
    const others = workloads.filter((x) => workloadKey(x.ref) !== workloadKey(w));
    if (m.kind === "ingress") {
      if (mode === "namespace") {
        add(w, { direction: "ingress", peers: [{ podSelector: {} }], conns: m.conns, note: `${tag} <- namespace ${ns}: ${why}` });
        for (const x of sameNs) add(x.ref, { direction: "egress", peers: podPeer(w, ns), conns: m.conns, note: `${tag} -> ${workloadKey(w)}: it has no known caller in the manifests` });
      } else {
        add(w, { direction: "ingress", peers: structuredClone(ANYWHERE), conns: ConnectionSet.ALL, note: `${tag} <- anywhere: ${why}` });
        for (const x of others) add(x.ref, { direction: "egress", peers: podPeer(w, x.ref.namespace), conns: ConnectionSet.ALL, note: `${tag} -> ${workloadKey(w)}: it has no known caller in the manifests` });
      }
    } else if (mode === "open") {
      add(w, { direction: "egress", peers: structuredClone(ANYWHERE), conns: ConnectionSet.ALL, note: `${tag} -> anywhere: ${why}` });
      for (const x of others) add(x.ref, { direction: "ingress", peers: podPeer(w, x.ref.namespace), conns: ConnectionSet.ALL, note: `${tag} <- ${workloadKey(w)}: it has an unresolved destination` });
    } else if (m.kind === "egress-cluster") {
      add(w, { direction: "egress", peers: [{ podSelector: {} }], conns: m.conns, note: `${tag} -> namespace ${ns}: ${why}` });
      for (const x of sameNs) add(x.ref, { direction: "ingress", peers: podPeer(w, ns), conns: m.conns, note: `${tag} <- ${workloadKey(w)}: it has an unresolved destination in the namespace` });
    } else {
      add(w, { direction: "egress", peers: structuredClone(OUTSIDE), conns: m.conns, note: `${tag} -> 0.0.0.0/0: ${why}` });
    }
  }
  return out;
}

// src/synthesis/presets.ts
var PRESET_MODES = ["block-all", "allow-namespace", "allow-all"];
function parsePreset(text) {
  const m = /^(ns|workload)=([^:]+):(.+)$/.exec(text.trim());
  if (!m) return `expected ns=NAME:MODE or workload=NS/NAME:MODE, got ${JSON.stringify(text)}`;
  const [, kind, target, mode] = m;
  if (!PRESET_MODES.includes(mode)) return `unknown preset ${JSON.stringify(mode)}; expected ${PRESET_MODES.join(", ")}`;
  if (kind === "ns") return { scope: { kind: "ns", namespace: target }, mode, text };
  const parts = target.split("/");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return `workload presets name NS/NAME, got ${JSON.stringify(target)}`;
  return { scope: { kind: "workload", namespace: parts[0], name: parts[1] }, mode, text };
}
function presetFor(w, presets) {
  const own = presets.filter((p) => p.scope.kind === "workload" && p.scope.namespace === w.ref.namespace && p.scope.name === w.ref.name);
  if (own.length > 0) return own[own.length - 1];
  const ns = presets.filter((p) => p.scope.kind === "ns" && p.scope.namespace === w.ref.namespace);
  return ns[ns.length - 1];
}
var ALL_V4 = "0.0.0.0/0";
var ALL_V6 = "::/0";
function presetRules(preset) {
  if (!preset) return { ingress: [], egress: [], notes: [], links: "all", dns: true };
  const why = `preset ${preset.mode} (--preset ${preset.text})`;
  switch (preset.mode) {
    case "block-all":
      return { ingress: [], egress: [], notes: [`no rules: ${why}; the workload's links are not allowed`], links: "none", dns: false };
    case "allow-namespace":
      return {
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
        notes: [`ingress[0] <- every pod of the namespace All Connections: ${why}`, `egress[0] -> every pod of the namespace All Connections: ${why}`],
        links: "other-namespaces",
        dns: true
      };
    case "allow-all": {
      const everything = [{ namespaceSelector: {} }, { ipBlock: { cidr: ALL_V4 } }, { ipBlock: { cidr: ALL_V6 } }];
      return {
        ingress: [{ from: everything.map((p) => ({ ...p })) }],
        egress: [{ to: everything.map((p) => ({ ...p })) }],
        notes: [`ingress[0] <- every pod and address All Connections: ${why}`, `egress[0] -> every pod and address All Connections: ${why}`],
        links: "none",
        dns: false
      };
    }
  }
}
function unknownPresets(presets, cluster) {
  return presets.flatMap((p) => {
    const found = p.scope.kind === "ns" ? cluster.workloads.some((w) => w.ref.namespace === p.scope.namespace) : cluster.workloads.some((w) => w.ref.namespace === p.scope.namespace && p.scope.kind === "workload" && w.ref.name === p.scope.name);
    return found ? [] : [diag(Codes.presetUnknown, "warning", `--preset ${p.text}: no ${p.scope.kind === "ns" ? "workload in namespace" : "workload"} ${p.scope.kind === "ns" ? p.scope.namespace : `${p.scope.namespace}/${p.scope.name}`} in the manifests; the preset applies to nothing`)];
  });
}

// src/synthesis/synthesize.ts
var MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
var MANAGED_BY = "netpol-ci";
var RULES_ANNOTATION = "netpol-ci.io/rules";
var DEFAULT_SYNTHESIS_OPTIONS = {
  defaultDeny: true,
  dnsPort: 53,
  dns: { namespace: "kube-system", podLabels: { "k8s-app": "kube-dns" } },
  namePrefix: ""
};
function portsOf(conns) {
  if (conns.isAll) return void 0;
  const out = [];
  for (const [protocol, ports] of conns.entries()) {
    if (ports.size === 65535) {
      out.push({ protocol });
      continue;
    }
    for (const [lo, hi] of ports.intervals()) out.push(lo === hi ? { protocol, port: lo } : { protocol, port: lo, endPort: hi });
  }
  return out;
}
function cidrsOf(range) {
  const bits = range.family === 4 ? 32 : 128;
  const out = [];
  let lo = range.lo;
  while (lo <= range.hi) {
    let size = 0;
    while (size < bits && (lo & (1n << BigInt(size + 1)) - 1n) === 0n && lo + (1n << BigInt(size + 1)) - 1n <= range.hi) size++;
    out.push(`${formatIp(range.family, lo)}/${bits - size}`);
    lo += 1n << BigInt(size);
  }
  return out;
}
function synthesizePolicies(cluster, links, options = DEFAULT_SYNTHESIS_OPTIONS) {
  const diagnostics = [];
  const byNs = /* @__PURE__ */ new Map();
  for (const w of cluster.workloads) {
    const list = byNs.get(w.ref.namespace) ?? [];
    list.push(w);
    byNs.set(w.ref.namespace, list);
  }
  const undeclared = cluster.workloads.filter((w) => w.ref.namespace === DEFAULT_NAMESPACE && !declaredNamespace(w));
  if (undeclared.length > 0) {
    diagnostics.push(
      diag(
        Codes.defaultNamespace,
        "warning",
        `${undeclared.length} workload${undeclared.length === 1 ? "" : "s"} (${undeclared.map((w) => workloadKey(w.ref)).join(", ")}) name${undeclared.length === 1 ? "s" : ""} no namespace, so ${undeclared.length === 1 ? "its policy" : "their policies"} and the namespace's default-deny land in "default"`,
        originRef(undeclared[0].origin, ["metadata"]),
        "pass --namespace NS (as kubectl apply -n NS) if the application is deployed elsewhere"
      )
    );
  }
  const selectors = /* @__PURE__ */ new Map();
  for (const w of cluster.workloads) {
    const sel = chooseSelector(w, byNs.get(w.ref.namespace) ?? []);
    selectors.set(workloadKey(w.ref), sel);
    if (!sel.unique) {
      diagnostics.push(
        diag(
          Codes.sharedSelector,
          "warning",
          `the policy selector of ${workloadKey(w.ref)} (${JSON.stringify(sel.selector)}) also selects the pods of ${sel.alsoMatches.join(", ")}; its rules apply to them too`,
          originRef(w.origin, ["metadata", "name"]),
          "give each workload a label of its own (app.kubernetes.io/name or app)"
        )
      );
    }
  }
  const peerFor = (p, fromNamespace) => {
    switch (p.kind) {
      case "workload": {
        const sel = selectors.get(workloadKey(p.ref));
        const podSelector = copySelector(sel?.selector ?? {});
        return p.ref.namespace === fromNamespace ? [{ podSelector }] : [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: p.ref.namespace } }, podSelector }];
      }
      case "ingress-controller":
      case "gateway": {
        const ic = options.ingressController;
        if (!ic) return [{ namespaceSelector: {} }];
        return [
          {
            namespaceSelector: ic.namespaceLabels ? { matchLabels: { ...ic.namespaceLabels } } : {},
            ...ic.podLabels ? { podSelector: { matchLabels: { ...ic.podLabels } } } : {}
          }
        ];
      }
      case "external":
        return cidrsOf(p.range).map((cidr) => ({ ipBlock: { cidr } }));
    }
  };
  const linksTo = /* @__PURE__ */ new Map();
  const linksFrom = /* @__PURE__ */ new Map();
  const known = new Set(cluster.workloads.map((w) => workloadKey(w.ref)));
  const ordered = [...links].sort((a, b) => compareStrings(peerKey(a.src), peerKey(b.src)) || compareStrings(peerKey(a.dst), peerKey(b.dst)));
  for (const l of ordered) {
    const unknown = [l.src, l.dst].find((p) => p.kind === "workload" && !known.has(workloadKey(p.ref)));
    if (unknown) {
      const intent = l.evidence.find((e) => e.kind === "intent");
      diagnostics.push(
        diag(
          Codes.danglingReference,
          "error",
          `link ${peerKey(l.src)} => ${peerKey(l.dst)} names ${peerKey(unknown)}, which is not in the manifests; link ignored`,
          intent && "at" in intent ? intent.at : void 0
        )
      );
      continue;
    }
    if (l.dst.kind === "workload") push(linksTo, workloadKey(l.dst.ref), l);
    if (l.src.kind === "workload") push(linksFrom, workloadKey(l.src.ref), l);
  }
  const closures = options.gaps ? gapRules(cluster.workloads, options.gaps.list, options.gaps.mode, (ref, fromNs) => peerFor({ kind: "workload", ref }, fromNs) ?? []) : /* @__PURE__ */ new Map();
  const policies = [];
  for (const [ns, workloads] of [...byNs].sort(([a], [b]) => compareStrings(a, b))) {
    const nsErrors = dnsLabelErrors(ns);
    if (nsErrors.length > 0) {
      for (const w of workloads) {
        diagnostics.push(
          diag(Codes.unsafeOutputName, "error", `namespace ${JSON.stringify(ns)} ${nsErrors[0]}; no policy synthesized for ${workloadKey(w.ref)}`, originRef(w.origin, ["metadata", "namespace"]))
        );
      }
      continue;
    }
    const untouched = workloads.some((w) => options.skip?.has(workloadKey(w.ref)));
    if (options.defaultDeny && !untouched) {
      policies.push({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: `${options.namePrefix}default-deny`, namespace: ns, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] }
      });
    }
    const names = /* @__PURE__ */ new Map();
    for (const w of workloads) names.set(w.ref.name, (names.get(w.ref.name) ?? 0) + 1);
    for (const w of [...workloads].sort((a, b) => compareStrings(workloadKey(a.ref), workloadKey(b.ref)))) {
      const key = workloadKey(w.ref);
      if (options.skip?.has(key)) continue;
      const sel = selectors.get(key);
      const preset = presetRules(presetFor(w, options.presets ?? []));
      const ingress = [...preset.ingress];
      const egress = [...preset.egress];
      const notes = [...preset.notes];
      const wanted = (other) => preset.links === "all" || preset.links === "other-namespaces" && !(other.kind === "workload" && other.ref.namespace === ns);
      const rule = (direction, l, peers) => {
        const ports = options.noPorts ? void 0 : portsOf(l.conns);
        const list = direction === "ingress" ? ingress : egress;
        const other = direction === "ingress" ? l.src : l.dst;
        const why = `${direction === "ingress" ? "<-" : "->"} ${peerKey(other)} ${l.conns.toString()}: ${l.evidence.map(evidenceText).join("; ")}`;
        const same = options.noPorts ? list.findIndex((r) => !r.ports && JSON.stringify(r.from ?? r.to) === JSON.stringify(peers)) : -1;
        if (same >= 0) {
          notes.push(`${direction}[${same}] ${why}`);
          return;
        }
        if (direction === "ingress") ingress.push({ from: peers, ...ports ? { ports } : {} });
        else egress.push({ to: peers, ...ports ? { ports } : {} });
        notes.push(`${direction}[${list.length - 1}] ${why}`);
      };
      const decided = (direction, l) => {
        const other = direction === "ingress" ? l.src : l.dst;
        const covered = (direction === "ingress" ? preset.ingress : preset.egress).length > 0;
        notes.push(`${covered ? `${direction}[0]` : `(${direction} not allowed)`} ${direction === "ingress" ? "<-" : "->"} ${peerKey(other)} ${l.conns.toString()}: ${covered ? "covered by the preset" : "blocked by the preset"}; ${l.evidence.map(evidenceText).join("; ")}`);
      };
      for (const l of linksTo.get(key) ?? []) {
        if (!wanted(l.src)) {
          decided("ingress", l);
          continue;
        }
        const peers = peerFor(l.src, ns);
        if (peers) rule("ingress", l, peers);
      }
      if (isDnsWorkload(w, options)) {
        const dnsConns = ConnectionSet.port("UDP", options.dnsPort).union(ConnectionSet.port("TCP", options.dnsPort));
        ingress.push({ from: [{ namespaceSelector: {} }], ports: portsOf(dnsConns) });
        notes.push(`ingress[${ingress.length - 1}] <- DNS clients (every namespace) ${dnsConns.toString()}: every workload with egress needs DNS`);
      }
      for (const l of linksFrom.get(key) ?? []) {
        if (l.dst.kind === "ingress-controller" || l.dst.kind === "gateway") continue;
        if (!wanted(l.dst)) {
          decided("egress", l);
          continue;
        }
        const peers = peerFor(l.dst, ns);
        if (peers) rule("egress", l, peers);
      }
      for (const g of closures.get(key) ?? []) {
        const ports = portsOf(g.conns);
        if (g.direction === "ingress") ingress.push({ from: g.peers, ...ports ? { ports } : {} });
        else egress.push({ to: g.peers, ...ports ? { ports } : {} });
        notes.push(`${g.direction}[${(g.direction === "ingress" ? ingress : egress).length - 1}] ${g.note}`);
      }
      if (egress.length > 0 && preset.dns) {
        const dnsConns = ConnectionSet.port("UDP", options.dnsPort).union(ConnectionSet.port("TCP", options.dnsPort));
        egress.push({
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: options.dns.namespace } }, podSelector: { matchLabels: { ...options.dns.podLabels } } }],
          ...options.noPorts ? {} : { ports: portsOf(dnsConns) }
        });
        notes.push(`egress[${egress.length - 1}] -> DNS (${options.dns.namespace}, ${Object.entries(options.dns.podLabels).map(([k, v]) => `${k}=${v}`).join(",")}) ${dnsConns.toString()}: needed by every workload with egress${options.noPorts ? " (the rule names no ports: --no-ports)" : ""}`);
      }
      const base = (names.get(w.ref.name) ?? 0) > 1 ? `${w.ref.name}-${w.ref.kind.toLowerCase()}` : w.ref.name;
      const nameErrors = dnsSubdomainErrors(`${options.namePrefix}${base}-netpol`);
      if (nameErrors.length > 0) {
        diagnostics.push(
          diag(Codes.unsafeOutputName, "error", `policy name ${JSON.stringify(`${options.namePrefix}${base}-netpol`)} ${nameErrors[0]}; no policy synthesized for ${key}`, originRef(w.origin, ["metadata", "name"]))
        );
        continue;
      }
      policies.push({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: {
          name: `${options.namePrefix}${base}-netpol`,
          namespace: ns,
          labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
          ...notes.length > 0 ? { annotations: { [RULES_ANNOTATION]: notes.join("\n") } } : {}
        },
        spec: {
          podSelector: copySelector(sel.selector),
          policyTypes: ["Ingress", "Egress"],
          ...ingress.length > 0 ? { ingress } : {},
          ...egress.length > 0 ? { egress } : {}
        }
      });
    }
  }
  return { value: { policies }, diagnostics };
}
function declaredNamespace(w) {
  let v = w.origin.document.value;
  for (const p of w.origin.path) v = v && typeof v === "object" ? v[p] : void 0;
  const ns = v?.metadata?.namespace;
  return typeof ns === "string" && ns !== "" ? ns : void 0;
}
function isDnsWorkload(w, options) {
  return w.ref.namespace === options.dns.namespace && w.pods.some((p) => Object.entries(options.dns.podLabels).every(([k, v]) => p.labels[k] === v));
}
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function copySelector(s) {
  return {
    ...s.matchLabels ? { matchLabels: { ...s.matchLabels } } : {},
    ...s.matchExpressions ? { matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...e.values ? { values: [...e.values] } : {} })) } : {}
  };
}

// src/synthesis/check-selectors.ts
function checkSelectors(cluster, policies, options) {
  const out = [];
  const selected = (namespace, selector) => cluster.workloads.filter((w) => w.ref.namespace === namespace && w.pods.some((p) => selectorMatches(selector, p.labels))).map((w) => workloadKey(w.ref));
  const check = (policy, path2, namespace, selector) => {
    const hits = selected(namespace, selector);
    if (hits.length === 1) return;
    const what = `${policy.metadata.namespace}/${policy.metadata.name} ${formatPath(path2)} ${JSON.stringify(selector)}`;
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

// src/synthesis/layout.ts
import path from "node:path";
function layoutPolicies(policies, target, render) {
  const files = /* @__PURE__ */ new Map();
  if (target.kind === "folder") {
    const byNs = /* @__PURE__ */ new Map();
    for (const p of policies) {
      const list = byNs.get(p.metadata.namespace);
      if (list) list.push(p);
      else byNs.set(p.metadata.namespace, [p]);
    }
    for (const ns of [...byNs.keys()].sort(compareStrings)) {
      if (!isDnsLabel(ns)) throw new Error(`bug: namespace ${JSON.stringify(ns)} reached the file layout`);
      files.set(path.join(target.dir, `${ns}.yaml`), render(byNs.get(ns)));
    }
  } else if (target.kind === "file") files.set(target.file, render(policies));
  return files;
}

// src/synthesis/prune.ts
var import_yaml = __toESM(require_dist(), 1);
function planPrune(files, cluster) {
  const stale = [];
  const rewrites = /* @__PURE__ */ new Map();
  for (const f of files) {
    const docs = (0, import_yaml.parseAllDocuments)(f.text);
    if (!Array.isArray(docs)) continue;
    const keep = [];
    let changed = false;
    docs.forEach((d, i) => {
      const o = d.toJS();
      if (o && o.kind === "NetworkPolicy" && o.metadata?.labels?.[MANAGED_BY_LABEL] === MANAGED_BY) {
        const namespace = o.metadata.namespace || DEFAULT_NAMESPACE;
        const selector = o.spec?.podSelector ?? {};
        const inNamespace = cluster.workloads.filter((w) => w.ref.namespace === namespace);
        const selects = inNamespace.some((w) => w.pods.some((p) => selectorMatches(selector, p.labels)));
        if (!selects) {
          const line = f.text.slice(0, d.range[0]).split("\n").length;
          const empty = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
          stale.push({
            file: f.path,
            doc: i + 1,
            line,
            namespace,
            name: o.metadata.name ?? "",
            reason: empty ? `namespace ${namespace} has no workload left` : `its pod selector ${JSON.stringify(selector)} selects no workload in ${namespace}`
          });
          changed = true;
          return;
        }
      }
      if (d.contents !== null || d.commentBefore) keep.push(d.toString());
    });
    if (changed) rewrites.set(f.path, keep.length === 0 ? null : keep.map((t) => t.startsWith("---") ? t : `---
${t}`).join(""));
  }
  return { stale, rewrites };
}

// src/topology/links-file.ts
var LinkFileSchema = external_exports.object({
  links: external_exports.array(
    external_exports.object({
      src: external_exports.string(),
      dst: external_exports.string(),
      conns: external_exports.string(),
      evidence: external_exports.array(external_exports.record(external_exports.string(), external_exports.unknown())).optional()
    }).loose()
  )
});
var AddressEvidence = external_exports.object({ kind: external_exports.literal("address"), file: external_exports.string(), line: external_exports.number(), path: external_exports.array(external_exports.union([external_exports.string(), external_exports.number()])).optional(), value: external_exports.string(), service: external_exports.string().optional() }).loose();
var ExposureEvidence = external_exports.object({ kind: external_exports.literal("exposure"), object: external_exports.string(), file: external_exports.string(), line: external_exports.number() }).loose();
var TraceEvidence = external_exports.object({ kind: external_exports.literal("trace"), event: external_exports.string(), file: external_exports.string(), line: external_exports.number(), count: external_exports.number().int().nonnegative(), firstSeen: external_exports.string().optional(), lastSeen: external_exports.string().optional() }).loose();
function evidenceFrom(raw) {
  const out = [];
  for (const e of raw ?? []) {
    const a = AddressEvidence.safeParse(e);
    if (a.success) {
      out.push({ kind: "address", at: { file: a.data.file, doc: 0, line: a.data.line, ...a.data.path ? { path: a.data.path } : {} }, value: a.data.value, ...a.data.service ? { service: a.data.service } : {} });
      continue;
    }
    const x = ExposureEvidence.safeParse(e);
    if (x.success) {
      out.push({ kind: "exposure", object: x.data.object, at: { file: x.data.file, doc: 0, line: x.data.line } });
      continue;
    }
    const t = TraceEvidence.safeParse(e);
    if (t.success) {
      const { event, file, line, count, firstSeen, lastSeen } = t.data;
      out.push({ kind: "trace", event, file, line, count, ...firstSeen !== void 0 ? { firstSeen, lastSeen: lastSeen ?? firstSeen } : {} });
    }
  }
  return out;
}
function parseLinksFile(file, text, workloads, cluster) {
  const parsedFile = parseManifestFile({ path: file, text });
  const doc = parsedFile.documents[0];
  if (parsedFile.diagnostics.some((d) => d.severity === "error") || !doc) {
    return { links: [], diagnostics: parsedFile.diagnostics.length > 0 ? parsedFile.diagnostics : [diag(Codes.invalidField, "error", "empty links file", { file, doc: 1, line: 1 })] };
  }
  const diagnostics = [...parsedFile.diagnostics];
  const parsed = LinkFileSchema.safeParse(doc.value);
  if (!parsed.success) {
    return { links: [], diagnostics: parsed.error.issues.map((i) => diag(Codes.invalidField, "error", i.message, locate(doc, i.path.filter((p) => typeof p !== "symbol")))) };
  }
  const links = [];
  const services = cluster ? serviceIndex(cluster) : void 0;
  parsed.data.links.forEach((l, i) => {
    const at = (field) => locate(doc, ["links", i, field]);
    const service = (text2, field) => {
      const m = /^svc:([^/\s]+)\/([^/\s]+)$/.exec(text2.trim());
      if (!m) return void 0;
      const svc = services?.get(`${m[1]}/${m[2]}`);
      if (!svc) {
        diagnostics.push(diag(Codes.invalidField, "error", `not a peer: no Service ${m[1]}/${m[2]} in the manifests`, at(field)));
        return false;
      }
      if (svc.workloads.length === 0) {
        diagnostics.push(diag(Codes.invalidField, "error", `not a peer: Service ${m[1]}/${m[2]} selects no workload in the manifests`, at(field)));
        return false;
      }
      return { svc };
    };
    const peer = (text2, field) => {
      const r = parsePeer(text2, workloads && /^[^/\s[\]]+\/[^/\s[\]]+$/.test(text2.trim()) ? workloads : void 0);
      if (r.ok) return r.peer;
      diagnostics.push(diag(Codes.invalidField, "error", `not a peer: ${r.error}`, at(field)));
      return void 0;
    };
    const srcSvc = service(l.src, "src");
    const dstSvc = service(l.dst, "dst");
    if (srcSvc === false || dstSvc === false) return;
    const srcs = srcSvc ? srcSvc.svc.workloads.map((w) => ({ kind: "workload", ref: w.ref })) : [peer(l.src, "src")].filter((p) => p !== void 0);
    const conns = parseConns(l.conns);
    if (!conns) diagnostics.push(diag(Codes.invalidField, "error", `not a connection set: ${JSON.stringify(l.conns)}`, at("conns")));
    const dsts = dstSvc ? dstSvc.svc.workloads.map((w) => ({ peer: { kind: "workload", ref: w.ref }, conns: conns && servicePortsToTargets(dstSvc.svc, w, conns) })) : [peer(l.dst, "dst")].filter((p) => p !== void 0).map((p) => ({ peer: p, conns }));
    if (srcs.length === 0 || dsts.length === 0 || !conns) return;
    const evidence = [...evidenceFrom(l.evidence), { kind: "intent", at: locate(doc, ["links", i]) }];
    for (const src of srcs) for (const d of dsts) if (d.conns && !d.conns.isEmpty && peerKey(src) !== peerKey(d.peer)) links.push({ src, dst: d.peer, conns: d.conns, evidence });
  });
  return { links, diagnostics };
}
function serviceIndex(cluster) {
  const byNs = workloadsByNamespace(cluster.workloads);
  const out = /* @__PURE__ */ new Map();
  for (const o of cluster.objects) {
    if (o.kind !== "Service") continue;
    out.set(`${o.object.metadata.namespace || DEFAULT_NAMESPACE}/${o.object.metadata.name}`, { ports: o.object.spec?.ports ?? [], workloads: serviceWorkloads(o.object, byNs) });
  }
  return out;
}
function servicePortsToTargets(svc, w, conns) {
  if (conns.isAll) return targetConns(svc.ports, w.pods);
  return targetConns(svc.ports.filter((sp) => conns.allows(sp.protocol ?? "TCP", sp.port)), w.pods);
}

// src/pipeline/synthesize.ts
function runSynthesize(io, request, settings) {
  const { load, diagnostics, values } = loadInputs(io, request.paths, settings);
  const all = [...diagnostics];
  let links;
  let unresolved = [];
  if (request.linksFile !== void 0) {
    const parsed = parseLinksFile(request.linksFile, io.readText(request.linksFile, "--links"), load.cluster.workloads.map((w) => w.ref), load.cluster);
    links = parsed.links;
    appendAll(all, parsed.diagnostics);
  } else {
    const scanned = scanTopology(load.cluster, { values });
    links = scanned.value.links;
    unresolved = scanned.value.unresolved;
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
  const gaps = findGaps(load.cluster, { links, unresolved });
  let options = { ...request.options, gaps: { mode: request.gapMode ?? "deny", list: gaps } };
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
  const refused = request.linksFile !== void 0 && all.some((d) => d.severity === "error");
  return { policies: result.value.policies, gaps, diagnostics: all, refused, skipped, ...traffic ? { traffic } : {} };
}
function runPrune(io, request, settings) {
  const { load, diagnostics } = loadInputs(io, request.paths, settings);
  const files = io.listFiles(request.policies).filter((f) => /\.(ya?ml|json)$/i.test(f)).map((f) => ({ path: f, text: io.readText(f, "--policies") }));
  const plan = planPrune(files, load.cluster);
  const changedFiles = [...plan.rewrites.keys()].sort();
  if (request.write && !diagnostics.some((d) => d.severity === "error")) {
    const rewrite = /* @__PURE__ */ new Map();
    const remove = [];
    for (const [f, text] of plan.rewrites) {
      if (text === null) remove.push(f);
      else rewrite.set(f, text);
    }
    io.writeFiles(rewrite);
    io.removeFiles(remove);
  }
  return { stale: plan.stale, changedFiles, diagnostics };
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

// src/report/policies.ts
function renderPoliciesYaml(policies) {
  return policies.map((p) => `---
${dump(p, { lineWidth: -1, noRefs: true, quotingType: '"' })}`).join("");
}

export {
  parseLinksFile,
  GAP_MODES,
  parsePreset,
  MANAGED_BY_LABEL,
  MANAGED_BY,
  DEFAULT_SYNTHESIS_OPTIONS,
  synthesizePolicies,
  layoutPolicies,
  runSynthesize,
  runPrune,
  policyTarget,
  writePolicies,
  renderPoliciesYaml
};
