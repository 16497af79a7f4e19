#!/usr/bin/env node
// Entry point of the GitHub Action (action.yml): build the Io from `process` and run it.
import { runAction } from "./run-action.js";

process.exitCode = await runAction({
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
});
