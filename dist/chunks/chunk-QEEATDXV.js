import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  evidenceText
} from "./chunk-ZAFBLR44.js";
import {
  ConnectionSet,
  DEFAULT_NAMESPACE,
  NAMESPACE_NAME_LABEL,
  compareStrings,
  dnsLabelErrors,
  dnsSubdomainErrors,
  isDnsLabel,
  originRef,
  peerKey,
  rangeToCidrs,
  selectorMatches,
  workloadKey
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  diag
} from "./chunk-TZ6IWUHF.js";

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
        return rangeToCidrs(p.range).map((cidr) => ({ ipBlock: { cidr } }));
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

export {
  layoutPolicies,
  GAP_MODES,
  parsePreset,
  unknownPresets,
  MANAGED_BY_LABEL,
  MANAGED_BY,
  DEFAULT_SYNTHESIS_OPTIONS,
  synthesizePolicies
};
