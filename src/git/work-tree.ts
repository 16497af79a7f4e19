// Work-tree discovery without running git: on the pre-commit path a
// `git rev-parse` spawn would cost more than these few stat calls. It follows
// git's own rules; anything subtler (ceiling directories, safe.directory) is
// left to git itself, which every scan runs next.
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isGitDirectory } from "../fs/git-dir.js";

/** Where the repository that holds a directory lives, as git would find it. */
export interface GitLocation {
  /** The git directory (per-worktree one in a linked worktree). */
  gitDir: string;
  /** Top of the work tree; undefined in a bare repository or with GIT_DIR and no GIT_WORK_TREE. */
  workTree: string | undefined;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * GIT_DIR (and GIT_WORK_TREE) if set; else the nearest directory upwards
 * holding `.git` (a directory, or in linked worktrees and submodules a file
 * "gitdir: <path>"); else the nearest directory that is itself a git directory
 * (bare). Undefined outside any repository.
 * https://git-scm.com/docs/git#Documentation/git.txt-codeGITDIRcode
 * https://git-scm.com/docs/gitrepository-layout#Documentation/gitrepository-layout.txt-gitfile
 */
export function locateRepository(cwd: string, env: NodeJS.ProcessEnv): GitLocation | undefined {
  if (env.GIT_DIR) {
    const workTree = env.GIT_WORK_TREE ? resolve(cwd, env.GIT_WORK_TREE) : undefined;
    return { gitDir: resolve(cwd, env.GIT_DIR), workTree };
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const dotGit = join(dir, ".git");
    const info = statSync(dotGit, { throwIfNoEntry: false });
    if (info) {
      const pointer = info.isFile() ? /^gitdir: (.*)$/m.exec(readOrUndefined(dotGit) ?? "")?.[1]?.trim() : undefined;
      const workTree = env.GIT_WORK_TREE ? resolve(cwd, env.GIT_WORK_TREE) : dir;
      return { gitDir: pointer ? resolve(dir, pointer) : dotGit, workTree };
    }
    if (isGitDirectory(dir)) return { gitDir: dir, workTree: undefined };
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The top directory of the work tree that holds `cwd`: GIT_WORK_TREE if set;
 * else, with GIT_DIR set, none (git takes the cwd as the top level, and so do
 * the callers); else the directory holding the nearest `.git`. Undefined
 * outside a work tree and in a bare repository. Every scanning command asks
 * this first, `staged` included.
 * https://git-scm.com/docs/git#Documentation/git.txt-codeGITWORKTREEcode
 */
export function findWorkTreeRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GIT_WORK_TREE) return resolve(cwd, env.GIT_WORK_TREE);
  if (env.GIT_DIR) return undefined;
  return locateRepository(cwd, env)?.workTree;
}

/**
 * The commits being merged when the next commit concludes a merge (the
 * MERGE_HEAD file: one line per head, several for an octopus), else none.
 * Read from disk rather than through `git rev-parse`: it keeps the usual
 * pre-commit run to one git process. In a linked worktree MERGE_HEAD lives in
 * its per-worktree git directory, which is where locateRepository points.
 * https://git-scm.com/docs/gitrepository-layout#Documentation/gitrepository-layout.txt-MERGEHEAD
 *
 *   4f2a9c1e0b...(40 or 64 hex)\n
 */
export function readMergeHeads(cwd: string, env: NodeJS.ProcessEnv): string[] {
  const gitDir = locateRepository(cwd, env)?.gitDir;
  const text = gitDir ? readOrUndefined(join(gitDir, "MERGE_HEAD")) : undefined;
  return (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^[0-9a-f]{40,64}$/.test(l));
}
