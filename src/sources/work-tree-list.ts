// What `scan <dir>` reads inside a git work tree: one
// `git ls-files -z --cached --others --exclude-standard`, names as raw bytes.
// TODO(#15): move into src/git/ once the git layer lands there.
import { spawnSync } from "node:child_process";

/** A file name relative to the listed directory, byte for byte (not every name is UTF-8). */
export type RawName = Buffer;

export interface WorkTreeListing {
  /** Files (and symlinks, gitlinks) git tracks or would add, sorted by bytes, no duplicates. */
  names: RawName[];
  /** Untracked nested repositories, relative to the directory, without the trailing slash. */
  nestedRepos: RawName[];
}

function runGit(dir: string, args: string[]): { ok: boolean; stdout: Buffer } {
  const r = spawnSync("git", args, {
    cwd: dir,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1024 * 1024 * 1024,
  });
  return { ok: r.status === 0, stdout: r.stdout ?? Buffer.alloc(0) };
}

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
 * List `dir` the way git sees it, or undefined when `dir` is not inside a
 * work tree (the caller walks it itself). A directory that git ignores as a
 * whole was named by the user: it is listed without the ignore rules.
 *
 * Sample `git ls-files -z --cached --others --exclude-standard` output (NUL-separated):
 *   README.md\0src/app.js\0nested-repo/\0we\nird name\0
 * An untracked directory holding its own repository shows as `name/`.
 * https://git-scm.com/docs/git-ls-files#Documentation/git-ls-files.txt---others
 */
export function listWorkTree(dir: string): WorkTreeListing | undefined {
  const where = runGit(dir, ["rev-parse", "--is-inside-work-tree", "--show-prefix"]);
  if (!where.ok || !where.stdout.toString("utf8").startsWith("true")) return undefined;
  const prefix = where.stdout.toString("utf8").split("\n")[1] ?? "";
  // `./` is ignored only below the top level; check-ignore exits 0 when it is.
  const ignoredWhole = prefix !== "" && runGit(dir, ["check-ignore", "-q", "--", "./"]).ok;
  const listing = runGit(dir, [
    "-c",
    "core.quotePath=false",
    "ls-files",
    "-z",
    "--cached",
    "--others",
    ...(ignoredWhole ? [] : ["--exclude-standard"]),
  ]);
  if (!listing.ok) return undefined;
  const seen = new Set<string>();
  const names: RawName[] = [];
  const nestedRepos: RawName[] = [];
  for (const name of splitNul(listing.stdout)) {
    const id = name.toString("latin1");
    if (seen.has(id)) continue; // an unmerged path is listed once per stage
    seen.add(id);
    if (name[name.length - 1] === 0x2f) nestedRepos.push(name.subarray(0, -1));
    else names.push(name);
  }
  names.sort(Buffer.compare);
  return { names, nestedRepos };
}
