import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way: cli/action -> stages -> connectivity / manifests primitives.
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
  layer(['src/manifests/**'], ['**/connectivity/**', '**/topology/**', '**/synthesis/**', '**/report/**', '**/cli/**', '**/action/**', 'node:fs', 'node:child_process'], 'manifests/ is the bottom layer and does no I/O'),
  layer(['src/connectivity/**'], ['**/topology/**', '**/synthesis/**', '**/report/**', '**/cli/**', '**/action/**', 'node:fs', 'node:child_process'], 'connectivity/ sits below the stages and does no I/O'),
  layer(['src/topology/**', 'src/synthesis/**', 'src/drift/**', 'src/baseline/**'], ['**/report/**', '**/cli/**', '**/action/**'], 'stages never import the shells or renderers'),
  layer(['src/report/**'], ['**/cli/**', '**/action/**', 'node:fs', 'node:child_process'], 'report/ renders and never does I/O'),
);
