import { placeText } from '../../diagnostics/diagnostic.js';
import { createTwoFilesPatch } from 'diff';
import type { SourceRef } from '../../diagnostics/diagnostic.js';
import type { Decision } from '../../connectivity/causes.js';
import type { ExplainedStep } from '../../connectivity/explain.js';
import type { ConnectionSet } from '../../model/connection-set.js';
import { peerKey } from '../../model/peer.js';
import type { LintFinding } from '../../connectivity/lint.js';
import type { AttributedCause, BrokenLink, ChangedFile, ChangeGroup, ChangeItem, CheckOutcome, WidenedExposure } from '../../pipeline/check.js';
import { evidenceText } from '../../topology/links.js';
import type { LinkGap } from '../../topology/merge.js';
import { moveLines } from '../diff.js';
import { escapeMarkdown, markdownCode } from '../escape.js';
import { driftBasisMd } from '../drift-basis.js';
import { DEFAULT_MAX_BYTES, fitSections, type Section } from './budget.js';
import { causeParts, causeText } from './causes.js';
import { changedEdgesMermaid } from './graph.js';
import { linkPeerText } from './peer-text.js';
import { buildMarker } from './marker.js';
import { checkSummary, headInputErrors } from './summary.js';
import { isRenderedName } from '../../manifests/rendered-name.js';

export interface CheckMdOptions {
  /** `https://github.com/OWNER/REPO`: file references become links to `<blob-base>/blob/<sha>/<path>#L<n>`. */
  readonly blobBase?: string;
  /** The check's identity in the marker (the Action passes workflow + comment-key). */
  readonly key?: string;
  /** Body budget in UTF-8 bytes (GitHub refuses bodies over 65,536 characters). */
  readonly maxBytes?: number;
}

/** Lists of more entries than this fold into `<details>`. */
const FOLD_AFTER = 8;

const code = markdownCode;

/** Links into the repository at the side's commit, or plain `path:line`. */
class Locations {
  constructor(
    private readonly o: CheckOutcome,
    private readonly blobBase: string | undefined,
  ) {}

  private url(side: 'base' | 'head', path: string, line?: number): string | undefined {
    const sha = this.o.commits?.[side];
    if (!this.blobBase || !sha) return undefined;
    const safePath = path.split('/').map(encodeURIComponent).join('/');
    return `${this.blobBase.replace(/\/+$/, '')}/blob/${sha}/${safePath}${line ? `#L${line}` : ''}`;
  }

  /** A rule or object location: the file and line at the side's commit; a rendered chart file links to its template without a (rendered) line. */
  at(ref: SourceRef | undefined): string {
    if (!ref) return '';
    const info = this.o.files.get(ref.file);
    if (!info) return code(`${placeText(ref)}`);
    // a rendered object cited in the file it came from (a template's line, an overlay's base file or patch): that file (and line)
    const traced = !isRenderedName(ref.file);
    if (info.chart !== undefined && !traced) {
      const u = this.url(info.side, info.path);
      return `${u ? `[${code(info.path)}](${u})` : code(info.path)} (Helm template)`;
    }
    if (info.overlay !== undefined && !traced) {
      const u = this.url(info.side, info.path);
      return `${u ? `[${code(`${info.path}/`)}](${u})` : code(`${info.path}/`)} (Kustomize overlay)`;
    }
    const text = code(placeText({ file: info.path, ...(ref.line !== undefined ? { line: ref.line } : {}) }));
    const u = this.url(info.side, info.path, ref.line);
    return u ? `[${text}](${u})` : text;
  }

  /** A file the PR changed, at head, with its changed lines (values files). */
  changed(f: ChangedFile): string {
    const u = this.url(f.side ?? 'head', f.path);
    const name = `${u ? `[${code(f.path)}](${u})` : code(f.path)}${f.side === 'base' ? ' (deleted)' : ''}`;
    if (!f.lines || f.lines.length === 0) return name;
    const shown = f.lines.slice(0, 6).map((n) => {
      const lu = this.url('head', f.path, n);
      return lu ? `[L${n}](${lu})` : `L${n}`;
    });
    return `${name} (${shown.join(', ')}${f.lines.length > 6 ? ', …' : ''})`;
  }
}

function conns(c: ConnectionSet): string {
  return code(c.toString());
}

function sentence(it: ChangeItem): string {
  const s = code(it.src);
  const d = code(it.dst);
  const info = it.workloadsInfo ? ` _(${escapeMarkdown(it.workloadsInfo)})_` : '';
  switch (it.kind) {
    case 'added':
      return `${s} can now reach ${d} on ${conns(it.after)}${info}`;
    case 'removed':
      return `${s} can no longer reach ${d} (was ${conns(it.before)})${info}`;
    case 'changed': {
      // a side that allowed everything would make the difference a leftover of ranges: say what is left
      if (it.before.isAll) return `${s} → ${d}: now only on ${conns(it.after)} (was all connections)${info}`;
      if (it.after.isAll) return `${s} → ${d}: now on all connections (was ${conns(it.before)})${info}`;
      const parts: string[] = [];
      if (!it.gained.isEmpty) parts.push(`now also on ${conns(it.gained)}`);
      if (!it.lost.isEmpty) parts.push(`no longer on ${conns(it.lost)}`);
      return `${s} → ${d}: ${parts.join('; ')} (now ${conns(it.after)})${info}`;
    }
  }
}

function stepText(s: ExplainedStep, loc: Locations): string {
  const rule = s.rule ? ` ${s.rule.direction} rule ${s.rule.index}${s.rule.name ? ` ${code(s.rule.name)}` : ''}` : '';
  return `${code(s.policy ?? s.layer)}${rule}${s.at ? ` at ${loc.at(s.at)}` : ''}`;
}

function decisionText(d: Decision, loc: Locations): string {
  switch (d.verdict) {
    case 'open':
      return `${d.direction} not restricted (no policy selects the pod)`;
    case 'allowed':
      return `${d.direction} allowed by ${d.steps.map((s) => stepText(s, loc)).join(' and ')}`;
    case 'denied': {
      if (d.steps.length === 0) return `${d.direction} allows none of it`;
      const isolated = d.steps.filter((s) => s.verdict === 'Isolated');
      const denied = d.steps.filter((s) => s.verdict === 'Deny');
      const parts: string[] = [];
      if (denied.length > 0) parts.push(`denied by ${denied.map((s) => stepText(s, loc)).join(' and ')}`);
      if (isolated.length > 0) parts.push(`isolated by ${isolated.map((s) => stepText(s, loc)).join(', ')} and no rule allows it`);
      return `${d.direction} ${parts.join('; ')}`;
    }
  }
}

function whyLines(it: ChangeItem, o: CheckOutcome, loc: Locations): string[] {
  const side = (label: string, ds: readonly Decision[], exists: boolean) => {
    if (!exists) return `${label}: ${it.workloadsInfo ? `not on this side (${escapeMarkdown(it.workloadsInfo)})` : 'the pair did not exist'}`;
    if (ds.length === 0) return `${label}: not decided by policies (exposure)`;
    return `${label}: ${ds.map((d) => decisionText(d, loc)).join('; ')}`;
  };
  const x = o.explanations[it.entries[0] as number];
  return [side(`base ${code(o.refs.base)}`, it.why.base, x?.before !== undefined), side(`head ${code(o.refs.head)}`, it.why.head, x?.after !== undefined)];
}

function itemLines(it: ChangeItem, o: CheckOutcome, loc: Locations): string[] {
  return [`- ${sentence(it)}`, ...whyLines(it, o, loc).map((l) => `  - ${l}`)];
}

function attributedLine(a: AttributedCause, loc: Locations): string {
  const p = causeParts(a.cause);
  const files = a.files.length > 0 ? ` in ${a.files.map((f) => loc.changed(f)).join(', ')}` : '';
  return `${p.what}${files}${p.effect ? `: ${p.effect}` : ''}`;
}

function fold(summary: string, lines: readonly string[], entries = lines.length): string[] {
  if (entries <= FOLD_AFTER) return [...lines];
  return [`<details><summary>${summary}</summary>`, '', ...lines, '', '</details>'];
}

/**
 * Items of one kind of peer, partitioned by their "why": items that share it get it once, above
 * their (folded) list; an item with a why of its own gets it under its sentence.
 */
function itemBlock(items: readonly ChangeItem[], summary: string, o: CheckOutcome, loc: Locations): string[] {
  const parts = new Map<string, { why: string[]; items: ChangeItem[] }>();
  for (const it of items) {
    const why = whyLines(it, o, loc);
    const key = why.join('\n');
    const p = parts.get(key);
    if (p) p.items.push(it);
    else parts.set(key, { why, items: [it] });
  }
  if (parts.size === items.length) return fold(summary, items.flatMap((it) => itemLines(it, o, loc)), items.length);
  const out: string[] = [];
  for (const p of parts.values()) {
    if (out.length > 0) out.push('');
    if (p.items.length === 1) out.push(...itemLines(p.items[0] as ChangeItem, o, loc));
    else out.push(`Why, for each of these ${p.items.length}:`, ...p.why.map((l) => `- ${l}`), '', ...fold(`${p.items.length} pairs`, p.items.map((it) => `- ${sentence(it)}`)));
  }
  return out;
}

function groupLines(g: ChangeGroup, n: number, o: CheckOutcome, loc: Locations): string[] {
  const out: string[] = [];
  const cause = g.causes.length === 0 ? 'no change the PR made to these objects was found (a rendering setting?)' : g.causes.map((c) => attributedLine(c, loc)).join('; ');
  out.push(`**${n}. ${g.causes.length === 1 ? 'Cause' : 'Causes'}:** ${cause}`, '');
  const inCluster = g.items.filter((it) => !it.outside);
  const outside = g.items.filter((it) => it.outside);
  if (inCluster.length > 0) out.push(...itemBlock(inCluster, `${inCluster.length} in-cluster pairs`, o, loc));
  if (outside.length > 0) {
    if (inCluster.length > 0) out.push('');
    out.push('Outside the cluster:', '', ...itemBlock(outside, `${outside.length} pairs with outside peers`, o, loc));
  }
  return out;
}

/** Trace evidence shown on one line of the broken links: the first few, then how many more. */
const OBSERVED_SHOWN = 3;

/** ` from values.yaml:7 (api.cacheUrl)`: the values-file line a rendered value came from, where exact. */
function valuesText(values: SourceRef | undefined, loc: Locations): string {
  if (!values) return '';
  return ` from ${loc.at(values)}${values.path && values.path.length > 0 ? ` (${code(values.path.join('.'))})` : ''}`;
}

function unmetLine(u: BrokenLink, loc: Locations): string {
  // the declared source first (manifest line, intent file), then the trace lines that show the link in use
  const ev = u.link.evidence.find((e) => e.kind !== 'trace');
  const where = ev ? (ev.kind === 'address' ? ` (${loc.at(ev.at)}${valuesText(ev.traced, loc)}: ${code(ev.value)})` : ev.kind === 'exposure' ? ` (${code(ev.object)} at ${loc.at(ev.at)})` : ` (${code(evidenceText(ev))})`) : '';
  const traces = u.link.evidence.filter((e) => e.kind === 'trace');
  const more = traces.length > OBSERVED_SHOWN ? `, … ${traces.length - OBSERVED_SHOWN} more` : '';
  const seen = traces.length > 0 ? ` (observed: ${traces.slice(0, OBSERVED_SHOWN).map((e) => code(evidenceText(e))).join(', ')}${more})` : '';
  const allowed = u.allowed.isEmpty ? 'head allows none of it' : `head allows only ${conns(u.allowed)}`;
  const moved = u.baseNeeded ? ` (the PR moved the need: base needed ${conns(u.baseNeeded)})` : '';
  const dns = u.dns === 'named' ? ' (DNS: names the cluster DNS Service)' : u.dns === 'egress' ? ' (DNS: every workload with egress resolves names)' : '';
  return `- ${code(linkPeerText(u.link.src))} needs ${code(linkPeerText(u.link.dst))} on ${conns(u.link.conns)}${dns}${where}${seen}: ${allowed}${moved}`;
}

/** One line of a traffic list: the pair, the connections one side lacks, and the trace lines that show it (observed side). */
function linkGapLine(g: LinkGap): string {
  const traces = g.evidence.filter((e) => e.kind === 'trace').map((e) => code(evidenceText(e)));
  return `- ${code(peerKey(g.src))} → ${code(peerKey(g.dst))} on ${conns(g.conns)}${traces.length > 0 ? ` (${traces.join(', ')})` : ''}`;
}

/** Head's declared links against the observed traffic: two lists, each folded when long. */
function trafficLines(t: NonNullable<CheckOutcome['traffic']>): string[] {
  const list = (title: string, gaps: readonly LinkGap[]) => [`#### ${title} (${gaps.length})`, '', ...(gaps.length ? fold(`${gaps.length} links`, gaps.map(linkGapLine)) : ['None.'])];
  return [...list('Observed, not declared', t.observedNotDeclared), '', ...list('Declared, never observed', t.declaredNotObserved)];
}

/**
 * The policy files that would close the drift, as one unified diff the author can apply, folded.
 * The fence is longer than any run of backticks in the files, so nothing in them can close it.
 */
function fixLines(files: readonly { readonly path: string; readonly before: string; readonly after: string }[]): string[] {
  if (files.length === 0) return [];
  const patch = files
    .map((f) => createTwoFilesPatch(f.before === '' ? '/dev/null' : f.path, f.after === '' ? '/dev/null' : f.path, f.before, f.after, '', '', { context: 3 }))
    .join('');
  const longest = Math.max(2, ...[...patch.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return ['', `<details><summary>Policies that would close the drift (unified diff, ${files.length} file${files.length === 1 ? '' : 's'}; <code>verify --fix</code> writes them)</summary>`, '', `${fence}diff`, ...patch.trimEnd().split('\n'), fence, '', '</details>'];
}

/** One finding: where, code, kind, then the finding's own sentence (it names the policy and rule). */
function lintLine(f: LintFinding, loc: Locations): string {
  const covered = f.coveredBy.length > 0 ? ` (covered by ${f.coveredBy.map(code).join(', ')})` : '';
  return `- ${loc.at(f.at)} ${code(f.code)} ${f.kind}: ${escapeMarkdown(f.message)}${covered}`;
}

/** Where an input error is: a file the report knows links like any location; another (a file that could not be read) is its shown path. */
function inputAt(at: SourceRef | undefined, loc: Locations, o: CheckOutcome): string {
  if (!at) return code('(no file)');
  if (o.files.has(at.file)) return loc.at(at);
  return code(at.line ? `${at.file}:${at.line}` : at.file);
}

function widenedLine(w: WidenedExposure): string {
  const what = w.before.isEmpty ? `on ${conns(w.after)}` : `now also on ${conns(w.gained)} (now ${conns(w.after)})`;
  return `- ${code(w.workload)} is now reachable from ${code(w.peerText)} ${what}`;
}

function filesSection(o: CheckOutcome, loc: Locations): string[] {
  const byFile = new Map<string, { file: ChangedFile; causes: Set<string> }>();
  for (const g of o.groups)
    for (const a of g.causes)
      for (const f of a.files) {
        const cur = byFile.get(f.path) ?? { file: f, causes: new Set<string>() };
        cur.causes.add(causeText(a.cause));
        byFile.set(f.path, cur);
      }
  return [...byFile.keys()].sort().map((k) => {
    const { file, causes } = byFile.get(k) as { file: ChangedFile; causes: Set<string> };
    return `- ${loc.changed(file)}: ${[...causes].sort().join('; ')}`;
  });
}

/**
 * The PR comment: a hidden marker, a verdict line, then the sections a reviewer needs in the
 * order issue 13 gives (outside reachability, baseline, drift, the diff grouped by cause, broken
 * links, gaps, graph, files), cut at section boundaries to the byte budget.
 */
export function renderCheckMd(o: CheckOutcome, options: CheckMdOptions = {}): string {
  const loc = new Locations(o, options.blobBase);
  const s = checkSummary(o);
  const sha = o.commits?.head;
  const head = [
    `### netpol-ci check: ${s.verdict}`,
    '',
    `${code(o.refs.base)} → ${code(o.refs.head)}${sha ? ` · computed for head ${code(sha)}` : ''}`,
    '',
    `**${s.changes} connectivity change${s.changes === 1 ? '' : 's'}** (${s.added} added · ${s.removed} removed · ${s.changed} changed) · **${s.outside} newly reachable from outside** · **${s.broken} needed link${s.broken === 1 ? '' : 's'} broken** · **${s.gaps} gap${s.gaps === 1 ? '' : 's'}**${o.baseline ? ` · **${o.baseline.violations.length} baseline violation${o.baseline.violations.length === 1 ? '' : 's'}**` : ''}${o.drift ? ` · **${o.drift.findings.length} drift finding${o.drift.findings.length === 1 ? '' : 's'}**` : ''}${o.lint ? ` · **${o.lint.findings.length} new lint finding${o.lint.findings.length === 1 ? '' : 's'}**` : ''}${o.traffic ? ` · **${o.traffic.observedNotDeclared.length} observed, not declared**` : ''}`,
  ];
  const sections: Section[] = [];
  // the answer above holds only what could be read: a reviewer must see what could not (the job's
  // annotations are not in the comment), else a file that fails to parse passes as "no change"
  const inputErrors = headInputErrors(o);
  if (inputErrors.length > 0) {
    const lines = inputErrors.map((d) => `- ${inputAt(d.at, loc, o)} ${code(d.code)}: ${code(d.message)}`);
    sections.push({ title: 'Input errors', lines: ['#### Input errors (not analysed, or not in full)', '', ...fold(`${inputErrors.length} input errors`, lines)] });
  }
  const widened = o.exposure?.widened ?? [];
  if (o.outside.length > 0 || widened.length > 0) {
    const lines = ['#### Newly reachable from outside the cluster', '', ...o.outside.flatMap((it) => itemLines(it, o, loc))];
    // exposure: peers the manifests do not hold (any namespace, pods a selector could match elsewhere, addresses)
    if (widened.length > 0) lines.push(...(o.outside.length > 0 ? [''] : []), 'Exposure widened (peers outside the manifests):', '', ...fold(`${widened.length} workloads and peers`, widened.map(widenedLine)));
    sections.push({ title: 'Reachable from outside the cluster', lines });
  }
  if (o.baseline) {
    const v = o.baseline.violations;
    const lines = v.map((x) => `- rule ${code(x.rule)} (${escapeMarkdown(x.action)}): ${code(x.src)} → ${code(x.dst)} on ${code(x.conns)}${x.at ? ` at ${loc.at(x.at)}` : ''}${x.engines?.length ? ` _(${x.engines.map(escapeMarkdown).join(', ')})_` : ''}`);
    sections.push({ title: 'Baseline violations', lines: ['#### Baseline violations', '', ...(v.length ? fold(`${v.length} violations`, lines) : ['None.'])] });
  }
  if (o.drift) {
    const f = o.drift.findings;
    const lines = f.map((x) => `- ${escapeMarkdown(x.kind)} ${code(x.subject)}: ${escapeMarkdown(x.message)}${x.at ? ` at ${loc.at(x.at)}` : ''}`);
    const basis = o.drift.basis ? [driftBasisMd(o.drift.basis), ''] : [];
    sections.push({ title: 'Drift', lines: ['#### Drift', '', ...basis, ...(f.length ? fold(`${f.length} findings`, lines) : ['None.']), ...fixLines(o.drift.fix ?? [])] });
  }
  if (o.lint) {
    const f = o.lint.findings;
    const already = o.lint.existing > 0 ? ['', `_${o.lint.existing} finding${o.lint.existing === 1 ? '' : 's'} already on base not shown._`] : [];
    sections.push({ title: 'Policy sanity (lint)', lines: ['#### Policy sanity (lint): new in this PR', '', ...(f.length ? fold(`${f.length} findings`, f.map((x) => lintLine(x, loc))) : ['None.']), ...already] });
  }
  if (o.diff.moved.length > 0) {
    // a moved or renamed workload's pairs are removed and added under the two names below; this reads them as one move
    const lines = o.diff.moved.flatMap((m) => moveLines(m, linkPeerText));
    sections.push({ title: 'Moved or renamed workloads', lines: ['#### Moved or renamed workloads', '', ...fold(`${o.diff.moved.length} workloads`, lines, o.diff.moved.length)] });
  }
  if (o.groups.length > 0) {
    sections.push({ title: 'Connectivity changes', lines: ['#### Connectivity changes, by cause', '', ...o.groups.flatMap((g, i) => [...(i > 0 ? [''] : []), ...groupLines(g, i + 1, o, loc)])] });
  }
  if (o.broken.length > 0 || o.alreadyUnmet.length > 0 || o.unjudged.length > 0) {
    const lines = ['#### Needed links this PR breaks', ''];
    lines.push(...(o.broken.length ? fold(`${o.broken.length} links`, o.broken.map((u) => unmetLine(u, loc))) : ['None.']));
    if (o.unjudged.length > 0) {
      const n = o.unjudged.length;
      lines.push('', `${n} needed link${n === 1 ? '' : 's'} through a Gateway proxy ${n === 1 ? 'was' : 'were'} not checked (the policy engine does not model gateways): ${o.unjudged.slice(0, 5).map((l) => `${code(peerKey(l.src))} → ${code(peerKey(l.dst))}`).join(', ')}${n > 5 ? ', …' : ''}`);
    }
    if (o.alreadyUnmet.length > 0) lines.push('', `<details><summary>${o.alreadyUnmet.length} needed links already not allowed before this PR</summary>`, '', ...o.alreadyUnmet.map((u) => unmetLine(u, loc)), '', '</details>');
    sections.push({ title: 'Broken links', lines });
  }
  if (o.gaps.length > 0) {
    const lines = o.gaps.map((g) => `- ${code(g.workload)}: ${code(g.value)} at ${loc.at(g.at)}${valuesText(g.values, loc)}: ${escapeMarkdown(g.detail)}${g.introduced ? ' _(new in this PR)_' : ''}`);
    sections.push({ title: 'Gaps', lines: ['#### Gaps (what the manifests cannot tell)', '', ...fold(`${o.gaps.length} gaps`, lines)] });
  }
  if (o.traffic) sections.push({ title: 'Observed traffic', lines: trafficLines(o.traffic) });
  if (o.diff.entries.length > 0) {
    const graph = changedEdgesMermaid(o);
    sections.push({ title: 'Graph', lines: ['<details><summary>Graph of the changed edges</summary>', '', '```mermaid', ...graph.split('\n'), '```', '', '</details>'] });
  }
  const files = filesSection(o, loc);
  if (files.length > 0) sections.push({ title: 'Files that changed the answer', lines: ['#### Files that changed the answer', '', ...fold(`${files.length} files`, files)] });

  const budget = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const key = options.key ?? 'netpol-ci';
  // the marker's length does not depend on `truncated` beyond one character: reserve for the longer form
  const first = fitSections(head, sections, budget - Buffer.byteLength(`${buildMarker({ key, ...(sha ? { sha } : {}), truncated: false })}\n`) - 1, budget);
  return `${buildMarker({ key, ...(sha ? { sha } : {}), truncated: first.truncated })}\n${first.text}`;
}
