// Preloaded by the bench with `node --require`: at exit, write this process's
// peak RSS (KiB) to $TVLY_BENCH_RSS_FILE, so the table shows tvly-guard's own
// memory. CommonJS on purpose: `--import` of an ES module starts Node's ESM
// loader, which then loads the CommonJS bundle itself (and lexes all of it for
// its exports), and that cost would be counted as tvly-guard's.
const { writeFileSync } = require("node:fs");

const file = process.env.TVLY_BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
