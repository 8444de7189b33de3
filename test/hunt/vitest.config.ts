import { defineConfig } from 'vitest/config';

/**
 * The hunts: large differential runs against nca 2.1.0 and the per-packet reference, kept out of
 * `npm test` (its include is test/**\/*.test.ts). Run with
 * `npx vitest run --config test/hunt/vitest.config.ts`; README "Development" lists the knobs.
 */
export default defineConfig({
  test: {
    include: ['test/hunt/**/*.hunt.ts'],
    testTimeout: 4 * 3600_000,
    pool: 'forks',
    // one hunt at a time: each already keeps a core busy (and nca another)
    fileParallelism: false,
  },
});
