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
}

/**
 * The real process's Io, for the bin entries (the CLI and the GitHub Action).
 * Node builds process.stdin/stdout/stderr on first access, a stream each: stdin
 * only when a command reads it, and the terminal test asks the fd, not a stream.
 */
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: isatty(1),
    stderrIsTTY: isatty(2),
  };
}
