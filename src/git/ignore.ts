// What git ignores and tracks: the working-tree walk of `scan` and `fix`'s
// check that .env is kept out of git.
import { type GitContext, runGit, runGitForCode } from "./exec.js";

/**
 * Paths under `ctx.cwd` that git ignores (untracked and matched by
 * .gitignore, .git/info/exclude or core.excludesFile), relative to it;
 * directories end with "/" and stand for everything below them. Outside a
 * work tree, or when the directory itself is ignored (named explicitly, so
 * wanted): none.
 * https://git-scm.com/docs/git-ls-files#Documentation/git-ls-files.txt---directory
 *
 *   build/\0notes.log\0
 */
export async function listIgnoredPaths(ctx: GitContext): Promise<string[]> {
  let out: string;
  try {
    out = (
      await runGit(ctx, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"])
    ).toString("utf8");
  } catch {
    return []; // not inside a work tree: there is no .gitignore to honour
  }
  const paths = out.split("\0").filter(Boolean);
  // "./" means git ignores the directory as a whole; the user named it, so scan all of it.
  return paths.includes("./") ? [] : paths;
}

/**
 * Which of `paths` (relative to `ctx.cwd`) git would ignore if they were
 * untracked. `--no-index` so a tracked file is judged by the ignore rules
 * alone; exit 1 means none is. -z needs --stdin; the paths asked about are
 * env-file names, so one per line is safe.
 * https://git-scm.com/docs/git-check-ignore#Documentation/git-check-ignore.txt---no-index
 *
 *   .env\n
 */
export async function listIgnoredOf(ctx: GitContext, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const { stdout } = await runGitForCode(ctx, ["check-ignore", "--no-index", "--", ...paths]).catch(() => ({
    stdout: Buffer.alloc(0),
  }));
  return new Set(stdout.toString("utf8").split("\n").filter(Boolean));
}

/**
 * Which of `paths` (relative to `ctx.cwd`) are tracked (in the index).
 * https://git-scm.com/docs/git-ls-files
 *
 *   config/.env\0
 */
export async function listTrackedOf(ctx: GitContext, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const out = await runGit(ctx, ["ls-files", "-z", "--", ...paths.map((p) => `:(literal)${p}`)]);
  return new Set(out.toString("utf8").split("\0").filter(Boolean));
}
