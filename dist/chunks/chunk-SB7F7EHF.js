import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  oneLine
} from "./chunk-E23QOJSC.js";

// src/report/explain.ts
function step(s) {
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` "${s.rule.name}"` : ""}` : "";
  const where = s.at ? ` (${s.at.file}:${s.at.line ?? 0})` : "";
  const what = s.policy ? `${s.policy}${rule}${where}` : s.layer === "default" ? "no policy applies" : "";
  return `    [${s.layer}] ${s.verdict} ${s.conns.toString()}: ${what}`;
}
function verdictChain(steps) {
  return steps.map((s) => `[${s.layer}] ${s.verdict}`).filter((n, i, all) => n !== all[i - 1]).join(" -> ");
}
function renderExplanationTxt(x) {
  const out = [`${x.src} => ${x.dst} : ${x.conns.toString()}`];
  if (x.exposure) out.push(`  ingress controller: exposed by ${x.exposure.by.join(", ") || "nothing"} on ${x.exposure.ports.toString()}`);
  if (x.egress) out.push(`  source egress: ${verdictChain(x.egress)}`, ...x.egress.map(step));
  else out.push("  source egress: not restricted (not a pod in the cluster)");
  if (x.ingress) out.push(`  destination ingress: ${verdictChain(x.ingress)}`, ...x.ingress.map(step));
  else out.push("  destination ingress: not restricted (outside the cluster)");
  return `${out.map(oneLine).join("\n")}
`;
}
function stepData(s) {
  return {
    layer: s.layer,
    verdict: s.verdict,
    ...s.policy ? { policy: s.policy } : {},
    ...s.rule ? { rule: s.rule } : {},
    ...s.at ? { at: `${s.at.file}:${s.at.line ?? 0}` } : {},
    conns: s.conns.toString()
  };
}
function explanationData(p) {
  return {
    conns: p.conns.toString(),
    ...p.egress ? { egress: p.egress.map(stepData) } : {},
    ...p.ingress ? { ingress: p.ingress.map(stepData) } : {},
    ...p.exposure ? { exposure: { by: p.exposure.by, ports: p.exposure.ports.toString() } } : {}
  };
}
function renderExplanationsJson(xs) {
  const data = xs.map((x) => ({ src: x.src, dst: x.dst, ...explanationData(x) }));
  return `${JSON.stringify(data.length === 1 ? data[0] : data, null, 2)}
`;
}

export {
  verdictChain,
  renderExplanationTxt,
  explanationData,
  renderExplanationsJson
};
