#!/usr/bin/env node
// Entry point of the GitHub Action (action.yml): build the Io from `process` and run it.
import { processIo } from "../io.js";
import { runAction } from "./run-action.js";

process.exitCode = await runAction(processIo());
