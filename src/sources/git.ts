// The only module that runs git. Small calls go through simple-git.
import { simpleGit } from "simple-git";

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

/**
 * The top directory of the work tree that holds `dir`, or undefined outside
 * one (and in a bare repository, which has no work tree). Every scanning
 * command asks this first (to find .tvly-guard.json), `staged` included, on
 * the pre-commit path: a direct spawn of git (about 5 ms) rather than
 * simple-git, whose import alone costs several times that.
 * https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---show-toplevel
 */
export async function findWorkTreeRoot(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const { execFile } = await import("node:child_process");
  return new Promise((resolve) => {
    execFile("git", ["rev-parse", "--show-toplevel"], { cwd: dir, env, encoding: "utf8" }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
  });
}
