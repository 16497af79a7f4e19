// The only module that runs git. Small calls go through simple-git.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { StringDecoder } from "node:string_decoder";
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

// ---------------------------------------------------------------------------
// History plumbing (`tvly-guard history`): repository facts, the one-pass
// commit/blob listing (`git log --raw`) and the blob reader (`cat-file --batch`).
// Both streams are direct spawns: they run for the whole scan, must stay
// unbuffered and, for cat-file, flow both ways at once, which simple-git
// (collect-then-resolve) cannot do.

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
export async function readRepositoryFacts(cwd: string): Promise<RepositoryFacts> {
  const git = simpleGit({ baseDir: cwd });
  let lines: string[];
  try {
    // https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---is-shallow-repository
    lines = (await git.raw(["rev-parse", "--absolute-git-dir", "--is-bare-repository", "--is-shallow-repository", "--git-path", "shallow"])).split("\n");
  } catch (err) {
    throw new GitError(`not a git repository: ${cwd} (${firstLine((err as Error).message)})`, { cause: err });
  }
  const [gitDir = "", bare, shallow, shallowFile = ""] = lines;
  const head = (await git.raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).catch(() => "")).trim() || null;
  const promisor = await git.raw(["config", "--get-regexp", String.raw`^(extensions\.partialclone|remote\..*\.promisor)$`]).catch(() => "");
  let shallowBoundary: string[] = [];
  if (shallow === "true") {
    const file = isAbsolute(shallowFile) ? shallowFile : resolve(cwd, shallowFile);
    shallowBoundary = readFileSync(file, "utf8").split("\n").filter(Boolean);
  }
  return { gitDir, bare: bare === "true", shallow: shallow === "true", shallowBoundary, partial: /\S/.test(promisor), head };
}

/** `--all` stays an option; everything else is a revision, never an option (a ref named "-x" cannot inject one). */
function revisionArgs(revs: readonly string[]): string[] {
  return [...revs.filter((r) => r === "--all"), "--end-of-options", ...revs.filter((r) => r !== "--all")];
}

/** How many commits `revs` reach (for progress and ETA only). */
export async function countCommits(cwd: string, revs: readonly string[]): Promise<number> {
  const out = await simpleGit({ baseDir: cwd }).raw(["rev-list", "--count", ...revisionArgs(revs)]).catch(() => "0");
  return Number.parseInt(out, 10) || 0;
}

/**
 * Blobs reachable from `revs` that a partial clone does not hold. rev-list
 * with --missing=print lists them ("?<sha>") without fetching them.
 * https://git-scm.com/docs/git-rev-list#Documentation/git-rev-list.txt---missingltmissing-actiongt
 */
export async function listMissingBlobs(cwd: string, revs: readonly string[], env: NodeJS.ProcessEnv): Promise<Set<string>> {
  const missing = new Set<string>();
  const args = ["rev-list", "--objects", "--filter=object:type=blob", "--filter-provided-objects", "--missing=print", ...revisionArgs(revs)];
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
export function streamHistoryLog(cwd: string, revs: readonly string[], env: NodeJS.ProcessEnv, handlers: LogHandlers): { done: Promise<void>; pause(): void; resume(): void } {
  const args = [
    "log", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-color", "--no-ext-diff", "--no-show-signature",
    "--root", "--diff-merges=first-parent", "--date-order", "--format=%x01%H%x00%aI%x00%an",
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

  constructor(cwd: string, env: NodeJS.ProcessEnv, private readonly maxSize: number, private readonly onObject: (o: BatchObject) => void) {
    this.child = spawnGit(cwd, ["cat-file", "--batch", "--buffer"], env);
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
    const ok = this.child.stdin.write(this.queued.join("\n") + "\n");
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
          this.pendingHead = this.pendingHead ? Buffer.concat([this.pendingHead, chunk.subarray(at)]) : Buffer.from(chunk.subarray(at));
          return;
        }
        const headBytes = this.pendingHead ? Buffer.concat([this.pendingHead, chunk.subarray(at, nl)]) : chunk.subarray(at, nl);
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
export async function listBlobsAt(cwd: string, commit: string, paths: readonly string[], env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  for (let i = 0; i < paths.length; i += 256) {
    const batch = paths.slice(i, i + 256);
    await streamLines(spawnGit(cwd, ["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", commit, "--", ...batch], env), "\0", (entry) => {
      const tab = entry.indexOf("\t");
      const [, type, sha] = entry.slice(0, tab).split(" ");
      if (type === "blob" && sha) blobs.set(entry.slice(tab + 1), sha);
    });
  }
  return blobs;
}

/** Read a few whole blobs (HEAD's versions of reported files), never fetching. */
export async function readBlobs(cwd: string, shas: readonly string[], env: NodeJS.ProcessEnv, maxSize: number): Promise<Map<string, Buffer | null>> {
  const out = new Map<string, Buffer | null>();
  if (shas.length === 0) return out;
  const reader = new BlobReader(cwd, env, maxSize, (o) => out.set(o.sha, o.kind === "blob" ? Buffer.from(o.data) : null));
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
      else reject(new GitError(`git ${what} failed: ${firstLine(stderr) || `exit ${code ?? signal}`}`, { cause: stderr }));
    });
  });
}

/** Split git's stdout on `separator` and hand each piece (UTF-8) to `onLine`; resolves when git exits 0. */
function streamLines(child: ChildProcessWithoutNullStreams, separator: string, onLine: (line: string) => void): Promise<void> {
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
