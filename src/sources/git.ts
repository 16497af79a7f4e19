// The only module that runs git. Small calls go through simple-git.
import { spawn } from "node:child_process";
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

/** simple-git, loaded on first use: a clean pre-commit scan never runs these calls and need not pay for the import. */
async function openGit(baseDir: string) {
  return (await import("simple-git")).simpleGit({ baseDir });
}

/**
 * Whether `commit` has left this machine: reachable from a remote-tracking ref
 * (one `for-each-ref --contains` call, stopping at the first hit). In a bare
 * repository (a server or a `clone --mirror`) every commit counts as pushed.
 * null when git cannot say (unknown commit, not a repository).
 * https://git-scm.com/docs/git-for-each-ref#Documentation/git-for-each-ref.txt---containsltobjectgt
 */
export async function isCommitPushed(cwd: string, commit: string): Promise<boolean | null> {
  const git = await openGit(cwd);
  try {
    bareCache.get(cwd) ?? bareCache.set(cwd, git.raw(["rev-parse", "--is-bare-repository"]).then((out) => out.trim() === "true"));
    if (await bareCache.get(cwd)) return true;
    const out = await git.raw(["for-each-ref", "--count=1", "--format=%(refname)", `--contains=${commit}`, "refs/remotes/"]);
    return out.trim().length > 0;
  } catch {
    bareCache.delete(cwd);
    return null;
  }
}

/** One `rev-parse --is-bare-repository` per directory, however many keys are triaged. */
const bareCache = new Map<string, Promise<boolean>>();

/**
 * The bytes of each path at HEAD (null: not in HEAD), read through one
 * `git cat-file --batch` process: a direct spawn because simple-git buffers
 * text and cannot stream binary object contents both ways. Undefined when
 * there is no HEAD (unborn branch, not a repository).
 * Output per request: "<sha> blob <size>\n<bytes>\n" or "<name> missing\n".
 * https://git-scm.com/docs/git-cat-file#_batch_output
 */
export async function readHeadFiles(cwd: string, paths: readonly string[]): Promise<Map<string, Buffer | null> | undefined> {
  try {
    // simple-git resolves on a silent non-zero exit, so an empty answer also means "no HEAD".
    if (!(await (await openGit(cwd)).raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])).trim()) return undefined;
  } catch {
    return undefined;
  }
  // Object names are one per line: a path holding a newline cannot be asked for; report it as absent.
  const asked = paths.filter((p) => !p.includes("\n"));
  const result = new Map<string, Buffer | null>(paths.map((p) => [p, null]));
  if (asked.length === 0) return result;
  const out = await new Promise<Buffer>((resolveOut, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const parts: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => parts.push(d));
    child.stderr.on("data", (d: Buffer) => errors.push(d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolveOut(Buffer.concat(parts)) : reject(new GitError(Buffer.concat(errors).toString().trim() || `git cat-file exited ${code}`))));
    child.stdin.end(asked.map((p) => `HEAD:${p}\n`).join(""));
  });
  let at = 0;
  for (const path of asked) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    const header = out.toString("utf8", at, eol);
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "missing" or "ambiguous": not at HEAD
    const size = Number(m[2]);
    if (m[1] === "blob") result.set(path, out.subarray(at, at + size));
    at += size + 1;
  }
  return result;
}

/** The work tree's top directory, or undefined outside a work tree (or in a bare repository). */
export async function findWorkTreeRoot(cwd: string): Promise<string | undefined> {
  try {
    const top = (await (await openGit(cwd)).raw(["rev-parse", "--show-toplevel"])).trim();
    return top || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which of `paths` (relative to `root`) git would ignore if they were untracked.
 * `--no-index` so a tracked file is judged by the ignore rules alone.
 * https://git-scm.com/docs/git-check-ignore#Documentation/git-check-ignore.txt---no-index
 */
export async function listIgnoredOf(root: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  try {
    // -z needs --stdin; the paths asked about are env-file names, so one per line is safe.
    const out = await (await openGit(root)).raw(["check-ignore", "--no-index", "--", ...paths]);
    return new Set(out.split("\n").filter(Boolean));
  } catch {
    return new Set(); // exit 1: none of them is ignored
  }
}

/** Which of `paths` (relative to `root`) are tracked (in the index). */
export async function listTrackedOf(root: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const out = await (await openGit(root)).raw(["ls-files", "-z", "--", ...paths.map((p) => `:(literal)${p}`)]);
  return new Set(out.split("\0").filter(Boolean));
}
