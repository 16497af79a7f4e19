#!/usr/bin/env node
// The bin entry: call run() with the real process's Io and set the exit code.
import { outputFailed, processIo } from "./io.js";
import { run } from "./run.js";

const code = await run(process.argv.slice(2), processIo());
process.exitCode = outputFailed() ? 2 : code; // a report that could not be written is never a pass
