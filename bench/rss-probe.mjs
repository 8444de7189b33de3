// Preloaded with `node --import` into a process the bench runs whole (the CLI): on exit it writes
// the process's peak RSS (KiB) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
