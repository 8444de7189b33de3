import { ExitCode } from '../diagnostics/errors.js';
import { runDiff } from '../pipeline/diff.js';
import { renderDiffMd } from '../report/diff.js';
import { refsOf } from './event.js';
import { diffSpec } from './inputs.js';
import { annotateDiagnostics, COMMENT_MAX_BYTES, publishReport } from './publish.js';

/** Room left in a comment for the marker line and the separator before the input errors. */
const COMMENT_MARKER_ROOM = 1024;
import { defineAction } from './run-action.js';
import { readSettingsFromInputs } from './settings.js';
import { withInputErrors } from '../report/input-errors.js';

/** A diagnostic's file as shown for a ref (`REF:path`), as a repository path when it is the head's. */
export const fileAtRef = (ref: string) => (shown: string) => (shown.startsWith(`${ref}:`) ? shown.slice(ref.length + 1) : undefined);

export const diffAction = defineAction(diffSpec, async (inputs, rt) => {
  const { base, head } = refsOf(rt.event, rt.env, inputs.base, inputs.head);
  const settings = readSettingsFromInputs(rt, inputs);
  const r = await rt.log.group(`diff ${base}..${head}`, () =>
    runDiff(rt.io, { kind: 'repo', repo: inputs['working-directory'], base, head, paths: inputs.paths }, settings, { explain: true }),
  );
  // findings in the head's files are annotated there; the base's are in the log
  annotateDiagnostics(rt, r.after.diagnostics, fileAtRef(head));
  annotateDiagnostics(rt, r.before.diagnostics, () => undefined);
  const count = (k: string) => r.diff.entries.filter((e) => e.kind === k).length;
  const hasDiff = r.diff.entries.length > 0;
  rt.setOutput('has-diff', hasDiff);
  rt.setOutput('added', count('added'));
  rt.setOutput('removed', count('removed'));
  rt.setOutput('changed', count('changed'));
  // head and base errors: either side read in part makes the diff partial
  const report = { diff: r.diff, refs: r.refs, ...(r.explanations ? { explanations: r.explanations } : {}) };
  const errorsOf = (md: string) => withInputErrors(md, r.diagnostics, (f) => fileAtRef(head)(f) ?? f);
  const markdown = errorsOf(renderDiffMd(report));
  // the comment: the same report shortened to fit (explanations first, then entries per section), counts kept
  const room = COMMENT_MAX_BYTES - COMMENT_MARKER_ROOM - Buffer.byteLength(errorsOf(''), 'utf8');
  const comment = errorsOf(renderDiffMd(report, { maxBytes: room }));
  await publishReport(rt, 'diff', markdown, !hasDiff && !r.diagnostics.some((d) => d.severity === 'error'), inputs, comment);
  if (r.diagnostics.some((d) => d.severity === 'error')) return ExitCode.badInput;
  if (hasDiff && inputs['fail-on-diff']) {
    rt.log.error(`connectivity changed: ${count('added')} added, ${count('removed')} removed, ${count('changed')} changed (fail-on-diff)`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
});
