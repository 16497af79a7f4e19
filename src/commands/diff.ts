// `tvly-guard diff <range>` and `diff --stdin-refs`: the lines each commit of a range adds.
import { UsageError } from "../errors.js";
import { FETCH_ALL_HINT } from "../git/repository.js";
import { type Io, readStdinText } from "../io.js";
import { collectFindings } from "../scan/collect.js";
import { finishScan } from "../scan/finish.js";
import { emptySummary } from "../sources/chunk.js";
import { parsePushLines, passesFromPush, passesFromRange, readRangeChunks } from "../sources/range.js";
import { chunkSource } from "../sources/source.js";
import { booleanOption, type CommandSpec, stringOption } from "./args.js";
import { prepareScan, SCAN_OPTIONS } from "./setup.js";

export const command: CommandSpec = {
  name: "diff",
  summary:
    "Scan the lines added by each commit of a revision range (A..B, A...B, C^!) and each commit's message, or, with --stdin-refs, the commits (and annotated tags) a pre-push hook is about to push. Merges are scanned for what the merge itself introduced (conflict resolutions). Findings name their commit, author and date.",
  usage: "tvly-guard diff [options] <range>... | tvly-guard diff --stdin-refs [--remote NAME]",
  allowPositionals: true,
  options: [
    ...SCAN_OPTIONS,
    {
      name: "stdin-refs",
      type: "boolean",
      description: "read git's pre-push lines from stdin and scan only the commits not on the remote yet",
    },
    {
      name: "remote",
      type: "string",
      value: "NAME",
      description: "with --stdin-refs: the remote pushed to (a pre-push hook's $1); default: any remote",
    },
  ],
  details: [
    "Examples:",
    "  tvly-guard diff origin/main..HEAD          # what a branch adds (CI on a pull request)",
    "  tvly-guard diff v1.2.0...feature           # symmetric difference",
    "  tvly-guard diff 4f2a9c1^!                  # one commit",
    '  tvly-guard diff --stdin-refs --remote "$1" # in .git/hooks/pre-push (git passes the remote name as $1)',
    "",
    "A key added and removed again inside the range is still reported: it is in the history you push.",
    "A range that reaches past a shallow clone's boundary, or whose base was never fetched, is exit 2:",
    `${FETCH_ALL_HINT}.`,
  ].join("\n"),
  async run(args, io: Io) {
    const setup = await prepareScan(args, io);
    const stdinRefs = booleanOption(args, "stdin-refs");
    const remote = stringOption(args, "remote");
    if (stdinRefs && args.positionals.length > 0)
      throw new UsageError("diff: give either a range or --stdin-refs, not both");
    if (!stdinRefs && remote !== undefined) throw new UsageError("diff: --remote goes with --stdin-refs");
    if (stdinRefs && (io.stdin as { isTTY?: boolean }).isTTY)
      throw new UsageError(
        "diff --stdin-refs reads git's pre-push lines from stdin; run it from a pre-push hook or pipe them in",
      );
    const ctx = { cwd: io.cwd, env: io.env };
    const pushed = stdinRefs ? parsePushLines(await readStdinText(io)) : undefined;
    const passes = pushed ? await passesFromPush(ctx, pushed, remote) : passesFromRange(args.positionals);
    const summary = emptySummary();
    const collected = await collectFindings(
      chunkSource((counted) => readRangeChunks(ctx, passes, counted, pushed?.tags)),
      setup,
      summary,
    );
    if (!stdinRefs && summary.commits === 0)
      summary.warnings.push(`the range ${args.positionals.join(" ")} holds no commits: nothing was scanned`);
    return finishScan(setup, "diff", collected, summary);
  },
};
