// Preloaded with `node --require` into a process the bench runs whole (the CLI): on exit it writes
// the process's peak RSS (KiB) and CPU time (user + system, ms) as JSON to the file named by
// BENCH_RSS_FILE. CommonJS, so that measuring does not set up Node's ES module loader in a CLI
// that starts without it (dist/cli.js is CommonJS: README, Performance).
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, on purpose (above)
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
