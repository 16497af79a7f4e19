// The one door to git: every git process tvly-guard starts is started here,
// with one environment policy and one set of config pins, and fails with one
// kind of error. The other files of src/git/ each ask git one question.
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { GitError } from "../errors.js";
import { type GitContext, spawnGit } from "./spawn.js";

export { type GitContext, gitEnv, PINNED_CONFIG } from "./spawn.js";

/** What a failed git call leaves in its GitError's `cause`. */
export interface GitFailure {
  args: readonly string[];
  /** Exit code, or null when git was killed by `signal`. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * The one line a user sees for a failed git call: git's last "fatal:" or
 * "error:" line (the reason it stopped), else its first line, else the exit code.
 */
export function describeFailure(failure: GitFailure): string {
  const lines = failure.stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const reason = lines.filter((l) => /^(fatal|error):/.test(l)).pop() ?? lines[0];
  if (reason) return reason.replace(/^(fatal|error):\s*/, "");
  const sub = failure.args.find((a) => !a.startsWith("-") && !a.includes("=")) ?? "";
  return `git ${sub} ${failure.code === null ? `was killed by ${failure.signal}` : `exited with code ${failure.code}`}`;
}

function failed(failure: GitFailure): GitError {
  return new GitError(describeFailure(failure), { cause: failure });
}

/** Why git could not be started, for a user: usually it is not installed. */
function spawnFailure(err: NodeJS.ErrnoException): GitError {
  return new GitError(
    err.code === "ENOENT" ? "git is not installed or not on PATH" : `cannot run git: ${err.message}`,
    { cause: err },
  );
}

/** Did git fail to start at all (not installed, not executable)? Then no other git question can be asked either. */
export function isSpawnFailure(err: unknown): boolean {
  const cause = err instanceof GitError ? (err.cause as NodeJS.ErrnoException | undefined) : undefined;
  return typeof cause?.syscall === "string" && cause.syscall.startsWith("spawn");
}

/** git's stderr for a GitError raised here ("" otherwise). */
export function gitStderr(err: unknown): string {
  const cause = err instanceof GitError ? (err.cause as Partial<GitFailure> | undefined) : undefined;
  return typeof cause?.stderr === "string" ? cause.stderr : "";
}

/** Did git fail because an object is absent (a partial clone we refused to fetch into)? */
export function isMissingObjectFailure(err: unknown): boolean {
  return /promisor remote|unable to read [0-9a-f]{7,}|transport '[^']*' not allowed|missing blob object|bad object/.test(
    gitStderr(err),
  );
}

/** Stderr kept per call: enough for git's reason, bounded for a process that runs a whole scan. */
const MAX_STDERR = 16_384;

/** A long-lived git process and the promise of its end (GitError on a non-zero exit). */
export interface GitProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves when git exits 0; rejects with a GitError otherwise. */
  done: Promise<void>;
}

/**
 * Start git with the policy; `done` settles when it exits. The caller owns
 * stdin and stdout. A call that sends git nothing passes `noInput`: git's
 * stdin is then /dev/null, the same end of input as a pipe closed at once,
 * without a pipe and a socket to make and tear down on the pre-commit path.
 */
export function startGit(ctx: GitContext, args: readonly string[], noInput?: "noInput"): GitProcess {
  const child = spawnGit(ctx, args, noInput);
  // Bytes, decoded once if git fails: a string decoder on every call costs the pre-commit path its module.
  const stderrBytes: Buffer[] = [];
  let kept = 0;
  child.stderr.on("data", (b: Buffer) => {
    if (kept < MAX_STDERR) stderrBytes.push(b);
    kept += b.length;
  });
  const done = new Promise<void>((resolveDone, reject) => {
    child.on("error", (err) => reject(spawnFailure(err)));
    child.on("close", (code, signal) => {
      if (code === 0) resolveDone();
      else reject(failed({ args, code, signal, stderr: Buffer.concat(stderrBytes).toString("utf8") }));
    });
  });
  done.catch(() => {}); // the owner awaits it; never an unhandled rejection meanwhile
  return { child, done };
}

/** Where a long-lived git's stdout is read into, for a reader that recycles its buffers. */
export interface OutputBuffers {
  /** The buffer the next read lands in; asked for once before the first read and once after each. */
  next(): Buffer;
  /** Each read, as a view of the buffer `next` gave: it may be overwritten once `next` hands that buffer out again. */
  onRead(piece: Buffer): void;
}

/**
 * Read `git`'s stdout into the caller's buffers instead of the stream machinery's
 * fresh 64 KB allocation per read, pushed through a Readable: net.Socket's own
 * `onread` hook (https://nodejs.org/api/net.html#socketconnectoptions-connectlistener),
 * set on the socket node made for the child's stdout. On a large history that is
 * half of node's cost of taking git's bytes in (510 MB: 276 -> 145 ms of CPU). Node
 * reads only from the event loop, so set before this call returns, the hook sees
 * every read. A Node without the hook gets 'data' events, handed on the same way.
 * Call it right after starting git, before anything else reads its stdout.
 */
export function readStdoutInto(git: GitProcess, buffers: OutputBuffers): void {
  const stdout = git.child.stdout as unknown as Record<symbol, unknown> & {
    _handle?: { useUserBuffer?: (buffer: Buffer) => void };
  };
  const hook = onreadSymbols(stdout);
  const handle = stdout._handle;
  if (hook === undefined || typeof handle?.useUserBuffer !== "function") {
    // Copied into the caller's buffers, so that the caller sees the same reads either way.
    let into = buffers.next();
    git.child.stdout.on("data", (piece: Buffer) => {
      for (let at = 0; at < piece.length; ) {
        const n = piece.copy(into, 0, at);
        at += n;
        buffers.onRead(into.subarray(0, n));
        into = buffers.next();
      }
    });
    return;
  }
  const first = buffers.next();
  stdout[hook.generator] = () => buffers.next();
  stdout[hook.buffer] = first;
  stdout[hook.callback] = (length: number, buffer: Buffer) => buffers.onRead(buffer.subarray(0, length));
  handle.useUserBuffer(first);
}

/** The fields where net.Socket keeps its `onread` option (undefined where this Node names them otherwise). */
function onreadSymbols(socket: object): { buffer: symbol; callback: symbol; generator: symbol } | undefined {
  const named = new Map(Object.getOwnPropertySymbols(socket).map((s) => [s.description, s]));
  const buffer = named.get("kBuffer");
  const callback = named.get("kBufferCb");
  const generator = named.get("kBufferGen");
  return buffer && callback && generator ? { buffer, callback, generator } : undefined;
}

/** Run git to the end and return its stdout as bytes; a non-zero exit is a GitError with git's reason. */
export async function runGit(ctx: GitContext, args: readonly string[], input?: Buffer | string): Promise<Buffer> {
  return (await runGitCountingWarnings(ctx, args, input)).stdout;
}

/**
 * runGit, and how many of git's stderr lines matched `count` (the warnings of
 * a call that exits 0 but left something out), over all of stderr however long.
 */
export async function runGitCountingWarnings(
  ctx: GitContext,
  args: readonly string[],
  input?: Buffer | string,
  count?: RegExp,
): Promise<{ stdout: Buffer; counted: number }> {
  const { child, done } = startGit(ctx, args, input === undefined ? "noInput" : undefined);
  const out: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  let counted = 0;
  if (count) {
    let partial = ""; // a line cut between two reads
    const countLines = (text: string) => {
      for (const line of text.split("\n")) if (count.test(line)) counted++;
    };
    // latin1: one char per byte, so a read that cuts a UTF-8 character cannot garble a line (the patterns are ASCII).
    child.stderr.on("data", (b: Buffer) => {
      const lines = partial + b.toString("latin1");
      const end = lines.lastIndexOf("\n");
      countLines(lines.slice(0, end + 1));
      partial = lines.slice(end + 1);
    });
    child.stderr.on("end", () => countLines(partial));
  }
  if (input !== undefined) {
    child.stdin.on("error", () => {}); // git exited before reading all input: `done` says why
    child.stdin.end(input);
  }
  await done;
  return { stdout: Buffer.concat(out), counted };
}

/** runGit, decoded as UTF-8. */
export async function runGitText(ctx: GitContext, args: readonly string[], input?: string): Promise<string> {
  return (await runGit(ctx, args, input)).toString("utf8");
}

/**
 * Run git for an answer where a non-zero exit is itself the answer
 * (`rev-parse --verify --quiet` of an unborn HEAD, `config --get` of an unset
 * key, `check-ignore` with nothing ignored): its exit code and stdout for
 * those codes, a GitError for the others.
 */
export async function runGitForCode(
  ctx: GitContext,
  args: readonly string[],
  answerCodes: readonly number[] = [1],
): Promise<{ code: number; stdout: Buffer }> {
  const { child, done } = startGit(ctx, args, "noInput");
  const out: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  try {
    await done;
    return { code: 0, stdout: Buffer.concat(out) };
  } catch (err) {
    const code = (err as GitError).cause as Partial<GitFailure> | undefined;
    if (typeof code?.code === "number" && answerCodes.includes(code.code))
      return { code: code.code, stdout: Buffer.concat(out) };
    throw err;
  }
}

/** A git process already started, whose stdout one reader takes piece by piece. */
export interface GitOutput {
  /** Git's stdout as it comes; a non-zero exit throws after the last piece. Read it once. */
  pieces: AsyncGenerator<Buffer>;
  /** Stop git: for a caller that will never read `pieces` (git would wait on a full pipe). */
  cancel(): void;
}

/** Pieces of stdout held for a reader that has not caught up: past this, git waits (the pipe fills). */
const HELD_PIECES = 64;

/**
 * Start git now, so it works while the caller does something else, and read
 * its stdout later. Its output is taken from the start (Node discards what a
 * child wrote to a stream nobody listens to once it exits) and held until read.
 */
export function startGitOutput(ctx: GitContext, args: readonly string[]): GitOutput {
  const { child, done } = startGit(ctx, args, "noInput");
  const held: Buffer[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const stdout = child.stdout;
  stdout.on("data", (piece: Buffer) => {
    held.push(piece);
    if (held.length >= HELD_PIECES) stdout.pause();
    wake?.();
  });
  stdout.on("close", () => {
    ended = true;
    wake?.();
  });
  async function* read(): AsyncGenerator<Buffer> {
    let finished = false;
    try {
      for (let at = 0; ; ) {
        if (at < held.length) {
          const piece = held[at]!;
          held[at++] = EMPTY; // let it go once read
          if (at === held.length) {
            held.length = at = 0;
            stdout.resume();
          }
          yield piece;
        } else if (ended) break;
        else await new Promise<void>((resolveWake) => (wake = resolveWake));
      }
      await done;
      finished = true;
    } finally {
      if (!finished) child.kill(); // the consumer stopped early (an error downstream)
    }
  }
  return { pieces: read(), cancel: () => child.kill() };
}

const EMPTY = Buffer.alloc(0);

/** Run git and yield its stdout as it comes; a non-zero exit throws after the last piece. */
export async function* streamGit(ctx: GitContext, args: readonly string[]): AsyncGenerator<Buffer> {
  yield* startGitOutput(ctx, args).pieces;
}

/** A git process whose stdout is read as `separator`-ended tokens, with backpressure. */
export interface TokenStream {
  /** Resolves after the last token once git exits 0; GitError otherwise. */
  done: Promise<void>;
  pause(): void;
  resume(): void;
}

/** Run git and hand each `separator`-ended piece of its stdout (UTF-8) to `onToken`. */
export function streamGitTokens(
  ctx: GitContext,
  args: readonly string[],
  separator: "\n" | "\0",
  onToken: (token: string) => void,
): TokenStream {
  const { child, done } = startGit(ctx, args, "noInput");
  const decoder = new StringDecoder("utf8");
  let carry = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const text = carry + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf(separator); end !== -1; end = text.indexOf(separator, start)) {
      onToken(text.slice(start, end));
      start = end + 1;
    }
    carry = text.slice(start);
  });
  return {
    done: done.then(() => {
      const rest = carry + decoder.end();
      if (rest) onToken(rest);
    }),
    pause: () => child.stdout.pause(),
    resume: () => child.stdout.resume(),
  };
}
