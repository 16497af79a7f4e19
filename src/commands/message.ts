// `tvly-guard message FILE`: the commit message git is about to record (a commit-msg hook's $1).
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { readMessageConfig } from "../git/message-config.js";
import { runScan } from "../scan/finish.js";
import { emptySummary } from "../sources/chunk.js";
import { cleanupFor, readCommitMessageChunk } from "../sources/commit-message.js";
import { chunkSource } from "../sources/source.js";
import type { CommandSpec } from "./args.js";
import { prepareScan, SCAN_OPTIONS } from "./setup.js";

export const command: CommandSpec = {
  name: "message",
  summary:
    "Scan a commit message file (what a commit-msg hook gets as $1) for Tavily API keys, ignoring the lines git strips before committing: comment lines when the editor was used, and `git commit -v`'s diff below the scissors line.",
  usage: "tvly-guard message [options] FILE",
  allowPositionals: true,
  options: [...SCAN_OPTIONS],
  details: [
    "Examples:",
    '  tvly-guard message "$1"                 # in .git/hooks/commit-msg or .husky/commit-msg',
    "  tvly-guard message .git/COMMIT_EDITMSG",
    "",
    "Comment lines (core.commentChar, default #) are ignored only when git will strip them: with",
    "`git commit -m`, `-F` or `-C` (no editor) git keeps them, so they are scanned too.",
  ].join("\n"),
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (file === undefined || extra.length > 0)
      throw new UsageError("message: give the one commit message file to scan (see tvly-guard message --help)");
    const setup = await prepareScan(args, io, { paths: "cwd" });
    const cleanup = cleanupFor(await readMessageConfig({ cwd: io.cwd, env: io.env }), io.env);
    const source = chunkSource(async function* (summary) {
      yield readCommitMessageChunk(resolve(io.cwd, file), cleanup, summary);
    });
    return runScan(setup, "message", source, emptySummary());
  },
};
