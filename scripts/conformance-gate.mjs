// Runs the external conformance corpora and fails on a regression: every case listed in
// conformance/passing.txt must still pass. Cases that pass but are not listed are reported so the
// list can grow; the list never shrinks to get green.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const harness = process.env.CONFORMANCE_HARNESS || path.join(root, '..', 'shared', 'conformance', 'run.mjs');
const listFile = path.join(root, 'conformance', 'passing.txt');
const update = process.argv.includes('--update');

if (!existsSync(harness)) {
  console.error(`conformance harness not found at ${harness} (set CONFORMANCE_HARNESS)`);
  process.exit(2);
}
const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'npc-conf-')), 'report.json');
let output;
try {
  output = execFileSync('node', [harness, '--cli', `node ${path.join(root, 'dist', 'cli.js')}`, '--suite', 'all', '--jobs', '2', '--json', report], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
} catch (e) {
  output = e.stdout ?? '';
}
const passed = new Set(
  output
    .split('\n')
    .filter((l) => l.startsWith('PASS '))
    .map((l) => l.split(' ')[1]),
);
const summary = output.split('\n').filter((l) => /^\d+ passed, \d+ failed/.test(l)).pop();
const expected = existsSync(listFile)
  ? readFileSync(listFile, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
  : [];
const regressions = expected.filter((c) => !passed.has(c));
const fresh = [...passed].filter((c) => !expected.includes(c)).sort();
console.log(`conformance: ${summary ?? 'no summary'}`);
if (update && regressions.length === 0) {
  const all = [...new Set([...expected, ...passed])].sort();
  writeFileSync(listFile, `# Conformance cases that pass and must keep passing (scripts/conformance-gate.mjs).\n${all.join('\n')}\n`);
  console.log(`conformance/passing.txt: ${all.length} cases`);
}
if (fresh.length > 0 && !update) console.log(`newly passing (add with npm run conformance -- --update):\n  ${fresh.join('\n  ')}`);
if (regressions.length > 0) {
  console.error(`REGRESSION: ${regressions.length} listed case(s) no longer pass:\n  ${regressions.join('\n  ')}`);
  for (const l of output.split('\n').filter((l) => regressions.some((r) => l.includes(r)))) console.error(l);
  process.exit(1);
}
console.log(`${expected.length} listed cases still pass`);
