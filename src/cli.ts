// The CLI bundle's entry, run by src/start.ts: call run() with the real process's Io and set the exit code.
// (No top-level await: the shipped bundle is CommonJS, see scripts/bundle.mjs.)
import { outputFailed, processIo } from "./io.js";
import { run } from "./run.js";

void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = outputFailed() ? 2 : code; // a report that could not be written is never a pass
});
