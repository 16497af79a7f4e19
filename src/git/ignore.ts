// What git ignores and tracks: the working-tree listing of `scan` and `fix`'s
// check that .env is kept out of git.
import { join } from "node:path";
import { isGitDirectory } from "../fs/git-dir.js";
import { type GitContext, runGit, runGitCountingWarnings, runGitForCode } from "./exec.js";

/** A file name relative to the listed directory, byte for byte (not every name is UTF-8). */
export type RawName = Buffer;

export interface WorkTreeListing {
  /** Files (and symlinks, gitlinks) git tracks or would add, sorted by bytes, no duplicates. */
  names: RawName[];
  /** Untracked nested repositories, relative to the directory, without the trailing slash. */
  nestedRepos: RawName[];
  /** Directories git could not open while it looked for untracked files (their contents are not listed). */
  unreadableDirs: number;
  /**
   * Untracked git directories (a bare repository copied into the work tree),
   * relative to the directory: git lists their files as untracked, but they
   * are a repository's own files, so they are left out of `names`.
   */
  gitDirs: string[];
}

/**
 * git's warning for a directory it cannot read while listing untracked files
 * (dir.c, in the C locale every call pins); ls-files still exits 0.
 *
 *   warning: could not open directory 'locked/': Permission denied
 */
const UNREADABLE_DIR = /^warning: could not open directory '/;

function splitNul(out: Buffer): Buffer[] {
  const names: Buffer[] = [];
  for (let at = 0; at < out.length; ) {
    const end = out.indexOf(0, at);
    const stop = end === -1 ? out.length : end;
    if (stop > at) names.push(out.subarray(at, stop));
    at = stop + 1;
  }
  return names;
}

/**
 * What `scan <dir>` reads: the files under `ctx.cwd` that git tracks or would
 * add, from one `ls-files`, names as raw bytes (a newline or non-UTF-8 bytes
 * in a name survive). Undefined when the directory is not inside a work tree
 * (the caller walks it itself). Directories git cannot open are counted from
 * its warnings, so the caller can say what was not read. A directory that git
 * ignores as a whole was named by the user: it is listed without the ignore
 * rules. An untracked directory holding its own repository shows as `name/`.
 * https://git-scm.com/docs/git-ls-files#Documentation/git-ls-files.txt---others
 *
 *   README.md\0src/app.js\0nested-repo/\0we\nird name\0
 */
export async function listWorkTree(ctx: GitContext): Promise<WorkTreeListing | undefined> {
  let where: string;
  try {
    where = (await runGit(ctx, ["rev-parse", "--is-inside-work-tree", "--show-prefix"])).toString("utf8");
  } catch {
    return undefined; // not a repository
  }
  const [inside, prefix = ""] = where.split("\n");
  if (inside !== "true") return undefined; // inside .git, or a bare repository
  // `./` can be ignored only below the top level; check-ignore exits 0 when it is.
  const ignoredWhole = prefix !== "" && (await runGitForCode(ctx, ["check-ignore", "-q", "--", "./"])).code === 0;
  // -t: each name after a status tag and a space, "? " for an untracked one.
  const { stdout: out, counted: unreadableDirs } = await runGitCountingWarnings(
    ctx,
    ["ls-files", "-z", "-t", "--cached", "--others", ...(ignoredWhole ? [] : ["--exclude-standard"])],
    undefined,
    UNREADABLE_DIR, // one warning per directory, however many there are
  );
  const seen = new Set<string>();
  const names: RawName[] = [];
  const nestedRepos: RawName[] = [];
  const gitDirs = new GitDirsOf(ctx.cwd);
  for (const entry of splitNul(out)) {
    const name = entry.subarray(2);
    const id = name.toString("latin1");
    if (seen.has(id)) continue; // an unmerged path is listed once per stage
    seen.add(id);
    if (name[name.length - 1] === 0x2f) nestedRepos.push(name.subarray(0, -1));
    else if (entry[0] !== 0x3f || !gitDirs.holds(id)) names.push(name);
  }
  names.sort(Buffer.compare);
  return { names, nestedRepos, unreadableDirs, gitDirs: gitDirs.found() };
}

/**
 * Which untracked names lie in a git directory, by git's own test on each of
 * their parent directories, each tested once (three stat calls).
 */
class GitDirsOf {
  private readonly tested = new Map<string, boolean>();
  constructor(private readonly root: string) {}

  /** Does the untracked `name` (latin1, "/"-separated) lie inside a git directory? */
  holds(name: string): boolean {
    for (let slash = name.indexOf("/"); slash !== -1; slash = name.indexOf("/", slash + 1)) {
      const dir = name.slice(0, slash);
      let is = this.tested.get(dir);
      if (is === undefined) {
        is = isGitDirectory(join(this.root, Buffer.from(dir, "latin1").toString("utf8")));
        this.tested.set(dir, is);
      }
      if (is) return true;
    }
    return false;
  }

  /** The git directories met, outermost only, as UTF-8 paths, sorted. */
  found(): string[] {
    const dirs = [...this.tested].filter(([, is]) => is).map(([dir]) => dir);
    return dirs
      .filter((dir) => !dirs.some((other) => dir.startsWith(`${other}/`)))
      .map((dir) => Buffer.from(dir, "latin1").toString("utf8"))
      .sort();
  }
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
