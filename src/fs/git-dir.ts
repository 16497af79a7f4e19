// git's own test for a git directory, without running git: used where a
// spawn would cost more than three stat calls (work-tree discovery on the
// pre-commit path, scan's walk and its refusal to read git's files).
import { statSync } from "node:fs";
import { join } from "node:path";

/**
 * Is `dir` a git directory, by git's own test (setup.c is_git_directory():
 * a HEAD file, an objects/ and a refs/ directory)? A bare repository is one.
 * https://git-scm.com/docs/gitrepository-layout
 */
export function isGitDirectory(dir: string): boolean {
  const is = (name: string, directory: boolean) => {
    try {
      const info = statSync(join(dir, name), { throwIfNoEntry: false });
      return info !== undefined && (directory ? info.isDirectory() : info.isFile());
    } catch {
      return false; // cannot look inside (EACCES): the walk counts it as unreadable
    }
  };
  return is("HEAD", false) && is("objects", true) && is("refs", true);
}
