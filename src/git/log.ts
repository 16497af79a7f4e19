// The commits of a history scan: how many there are, and one `git log --raw`
// pass over them that names the blob each commit puts at each path.
import { type GitContext, runGitText, streamGitTokens, type TokenStream } from "./exec.js";

/** The object id git writes for "no object" (a deletion's new side), SHA-1 or SHA-256. */
export const NULL_OID = /^0+$/;

/** The tree-entry mode of a submodule (a commit in another repository, not a blob). */
export const GITLINK_MODE = "160000";

/** `--all` stays an option; everything else is a revision, never an option (a ref named "-x" cannot inject one). */
export function revisionArgs(revs: readonly string[]): string[] {
  return [...revs.filter((r) => r === "--all"), "--end-of-options", ...revs.filter((r) => r !== "--all")];
}

/** How many commits `revs` reach (for progress and ETA only: 0 when git cannot say). */
export async function countCommits(ctx: GitContext, revs: readonly string[]): Promise<number> {
  const out = await runGitText(ctx, ["rev-list", "--count", ...revisionArgs(revs)]).catch(() => "0");
  return Number.parseInt(out, 10) || 0;
}

/** One commit of `git log`, as the history source sees it. */
export interface LoggedCommit {
  sha: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

/** One changed path of a commit: the blob it now holds. */
export interface LoggedChange {
  commit: LoggedCommit;
  path: string;
  blob: string;
  /** Octal mode of the new entry (100644, 100755, 120000 symlink, 160000 gitlink). */
  mode: string;
}

export interface LogHandlers {
  onCommit(commit: LoggedCommit): void;
  onChange(change: LoggedChange): void;
}

/**
 * Every commit `revs` reach, newest first (--date-order: never a parent before
 * its child), with the blobs each one introduces against its first parent
 * (merges included, roots and shallow boundaries against the empty tree). The
 * union of these blobs is every blob the commits hold, and the last commit to
 * show a (path, blob) is where it was introduced. Output read with -z:
 *
 *   \x01<sha>\0<author date>\0<author name>\0\n:100644 100644 <old> <new> M\0<path>\0:000000 ...
 *
 * https://git-scm.com/docs/git-log#_raw_output_format
 * https://git-scm.com/docs/git-log#Documentation/git-log.txt---diff-mergesltformatgt
 * pause/resume on the returned stream let the caller apply backpressure.
 */
export function streamHistoryLog(ctx: GitContext, revs: readonly string[], handlers: LogHandlers): TokenStream {
  const args = [
    "log",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--no-relative",
    "--no-color",
    "--no-ext-diff",
    "--no-show-signature",
    "--root",
    "--diff-merges=first-parent",
    "--date-order",
    "--format=%x01%H%x00%aI%x00%an",
    ...revisionArgs(revs),
  ];
  // Tokens between NULs; a header is three tokens, a change is meta + path.
  let expect: "any" | "date" | "author" | "path" = "any";
  let commit: LoggedCommit = { sha: "", author: "", date: "" };
  let meta = "";
  return streamGitTokens(ctx, args, "\0", (raw) => {
    const token = expect !== "path" && raw.charCodeAt(0) === 0x0a ? raw.slice(1) : raw;
    switch (expect) {
      case "date":
        commit.date = token;
        expect = "author";
        return;
      case "author":
        commit.author = token;
        expect = "any";
        handlers.onCommit(commit);
        return;
      case "path": {
        expect = "any";
        // ":<old mode> <new mode> <old sha> <new sha> <status>"
        const [, mode = "", , blob = ""] = meta.slice(1).split(" ");
        if (!NULL_OID.test(blob)) handlers.onChange({ commit, path: token, blob, mode });
        return;
      }
      default:
        if (token.startsWith("\x01")) {
          commit = { sha: token.slice(1), author: "", date: "" };
          expect = "date";
        } else if (token.startsWith(":")) {
          meta = token;
          expect = "path";
        }
    }
  });
}
