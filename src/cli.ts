#!/usr/bin/env node
// The bin entry: call run() with the real process's Io and set the exit code.
import { processIo } from "./io.js";
import { run } from "./run.js";

process.exitCode = await run(process.argv.slice(2), processIo());
