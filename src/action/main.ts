#!/usr/bin/env node
// Entry point of the GitHub Action (action.yml): build the Io from `process` and run it.
import { outputFailed, processIo } from "../io.js";
import { runAction } from "./run-action.js";

const code = await runAction(processIo());
process.exitCode = outputFailed() ? 2 : code;
