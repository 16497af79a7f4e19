// The pre-commit floor: node starts, makes `tvly-guard staged`'s one git call
// (its arguments and environment, taken from src/) and reads the patch to the
// end, and does nothing else. bench/run.mjs bundles it the way the CLI is
// bundled, so the two differ only in what tvly-guard does besides.
import { spawn } from "node:child_process";
import { stagedPatchArgs } from "../src/git/patch.js";
import { gitEnv, PINNED_CONFIG } from "../src/git/spawn.js";

const git = spawn("git", [...PINNED_CONFIG, ...stagedPatchArgs()], {
  env: gitEnv(process.env),
  stdio: ["ignore", "pipe", "pipe"],
});
git.stdout.resume();
git.stderr.resume();
git.on("close", (code) => {
  process.exitCode = code;
});
