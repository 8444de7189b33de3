import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way (README "How it is built"): model, diagnostics <- manifests <- connectivity, topology <- synthesis,
// baseline, drift <- pipeline (the only caller of io) <- report <- cli, action.
const layer = (files, forbidden, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // model and diagnostics are the floor: they import nothing of ours above them
  layer(['src/model/**'], ['**/diagnostics/**', '**/manifests/**', '**/connectivity/**', '**/topology/**', '**/synthesis/**', '**/baseline/**', '**/drift/**', '**/pipeline/**', '**/io/**', '**/report/**', '**/cli/**', '**/action/**', 'node:fs', 'node:child_process'], 'model/ is the bottom layer: pure data types and algebra'),
  layer(['src/diagnostics/**'], ['**/manifests/**', '**/connectivity/**', '**/topology/**', '**/synthesis/**', '**/baseline/**', '**/drift/**', '**/pipeline/**', '**/io/**', '**/report/**', '**/cli/**', '**/action/**', 'node:fs', 'node:child_process'], 'diagnostics/ sits on the floor beside model/'),
  layer(['src/manifests/**'], ['**/connectivity/**', '**/topology/**', '**/synthesis/**', '**/baseline/**', '**/drift/**', '**/pipeline/**', '**/io/**', '**/report/**', '**/cli/**', '**/action/**', 'node:fs', 'node:child_process'], 'manifests/ reads text into typed objects and does no I/O'),
  layer(['src/connectivity/**', 'src/topology/**'], ['**/synthesis/**', '**/baseline/**', '**/drift/**', '**/pipeline/**', '**/io/**', '**/report/**', '**/cli/**', '**/action/**', 'node:fs', 'node:child_process'], 'connectivity/ and topology/ are pure stages over the model'),
  layer(['src/synthesis/**', 'src/baseline/**', 'src/drift/**'], ['**/pipeline/**', '**/io/**', '**/report/**', '**/cli/**', '**/action/**', 'node:fs', 'node:child_process'], 'stages are pure: no I/O, never the shells or renderers'),
  layer(['src/io/**'], ['**/connectivity/**', '**/topology/**', '**/synthesis/**', '**/baseline/**', '**/drift/**', '**/pipeline/**', '**/report/**', '**/cli/**', '**/action/**'], 'io/ does the I/O and knows no stage'),
  layer(['src/pipeline/**'], ['**/report/**', '**/cli/**', '**/action/**'], 'pipeline/ holds the use-cases; it never renders or parses flags'),
  layer(['src/report/**'], ['**/io/**', '**/cli/**', '**/action/**', 'node:fs', 'node:child_process'], 'report/ renders data and computes nothing'),
  // the shells reach I/O only through the Io object the entry hands them (src/cli.ts and src/cli-main.ts, src/action/entries/*)
  { ...layer(['src/cli/**', 'src/action/**'], ['**/io/node-io*', '**/io/files*', '**/io/render*', '**/io/git*', 'node:fs', 'node:child_process'], 'cli/ and action/ are thin shells over pipeline/'), ignores: ['src/action/entries/**'] },
);
