import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  POLICY_KINDS
} from "./chunk-RYGMOCXF.js";
import {
  MANAGED_BY,
  MANAGED_BY_LABEL,
  layoutPolicies,
  synthesizePolicies
} from "./chunk-QEEATDXV.js";
import {
  explainPair
} from "./chunk-2N74GJOT.js";
import {
  readTraffic,
  unresolvedWarnings
} from "./chunk-57HYVIXJ.js";
import {
  scanTopology
} from "./chunk-AV2U6Z46.js";
import {
  refine
} from "./chunk-NCDNHDM5.js";
import {
  PolicyEngine
} from "./chunk-3HQQSEID.js";
import {
  ConnectionSet,
  atomize,
  buildCluster,
  compareStrings,
  engineOptions,
  loadObjects,
  originRef,
  peerKey,
  readObjects
} from "./chunk-YS4F6JR5.js";
import {
  Codes,
  appendAll,
  diag,
  parseManifestFile
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError
} from "./chunk-LJ56FUY6.js";

// src/pipeline/verify.ts
import path from "node:path";

// src/drift/repo.ts
function isDnsPod(w, dns) {
  return w.ref.namespace === dns.namespace && w.pods.some((p) => Object.entries(dns.podLabels).every(([k, v]) => p.labels[k] === v));
}
var pairKey = (src, dst) => `${peerKey(src)}\0${peerKey(dst)}`;
function computeRepoDrift(input) {
  const { engine, connectivity, cluster, dns } = input;
  const diagnostics = [];
  const probes = input.probes ?? /* @__PURE__ */ new Set();
  const dnsPods = cluster.workloads.filter((w) => isDnsPod(w, dns)).map((w) => w.ref);
  const dnsKeys = new Set(dnsPods.map((r) => peerKey({ kind: "workload", ref: r })));
  const rows = [];
  const reasons = /* @__PURE__ */ new Map();
  const addReason = (src, dst, r) => {
    const k = pairKey(src, dst);
    const list = reasons.get(k);
    if (list) list.push(r);
    else reasons.set(k, [r]);
  };
  const withEgress = /* @__PURE__ */ new Map();
  const cuts = [...connectivity.ipRanges];
  for (const l of input.needs) {
    if (l.src.kind === "gateway" || l.dst.kind === "gateway") {
      diagnostics.push(diag(Codes.needNotChecked, "info", `${peerKey(l.src)} => ${peerKey(l.dst)} ${l.conns.toString()}: Gateway links are not checked (the engine does not model Gateway proxies)`));
      continue;
    }
    if (l.dst.kind === "ingress-controller") continue;
    for (const p of [l.src, l.dst]) if (p.kind === "external") cuts.push(p.range);
    if (l.src.kind === "external" && !input.families.includes(l.src.range.family) || l.dst.kind === "external" && !input.families.includes(l.dst.range.family)) continue;
    rows.push({ src: l.src, dst: l.dst, conns: l.conns });
    addReason(l.src, l.dst, { kind: "link", evidence: l.evidence });
    if (l.src.kind === "workload") withEgress.set(peerKey(l.src), l.src);
  }
  for (const [srcKey, src] of withEgress) {
    for (const ref of dnsPods) {
      const dst = { kind: "workload", ref };
      if (peerKey(dst) === srcKey) continue;
      rows.push({ src, dst, conns: dns.conns });
      addReason(src, dst, { kind: "dns" });
    }
  }
  const atoms = atomize(cuts, input.families);
  const needs = refine({ connections: rows, workloads: connectivity.workloads, ipRanges: [] }, atoms);
  const allowed = refine(connectivity, atoms);
  const reasonsOf = (src, dst) => {
    const direct = reasons.get(pairKey(src, dst));
    if (direct) return direct;
    const out = [];
    for (const l of input.needs) {
      const cover = (need, atom) => need.kind === atom.kind && (atom.kind !== "external" || need.kind === "external" && need.range.family === atom.range.family && need.range.lo <= atom.range.lo && atom.range.hi <= need.range.hi) && (atom.kind === "external" || peerKey(need) === peerKey(atom));
      if (cover(l.src, src) && cover(l.dst, dst)) out.push({ kind: "link", evidence: l.evidence });
    }
    return out;
  };
  const missing = [];
  for (const [k, need] of needs) {
    if (probes.has(peerKey(need.src))) continue;
    const have = allowed.get(k)?.conns ?? ConnectionSet.NONE;
    const lack = need.conns.subtract(have);
    if (lack.isEmpty) continue;
    const explanation = explainPair(engine, need.src, need.dst);
    missing.push({ kind: "missing", src: need.src, dst: need.dst, needed: need.conns, allowed: have, conns: lack, reasons: reasonsOf(need.src, need.dst), ...explanation ? { explanation } : {} });
  }
  const excess = [];
  for (const [k, have] of allowed) {
    if (probes.has(peerKey(have.src)) || probes.has(peerKey(have.dst))) continue;
    const need = needs.get(k)?.conns ?? ConnectionSet.NONE;
    let extra = have.conns.subtract(need);
    if (have.dst.kind === "workload" && dnsKeys.has(peerKey(have.dst))) extra = extra.subtract(dns.conns);
    if (extra.isEmpty) continue;
    excess.push({ kind: "excess", src: have.src, dst: have.dst, needed: need, allowed: have.conns, conns: extra, allowers: allowersOf(engine, have.src, have.dst, extra) });
  }
  const order = (a, b) => compareStrings(peerKey(a.src), peerKey(b.src)) || compareStrings(peerKey(a.dst), peerKey(b.dst));
  missing.sort(order);
  excess.sort(order);
  return { value: { missing, excess, needsChecked: needs.size, allowedPairs: allowed.size }, diagnostics };
}
function allowersOf(engine, src, dst, extra) {
  const x = explainPair(engine, src, dst);
  if (!x) return [];
  const out = [];
  const take = (side, steps) => {
    for (const s of steps ?? []) {
      if (s.verdict !== "Allow" && !(s.layer === "BANP" && s.verdict === "Pass")) continue;
      const conns = s.conns.intersect(extra);
      if (!conns.isEmpty) out.push({ side, step: s, conns });
    }
  };
  take("egress", x.egress);
  take("ingress", x.ingress);
  if (x.exposure) {
    const conns = x.exposure.ports.intersect(extra);
    if (!conns.isEmpty) out.push({ side: "exposure", by: x.exposure.by, conns });
  }
  return out;
}

// src/pipeline/verify.ts
function under(file, dir) {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}
function dnsProbe(dns, port) {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "dns", namespace: dns.namespace, labels: { ...dns.podLabels } },
    spec: { containers: [{ name: "dns", ports: [{ containerPort: port, protocol: "UDP" }, { containerPort: port, protocol: "TCP" }] }] }
  };
  return { path: "(assumed DNS pods)", text: JSON.stringify(pod) };
}
function objectsOf(files, diagnostics) {
  const r = loadObjects(files);
  appendAll(diagnostics, r.diagnostics);
  appendAll(diagnostics, r.skipped);
  return r.objects;
}
function loadRepoDrift(io, request, settings) {
  if (!io.isDirectory(request.policies)) throw new ConfigError(`--policies ${request.policies}: not a folder`);
  const read = io.readManifests([...request.paths, request.policies], { maxFileBytes: settings.maxFileBytes, render: settings.render });
  const diagnostics = [...read.diagnostics];
  const policyFiles = read.files.filter((f) => under(f.path, request.policies));
  const appFiles = read.files.filter((f) => !under(f.path, request.policies));
  const appObjects = [];
  const outside = /* @__PURE__ */ new Map();
  for (const o of objectsOf(appFiles, diagnostics)) {
    if (!POLICY_KINDS.has(o.kind)) appObjects.push(o);
    else {
      const cur = outside.get(o.origin.document.file);
      if (cur) cur.count++;
      else outside.set(o.origin.document.file, { first: o, count: 1 });
    }
  }
  for (const { first, count } of outside.values()) {
    const what = count === 1 ? `${first.kind} ${first.object.metadata.name ?? ""} is` : `${count} policies (${first.kind} ${first.object.metadata.name ?? ""} and more) are`;
    diagnostics.push(diag(Codes.policyOutsideFolder, "warning", `${what} outside --policies ${request.policies}; not part of the comparison`, originRef(first.origin)));
  }
  const policyObjects = objectsOf(policyFiles, diagnostics).filter((o) => POLICY_KINDS.has(o.kind));
  const base = buildCluster([...appObjects, ...policyObjects]);
  diagnostics.push(...base.diagnostics);
  const dns = request.synthesis.dns;
  const hasDns = base.cluster.workloads.some((w) => w.ref.namespace === dns.namespace && w.pods.some((p) => Object.entries(dns.podLabels).every(([k, v]) => p.labels[k] === v)));
  if (hasDns) return { cluster: base.cluster, appObjects, probes: /* @__PURE__ */ new Set(), policyFiles, diagnostics, values: read.values };
  const probeObjects = objectsOf([dnsProbe(dns, request.synthesis.dnsPort)], []);
  const withProbe = buildCluster([...appObjects, ...policyObjects, ...probeObjects]).cluster;
  const probes = new Set(withProbe.workloads.filter((w) => !base.cluster.workloads.some((b) => b.ref.kind === w.ref.kind && b.ref.name === w.ref.name && b.ref.namespace === w.ref.namespace)).map((w) => `${w.ref.namespace}/${w.ref.name}[${w.ref.kind}]`));
  return { cluster: withProbe, appObjects, probes, policyFiles, diagnostics, values: read.values };
}
function needsOf(loaded, request) {
  const scanned = scanTopology(loaded.cluster, { values: loaded.values });
  return { links: [...scanned.value.links, ...request.extraNeeds ?? []], diagnostics: [...scanned.diagnostics] };
}
function runRepoDrift(io, request, settings) {
  const prepared = prepareRepoDrift(io, request, settings);
  return repoDriftOf(prepared.loaded, prepared.request, settings);
}
function prepareRepoDrift(io, request, settings) {
  return observedNeeds(io, loadRepoDrift(io, request, settings), request, settings);
}
function observedNeeds(io, loaded, request, settings) {
  if (!request.traffic) return { loaded, request };
  const observed = readTraffic(io, loaded.cluster, request.traffic, settings);
  return {
    loaded: { ...loaded, diagnostics: [...loaded.diagnostics, ...observed.diagnostics, ...unresolvedWarnings(observed.value.unresolved)] },
    request: { ...request, extraNeeds: [...request.extraNeeds ?? [], ...observed.value.links] }
  };
}
function repoDriftOf(loaded, request, settings) {
  const diagnostics = [...loaded.diagnostics];
  const needs = needsOf(loaded, request);
  diagnostics.push(...needs.diagnostics);
  const engine = new PolicyEngine(loaded.cluster, engineOptions(settings));
  diagnostics.push(...engine.diagnostics);
  const port = request.synthesis.dnsPort;
  const result = computeRepoDrift({
    engine,
    connectivity: engine.connectivity(),
    cluster: loaded.cluster,
    needs: needs.links,
    dns: { ...request.synthesis.dns, conns: ConnectionSet.port("UDP", port).union(ConnectionSet.port("TCP", port)) },
    probes: loaded.probes,
    families: settings.ipFamilies
  });
  diagnostics.push(...result.diagnostics);
  return { drift: result.value, diagnostics };
}
function isManagedPolicyFile(f) {
  const parsed = parseManifestFile(f);
  const objects = readObjects(parsed.documents).objects;
  if (parsed.documents.length === 0 || objects.length !== parsed.documents.length || parsed.diagnostics.length > 0) return false;
  return objects.every((o) => o.kind === "NetworkPolicy" && o.object.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY);
}
function planRepoFix(io, request, settings, render) {
  return planRepoFixOf(prepareRepoDrift(io, request, settings), render);
}
function planRepoFixOf(prepared, render) {
  const { loaded, request } = prepared;
  const appCluster = buildCluster(loaded.appObjects).cluster;
  const needs = needsOf({ ...loaded, cluster: appCluster }, request);
  const synthesized = synthesizePolicies(appCluster, needs.links, request.synthesis);
  const layout = layoutPolicies(synthesized.value.policies, { kind: "folder", dir: request.policies }, render);
  const existing = new Map(loaded.policyFiles.filter((f) => !f.path.includes(" [rendered]")).map((f) => [path.resolve(f.path), f]));
  const files = [];
  const writes = /* @__PURE__ */ new Map();
  for (const [file, text] of layout) {
    const before = existing.get(path.resolve(file))?.text ?? "";
    files.push({ path: file, action: before === "" ? "created" : before === text ? "unchanged" : "updated", before, after: text });
    if (before !== text) writes.set(file, text);
  }
  const written = new Set([...layout.keys()].map((f) => path.resolve(f)));
  const removals = [];
  const kept = [];
  for (const [abs, f] of existing) {
    if (written.has(abs)) continue;
    if (isManagedPolicyFile(f)) {
      removals.push(f.path);
      files.push({ path: f.path, action: "removed", before: f.text, after: "" });
    } else kept.push(f.path);
  }
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files, writes, removals, keptHandWritten: kept.sort(), diagnostics: synthesized.diagnostics };
}
function fixRepoDrift(io, request, settings, render) {
  const plan = planRepoFix(io, request, settings, render);
  io.writeFiles(plan.writes, { createFolders: true });
  io.removeFiles(plan.removals);
  const after = runRepoDrift(io, request, settings);
  return { files: plan.files, keptHandWritten: plan.keptHandWritten, after: { drift: after.drift, diagnostics: [...plan.diagnostics, ...after.diagnostics] } };
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path2, added, removed, oldPosInc, options) {
    const last = path2.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path2.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path2.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName) {
    ret.push("Index: " + patch.oldFileName);
  }
  if (headerOptions.includeUnderline) {
    ret.push("===================================================================");
  }
  if (headerOptions.includeFileHeaders) {
    ret.push("--- " + patch.oldFileName + (typeof patch.oldHeader === "undefined" ? "" : "	" + patch.oldHeader));
    ret.push("+++ " + patch.newFileName + (typeof patch.newHeader === "undefined" ? "" : "	" + patch.newHeader));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    if (hunk.oldLines === 0) {
      hunk.oldStart -= 1;
    }
    if (hunk.newLines === 0) {
      hunk.newStart -= 1;
    }
    ret.push("@@ -" + hunk.oldStart + "," + hunk.oldLines + " +" + hunk.newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

export {
  structuredPatch,
  createTwoFilesPatch,
  runRepoDrift,
  prepareRepoDrift,
  repoDriftOf,
  planRepoFixOf,
  fixRepoDrift
};
