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

/** A patch command's output, read as it comes; the staged patch also opens with its file listing. */
export interface StagedPatch extends GitOutput {
  /**
   * The listing git writes ahead of the patch: every file the patch covers,
   * from object ids alone (written before git reads a blob, though after rename
   * detection). Read once, from git's first bytes; `pieces` yields what follows it.
   */
  listing(): Promise<RawEntry[]>;
}

/**
 * The patch of the index against HEAD (against the empty tree before the first
 * commit: `diff --cached` without a commit does that itself), in the index git
 * names in GIT_INDEX_FILE, started now and read as git writes it, headed by
 * the raw listing of the same files (`--raw -z`: NUL-separated fields, then
 * an empty one; the patch itself is as without them), so a caller learns the
 * size of a change before git has diffed any of it. Renames are detected, so a
 * pure rename adds no lines; deletions are left out (`--diff-filter=d`): they
 * add nothing, and their content may be absent from a partial clone.
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt-emgitdiffemltoptionsgt--cached--merge-baseltcommitgt--ltpathgt82308203
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt---patch-with-raw
 *
 *   :100644 100644 <old oid> <new oid> M\0src/a.ts\0:000000 100644 <zeros> <new oid> A\0new.ts\0\0diff --git a/src/a.ts ...
 */
export function streamStagedPatch(ctx: GitContext): StagedPatch {
  return withListing(readStagedOutput(ctx, stagedPatchArgs()));
}

/**
 * The patch of the index against HEAD for exactly `pathspecs` (literal, from
 * the root), with `--no-renames` and no listing: for a caller that has ruled
 * renames out or pairs nothing (the narrowed rest, the partial-clone fallback).
 */
export function streamStagedPatchOf(ctx: GitContext, pathspecs: string[]): GitOutput {
  return readStagedOutput(ctx, [
    "diff",
    "--cached",
    ...PATCH_FLAGS,
    "--no-renames",
    "--diff-filter=d",
    "--",
    ...pathspecs,
  ]);
}

/** streamStagedPatch's git arguments; the bin entry starts this call before the CLI loads. */
export function stagedPatchArgs(): string[] {
  return ["diff", "--cached", ...PATCH_FLAGS, "-M", "--diff-filter=d", "--raw", "-z", "--no-abbrev", "--"];
}

/** A staged diff started now, with the errors of a run outside a repository or in a bare one told plainly. */
function readStagedOutput(ctx: GitContext, args: string[]): GitOutput {
  const git = startGitOutput(ctx, args);
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

/** `output` (a listing, then the patch) split at the empty field that ends the listing; exported for its tests. */
export function withListing(output: GitOutput): StagedPatch {
  const source = output.pieces;
  let listed: Promise<{ entries: RawEntry[]; after: Buffer }> | undefined;
  const readHead = async () => {
    const head: Buffer[] = [];
    for (;;) {
      const next = await source.next();
      if (next.done) return { entries: parseRawListing(Buffer.concat(head)), after: EMPTY }; // nothing staged
      const piece = next.value;
      // Fields are never empty, so the first NUL right after a NUL (within a piece or across two) ends the listing.
      const across = head.at(-1)?.at(-1) === 0 && piece[0] === 0;
      const end = across ? -1 : piece.indexOf("\0\0"); // the listing's last NUL; the empty field follows it
      if (!across && end === -1) {
        head.push(piece);
        continue;
      }
      head.push(piece.subarray(0, end + 1));
      return { entries: parseRawListing(Buffer.concat(head)), after: piece.subarray(end + 2) };
    }
  };
  async function* patch(): AsyncGenerator<Buffer> {
    const { after } = await (listed ??= readHead());
    if (after.length > 0) yield after;
    yield* source;
  }
  return {
    pieces: patch(),
    cancel: output.cancel,
    listing: async () => (await (listed ??= readHead())).entries,
  };
}

const EMPTY = Buffer.alloc(0);

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
  /** A letter: M, A, T, U; R or C (their score left out) with `path` the new name. */
  status: string;
  path: string;
}

/**
 * What the index changes against HEAD but deletions, from object ids alone
 * (no blob is read), NUL-separated. Unmerged paths have status U.
 * https://git-scm.com/docs/git-diff#_raw_output_format
 *
 *   :100644 100644 <old oid> <new oid> M\0path\0
 */
export async function listStagedEntries(ctx: GitContext): Promise<RawEntry[]> {
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
      "--diff-filter=d",
      "--",
    ])
  ).toString("utf8");
  return parseRawListing(out);
}

/**
 * `--raw -z` records: `:<old mode> <new mode> <old oid> <new oid> <status>\0<path>\0`,
 * with a second path (the new one) after a rename or copy (status R or C and a score).
 * https://git-scm.com/docs/git-diff#_raw_output_format
 */
function parseRawListing(raw: Buffer | string): RawEntry[] {
  const fields = raw.toString("utf8").split("\0");
  const entries: RawEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const m = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(fields[i]!);
    if (!m) throw new Error(`unexpected git diff --raw record: ${JSON.stringify(fields[i]!.slice(0, 80))}`);
    const [, oldMode = "", newMode = "", oldOid = "", newOid = "", status = ""] = m;
    if (status === "R" || status === "C") i++; // the old path, then the new one
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
