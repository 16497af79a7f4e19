#!/usr/bin/env node
// Entry point of the GitHub Action (action.yml): build the Io from `process` and run it.
import { outputFailed, processIo } from "../io.js";
import { runAction } from "./run-action.js";

// (No top-level await: the shipped bundle is CommonJS, see scripts/bundle.mjs.)
void runAction(processIo()).then((code) => {
  process.exitCode = outputFailed() ? 2 : code;
});
