// The file walk `scan` does where git cannot list (outside any work tree),
// and the test for git's own directories, which no walk enters. Names are
// raw bytes: not every file name is UTF-8.
import { type Dirent, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isGitDirectory } from "./git-dir.js";

/** What a walk found under a directory. */
export interface Walk {
  /** Every entry that is not a directory (files, symlinks, FIFOs...), relative to the root, sorted by bytes. */
  names: Buffer[];
  /** Directories that could not be read (EACCES...): their contents are not in `names`. */
  unreadableDirs: number;
  /** Git directories met on the way (a bare repository), relative to the root: never entered. */
  gitDirs: string[];
}

const SLASH = Buffer.from("/");
const DOT_GIT = Buffer.from(".git");

/** The git directory `path` lies in (itself included), if any: `.git` of a work tree, or a bare repository. */
export function gitDirectoryOf(path: string): string | undefined {
  for (let dir = path; ; dir = dirname(dir)) {
    if (basename(dir) === ".git" || isGitDirectory(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Every non-directory entry under `root`, symlinks not followed (they are
 * listed, so the caller counts them), `.git` and other git directories not
 * entered, and every directory that cannot be read counted.
 */
export function walkTree(root: string): Walk {
  const walk: Walk = { names: [], unreadableDirs: 0, gitDirs: [] };
  const pending: Buffer[] = [Buffer.alloc(0)];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    const abs = rel.length === 0 ? root : join(root, rel.toString("utf8"));
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(rel.length === 0 ? root : Buffer.concat([Buffer.from(root), SLASH, rel]), {
        withFileTypes: true,
        encoding: "buffer",
      });
    } catch {
      walk.unreadableDirs++;
      continue;
    }
    for (const entry of entries) {
      if (entry.name.equals(DOT_GIT)) continue; // a work tree's own git directory (or gitfile): never read
      const name = rel.length === 0 ? entry.name : Buffer.concat([rel, SLASH, entry.name]);
      if (!entry.isDirectory()) walk.names.push(name);
      else if (isGitDirectory(join(abs, entry.name.toString("utf8")))) walk.gitDirs.push(name.toString("utf8"));
      else pending.push(name);
    }
  }
  walk.names.sort(Buffer.compare);
  walk.gitDirs.sort();
  return walk;
}
