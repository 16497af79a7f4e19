// `tvly-guard staged`: what the next commit would add, for pre-commit hooks.

import { hintAnchors, prefilterHints } from "../engine/detect.js";
import type { Rule } from "../engine/rule.js";
import { streamStagedPatch } from "../git/patch.js";
import { runScan } from "../scan/finish.js";
import { emptySummary } from "../sources/chunk.js";
import { chunkSource } from "../sources/source.js";
import { type NarrowOptions, readStagedChunks } from "../sources/staged.js";
import type { CommandSpec } from "./args.js";
import { prepareScan, SCAN_OPTIONS } from "./setup.js";

export const command: CommandSpec = {
  name: "staged",
  summary:
    "Scan what the next commit would add: the lines staged in the index against HEAD. It reads the index git will commit (GIT_INDEX_FILE, set by git for `commit -a` and `commit <paths>`), not the working tree, and reports only added lines, with the staged file's line numbers.",
  usage: "tvly-guard staged [options]",
  allowPositionals: false,
  options: [
    ...SCAN_OPTIONS,
    {
      name: "verbose",
      type: "boolean",
      description: "text report: every remediation step and the triage, not the short form a refused commit shows",
    },
  ],
  details: [
    "Examples:",
    "  tvly-guard staged                      # in .git/hooks/pre-commit or .husky/pre-commit",
    "  tvly-guard staged --format json",
    "",
    "A pure rename adds no lines; a copy is scanned as a new file. Binary files are read whole (up to",
    "10MiB) and searched by byte offset; submodule bumps are never findings. In a partial clone nothing",
    "is fetched.",
  ].join("\n"),
  async run(args, io) {
    const ctx = { cwd: io.cwd, env: io.env };
    // Started now, so git diffs the index while the config and rules load; read by readStagedChunks, or cancelled.
    const patch = streamStagedPatch(ctx);
    // One turn of the event loop before that synchronous work: git has usually filled the pipe by now
    // (about 200 KB) and waits; read here, it writes the rest meanwhile instead of once the patch is parsed.
    await new Promise(setImmediate);
    const setup = await prepareScan(args, io).catch((err: unknown) => {
      patch.cancel(); // never read: git must not wait on a full pipe
      throw err;
    });
    const narrow = narrowOptions(io.env.TVLY_GUARD_STAGED_NARROW, setup.rules);
    return runScan(
      setup,
      "staged",
      chunkSource((summary) => readStagedChunks(ctx, summary, patch, narrow)),
      emptySummary(),
    );
  },
};

/**
 * How a large change is narrowed: with the engine's hints, from the default
 * size. TVLY_GUARD_STAGED_NARROW is an internal switch for tests and the
 * bench: "off" reads the one patch whole, a number sets the size.
 */
function narrowOptions(value: string | undefined, rules: readonly Rule[]): NarrowOptions {
  if (value === "off") return {};
  const from = Number(value);
  return {
    hints: prefilterHints(rules),
    anchors: hintAnchors(rules),
    ...(value && Number.isInteger(from) ? { from } : {}),
  };
}
