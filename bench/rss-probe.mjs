// Preloaded with `node --import` into a process the bench runs whole (the CLI): on exit it writes
// the process's peak RSS (KiB) and CPU time (user + system, ms) as JSON to the file named by
// BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
