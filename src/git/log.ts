// The commits of a history scan: how many there are, and one `git log --raw`
// pass over them that names the blob each commit puts at each path.
import { GitError } from "../errors.js";
import { type GitContext, runGitText, startGitOutput, type TokenStream } from "./exec.js";

/** The tree-entry mode of a submodule (a commit in another repository, not a blob). */
export const GITLINK_MODE = "160000";

/** Our own pseudo-options: `--all`, and `--exclude=<glob>` before it (history leaves notes refs to their own pass). */
const isRefOption = (r: string) => r === "--all" || r.startsWith("--exclude=");

/** `--all` (and its `--exclude`s) stay options; everything else is a revision, never an option (a ref named "-x" cannot inject one). */
export function revisionArgs(revs: readonly string[]): string[] {
  return [...revs.filter(isRefOption), "--end-of-options", ...revs.filter((r) => !isRefOption(r))];
}

/** How many commits `revs` reach (for progress and ETA only: 0 when git cannot say). */
export async function countCommits(ctx: GitContext, revs: readonly string[]): Promise<number> {
  const out = await runGitText(ctx, ["rev-list", "--count", ...revisionArgs(revs)]).catch(() => "0");
  return Number.parseInt(out, 10) || 0;
}

/** One commit of `git log`, as the history source sees it. */
export interface LoggedCommit {
  sha: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

/** What the log pass reads besides each commit's changes. */
export interface LogOptions {
  /** Each commit's author email and raw message too (onMessage), so messages need no second walk. */
  messages?: boolean;
}

/**
 * The `git log` of what each commit introduces, as history and objects read it: every blob
 * change of a commit against its first parent (a root commit against nothing), full ids, NUL
 * separated, no renames, no colour, no external diff driver.
 */
export const RAW_LOG: readonly string[] = [
  "log",
  "--raw",
  "-z",
  "--no-abbrev",
  "--no-renames",
  "--no-color",
  "--no-ext-diff",
  "--root",
  "--diff-merges=first-parent",
];

/**
 * Every commit `revs` reach, newest first (--date-order: never a parent before
 * its child), with the blobs each one introduces against its first parent
 * (merges included, roots and shallow boundaries against the empty tree). The
 * union of these blobs is every blob the commits hold, and the last commit to
 * show a (path, blob) is where it was introduced. Output read with -z, as
 * bytes (a 50k-commit log is ~15 MB: ids and paths are looked at in place,
 * never decoded into strings):
 *
 *   \x01<sha>\0<author date>\0<author name>\0\n:100644 100644 <old> <new> M\0<path>\0:000000 ...
 *
 * With `messages`, the header also holds the author email and the raw body (%B), as
 * `git log -z --format=...%B` would show it (a message holds no NUL: git commit refuses one):
 *
 *   \x01<sha>\0<author date>\0<author name>\0<author email>\0<raw body>\0\n:100644 ...
 *
 * https://git-scm.com/docs/git-log#_raw_output_format
 * https://git-scm.com/docs/git-log#Documentation/git-log.txt---diff-mergesltformatgt
 * pause/resume on the returned stream let the caller apply backpressure.
 */
export function streamHistoryLog(
  ctx: GitContext,
  revs: readonly string[],
  handlers: LogHandlers,
  options: LogOptions = {},
): TokenStream {
  return startHistoryLog(ctx, revs, options).read(handlers);
}

/** A history log already running, whose output waits (held, then in git's pipe) until it is read. */
export interface PendingLog {
  /** The revisions it walks, and whether it carries the messages. */
  revs: readonly string[];
  messages: boolean;
  /** Parse its output with `handlers` (once). */
  read(handlers: LogHandlers): TokenStream;
  /** Stop git, for a log that will not be read. */
  cancel(): void;
}

/**
 * Start the log of streamHistoryLog now and parse it later: git's walk
 * (--date-order sorts every commit before the first one is shown) runs while
 * the caller asks git its other questions.
 */
export function startHistoryLog(ctx: GitContext, revs: readonly string[], options: LogOptions = {}): PendingLog {
  const args = [
    ...RAW_LOG,
    "--no-relative",
    "--no-show-signature",
    "--date-order",
    options.messages ? "--format=%x01%H%x00%aI%x00%an%x00%ae%x00%B" : "--format=%x01%H%x00%aI%x00%an",
    ...revisionArgs(revs),
  ];
  const output = startGitOutput(ctx, args);
  return {
    revs,
    messages: options.messages === true,
    read(handlers) {
      const parser = new RawLogParser(handlers, options);
      let held: Promise<void> | undefined;
      let release: (() => void) | undefined;
      const done = (async () => {
        for await (const piece of output.pieces) {
          parser.push(piece);
          if (held) await held;
        }
        parser.end();
      })();
      done.catch(() => {}); // the caller awaits it
      return {
        done,
        pause: () => {
          held ??= new Promise((resolve) => (release = resolve));
        },
        resume: () => {
          const go = release;
          held = release = undefined;
          go?.();
        },
      };
    },
    cancel: output.cancel,
  };
}

export interface LogHandlers {
  /** A commit header: `<sha>\0<date>\0<author>` at bytes[start, end) (a view: copy to keep). */
  onCommit(bytes: Buffer, start: number, end: number): void;
  /**
   * A path a commit sets: its new object id at bytes[oid, oid + oidLength) and
   * the path at bytes[path, pathEnd). Deletions are not reported; `gitlink` is a
   * submodule entry (mode 160000), which names a commit of another repository.
   */
  onChange(bytes: Buffer, oid: number, oidLength: number, path: number, pathEnd: number, gitlink: boolean): void;
  /** With `messages`: right after onCommit, the same commit's author email and raw message (views: copy to keep). */
  onMessage?(bytes: Buffer, email: number, emailEnd: number, body: number, bodyEnd: number): void;
}

const NUL = 0;
const NEWLINE = 0x0a;
const HEADER = 0x01;
const COLON = 0x3a;
const ZERO = 0x30;
// ":<6-digit old mode> <6-digit new mode> <old id> <new id> <status>": modes are always six octal digits.
const NEW_MODE = 8;
const OLD_OID = 15;
// Uint8Array's own search, not Buffer's: Buffer#indexOf goes through node's argument checks to C++ on
// every call (~3x the instructions on a 2k-commit log, most of a run's calls are before the JIT warms up).
const indexOfByte: (bytes: Uint8Array, byte: number, from: number) => number = Function.prototype.call.bind(
  Uint8Array.prototype.indexOf,
);
const lastIndexOfByte: (bytes: Uint8Array, byte: number, from: number) => number = Function.prototype.call.bind(
  Uint8Array.prototype.lastIndexOf,
);

/**
 * Parses git's output a read at a time. A record (a header's three tokens, or
 * a change's meta and path) cut by the end of a read is carried over whole
 * and parsed again with the next read, so every record is seen in one buffer.
 */
export class RawLogParser {
  private carry: Buffer | undefined;
  /** NUL-terminated tokens after the \x01 of a header: sha, date, name (and email, body with messages). */
  private readonly headerTokens: number;

  constructor(
    private readonly handlers: LogHandlers,
    options: LogOptions = {},
  ) {
    this.headerTokens = options.messages ? 5 : 3;
  }

  push(chunk: Buffer): void {
    const bytes = this.carry === undefined ? chunk : Buffer.concat([this.carry, chunk]);
    this.carry = undefined;
    let at = 0;
    while (at < bytes.length) {
      const next = this.record(bytes, at);
      if (next === -1) break;
      at = next;
    }
    if (at < bytes.length) this.carry = Buffer.from(bytes.subarray(at));
  }

  /** The end of git's output: anything left is a record git never finished. */
  end(): void {
    if (this.carry?.some((b) => b !== NEWLINE)) throw new GitError("git log stopped in the middle of a commit");
  }

  /** Parse the record at `start`; returns where the next one starts, or -1 when it is not complete yet. */
  private record(bytes: Buffer, start: number): number {
    let at = start;
    if (bytes[at] === NEWLINE) at++; // between a header and its changes
    if (at >= bytes.length) return -1;
    const first = indexOfByte(bytes, NUL, at);
    if (first === -1) return -1;
    if (bytes[at] === HEADER) {
      // The tokens' ends one by one (no array per header: most of a run's headers go by before the JIT warms up).
      const date = indexOfByte(bytes, NUL, first + 1);
      const name = date === -1 ? -1 : indexOfByte(bytes, NUL, date + 1);
      if (name === -1) return -1;
      if (this.headerTokens === 3) {
        this.handlers.onCommit(bytes, at + 1, name);
        return name + 1;
      }
      const email = indexOfByte(bytes, NUL, name + 1);
      const body = email === -1 ? -1 : indexOfByte(bytes, NUL, email + 1);
      if (body === -1) return -1;
      this.handlers.onCommit(bytes, at + 1, name);
      this.handlers.onMessage?.(bytes, name + 1, email, email + 1, body);
      return body + 1;
    }
    if (bytes[at] !== COLON) return first + 1; // nothing we read (a format change would show in the tests)
    const pathEnd = indexOfByte(bytes, NUL, first + 1);
    if (pathEnd === -1) return -1;
    // Both ids have the same length: what is left of the meta token after the modes, spaces and status.
    const status = lastIndexOfByte(bytes, 0x20, first);
    const oidLength = (status - at - OLD_OID - 1) / 2;
    const oid = at + OLD_OID + oidLength + 1;
    let deleted = true;
    for (let i = oid; i < oid + oidLength && deleted; i++) deleted = bytes[i] === ZERO;
    if (!deleted) {
      const m = at + NEW_MODE; // "160000", byte by byte: Buffer#compare with offsets costs as much as the rest of the record
      const gitlink =
        bytes[m] === 0x31 &&
        bytes[m + 1] === 0x36 &&
        bytes[m + 2] === ZERO &&
        bytes[m + 3] === ZERO &&
        bytes[m + 4] === ZERO &&
        bytes[m + 5] === ZERO;
      this.handlers.onChange(bytes, oid, oidLength, first + 1, pathEnd, gitlink);
    }
    return pathEnd + 1;
  }
}
