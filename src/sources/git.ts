// The only module that runs git. Small calls go through simple-git (loaded on first use);
// staged and diff spawn git directly (see their block for why).
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { StringDecoder } from "node:string_decoder";
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
    // Loaded on first use: `staged` imports this module on the pre-commit path and never needs simple-git.
    const { simpleGit } = await import("simple-git");
    const out = await simpleGit({ baseDir: dir }).raw([
      "ls-files",
      "-z",
      "--others",
      "--ignored",
      "--exclude-standard",
      "--directory",
    ]);
    const paths = out.split("\0").filter(Boolean);
    // "./" means git ignores `dir` as a whole; the user named it, so scan all of it.
    return paths.includes("./") ? [] : paths;
  } catch {
    return []; // not inside a work tree: there is no .gitignore to honour
  }
}

// ---- install, uninstall and the GitHub Action (issue 4) ----
// Small calls off the pre-commit path; they use execGit (below) like the rest
// so that no module-level simple-git import slows down `staged`.

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
export async function readHookLayout(ctx: GitContext): Promise<HookLayout> {
  const cwd = ctx.cwd;
  let out: string;
  try {
    out = (
      await execGit(ctx, ["rev-parse", "--path-format=absolute", "--show-toplevel", "--git-path", "hooks"])
    ).toString("utf8");
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    const reason = err.message;
    if (/not a git repository/i.test(reason))
      throw new GitError(`${cwd} is not inside a git repository (run git init first)`, { cause: err });
    if (/must be run in a work tree/i.test(reason))
      throw new GitError("this is a bare repository: install hooks in a clone with a work tree", { cause: err });
    throw new GitError(`git rev-parse failed: ${reason}`, { cause: err });
  }
  const [toplevel, hooksDir] = out.trim().split("\n");
  if (!toplevel || !hooksDir) throw new GitError(`git rev-parse gave no work tree for ${cwd}`);
  // `config --get` exits 1 when the key is not set.
  const hooksPath =
    (await execGit(ctx, ["config", "--get", "core.hooksPath"]).catch(() => Buffer.alloc(0))).toString("utf8").trim() ||
    undefined;
  return { toplevel, hooksDir, hooksPath };
}

/**
 * True in a shallow clone (actions/checkout's default depth of 1), where the
 * commits a range or a history scan needs are missing.
 * https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---is-shallow-repository
 */
export async function isShallowRepository(ctx: GitContext): Promise<boolean> {
  try {
    return (await execGit(ctx, ["rev-parse", "--is-shallow-repository"])).toString("utf8").trim() === "true";
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new GitError(`${ctx.cwd} is not inside a git repository: check out the repository first (actions/checkout)`, {
      cause: err,
    });
  }
}

// ---- staged and diff <range> (issue 3) ----
// These calls spawn git directly instead of going through simple-git, because
// (1) `staged` runs in every pre-commit hook and importing simple-git alone
// costs ~50 ms of a ~100 ms budget; (2) diff output is raw bytes (file content
// in any encoding, NUL-separated paths) while simple-git hands back decoded
// strings; (3) `git log -p` over a range must stream, never be buffered.

export interface GitContext {
  cwd: string;
  /** The caller's environment, inherited whole: a hook's GIT_INDEX_FILE and GIT_DIR must reach git. */
  env: NodeJS.ProcessEnv;
}

/**
 * Environment for every call: never take optional locks (the hook runs while
 * `git commit` holds index.lock), never prompt, messages in English (we match
 * a few), and no transport allowed, so a partial clone can never lazily fetch
 * a missing object: git 2.39 has no GIT_NO_LAZY_FETCH, but its lazy fetch is a
 * `git fetch` child that checks GIT_ALLOW_PROTOCOL before touching any remote.
 * https://git-scm.com/docs/git#Documentation/git.txt-codeGITALLOWPROTOCOLcode
 * https://git-scm.com/docs/git#Documentation/git.txt-codeGITOPTIONALLOCKScode
 */
function gitEnv(ctx: GitContext): NodeJS.ProcessEnv {
  return {
    ...ctx.env,
    GIT_OPTIONAL_LOCKS: "0",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ALLOW_PROTOCOL: "",
    LC_ALL: "C",
    LANGUAGE: "C",
  };
}

/**
 * Settings that would change the patch text we parse, pinned for every diff:
 * `-c` wins over any config file. https://git-scm.com/docs/git-config#Documentation/git-config.txt-diffnoprefix
 */
const PINNED_CONFIG = [
  "-c",
  "core.quotePath=false",
  "-c",
  "diff.noprefix=false",
  "-c",
  "diff.mnemonicPrefix=false",
  "-c",
  "diff.suppressBlankEmpty=false",
  "-c",
  "log.showSignature=false",
];

/**
 * Patch flags shared by `staged` and `diff`: zero context, no colour, no
 * external diff or textconv (we want the bytes git stores), full object ids,
 * submodules as one "Subproject commit" line, paths from the repository root.
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt---unifiedltngt
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt---no-ext-diff
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt---no-relative
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt---submoduleltformatgt
 */
const PATCH_FLAGS = [
  "-p",
  "-U0",
  "--inter-hunk-context=0",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--no-relative",
  "--full-index",
  "--submodule=short",
  "--src-prefix=a/",
  "--dst-prefix=b/",
];

/** The one line a user sees for a failed git call: git's last fatal/error line, not the whole stderr. */
function describeFailure(stderr: string, code: number | null): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = lines.filter((l) => /^(fatal|error):/.test(l)).pop() ?? lines[0];
  return fatal ? fatal.replace(/^(fatal|error):\s*/, "") : `git exited with code ${code}`;
}

/** Why a spawn failed, for a user: usually git is not installed. */
function spawnFailure(err: NodeJS.ErrnoException): GitError {
  return new GitError(
    err.code === "ENOENT" ? "git is not installed or not on PATH" : `cannot run git: ${err.message}`,
    { cause: err },
  );
}

export interface GitFailureCause {
  args: string[];
  code: number | null;
  stderr: string;
}

/** Run git and return its stdout as bytes; a non-zero exit is a GitError with git's own reason. */
export function execGit(ctx: GitContext, args: string[], input?: Buffer | string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("git", args, {
      cwd: ctx.cwd,
      env: gitEnv(ctx),
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on("data", (b: Buffer) => out.push(b));
    child.stderr!.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => reject(spawnFailure(e)));
    child.on("close", (code) => {
      if (code === 0) return resolvePromise(Buffer.concat(out));
      const stderr = Buffer.concat(err).toString("utf8");
      const cause: GitFailureCause = { args, code, stderr };
      reject(new GitError(describeFailure(stderr, code), { cause }));
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** Run git and yield its stdout as it comes; a non-zero exit throws after the last piece. */
export async function* streamGit(ctx: GitContext, args: string[], input?: string): AsyncGenerator<Buffer> {
  const child = spawn("git", args, {
    cwd: ctx.cwd,
    env: gitEnv(ctx),
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  const err: Buffer[] = [];
  let spawnError: NodeJS.ErrnoException | undefined;
  child.stderr!.on("data", (b: Buffer) => err.push(b));
  child.on("error", (e) => (spawnError = e));
  const closed = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
  if (input !== undefined) child.stdin!.end(input);
  let finished = false;
  try {
    for await (const piece of child.stdout!) yield piece as Buffer;
    const code = await closed;
    finished = true;
    if (spawnError) throw spawnFailure(spawnError);
    if (code !== 0) {
      const stderr = Buffer.concat(err).toString("utf8");
      const cause: GitFailureCause = { args, code, stderr };
      throw new GitError(describeFailure(stderr, code), { cause });
    }
  } finally {
    if (!finished) child.kill(); // the consumer stopped early (an error downstream)
  }
}

/** git's stderr for a GitError raised by execGit/streamGit ("" otherwise). */
export function gitStderr(err: unknown): string {
  const cause = err instanceof GitError ? (err.cause as GitFailureCause | undefined) : undefined;
  return cause?.stderr ?? "";
}

/** Did git fail because an object is absent (a partial clone we refused to fetch into)? */
export function isMissingObjectFailure(err: unknown): boolean {
  return /promisor remote|unable to read [0-9a-f]{7,}|transport '[^']*' not allowed|missing blob object|bad object/.test(
    gitStderr(err),
  );
}

/**
 * The patch of the index against HEAD (against the empty tree before the first
 * commit: `diff --cached` without a commit does that itself), in the index git
 * names in GIT_INDEX_FILE. Renames are detected, so a pure rename adds no
 * lines; deletions are left out (`--diff-filter=d`): they add nothing, and
 * their content may be absent from a partial clone.
 * https://git-scm.com/docs/git-diff#Documentation/git-diff.txt-emgitdiffemltoptionsgt--cached--merge-baseltcommitgt--ltpathgt82308203
 * `pathspecs` narrows the diff (with `--no-renames`): the partial-clone fallback uses it.
 */
export async function readStagedPatch(ctx: GitContext, pathspecs?: string[]): Promise<Buffer> {
  const renames = pathspecs ? ["--no-renames"] : ["-M"];
  let patch: Buffer;
  try {
    patch = await execGit(ctx, [
      ...PINNED_CONFIG,
      "diff",
      "--cached",
      ...PATCH_FLAGS,
      ...renames,
      "--diff-filter=d",
      "--",
      ...(pathspecs ?? []),
    ]);
  } catch (err) {
    // Outside a repository `git diff` turns into `diff --no-index`, which rejects --cached.
    if (/unknown option .cached/.test(gitStderr(err)))
      throw new GitError("not a git repository (or any parent up to the root): run tvly-guard staged inside one", {
        cause: err,
      });
    throw err;
  }
  // A bare repository has no index, so its diff is empty: ask git only then,
  // which keeps the usual pre-commit run to one git process.
  // https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---is-bare-repository
  if (patch.length === 0 && (await execGit(ctx, ["rev-parse", "--is-bare-repository"])).toString().trim() === "true") {
    throw new GitError(
      "a bare repository has no index to scan: run tvly-guard staged in a work tree (tvly-guard diff scans commits)",
    );
  }
  return patch;
}

/** One `git diff --raw` entry. */
export interface RawEntry {
  oldMode: string;
  newMode: string;
  oldOid: string;
  newOid: string;
  status: string;
  path: string;
}

/**
 * What the index changes against HEAD, from object ids alone (no blob is read):
 * `:100644 100644 <old> <new> M\0path\0` per file, NUL-separated.
 * https://git-scm.com/docs/git-diff#_raw_output_format
 */
export async function listStagedEntries(ctx: GitContext): Promise<RawEntry[]> {
  const out = (
    await execGit(ctx, [
      ...PINNED_CONFIG,
      "diff",
      "--cached",
      "--raw",
      "-z",
      "--no-renames",
      "--no-abbrev",
      "--no-relative",
      "--diff-filter=d",
      "--",
    ])
  ).toString("utf8");
  const fields = out.split("\0");
  const entries: RawEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [oldMode, newMode, oldOid, newOid, status] = fields[i]!.slice(1).split(" ");
    entries.push({
      oldMode: oldMode!,
      newMode: newMode!,
      oldOid: oldOid!,
      newOid: newOid!,
      status: status!,
      path: fields[i + 1]!,
    });
  }
  return entries;
}

/**
 * The objects of HEAD's tree that this (partial) clone does not hold. rev-list
 * with --missing=print never fetches (it turns the lazy fetch off), unlike
 * `cat-file --batch-check`, which in git 2.39 dies when its fetch is refused.
 * https://git-scm.com/docs/git-rev-list#Documentation/git-rev-list.txt---missingltmissing-actiongt
 */
export async function listMissingHeadObjects(ctx: GitContext): Promise<Set<string>> {
  const out = (
    await execGit(ctx, ["rev-list", "--objects", "--missing=print", "--no-object-names", "--no-walk", "HEAD", "--"])
  ).toString("latin1");
  return new Set(
    out
      .split("\n")
      .filter((l) => l.startsWith("?"))
      .map((l) => l.slice(1)),
  );
}

/**
 * Sizes of blobs by id, without reading them (`<oid> <type> <size>` per object).
 * https://git-scm.com/docs/git-cat-file#_batch_output
 */
export async function listBlobSizes(ctx: GitContext, oids: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (oids.length === 0) return sizes;
  const out = (await execGit(ctx, ["cat-file", "--batch-check"], `${oids.join("\n")}\n`)).toString("latin1");
  for (const line of out.split("\n")) {
    const [oid, type, size] = line.split(" ");
    if (oid && type === "blob" && size !== undefined) sizes.set(oid, Number(size));
  }
  return sizes;
}

/**
 * Read whole blobs by id (`<oid> <type> <size>\n<content>\n` per object).
 * https://git-scm.com/docs/git-cat-file#_batch_output
 */
export async function readBlobs(ctx: GitContext, oids: string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const out = await execGit(ctx, ["cat-file", "--batch"], `${oids.join("\n")}\n`);
  let at = 0;
  while (at < out.length) {
    const nl = out.indexOf(0x0a, at);
    const [oid, type, size] = out.toString("latin1", at, nl).split(" ");
    at = nl + 1;
    if (type === "missing" || size === undefined) continue;
    blobs.set(oid!, out.subarray(at, at + Number(size)));
    at += Number(size) + 1;
  }
  return blobs;
}

/** What `diff <range>` needs to know before it reads a range. */
export interface RepoShape {
  shallow: boolean;
  /** Commits at the shallow boundary: their parents were never fetched. */
  shallowCommits: Set<string>;
}

/**
 * Is this a shallow clone, and where is its boundary? Also the first call of
 * `diff`, so "not a git repository" surfaces here.
 * https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---is-shallow-repository
 */
export async function readRepoShape(ctx: GitContext): Promise<RepoShape> {
  const [shallow, shallowFile] = (await execGit(ctx, ["rev-parse", "--is-shallow-repository", "--git-path", "shallow"]))
    .toString("utf8")
    .split("\n");
  if (shallow !== "true") return { shallow: false, shallowCommits: new Set() };
  const { readFileSync } = await import("node:fs");
  const { resolve } = await import("node:path");
  const text = readFileSync(resolve(ctx.cwd, shallowFile!), "utf8");
  return { shallow: true, shallowCommits: new Set(text.split("\n").filter(Boolean)) };
}

/**
 * The commits `revs` selects, newest first (only needed in shallow clones, to
 * see whether the range runs into the boundary).
 * https://git-scm.com/docs/git-rev-list
 */
export async function listRangeCommits(ctx: GitContext, revs: string[]): Promise<string[]> {
  return (await execGit(ctx, ["rev-list", ...revs, "--"])).toString("latin1").split("\n").filter(Boolean);
}

/** Starts the line `readRangePatches` puts before each commit's patch. */
export const COMMIT_MARKER = "\x01tvly-guard-commit\x00";

/**
 * The patches of every commit `revs` selects, streamed: a line
 * `COMMIT_MARKER<sha>\0<author> <<email>>\0<ISO date>` per commit, then its
 * patch. Merges get a dense combined diff (`--cc`): only the hunks where the
 * merge result differs from every parent, i.e. what the merge itself
 * introduced (a conflict resolution). Root commits are diffed against the
 * empty tree (`--root`); deletions omit their preimage (`-D`).
 * `revs` must already be checked: none may start with "-" unless it is one of
 * our own pseudo-options (`--not`, `--remotes[=...]`).
 * https://git-scm.com/docs/git-log#Documentation/git-log.txt---cc
 * https://git-scm.com/docs/git-log#Documentation/git-log.txt---irreversible-delete
 * https://git-scm.com/docs/git-log#_pretty_formats
 */
export function readRangePatches(ctx: GitContext, revs: string[]): AsyncGenerator<Buffer> {
  const format = `--format=${COMMIT_MARKER.replace("\x01", "%x01").replace("\x00", "%x00")}%H%x00%an <%ae>%x00%aI`;
  return streamGit(ctx, [
    ...PINNED_CONFIG,
    "log",
    format,
    ...PATCH_FLAGS,
    "--cc",
    "-M",
    "-D",
    "--root",
    "--no-show-signature",
    ...revs,
    "--",
  ]);
}

/**
 * The commits being merged when the next commit concludes a merge (the
 * MERGE_HEAD file: one line per head, several for an octopus), else none.
 * Read from disk rather than through `git rev-parse`: it keeps the usual
 * pre-commit run to one git process. The git dir is GIT_DIR, or the nearest
 * `.git` up from cwd (a file holding "gitdir: <path>" in a linked worktree,
 * whose MERGE_HEAD lives in that per-worktree directory).
 * https://git-scm.com/docs/gitrepository-layout#Documentation/gitrepository-layout.txt-MERGEHEAD
 */
export async function readMergeHeads(ctx: GitContext): Promise<string[]> {
  const { readFileSync, statSync } = await import("node:fs");
  const { dirname, join, resolve } = await import("node:path");
  const read = (path: string) => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  };
  let gitDir = ctx.env.GIT_DIR ? resolve(ctx.cwd, ctx.env.GIT_DIR) : undefined;
  for (let dir = resolve(ctx.cwd); !gitDir; dir = dirname(dir)) {
    const dotGit = join(dir, ".git");
    const info = statSync(dotGit, { throwIfNoEntry: false });
    if (info?.isDirectory()) gitDir = dotGit;
    else if (info?.isFile()) gitDir = resolve(dir, /^gitdir: (.*)$/m.exec(read(dotGit) ?? "")?.[1]?.trim() ?? ".git");
    if (dirname(dir) === dir) break;
  }
  const text = gitDir ? read(join(gitDir, "MERGE_HEAD")) : undefined;
  return (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^[0-9a-f]{40,64}$/.test(l));
}

/** The patch of the index against one commit (a merge head), same flags as readStagedPatch. */
export function readStagedPatchAgainst(ctx: GitContext, commit: string): Promise<Buffer> {
  return execGit(ctx, [...PINNED_CONFIG, "diff", "--cached", ...PATCH_FLAGS, "-M", "--diff-filter=d", commit, "--"]);
}

/**
 * Those of `shas` that name commits this repository holds. `--ignore-missing`
 * drops the others quietly (a partial clone's refused fetch included), where a
 * plain rev-list would fail on them.
 * https://git-scm.com/docs/git-rev-list#Documentation/git-rev-list.txt---ignore-missing
 */
export async function filterKnownCommits(ctx: GitContext, shas: string[]): Promise<string[]> {
  if (shas.length === 0) return [];
  const out = (await execGit(ctx, ["rev-list", "--no-walk", "--ignore-missing", ...shas, "--"])).toString("latin1");
  const known = new Set(out.split("\n").filter(Boolean));
  return shas.filter((s) => known.has(s));
}

/**
 * The top directory of the work tree that holds `cwd`, found the way git
 * finds it, without running git: GIT_WORK_TREE if set; else, with GIT_DIR
 * set, the cwd (git's rule); else the nearest directory upwards holding
 * `.git` (a directory, or a file in linked worktrees and submodules).
 * Undefined outside a work tree and in a bare repository (a directory that
 * is itself a git directory). Every scanning
 * command asks this first, `staged` included, on the pre-commit path, where a
 * `git rev-parse --show-toplevel` spawn would cost more than the lookup.
 * https://git-scm.com/docs/git#Documentation/git.txt-codeGITWORKTREEcode
 */
export async function findWorkTreeRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const { statSync } = await import("node:fs");
  const { dirname, resolve } = await import("node:path");
  if (env.GIT_WORK_TREE) return resolve(cwd, env.GIT_WORK_TREE);
  if (env.GIT_DIR) return undefined; // git takes the cwd as the top level: so do we
  const exists = (path: string) => statSync(path, { throwIfNoEntry: false }) !== undefined;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (exists(resolve(dir, ".git"))) return dir;
    if (exists(resolve(dir, "HEAD")) && exists(resolve(dir, "objects")) && exists(resolve(dir, "refs")))
      return undefined; // a git directory itself: bare
    if (dirname(dir) === dir) return undefined;
  }
}

/** simple-git, loaded on first use: a clean pre-commit scan never runs these calls and need not pay for the import. */
async function openGit(baseDir: string) {
  return (await import("simple-git")).simpleGit({ baseDir });
}

/**
 * Whether `commit` has left this machine: reachable from a remote-tracking ref.
 * In a bare repository (a server or a `clone --mirror`) every commit counts as
 * pushed. null when git cannot say (unknown commit, not a repository).
 * Calls made together (triage asks for every key at once) share one batch:
 * one `git rev-list <commits> --not --remotes`, whose output is only the
 * unpushed part of history, instead of one reachability walk per key.
 * https://git-scm.com/docs/git-rev-list#Documentation/git-rev-list.txt---remotesltpatterngt
 */
export async function isCommitPushed(cwd: string, commit: string): Promise<boolean | null> {
  let batch = pushedBatches.get(cwd);
  if (!batch) {
    const commits = new Set<string>();
    // Flush on the next turn of the event loop, once every caller of this turn has joined.
    const result = new Promise<void>((go) => setImmediate(go)).then(() => {
      pushedBatches.delete(cwd);
      return readPushed(cwd, [...commits]);
    });
    batch = { commits, result };
    pushedBatches.set(cwd, batch);
  }
  batch.commits.add(commit);
  const pushed = await batch.result;
  return pushed === null ? null : pushed(commit);
}

const pushedBatches = new Map<
  string,
  { commits: Set<string>; result: Promise<((commit: string) => boolean) | null> }
>();

/** One batch: bare (all pushed), no remote-tracking refs (none pushed), else one rev-list. */
async function readPushed(cwd: string, commits: string[]): Promise<((commit: string) => boolean) | null> {
  try {
    const git = await openGit(cwd);
    if ((await git.raw(["rev-parse", "--is-bare-repository"])).trim() === "true") return () => true;
    if (!(await git.raw(["for-each-ref", "--count=1", "--format=%(refname)", "refs/remotes/"])).trim())
      return () => false;
    const unpushed = new Set(
      (await git.raw(["rev-list", ...commits, "--not", "--remotes", "--"])).split("\n").filter(Boolean),
    );
    return (commit) => !unpushed.has(commit);
  } catch {
    return null;
  }
}

/**
 * The bytes of each path at HEAD (null: not in HEAD), read through one
 * `git cat-file --batch` process: a direct spawn because simple-git buffers
 * text and cannot stream binary object contents both ways. Undefined when
 * there is no HEAD (unborn branch, not a repository).
 * Output per request: "<sha> blob <size>\n<bytes>\n" or "<name> missing\n".
 * https://git-scm.com/docs/git-cat-file#_batch_output
 */
export async function readHeadFiles(
  cwd: string,
  paths: readonly string[],
): Promise<Map<string, Buffer | null> | undefined> {
  try {
    // simple-git resolves on a silent non-zero exit, so an empty answer also means "no HEAD".
    if (!(await (await openGit(cwd)).raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])).trim())
      return undefined;
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
    child.on("close", (code) =>
      code === 0
        ? resolveOut(Buffer.concat(parts))
        : reject(new GitError(Buffer.concat(errors).toString().trim() || `git cat-file exited ${code}`)),
    );
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

// ---------------------------------------------------------------------------
// History plumbing (`tvly-guard history`): repository facts, the one-pass
// commit/blob listing (`git log --raw`) and the blob reader (`cat-file --batch`).
// Both streams are direct spawns: they run for the whole scan, must stay
// unbuffered and, for cat-file, flow both ways at once, which simple-git
// (collect-then-resolve) cannot do. The few small calls spawn git directly
// too: simple-git's load, scheduler and timers cost ~0.15 s of CPU per run,
// a third of a small repository's whole scan (measured with --cpu-prof).

/** Run a small git command and return its stdout; GitError (git's reason) on failure. */
async function gitText(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawnGit(cwd, args, env);
  child.stdin.end();
  const parts: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => parts.push(b));
  await waitForGit(child, args[0] ?? "");
  return Buffer.concat(parts).toString("utf8");
}

/**
 * Environment for every git process of a history scan. A partial clone fetches
 * missing objects on demand; git 2.39 has no --no-lazy-fetch, so allow no
 * transport at all: a lazy fetch then fails instead of touching the network.
 * https://git-scm.com/docs/git#Documentation/git.txt-codeGITALLOWPROTOCOLcode
 */
export function noFetchEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GIT_ALLOW_PROTOCOL: "none", GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0" };
}

export interface RepositoryFacts {
  /** Absolute path of the git directory (the repository itself when bare). */
  gitDir: string;
  bare: boolean;
  shallow: boolean;
  /** Commits git treats as roots because their parents were not fetched (.git/shallow). */
  shallowBoundary: string[];
  /** A partial clone (`extensions.partialClone` or a promisor remote): some objects may be missing. */
  partial: boolean;
  /** The commit HEAD points to, or null (unborn branch, empty repository). */
  head: string | null;
}

/** git's reason in one line: its first fatal/error line, else its last line. */
function firstLine(text: string): string {
  const lines = text.trim().split("\n").filter(Boolean);
  const reason = lines.find((l) => /^(fatal|error): /.test(l)) ?? lines.pop() ?? "";
  return reason.replace(/^(fatal|error): /, "");
}

/** What a history scan must know about the repository before it starts. Outside one: GitError. */
export async function readRepositoryFacts(cwd: string, env: NodeJS.ProcessEnv): Promise<RepositoryFacts> {
  // Side by side, not one after another: on a busy machine each process round trip costs a time slice.
  const [facts, head, promisor] = await Promise.all([
    // https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---is-shallow-repository
    gitText(
      cwd,
      ["rev-parse", "--absolute-git-dir", "--is-bare-repository", "--is-shallow-repository", "--git-path", "shallow"],
      env,
    ).catch((err: Error) => err),
    gitText(cwd, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], env).catch(() => ""),
    gitText(cwd, ["config", "--get-regexp", String.raw`^(extensions\.partialclone|remote\..*\.promisor)$`], env).catch(
      () => "",
    ),
  ]);
  if (facts instanceof Error) {
    const reason = facts.message.replace(/^git rev-parse failed: /, "");
    throw new GitError(
      reason.startsWith("not a git repository")
        ? `not a git repository: ${cwd}`
        : `cannot read the repository at ${cwd}: ${reason}`,
      { cause: facts },
    );
  }
  const [gitDir = "", bare, shallow, shallowFile = ""] = facts.split("\n");
  let shallowBoundary: string[] = [];
  if (shallow === "true") {
    const file = isAbsolute(shallowFile) ? shallowFile : resolve(cwd, shallowFile);
    shallowBoundary = readFileSync(file, "utf8").split("\n").filter(Boolean);
  }
  return {
    gitDir,
    bare: bare === "true",
    shallow: shallow === "true",
    shallowBoundary,
    partial: /\S/.test(promisor),
    head: head.trim() || null,
  };
}

/** `--all` stays an option; everything else is a revision, never an option (a ref named "-x" cannot inject one). */
function revisionArgs(revs: readonly string[]): string[] {
  return [...revs.filter((r) => r === "--all"), "--end-of-options", ...revs.filter((r) => r !== "--all")];
}

/** How many commits `revs` reach (for progress and ETA only). */
export async function countCommits(cwd: string, revs: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const out = await gitText(cwd, ["rev-list", "--count", ...revisionArgs(revs)], env).catch(() => "0");
  return Number.parseInt(out, 10) || 0;
}

/**
 * Blobs reachable from `revs` that a partial clone does not hold. rev-list
 * with --missing=print lists them ("?<sha>") without fetching them.
 * https://git-scm.com/docs/git-rev-list#Documentation/git-rev-list.txt---missingltmissing-actiongt
 */
export async function listMissingBlobs(
  cwd: string,
  revs: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Set<string>> {
  const missing = new Set<string>();
  const args = [
    "rev-list",
    "--objects",
    "--filter=object:type=blob",
    "--filter-provided-objects",
    "--missing=print",
    ...revisionArgs(revs),
  ];
  await streamLines(spawnGit(cwd, args, env), "\n", (line) => {
    if (line.startsWith("?")) missing.add(line.slice(1));
  });
  return missing;
}

/** One commit of `git log`, as the history source sees it. */
export interface LoggedCommit {
  sha: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

/** One changed path of a commit: the blob it now holds. */
export interface LoggedChange {
  commit: LoggedCommit;
  path: string;
  blob: string;
  /** Octal mode of the new entry (100644, 100755, 120000 symlink, 160000 gitlink). */
  mode: string;
}

export interface LogHandlers {
  onCommit(commit: LoggedCommit): void;
  onChange(change: LoggedChange): void;
}

const NULL_SHA = /^0+$/;

/**
 * Every commit `revs` reach, newest first (--date-order: never a parent before
 * its child), with the blobs each one introduces against its first parent
 * (merges included, roots and shallow boundaries against the empty tree). The
 * union of these blobs is every blob the commits hold, and the last commit to
 * show a (path, blob) is where it was introduced. Output read with -z:
 *
 *   \x01<sha>\0<author date>\0<author name>\0\n:100644 100644 <old> <new> M\0<path>\0:000000 ...
 *
 * https://git-scm.com/docs/git-log#_raw_output_format
 * https://git-scm.com/docs/git-log#Documentation/git-log.txt---diff-mergesltformatgt
 * Returns a stream handle: pause/resume let the caller apply backpressure.
 */
export function streamHistoryLog(
  cwd: string,
  revs: readonly string[],
  env: NodeJS.ProcessEnv,
  handlers: LogHandlers,
): { done: Promise<void>; pause(): void; resume(): void } {
  const args = [
    "log",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--no-color",
    "--no-ext-diff",
    "--no-show-signature",
    "--root",
    "--diff-merges=first-parent",
    "--date-order",
    "--format=%x01%H%x00%aI%x00%an",
    ...revisionArgs(revs),
  ];
  const child = spawnGit(cwd, args, env);
  // Tokens between NULs; a header is three tokens, a change is meta + path.
  let expect: "any" | "date" | "author" | "path" = "any";
  let commit: LoggedCommit = { sha: "", author: "", date: "" };
  let meta = "";
  const done = streamLines(child, "\0", (raw) => {
    const token = expect !== "path" && raw.charCodeAt(0) === 0x0a ? raw.slice(1) : raw;
    switch (expect) {
      case "date":
        commit.date = token;
        expect = "author";
        return;
      case "author":
        commit.author = token;
        expect = "any";
        handlers.onCommit(commit);
        return;
      case "path": {
        expect = "any";
        // ":<old mode> <new mode> <old sha> <new sha> <status>"
        const [, mode = "", , blob = ""] = meta.slice(1).split(" ");
        if (!NULL_SHA.test(blob)) handlers.onChange({ commit, path: token, blob, mode });
        return;
      }
      default:
        if (token.startsWith("\x01")) {
          commit = { sha: token.slice(1), author: "", date: "" };
          expect = "date";
        } else if (token.startsWith(":")) {
          meta = token;
          expect = "path";
        }
    }
  });
  return { done, pause: () => child.stdout.pause(), resume: () => child.stdout.resume() };
}

/** One object out of `cat-file --batch`: its bytes, or why there are none. */
export type BatchObject =
  | { sha: string; kind: "blob"; data: Buffer }
  | { sha: string; kind: "too-large" | "missing" | "not-blob"; size: number };

/**
 * A long-lived `git cat-file --batch --buffer`: write object names in, get
 * objects back in the same order. --buffer lets git fill its output buffer
 * instead of flushing after every object (much faster on many small blobs);
 * objects above `maxSize` are skipped as they stream by, never held whole.
 * https://git-scm.com/docs/git-cat-file#_batch_output
 *
 *   <sha> blob <size>\n<size bytes>\n      or      <sha> missing\n
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  readonly done: Promise<void>;
  /** Bytes still to drop for an object that is too large. */
  private skip = 0;
  private header: { sha: string; type: string; size: number } | undefined;
  private parts: Buffer[] = [];
  private have = 0;
  private pendingHead: Buffer | undefined;
  private sent = 0;
  private received = 0;
  private queued: string[] = [];
  private flushScheduled = false;
  private full = false;
  private readonly drainListeners: (() => void)[] = [];

  constructor(
    cwd: string,
    env: NodeJS.ProcessEnv,
    private readonly maxSize: number,
    private readonly onObject: (o: BatchObject) => void,
  ) {
    this.child = spawnGit(cwd, ["cat-file", "--batch", "--buffer"], env);
    this.child.stdin.on("error", () => {}); // git died (EPIPE): `done` rejects with its exit code and stderr
    this.child.stdout.on("data", (chunk: Buffer) => this.consume(chunk));
    this.done = waitForGit(this.child, "cat-file");
  }

  /**
   * Ask for an object. Names are written in batches (one pipe write per
   * batch, not per blob). false: the pipe is full; wait for `onDrain`.
   */
  request(sha: string): boolean {
    this.sent++;
    this.queued.push(sha);
    if (this.queued.length >= 256) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return !this.full;
  }

  private flush(): boolean {
    this.flushScheduled = false;
    if (this.queued.length === 0) return !this.full;
    const ok = this.child.stdin.write(`${this.queued.join("\n")}\n`);
    this.queued = [];
    if (!ok && !this.full) {
      this.full = true;
      this.child.stdin.once("drain", () => {
        this.full = false;
        for (const listener of this.drainListeners.splice(0)) listener();
      });
    }
    return ok;
  }

  get inFlight(): number {
    return this.sent - this.received;
  }

  /** Call `listener` once the pipe has room again. */
  onDrain(listener: () => void): void {
    if (this.full) this.drainListeners.push(listener);
    else setImmediate(listener);
  }

  /** No more requests: git answers what is queued, then exits. */
  end(): void {
    this.flush();
    this.child.stdin.end();
  }

  private consume(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.skip -= n;
        at += n;
        continue;
      }
      if (this.header === undefined) {
        const nl = chunk.indexOf(0x0a, at);
        if (nl === -1) {
          this.pendingHead = this.pendingHead
            ? Buffer.concat([this.pendingHead, chunk.subarray(at)])
            : Buffer.from(chunk.subarray(at));
          return;
        }
        const headBytes = this.pendingHead
          ? Buffer.concat([this.pendingHead, chunk.subarray(at, nl)])
          : chunk.subarray(at, nl);
        this.pendingHead = undefined;
        at = nl + 1;
        this.startObject(headBytes.toString("latin1"));
        continue;
      }
      const { size } = this.header;
      const want = size + 1 - this.have; // the object, then git's "\n"
      const n = Math.min(want, chunk.length - at);
      this.parts.push(chunk.subarray(at, at + n));
      this.have += n;
      at += n;
      if (this.have === size + 1) this.finishObject();
    }
  }

  private startObject(head: string): void {
    const [sha = "", type = "", sizeText = "0"] = head.split(" ");
    if (type === "missing" || type === "ambiguous") {
      this.received++;
      this.onObject({ sha, kind: "missing", size: 0 });
      return;
    }
    const size = Number(sizeText);
    if (type !== "blob" || size > this.maxSize) {
      this.received++;
      this.skip = size + 1;
      this.onObject({ sha, kind: type === "blob" ? "too-large" : "not-blob", size });
      return;
    }
    this.header = { sha, type, size };
    this.parts = [];
    this.have = 0;
    if (size + 1 === 0) this.finishObject();
  }

  private finishObject(): void {
    const { sha, size } = this.header!;
    this.header = undefined;
    const parts = this.parts;
    this.parts = [];
    // Most blobs sit inside one read: a view, no copy.
    const whole = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size + 1);
    this.received++;
    this.onObject({ sha, kind: "blob", data: whole.subarray(0, size) });
  }
}

/**
 * The blob each of `paths` holds in `commit` (paths taken literally, not as
 * globs). https://git-scm.com/docs/git-ls-tree
 *
 *   100644 blob <sha>\t<path>\0
 */
export async function listBlobsAt(
  cwd: string,
  commit: string,
  paths: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  for (let i = 0; i < paths.length; i += 256) {
    const batch = paths.slice(i, i + 256);
    await streamLines(
      spawnGit(cwd, ["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", commit, "--", ...batch], env),
      "\0",
      (entry) => {
        const tab = entry.indexOf("\t");
        const [, type, sha] = entry.slice(0, tab).split(" ");
        if (type === "blob" && sha) blobs.set(entry.slice(tab + 1), sha);
      },
    );
  }
  return blobs;
}

/** Read a few whole blobs (HEAD's versions of reported files), never fetching. */
export async function readWholeBlobs(
  cwd: string,
  shas: readonly string[],
  env: NodeJS.ProcessEnv,
  maxSize: number,
): Promise<Map<string, Buffer | null>> {
  const out = new Map<string, Buffer | null>();
  if (shas.length === 0) return out;
  const reader = new BlobReader(cwd, env, maxSize, (o) =>
    out.set(o.sha, o.kind === "blob" ? Buffer.from(o.data) : null),
  );
  for (const sha of shas) reader.request(sha);
  reader.end();
  await reader.done;
  return out;
}

function spawnGit(cwd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn("git", args, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
}

/** Resolve when git exits 0; otherwise a GitError carrying git's last stderr line. */
function waitForGit(child: ChildProcessWithoutNullStreams, what: string): Promise<void> {
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (s: string) => {
    if (stderr.length < 16_384) stderr += s;
  });
  return new Promise((resolvePromise, reject) => {
    child.on("error", (err) => reject(new GitError(`cannot run git ${what}: ${err.message}`, { cause: err })));
    child.on("close", (code, signal) => {
      if (code === 0) resolvePromise();
      else
        reject(new GitError(`git ${what} failed: ${firstLine(stderr) || `exit ${code ?? signal}`}`, { cause: stderr }));
    });
  });
}

/** Split git's stdout on `separator` and hand each piece (UTF-8) to `onLine`; resolves when git exits 0. */
function streamLines(
  child: ChildProcessWithoutNullStreams,
  separator: string,
  onLine: (line: string) => void,
): Promise<void> {
  const decoder = new StringDecoder("utf8");
  let carry = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const text = carry + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf(separator); end !== -1; end = text.indexOf(separator, start)) {
      onLine(text.slice(start, end));
      start = end + 1;
    }
    carry = text.slice(start);
  });
  const what = child.spawnargs.find((a) => !a.startsWith("-") && a !== "git") ?? "";
  return waitForGit(child, what).then(() => {
    const rest = carry + decoder.end();
    if (rest) onLine(rest);
  });
}
