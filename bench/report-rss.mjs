// Loaded by the bench with `node --import`: at exit, write this process's peak
// RSS (KiB) to $TVLY_BENCH_RSS_FILE, so the table shows tvly-guard's own memory.
import { writeFileSync } from "node:fs";

const file = process.env.TVLY_BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
