// The only module that runs git. Small calls go through simple-git.
import { simpleGit } from "simple-git";
import { GitError } from "../errors.js";

/**
 * Paths under `dir` that git ignores (untracked and matched by .gitignore,
 * .git/info/exclude or core.excludesFile), relative to `dir`; directories end
 * with "/" and stand for everything below them. Outside a work tree, or
 * when `dir` itself is ignored (named explicitly, so wanted): none.
 * https://git-scm.com/docs/git-ls-files#Documentation/git-ls-files.txt---directory
 */
export async function listIgnoredPaths(dir: string): Promise<string[]> {
  try {
    const out = await simpleGit({ baseDir: dir }).raw(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"]);
    const paths = out.split("\0").filter(Boolean);
    // "./" means git ignores `dir` as a whole; the user named it, so scan all of it.
    return paths.includes("./") ? [] : paths;
  } catch {
    return []; // not inside a work tree: there is no .gitignore to honour
  }
}

/** Where a repository's hooks live, for `install` and `uninstall`. */
export interface HookLayout {
  /** Absolute top of the current work tree (hooks run here). */
  toplevel: string;
  /** Absolute directory git runs hooks from: core.hooksPath, else the common .git/hooks (shared by linked worktrees). */
  hooksDir: string;
  /** core.hooksPath as configured, if it is. */
  hooksPath: string | undefined;
}

/**
 * Ask git where hooks live. `--git-path hooks` honours core.hooksPath and
 * linked worktrees; its answer is relative to the current directory.
 * https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---git-pathltpathgt
 */
export async function readHookLayout(cwd: string): Promise<HookLayout> {
  const git = simpleGit({ baseDir: cwd });
  let out: string;
  try {
    out = await git.raw(["rev-parse", "--path-format=absolute", "--show-toplevel", "--git-path", "hooks"]);
  } catch (err) {
    const reason = (err as Error).message.trim().split("\n")[0] ?? "";
    if (/not a git repository/i.test(reason)) throw new GitError(`${cwd} is not inside a git repository (run git init first)`, { cause: err });
    if (/must be run in a work tree/i.test(reason)) throw new GitError("this is a bare repository: install hooks in a clone with a work tree", { cause: err });
    throw new GitError(`git rev-parse failed: ${reason}`, { cause: err });
  }
  const [toplevel, hooksDir] = out.trim().split("\n");
  if (!toplevel || !hooksDir) throw new GitError(`git rev-parse gave no work tree for ${cwd}`);
  const hooksPath = (await git.raw(["config", "--get", "core.hooksPath"]).catch(() => "")).trim() || undefined;
  return { toplevel, hooksDir, hooksPath };
}

/**
 * True in a shallow clone (actions/checkout's default depth of 1), where the
 * commits a range or a history scan needs are missing.
 * https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---is-shallow-repository
 */
export async function isShallowRepository(cwd: string): Promise<boolean> {
  try {
    return (await simpleGit({ baseDir: cwd }).raw(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  } catch (err) {
    throw new GitError(`${cwd} is not inside a git repository: check out the repository first (actions/checkout)`, { cause: err });
  }
}
