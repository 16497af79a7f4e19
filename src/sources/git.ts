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
 * one (and in a bare repository, which has no work tree).
 * https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---show-toplevel
 */
export async function findWorkTreeRoot(dir: string): Promise<string | undefined> {
  try {
    const out = (await simpleGit({ baseDir: dir }).raw(["rev-parse", "--show-toplevel"])).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}
