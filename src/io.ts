// What a command may touch of the outside world. The bin entries build it from
// `process`; tests build their own, so run() never touches `process` itself.
import { isatty } from "node:tty";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width when stderr is one (the progress line must fit it, or each update wraps onto a new line). */
  stderrColumns?: number;
  /** The output redaction pass (src/output/redaction.ts): set by run() when it wraps stdout and stderr. */
  redaction?: { addRules(rules: readonly unknown[]): void; scrub(text: string): string };
  /** stdout without the redaction pass: only a --no-redact report is written here. */
  unredactedStdout?: (text: string) => void;
}

/** All of stdin as UTF-8 text: git's ref lines for the pre-push and pre-receive hooks. */
export async function readStdinText(io: Io): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of io.stdin) parts.push(typeof part === "string" ? Buffer.from(part) : (part as Buffer));
  return Buffer.concat(parts).toString("utf8");
}

/** The first failed write to stdout or stderr (EPIPE from `| head`, ENOSPC from `> /dev/full`), if any. */
let outputFailure: string | undefined;

/** True once a write to stdout or stderr failed: the run's report was not delivered, so it exits 2. */
export function outputFailed(): boolean {
  return outputFailure !== undefined;
}

/**
 * A failed write is one line on stderr (when stderr still works) and exit 2,
 * never a stack trace, never "keys found". EPIPE included: a reader that
 * stopped early did not see the whole report, so the run does not pass.
 */
function watchOutput(stream: NodeJS.WriteStream, name: string): void {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (outputFailure !== undefined) return;
    outputFailure = err.code ?? err.message;
    process.exitCode = 2;
    if (name === "stdout") {
      try {
        process.stderr.write(`tvly-guard: cannot write to stdout: ${outputFailure}\n`);
      } catch {
        // stderr is gone too: the exit code says it
      }
    }
  });
}

/**
 * The real process's Io, for the bin entries (the CLI and the GitHub Action).
 * Node builds process.stdin/stdout/stderr on first access, a stream each: stdin
 * only when a command reads it, and the terminal test asks the fd, not a stream.
 */
export function processIo(): Io {
  // Each stream is built (and watched) on its first write: a clean hook run never builds stdout.
  const write = (name: "stdout" | "stderr") => {
    let stream: NodeJS.WriteStream | undefined;
    return (text: string) => {
      if (stream === undefined) watchOutput((stream = process[name]), name);
      if (outputFailure === undefined) stream.write(text);
    };
  };
  return {
    stdout: write("stdout"),
    stderr: write("stderr"),
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: isatty(1),
    stderrIsTTY: isatty(2),
    // Read on each use: the terminal can be resized during a long scan.
    get stderrColumns() {
      return process.stderr.columns;
    },
  };
}
