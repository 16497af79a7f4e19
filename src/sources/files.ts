// Working-tree files for `scan`: inside a git work tree, git lists them (one
// ls-files, names byte for byte); elsewhere fs/walk.ts walks. Symlinks are
// never followed, nothing but regular files is read, git's own directories
// are never entered, and "-" is stdin (bounded). Yields one Chunk per file;
// everything not read is counted.

import { accessSync, closeSync, constants, lstatSync, type Stats } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { InputError } from "../errors.js";
import { OpenError, openFailure, openRegularFile, readOpened } from "../fs/open-file.js";
import { gitDirectoryOf, walkTree } from "../fs/walk.js";
import { listWorkTree } from "../git/ignore.js";
import { toPosix } from "../paths.js";
import type { ScanSummary } from "./chunk.js";
import { type Chunk, countScanned } from "./chunk.js";

export interface FileSourceOptions {
  cwd: string;
  /** For git, which says what is ignored. */
  env: NodeJS.ProcessEnv;
  maxFileSize: number;
  stdin: NodeJS.ReadableStream;
  /** Files to leave unread (config path allowlist), decided on the absolute path. */
  skipFile?: (absolutePath: string) => boolean;
}

export { looksBinary } from "../engine/binary.js";

/** Report paths relative to the current directory, or to the scanned root when it lies outside it. */
function displayPath(cwd: string, root: string, abs: string): string {
  // The common case without path.relative's normalising of both paths (a tenth of a 25k-file scan).
  if (abs.length > cwd.length + 1 && abs.startsWith(cwd) && abs[cwd.length] === sep && cwd !== sep)
    return toPosix(abs.slice(cwd.length + 1));
  const fromCwd = relative(cwd, abs);
  return toPosix(fromCwd.startsWith("..") ? relative(root, abs) || abs : fromCwd);
}

/** Stdin, read up to `limit` bytes: more is an error (exit 2), so /dev/zero cannot fill the memory. */
async function readStdin(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const part of stream) {
    const bytes = typeof part === "string" ? Buffer.from(part) : (part as Buffer);
    total += bytes.length;
    if (total > limit) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new InputError(
        `stdin is larger than the size limit (${limit} bytes): not scanned; raise --max-file-size to read it`,
      );
    }
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}

/** A file to read: where to open it (bytes kept when the name is not UTF-8) and how to show it. */
interface WalkEntry {
  open: string | Buffer;
  abs: string;
}

/**
 * Every file under `dir` that git would not ignore, in byte order. Nested
 * repositories and submodules are listed by their own git; outside any work
 * tree, fs/walk.ts walks. Directories neither could read are counted.
 */
async function walkDirectory(dir: string, options: FileSourceOptions, summary: ScanSummary): Promise<WalkEntry[]> {
  const listing = await listWorkTree({ cwd: dir, env: options.env });
  const walked = listing ? undefined : walkTree(dir);
  const { names, unreadableDirs, gitDirs } = listing ?? walked!;
  summary.skipped.unreadableDirectories += unreadableDirs;
  for (const gitDir of gitDirs)
    summary.warnings.push(
      `${displayPath(options.cwd, dir, resolve(dir, gitDir))} is a git repository's own directory: not read (scan reads working trees; run tvly-guard history in it)`,
    );
  const base = Buffer.from(dir.endsWith(sep) ? dir : dir + sep);
  const out: WalkEntry[] = [];
  const prefix = base.toString("utf8");
  const add = (name: Buffer) => {
    // git and the walk give clean relative names, so the path is a concatenation, not a resolve().
    const text = name.toString("utf8");
    const exact = !text.includes("\uFFFD") || Buffer.from(text, "utf8").equals(name);
    const abs = prefix + text;
    out.push({ open: exact ? abs : Buffer.concat([base, name]), abs });
  };
  for (const name of names) add(name);
  for (const repo of listing?.nestedRepos ?? []) {
    const sub = repo.toString("utf8");
    for (const e of await walkDirectory(resolve(dir, sub), options, summary)) out.push(e);
  }
  return out;
}

/** Why a walked entry was not read, counted (a name that vanished since the listing is not a file any more). */
function countSkip(err: OpenError, summary: ScanSummary): void {
  if (err.failure === "symlink") summary.skipped.symlinks++;
  else if (err.failure === "not-regular") summary.skipped.special++;
  else if (err.failure !== "missing") summary.skipped.unreadable++;
}

/**
 * Read one file into a chunk, or count why it was skipped; an `explicit`
 * file that cannot be read is an error (exit 2). A directory met in a walk
 * (a submodule's work tree) is walked in turn.
 * Synchronous on purpose: for many small files, open/fstat/read/close on the
 * main thread costs a fraction of the promise round-trips through libuv's
 * thread pool, and the scan itself is CPU work on the same thread anyway.
 */
function readOne(
  entry: WalkEntry,
  path: string,
  explicit: boolean,
  options: FileSourceOptions,
  summary: ScanSummary,
): Chunk | "directory" | undefined {
  if (options.skipFile?.(entry.abs)) return undefined;
  let opened: ReturnType<typeof openRegularFile>;
  try {
    opened = openRegularFile(entry.open, path);
  } catch (err) {
    if (!(err instanceof OpenError)) throw err;
    if (err.failure === "directory" && !explicit) return "directory";
    if (explicit) throw err;
    countSkip(err, summary);
    return undefined;
  }
  try {
    const data = readOpened(opened, options.maxFileSize);
    if (data === undefined) {
      summary.skipped.tooLarge++;
      return undefined;
    }
    return { path, data, startLine: 1, binary: countScanned(summary, data) };
  } catch (err) {
    if (explicit) throw openFailure(err, path);
    summary.skipped.unreadable++;
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

interface Target {
  arg: string;
  abs: string;
  info: Stats | undefined;
}

/**
 * Check the given paths up front (lstat: a symlink named on the command line
 * is not followed either), so a bad one fails before any scanning (exit 2).
 */
function resolveTargets(paths: readonly string[], cwd: string): Target[] {
  return paths.map((arg) => {
    if (arg === "-") return { arg, abs: "-", info: undefined };
    const abs = resolve(cwd, arg);
    let info: Stats;
    try {
      info = lstatSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && arg.includes("\uFFFD"))
        throw new InputError(
          `no such file or directory: ${arg} (the name is not valid UTF-8 as given; name the directory that holds it instead)`,
        );
      if (code === "ENOENT" || code === "ENOTDIR") throw new InputError(`no such file or directory: ${arg}`);
      throw openFailure(err, arg);
    }
    // A directory named explicitly must be readable as a whole: in a walk it would only be counted.
    if (info.isDirectory())
      try {
        accessSync(abs, constants.R_OK | constants.X_OK);
      } catch (err) {
        throw openFailure(err, arg);
      }
    const gitDir = gitDirectoryOf(info.isDirectory() ? abs : dirname(abs));
    if (gitDir !== undefined)
      throw new InputError(
        `${arg} is ${gitDir === abs ? "" : "inside "}a git repository's own directory (${basename(gitDir) === ".git" ? ".git" : "a bare repository"}): scan never reads git's files; run tvly-guard history to audit what the repository holds`,
      );
    if (info.isSymbolicLink())
      throw new OpenError("symlink", `${arg} is a symbolic link (ELOOP: tvly-guard never follows them)`);
    if (!info.isFile() && !info.isDirectory())
      throw new OpenError("not-regular", `${arg} is not a regular file or a directory: not read`);
    return { arg, abs, info };
  });
}

/** Yield a chunk per scannable file under `paths`, updating `summary` as it goes. */
export async function* readFileChunks(
  paths: readonly string[],
  options: FileSourceOptions,
  summary: ScanSummary,
): AsyncGenerator<Chunk> {
  const { cwd } = options;
  for (const target of resolveTargets(paths, cwd)) {
    if (target.abs === "-") {
      const data = await readStdin(options.stdin, options.maxFileSize);
      yield { path: "<stdin>", data, startLine: 1, binary: countScanned(summary, data) };
    } else if (target.info?.isDirectory()) {
      const pending = [target.abs];
      for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
        for (const entry of await walkDirectory(dir, options, summary)) {
          const chunk = readOne(entry, displayPath(cwd, target.abs, entry.abs), false, options, summary);
          if (chunk === "directory") pending.push(entry.abs);
          else if (chunk) yield chunk;
        }
      }
    } else {
      const entry = { open: target.abs, abs: target.abs };
      const chunk = readOne(entry, displayPath(cwd, target.abs, target.abs) || target.arg, true, options, summary);
      if (chunk && chunk !== "directory") yield chunk;
    }
  }
}
