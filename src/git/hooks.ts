// Where git runs a repository's hooks from, for `install` and `uninstall`.
import { GitError } from "../errors.js";
import { type GitContext, runGitForCode, runGitText } from "./exec.js";
import { locateRepository } from "./work-tree.js";

/** Where a repository's hooks live. */
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
 * linked worktrees; `--show-toplevel` is asked only inside a work tree, where it works.
 * https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---git-pathltpathgt
 *
 *   true                    --is-inside-work-tree
 *   /repo/.git/hooks        --git-path hooks (absolute)
 *   /repo                   --show-toplevel (second call)
 */
export async function readHookLayout(ctx: GitContext): Promise<HookLayout> {
  let where: string;
  try {
    where = await runGitText(ctx, [
      "rev-parse",
      "--path-format=absolute",
      "--is-inside-work-tree",
      "--git-path",
      "hooks",
    ]);
  } catch (err) {
    if (!(err instanceof GitError) || locateRepository(ctx.cwd, ctx.env) !== undefined) throw err;
    throw new GitError(`${ctx.cwd} is not inside a git repository (run git init first)`, { cause: err });
  }
  const [inside, hooksDir] = where.split("\n");
  if (inside !== "true" || !hooksDir)
    throw new GitError("this is a bare repository (or a git directory): install hooks in a clone with a work tree");
  const [toplevel] = (await runGitText(ctx, ["rev-parse", "--show-toplevel"])).split("\n");
  if (!toplevel) throw new GitError(`git rev-parse gave no work tree for ${ctx.cwd}`);
  // `config --get` exits 1 when the key is not set.
  const hooksPath = (await runGitForCode(ctx, ["config", "--get", "core.hooksPath"])).stdout.toString("utf8").trim();
  return { toplevel, hooksDir, hooksPath: hooksPath || undefined };
}

/**
 * Where a server repository runs hooks from: `--git-path hooks` (core.hooksPath
 * honoured), and whether this is a bare repository, as a server's is.
 * https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---is-bare-repository
 *
 *   true                    --is-bare-repository
 *   /srv/git/app.git/hooks  --git-path hooks (absolute)
 */
export async function readServerHookLayout(ctx: GitContext): Promise<{ bare: boolean; hooksDir: string }> {
  const out = await runGitText(ctx, [
    "rev-parse",
    "--path-format=absolute",
    "--is-bare-repository",
    "--git-path",
    "hooks",
  ]);
  const [bare, hooksDir = ""] = out.split("\n");
  return { bare: bare === "true", hooksDir };
}
