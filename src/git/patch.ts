// Patches: what the index would commit (`staged`) and what each commit of a
// range adds (`diff`), as the -U0 unified diffs sources/unified-diff.ts parses.
//
//   diff --git a/src/app.js b/src/app.js
//   index 4f2a9c1...0b1e2d3 100644
//   --- a/src/app.js
//   +++ b/src/app.js
//   @@ -3,0 +4,2 @@
//   +const key = process.env.TAVILY_API_KEY;
import { GitError } from "../errors.js";
import { type GitContext, type GitOutput, isSpawnFailure, runGit, startGitOutput, streamGit } from "./exec.js";
import { readRepositoryFacts } from "./repository.js";

/**
 * Patch flags shared by `staged` and `diff`: zero context, no colour, no
 * external diff or textconv (we want the bytes git stores), full object ids,
 * submodules as one "Subproject commit" line, paths from the repository root.
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt---unifiedltngt
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt---no-ext-diff
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt---no-relative
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt---submoduleltformatgt
 */
const PATCH_FLAGS = [
  "-p",
  "-U0",
  "--inter-hunk-context=0",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--no-relative",
  "--full-index",
  "--submodule=short",
  "--src-prefix=a/",
  "--dst-prefix=b/",
];

/**
 * The patch of the index against HEAD (against the empty tree before the first
 * commit: `diff --cached` without a commit does that itself), in the index git
 * names in GIT_INDEX_FILE, started now and read as git writes it. Renames are
 * detected, so a pure rename adds no lines; deletions are left out
 * (`--diff-filter=d`): they add nothing, and their content may be absent from
 * a partial clone.
 * `pathspecs` narrows the diff (with `--no-renames`): the partial-clone fallback uses it.
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt-emgitdiffemltoptionsgt--cached--merge-baseltcommitgt--ltpathgt82308203
 */
export function streamStagedPatch(ctx: GitContext, pathspecs?: string[]): GitOutput {
  const git = startGitOutput(ctx, stagedPatchArgs(pathspecs));
  async function* read(): AsyncGenerator<Buffer> {
    let bytes = 0;
    try {
      for await (const piece of git.pieces) {
        bytes += piece.length;
        yield piece;
      }
    } catch (err) {
      if (isSpawnFailure(err)) throw err;
      // Outside a repository `git diff` turns into `diff --no-index` and fails on --cached: say where we are instead.
      await readRepositoryFacts(ctx).catch((outside: unknown) => {
        throw new GitError("not a git repository (or any parent up to the root): run tvly-guard staged inside one", {
          cause: outside,
        });
      });
      throw err;
    }
    // A bare repository has no index, so its diff is empty: ask git only then,
    // which keeps the usual pre-commit run to one git process.
    if (bytes === 0 && (await readRepositoryFacts(ctx)).bare) {
      throw new GitError(
        "a bare repository has no index to scan: run tvly-guard staged in a work tree (tvly-guard diff scans commits)",
      );
    }
  }
  return { pieces: read(), cancel: git.cancel };
}

/** streamStagedPatch's git arguments; the bin entry starts the usual call (no pathspecs) before the CLI loads. */
export function stagedPatchArgs(pathspecs?: string[]): string[] {
  const renames = pathspecs ? ["--no-renames"] : ["-M"];
  return ["diff", "--cached", ...PATCH_FLAGS, ...renames, "--diff-filter=d", "--", ...(pathspecs ?? [])];
}

/** The patch of the index against one commit (a merge head), same flags as streamStagedPatch. */
export function readStagedPatchAgainst(ctx: GitContext, commit: string): Promise<Buffer> {
  return runGit(ctx, ["diff", "--cached", ...PATCH_FLAGS, "-M", "--diff-filter=d", commit, "--"]);
}

/** One `git diff --raw` entry. */
export interface RawEntry {
  oldMode: string;
  newMode: string;
  oldOid: string;
  newOid: string;
  status: string;
  path: string;
}

/**
 * What the index changes against HEAD, from object ids alone (no blob is read),
 * NUL-separated; deletions only with `deletions`. Unmerged paths have status U.
 * https://git-scm.com/docs/git-diff#_raw_output_format
 *
 *   :100644 100644 <old oid> <new oid> M\0path\0
 */
export async function listStagedEntries(ctx: GitContext, deletions?: "deletions"): Promise<RawEntry[]> {
  const out = (
    await runGit(ctx, [
      "diff",
      "--cached",
      "--raw",
      "-z",
      "--no-renames",
      "--no-abbrev",
      "--no-relative",
      "--no-ext-diff",
      ...(deletions ? [] : ["--diff-filter=d"]),
      "--",
    ])
  ).toString("utf8");
  const fields = out.split("\0");
  const entries: RawEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [oldMode = "", newMode = "", oldOid = "", newOid = "", status = ""] = fields[i]!.slice(1).split(" ");
    entries.push({ oldMode, newMode, oldOid, newOid, status, path: fields[i + 1]! });
  }
  return entries;
}

/** Starts the line `readRangePatches` puts before each commit's patch. */
export const COMMIT_MARKER = "\x01tvly-guard-commit\x00";

/**
 * The patches of every commit `revs` selects, streamed: a line
 * `COMMIT_MARKER<sha>\0<author> <<email>>\0<ISO date>` per commit, then its
 * patch. Merges get a dense combined diff (`--cc`): only the hunks where the
 * merge result differs from every parent, i.e. what the merge itself
 * introduced (a conflict resolution). Root commits are diffed against the
 * empty tree (`--root`); deletions omit their preimage (`-D`).
 * `revs` must already be checked: none may start with "-" unless it is one of
 * our own pseudo-options (`--not`, `--remotes[=...]`).
 * https://git-scm.com/docs/git-log#Documentation/git-log.txt---cc
 * https://git-scm.com/docs/git-log#Documentation/git-log.txt---irreversible-delete
 * https://git-scm.com/docs/git-log#_pretty_formats
 */
export function readRangePatches(ctx: GitContext, revs: string[]): AsyncGenerator<Buffer> {
  const format = `--format=${COMMIT_MARKER.replace("\x01", "%x01").replace("\x00", "%x00")}%H%x00%an <%ae>%x00%aI`;
  return streamGit(ctx, [
    "log",
    format,
    ...PATCH_FLAGS,
    "--cc",
    "-M",
    "-D",
    "--root",
    "--no-show-signature",
    ...revs,
    "--",
  ]);
}
