// Working-tree files for `scan`: fast-glob walks, git says what is ignored,
// symlinks are never followed, and "-" is stdin. Yields one Chunk per file.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { stat } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import fg from "fast-glob";
import { InputError } from "../errors.js";
import { listIgnoredPaths } from "../git/ignore.js";
import type { ScanSummary } from "../report/finding.js";
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

const toPosix = (p: string) => (sep === "/" ? p : p.split(sep).join("/"));

/** Report paths relative to the current directory, or to the scanned root when it lies outside it. */
function displayPath(cwd: string, root: string, abs: string): string {
  const fromCwd = relative(cwd, abs);
  return toPosix(fromCwd.startsWith("..") ? relative(root, abs) || abs : fromCwd);
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(typeof part === "string" ? Buffer.from(part) : (part as Buffer));
  return Buffer.concat(parts);
}

/** Every file under `dir` that git would not ignore, relative to `dir`, sorted. */
async function walkDirectory(dir: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const ignored = await listIgnoredPaths({ cwd: dir, env });
  const ignoredDirs = ignored.filter((p) => p.endsWith("/")).map((p) => `${fg.escapePath(p)}**`);
  const ignoredFiles = new Set(ignored.filter((p) => !p.endsWith("/")));
  const entries = await fg("**", {
    cwd: dir,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ["**/.git/**", "**/.git", ...ignoredDirs],
  });
  return entries.filter((e) => !ignoredFiles.has(e)).sort();
}

/**
 * Read a whole open file. A size of 0 may be a lie (procfs, some FUSE
 * mounts), so then read until EOF; a file that shrank yields what is there.
 */
function readAll(fd: number, size: number): Buffer {
  if (size === 0) {
    const parts: Buffer[] = [];
    for (
      let part = Buffer.allocUnsafe(64 * 1024), n = readSync(fd, part);
      n > 0;
      part = Buffer.allocUnsafe(64 * 1024), n = readSync(fd, part)
    )
      parts.push(part.subarray(0, n));
    return Buffer.concat(parts);
  }
  const data = Buffer.allocUnsafe(size);
  let filled = 0;
  for (let n = -1; filled < size && n !== 0; filled += n) n = readSync(fd, data, filled, size - filled, filled);
  return filled === size ? data : data.subarray(0, filled);
}

/**
 * Read one file into a chunk, or count why it was skipped. `explicit` files fail loudly.
 * Synchronous on purpose: for many small files, open/fstat/read/close on the
 * main thread costs a fraction of the promise round-trips through libuv's
 * thread pool, and the scan itself is CPU work on the same thread anyway.
 * O_NOFOLLOW refuses symlinks at open (ELOOP), so no separate lstat is needed.
 */
function readOne(
  abs: string,
  path: string,
  explicit: boolean,
  options: FileSourceOptions,
  summary: ScanSummary,
): Chunk | undefined {
  if (options.skipFile?.(abs)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
    const info = fstatSync(fd);
    if (!info.isFile()) return undefined;
    if (info.size > options.maxFileSize) {
      summary.skipped.tooLarge++;
      return undefined;
    }
    const data = readAll(fd, info.size);
    if (data.length > options.maxFileSize) {
      summary.skipped.tooLarge++; // its size was only known once read (procfs reports 0)
      return undefined;
    }
    return { path, data, startLine: 1, binary: countScanned(summary, data) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOOP") {
      summary.skipped.symlinks++;
      return undefined;
    }
    if (explicit)
      throw new InputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    summary.skipped.unreadable++;
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Resolve the given paths up front, so a missing one fails before any scanning (exit 2). */
async function resolveTargets(
  paths: readonly string[],
  cwd: string,
): Promise<{ arg: string; abs: string; isDir: boolean }[]> {
  return Promise.all(
    paths.map(async (arg) => {
      if (arg === "-") return { arg, abs: "-", isDir: false };
      const abs = resolve(cwd, arg);
      try {
        return { arg, abs, isDir: (await stat(abs)).isDirectory() };
      } catch {
        throw new InputError(`no such file or directory: ${arg}`);
      }
    }),
  );
}

/** Yield a chunk per scannable file under `paths`, updating `summary` as it goes. */
export async function* readFileChunks(
  paths: readonly string[],
  options: FileSourceOptions,
  summary: ScanSummary,
): AsyncGenerator<Chunk> {
  const { cwd } = options;
  for (const target of await resolveTargets(paths, cwd)) {
    if (target.abs === "-") {
      const data = await readStdin(options.stdin);
      yield { path: "<stdin>", data, startLine: 1, binary: countScanned(summary, data) };
    } else if (target.isDir) {
      for (const file of await walkDirectory(target.abs, options.env)) {
        const abs = resolve(target.abs, file);
        const chunk = readOne(abs, displayPath(cwd, target.abs, abs), false, options, summary);
        if (chunk) yield chunk;
      }
    } else {
      const chunk = readOne(target.abs, displayPath(cwd, target.abs, target.abs) || target.arg, true, options, summary);
      if (chunk) yield chunk;
    }
  }
}
