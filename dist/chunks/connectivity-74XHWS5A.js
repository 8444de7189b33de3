import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  runLiveConnectivity
} from "./chunk-2VJ6XE2I.js";
import {
  ClusterOptions,
  addClusterOptions,
  liveSourceFrom
} from "./chunk-3PACPH3M.js";
import {
  CommonOptions,
  addCommonOptions,
  emit,
  emitChunks,
  execLimits,
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
  analyzeExposure
} from "./chunk-GWMCDKFH.js";
import "./chunk-RYGMOCXF.js";
import {
  renderExplanationTxt,
  renderExplanationsJson
} from "./chunk-SB7F7EHF.js";
import "./chunk-AJ2YPX4S.js";
import {
  explainPair
} from "./chunk-2N74GJOT.js";
import "./chunk-RCIHDDST.js";
import "./chunk-57HYVIXJ.js";
import "./chunk-W3TQMIRJ.js";
import "./chunk-AV2U6Z46.js";
import "./chunk-ZAFBLR44.js";
import "./chunk-NCDNHDM5.js";
import {
  loadInputs
} from "./chunk-BECTGLCW.js";
import {
  csvCell,
  escapeDot,
  escapeMarkdown,
  escapeMermaid,
  oneLine
} from "./chunk-E23QOJSC.js";
import {
  PolicyEngine,
  analyzeConnectivity
} from "./chunk-3HQQSEID.js";
import {
  compareStrings,
  engineOptions,
  formatRange,
  parsePeer,
  peerKey
} from "./chunk-YS4F6JR5.js";
import {
  external_exports
} from "./chunk-TZ6IWUHF.js";
import {
  ConfigError,
  visible
} from "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";

// src/pipeline/connectivity.ts
function runConnectivity(io, paths, settings, options = {}) {
  const { load, diagnostics } = loadInputs(io, paths, settings);
  const result = analyzeConnectivity(load.cluster, engineOptions(settings));
  const exposure = options.exposure ? analyzeExposure(load.cluster, engineOptions(settings)).value : void 0;
  return { connectivity: result.value, ...exposure ? { exposure } : {}, diagnostics: [...diagnostics, ...result.diagnostics] };
}
function runExplain(io, paths, settings, srcText, dstText) {
  const { load, diagnostics } = loadInputs(io, paths, settings);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  const workloads = load.cluster.workloads.map((w) => w.ref);
  const resolve = (text) => {
    const r = parsePeer(text, workloads);
    if (!r.ok) throw new ConfigError(`--explain: ${r.error}`);
    return r.peer;
  };
  const src = resolve(srcText);
  const dst = resolve(dstText);
  if (src.kind === "external" && dst.kind === "external") throw new ConfigError("--explain: one of SRC and DST must be a workload or {ingress-controller}");
  for (const p of [src, dst]) {
    if (p.kind === "external" && !engine.families.includes(p.range.family)) {
      throw new ConfigError(`--explain: ${formatRange(p.range)} is IPv${p.range.family}, outside the analysed address space (use --ip-family ${p.range.family === 6 ? "dual" : "4"})`);
    }
  }
  const parts = (p) => p.kind === "external" ? engine.atomsWithin(p.range).map((range) => ({ kind: "external", range })) : [p];
  const xs = parts(src).flatMap((s) => parts(dst).map((d) => explainPair(engine, s, d)));
  if (xs.some((x) => !x)) throw new ConfigError(`cannot explain ${srcText} -> ${dstText}`);
  return { explanations: xs, diagnostics: [...diagnostics, ...engine.diagnostics] };
}

// src/report/connectivity.ts
var CONNECTIVITY_FORMATS = ["txt", "json", "csv", "md", "dot", "mermaid", "svg", "png", "tree"];
var TextCache = class {
  constructor(text) {
    this.text = text;
  }
  text;
  cache = /* @__PURE__ */ new Map();
  of(x) {
    let t = this.cache.get(x);
    if (t === void 0) this.cache.set(x, t = this.text(x));
    return t;
  }
};
function* inPieces(lines) {
  let piece = "";
  for (const line of lines) {
    piece += line;
    if (piece.length >= 65536) {
      yield piece;
      piece = "";
    }
  }
  if (piece !== "") yield piece;
}
function connectivityTxtChunks(c) {
  return inPieces(txtLines(c));
}
function* txtLines(c) {
  const src = new TextCache((p) => oneLine(peerKey(p)));
  const dst = new TextCache((p) => visible(peerKey(p)));
  const conns = new TextCache((x) => visible(x.toString()));
  for (const x of c.connections) yield `${src.of(x.src)} => ${dst.of(x.dst)} : ${conns.of(x.conns)}
`;
}
function connectivityJsonChunks(c) {
  return inPieces(jsonLines(c));
}
function* jsonLines(c) {
  if (c.connections.length === 0) {
    yield "[]\n";
    return;
  }
  const peer = new TextCache((p) => JSON.stringify(peerKey(p)));
  const conns = new TextCache((x) => JSON.stringify(x.toString()));
  let first = true;
  for (const x of c.connections) {
    yield `${first ? "[\n" : ",\n"}  {
    "src": ${peer.of(x.src)},
    "dst": ${peer.of(x.dst)},
    "conn": ${conns.of(x.conns)}
  }`;
    first = false;
  }
  yield "\n]\n";
}
function renderConnectivityJson(c) {
  return [...connectivityJsonChunks(c)].join("");
}
function connectivityCsvChunks(c) {
  return inPieces(csvLines(c));
}
function* csvLines(c) {
  const peer = new TextCache((p) => csvCell(peerKey(p)));
  const conns = new TextCache((x) => csvCell(x.toString()));
  yield "src,dst,conn\n";
  for (const x of c.connections) yield `${peer.of(x.src)},${peer.of(x.dst)},${conns.of(x.conns)}
`;
}
function renderConnectivityMd(c) {
  const lines = ["| src | dst | conn |", "|-----|-----|------|"];
  for (const x of c.connections) lines.push(`| ${escapeMarkdown(peerKey(x.src))} | ${escapeMarkdown(peerKey(x.dst))} | ${escapeMarkdown(x.conns.toString())} |`);
  return `${lines.join("\n")}
`;
}
function renderConnectivityDot(c) {
  const ids = /* @__PURE__ */ new Map();
  const byNs = /* @__PURE__ */ new Map();
  const other = [];
  const node = (key, ns) => {
    if (!ids.has(key)) {
      ids.set(key, `n${ids.size}`);
      if (ns !== void 0) {
        const list = byNs.get(ns) ?? [];
        list.push(key);
        byNs.set(ns, list);
      } else other.push(key);
    }
    return ids.get(key);
  };
  for (const w of c.workloads) node(peerKey({ kind: "workload", ref: w }), w.namespace);
  const edges = [];
  for (const x of c.connections) {
    const s = node(peerKey(x.src), x.src.kind === "workload" ? x.src.ref.namespace : void 0);
    const d = node(peerKey(x.dst), x.dst.kind === "workload" ? x.dst.ref.namespace : void 0);
    edges.push(`	${s} -> ${d} [label="${escapeDot(x.conns.toString())}" color="gold2" fontcolor="darkgreen"]`);
  }
  const out = ["digraph {"];
  for (const [ns, keys] of [...byNs].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    out.push(`	subgraph "cluster_${escapeDot(ns)}" {`, `		label="${escapeDot(ns)}"`);
    for (const k of keys) out.push(`		${ids.get(k)} [label="${escapeDot(k.slice(ns.length + 1))}" shape="box"]`);
    out.push("	}");
  }
  for (const k of other) out.push(`	${ids.get(k)} [label="${escapeDot(k)}" shape="${k.startsWith("{") ? "oval" : "diamond"}"]`);
  out.push(...edges, "}");
  return `${out.join("\n")}
`;
}
function renderConnectivityMermaid(c) {
  const ids = /* @__PURE__ */ new Map();
  const id = (k) => {
    if (!ids.has(k)) ids.set(k, `n${ids.size}`);
    return ids.get(k);
  };
  const lines = ["graph LR"];
  for (const x of c.connections) {
    const s = peerKey(x.src);
    const d = peerKey(x.dst);
    lines.push(`  ${id(s)}["${escapeMermaid(s)}"] -->|"${escapeMermaid(x.conns.toString())}"| ${id(d)}["${escapeMermaid(d)}"]`);
  }
  return `${lines.join("\n")}
`;
}

// src/report/exposure.ts
function renderExposureTxt(e) {
  const line = (arrow) => (x) => `${oneLine(`${x.workload} ${arrow} ${x.peer} : ${x.conns.toString()}`)}
`;
  return `
Exposure Analysis Result:
Egress Exposure:
${e.egress.map(line("=>")).join("")}
Ingress Exposure:
${e.ingress.map(line("<=")).join("")}`;
}
function exposureJson(e) {
  const rows = (xs, side) => xs.map((x) => ({ workload: x.workload, [side]: x.peer, conn: x.conns.toString() }));
  return { egress: rows(e.egress, "dst"), ingress: rows(e.ingress, "src") };
}
function renderExposureMd(e) {
  const table = (head, xs) => [
    head,
    "|-----|-----|------|",
    ...xs.map((x) => `| ${escapeMarkdown(x.workload)} | ${escapeMarkdown(x.peer)} | ${escapeMarkdown(x.conns.toString())} |`)
  ];
  return `${["## Exposure Analysis Result:", "### Egress Exposure:", ...table("| src | dst | conn |", e.egress), "", "### Ingress Exposure:", ...table("| dst | src | conn |", e.ingress)].join("\n")}
`;
}

// src/report/tree.ts
var ANSI = { green: "\x1B[32m", yellow: "\x1B[33m", red: "\x1B[31m", bold: "\x1B[1m", dim: "\x1B[2m", reset: "\x1B[0m" };
function renderConnectivityTree(c, style) {
  const paint = (code, text) => style.color ? `${code}${text}${ANSI.reset}` : text;
  const out = /* @__PURE__ */ new Map();
  const inn = /* @__PURE__ */ new Map();
  const push = (m, k, peer, conns) => {
    const list = m.get(k);
    if (list) list.push({ peer, conns });
    else m.set(k, [{ peer, conns }]);
  };
  for (const x of c.connections) {
    push(out, peerKey(x.src), peerKey(x.dst), x.conns);
    push(inn, peerKey(x.dst), peerKey(x.src), x.conns);
  }
  const workloads = c.workloads.map((w) => peerKey({ kind: "workload", ref: w })).sort(compareStrings);
  const lines = [];
  const mark = (conns) => conns.isAll ? paint(ANSI.yellow, "⚠") : paint(ANSI.green, "✓");
  const branch = (title, items, last) => {
    const lead = last ? "└── " : "├── ";
    const indent = last ? "    " : "│   ";
    if (!items || items.length === 0) {
      lines.push(`${lead}${title} ${paint(ANSI.red, "✗")} ${paint(ANSI.dim, "nothing")}`);
      return;
    }
    lines.push(`${lead}${title}`);
    items.forEach((it, i) => {
      const end = i === items.length - 1;
      lines.push(`${indent}${end ? "└── " : "├── "}${mark(it.conns)} ${oneLine(it.peer)} : ${it.conns.toString()}`);
    });
  };
  for (const w of workloads) {
    lines.push(paint(ANSI.bold, oneLine(w)));
    branch("reaches", out.get(w), false);
    branch("reached by", inn.get(w), true);
  }
  return lines.length > 0 ? `${lines.join("\n")}
` : "";
}

// src/cli/commands/connectivity.ts
var Options = CommonOptions.extend(ClusterOptions.shape).extend({
  explain: external_exports.array(external_exports.string()).length(2, { error: "takes two peers: SRC DST" }).optional(),
  exposure: external_exports.boolean().default(false),
  format: external_exports.enum(CONNECTIVITY_FORMATS, { error: (i) => `expected one of ${CONNECTIVITY_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt")
});
function connectivityCommand(ctx, done) {
  const cmd = new Command("connectivity").description("the effective connectivity of the workloads and policies found under the paths").argument("[path...]", "manifest files or folders (scanned recursively); none with --cluster").option("-f, --format <format>", `output format: ${CONNECTIVITY_FORMATS.join("|")}`, "txt").option("--exposure", "also list who reaches, or is reached from, peers outside the manifests: any namespace (entire-cluster), pods rules could match, any address (txt, json, md)").option("--explain <peer...>", "explain one pair: SRC DST (ns/name[Kind], ns/name, an IP address, or {ingress-controller})");
  addClusterOptions(cmd);
  addCommonOptions(cmd).action((paths, raw) => done(connectivity(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}
function connectivity(ctx, paths, opts) {
  const say = progress(ctx, opts);
  say(`reading and evaluating ${paths.length} path(s)…`);
  const settings = readSettingsFrom(ctx, opts);
  const live = liveSourceFrom(opts);
  if (live && paths.length > 0) throw new ConfigError("--cluster reads the cluster, not paths: give one or the other");
  if (!live && paths.length === 0) throw new ConfigError("connectivity takes manifest paths, or --cluster");
  if (live && opts.explain) throw new ConfigError("--explain reads manifests; it does not combine with --cluster");
  if (opts.explain) {
    const [src, dst] = opts.explain;
    const r2 = runExplain(ctx.io, paths, settings, src, dst);
    say("");
    emit(ctx, opts.format === "json" ? renderExplanationsJson(r2.explanations) : r2.explanations.map(renderExplanationTxt).join("\n"), opts.output);
    printDiagnostics(ctx, r2.diagnostics, opts);
    return exitCodeFor(r2.diagnostics);
  }
  if (live && opts.exposure) throw new ConfigError("--exposure is computed from manifest paths, not with --cluster");
  if (opts.exposure && !["txt", "json", "md"].includes(opts.format)) throw new ConfigError(`--exposure works with --format txt, json or md, not ${opts.format}`);
  if (opts.format === "png" && !(opts.output && opts.output !== "-") && !ctx.stdoutBytes) throw new ConfigError("--format png needs -o FILE");
  const r = live ? runLiveConnectivity(ctx.io, live, settings) : runConnectivity(ctx.io, paths, settings, { exposure: opts.exposure });
  say("");
  const c = r.connectivity;
  const x = "exposure" in r ? r.exposure : void 0;
  const render = {
    txt: () => x ? followedBy(connectivityTxtChunks(c), () => renderExposureTxt(x)) : connectivityTxtChunks(c),
    json: () => x ? `${JSON.stringify({ connections: JSON.parse(renderConnectivityJson(c)), exposure: exposureJson(x) }, null, 2)}
` : connectivityJsonChunks(c),
    csv: () => connectivityCsvChunks(c),
    md: () => renderConnectivityMd(c) + (x ? `
${renderExposureMd(x)}` : ""),
    dot: () => renderConnectivityDot(c),
    mermaid: () => renderConnectivityMermaid(c),
    svg: () => ctx.io.dotToSvg(renderConnectivityDot(c), execLimits(settings)),
    tree: () => renderConnectivityTree(c, { color: !opts.output && ctx.stdoutTerminal === true && !ctx.env.NO_COLOR })
  };
  if (opts.format === "png") {
    const png = ctx.io.dotToPng(renderConnectivityDot(c), execLimits(settings));
    if (opts.output && opts.output !== "-") ctx.io.writeFiles(/* @__PURE__ */ new Map([[opts.output, png]]));
    else ctx.stdoutBytes?.(png);
  } else {
    const out = render[opts.format]();
    if (typeof out === "string") emit(ctx, out, opts.output);
    else emitChunks(ctx, out, opts.output);
  }
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics);
}
function* followedBy(pieces, last) {
  yield* pieces;
  yield last();
}
export {
  connectivityCommand
};
