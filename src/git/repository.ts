// What kind of repository this is, read once per command: git directory,
// bare, shallow (and its boundary), partial, work tree, HEAD.
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { GitError } from "../errors.js";
import { type GitContext, runGitForCode } from "./exec.js";
import { locateRepository } from "./work-tree.js";

export interface RepositoryFacts {
  /** Absolute path of the git directory (the repository itself when bare). */
  gitDir: string;
  bare: boolean;
  shallow: boolean;
  /** Commits git treats as roots because their parents were never fetched (.git/shallow). */
  shallowBoundary: string[];
  /** A partial clone (`extensions.partialClone` or a promisor remote): some objects may be missing. */
  partial: boolean;
  /** Top of the work tree, or null (bare repository, or inside the git directory). */
  workTree: string | null;
  /** The commit HEAD points to, or null (unborn branch, empty repository). */
  head: string | null;
}

/** What to tell a user to do about a shallow clone, wherever one gets in the way. */
export const FETCH_ALL_HINT =
  "fetch the full history (actions/checkout: `fetch-depth: 0`; or `git fetch --unshallow`) and run again";

/**
 * Read the facts: one `rev-parse` and one `config` query, side by side. Outside
 * a repository: GitError "not a git repository: <cwd>".
 * https://git-scm.com/docs/git-rev-parse#_options_for_files
 * https://git-scm.com/docs/partial-clone
 *
 *   /repo/.git       --absolute-git-dir
 *   false            --is-bare-repository
 *   false            --is-shallow-repository
 *   .git/shallow     --git-path shallow (relative to cwd)
 *   true             --is-inside-work-tree
 *   sub/dir/         --show-prefix (the cwd below the top; an empty line at the top or outside a work tree)
 *   <sha>            --verify --quiet HEAD^{commit} (absent, exit 1: no commit yet)
 */
export async function readRepositoryFacts(ctx: GitContext): Promise<RepositoryFacts> {
  const [facts, promisor] = await Promise.all([
    runGitForCode(ctx, [
      "rev-parse",
      "--absolute-git-dir",
      "--is-bare-repository",
      "--is-shallow-repository",
      "--git-path",
      "shallow",
      "--is-inside-work-tree",
      "--show-prefix",
      "--verify",
      "--quiet",
      "HEAD^{commit}",
    ]).catch((err: unknown) => err as Error),
    runGitForCode(ctx, ["config", "--get-regexp", String.raw`^(extensions\.partialclone|remote\..*\.promisor)$`]).catch(
      () => ({ code: 1, stdout: Buffer.alloc(0) }),
    ),
  ]);
  if (facts instanceof Error) {
    if (!(facts instanceof GitError)) throw facts;
    throw new GitError(
      locateRepository(ctx.cwd, ctx.env) === undefined
        ? `not a git repository: ${ctx.cwd}`
        : `cannot read the repository at ${ctx.cwd}: ${facts.message}`,
      { cause: facts },
    );
  }
  const [gitDir = "", bare, shallow, shallowFile = "", inside, prefix = "", head = ""] = facts.stdout
    .toString("utf8")
    .split("\n");
  const shallowBoundary =
    shallow === "true"
      ? readFileSync(isAbsolute(shallowFile) ? shallowFile : resolve(ctx.cwd, shallowFile), "utf8")
          .split("\n")
          .filter(Boolean)
      : [];
  return {
    gitDir,
    bare: bare === "true",
    shallow: shallow === "true",
    shallowBoundary,
    partial: promisor.code === 0 && /\S/.test(promisor.stdout.toString("utf8")),
    workTree:
      inside === "true"
        ? resolve(
            ctx.cwd,
            ...prefix
              .split("/")
              .filter(Boolean)
              .map(() => ".."),
          )
        : null,
    head: facts.code === 0 && head.trim() ? head.trim() : null,
  };
}
