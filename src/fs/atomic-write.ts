// The one way tvly-guard writes a file the user keeps (sources fixed by `fix`,
// .env, .gitignore, reports, baselines): a temporary file in the same
// directory, fsync, rename over the target, fsync the directory. A reader, or
// a run killed half-way, sees the old bytes or the new ones, never a mix.
import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.js";

export interface AtomicWriteOptions {
  /** Mode for a file that does not exist yet (an existing file keeps its own). Default 0o666 less the umask. */
  newFileMode?: number;
  /** How messages name the file (default: the path as given). */
  what?: string;
  /**
   * fsync the data and the directory before returning (default true). A
   * process killed at any point leaves old or new bytes either way; fsync
   * adds power-loss durability, at about a millisecond per file: `fix` asks it
   * for .env and .gitignore (where the keys go) and not for each source.
   */
  durable?: boolean;
  /**
   * A temporary name of this process's own (default false): for a file that
   * concurrent runs may write at once (the code cache), where a shared name
   * would let one run rename another's half-written file into place.
   */
  uniqueTemp?: boolean;
}

/**
 * The temporary file beside `path`. Its name is fixed, not random, so a run
 * killed before the rename leaves at most one per target, and the next run
 * that writes the same target replaces it.
 */
export function tempPathFor(path: string, unique = false): string {
  return join(dirname(path), `.${basename(path)}${unique ? `.${process.pid}` : ""}.tvly-guard.tmp`);
}

function fail(what: string, err: unknown): InputError {
  return new InputError(`cannot write ${what}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}

/**
 * Replace `path` with `data`, atomically. An existing target must be a regular
 * file (a symlink, FIFO or directory there is refused, never followed); its
 * mode is kept. Throws InputError naming the file.
 */
export function writeFileAtomic(path: string, data: Buffer | string, options: AtomicWriteOptions = {}): void {
  const what = options.what ?? path;
  let mode = options.newFileMode ?? 0o666;
  let existing = false;
  try {
    const info = lstatSync(path);
    if (info.isSymbolicLink()) throw new InputError(`refusing to write ${what}: it is a symbolic link`);
    if (!info.isFile()) throw new InputError(`refusing to write ${what}: it is not a regular file`);
    mode = info.mode & 0o7777;
    existing = true;
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw fail(what, err);
  }
  const temp = tempPathFor(path, options.uniqueTemp);
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let fd: number | undefined;
  try {
    fd = openTemp(temp, mode);
    if (existing) fchmodSync(fd, mode); // open() applied the umask; the original mode is what we keep
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    if (options.durable !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // nothing was created
    }
    throw fail(what, err);
  }
  if (options.durable !== false) syncDirectory(dirname(path));
}

/** Create the temporary file; one left by a run killed before its rename is replaced. */
function openTemp(temp: string, mode: number): number {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  try {
    return openSync(temp, flags, mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    unlinkSync(temp);
    return openSync(temp, flags, mode);
  }
}

/**
 * Write a report the user asked for with --output: a regular file (or a new
 * one) is replaced atomically; a FIFO or a device (a terminal, /dev/null) is
 * written in place, after a non-blocking open proved that something reads it,
 * so a FIFO nobody reads is an error instead of a hang. A symlink is refused.
 */
export function writeOutputFile(path: string, data: string, what: string): void {
  let info: ReturnType<typeof lstatSync> | undefined;
  try {
    info = lstatSync(path);
  } catch {
    // absent: created below
  }
  if (!info || info.isFile() || info.isSymbolicLink() || info.isDirectory()) {
    writeFileAtomic(path, data, { what, durable: false });
    return;
  }
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW));
    const fd = openSync(path, constants.O_WRONLY | constants.O_NOFOLLOW);
    try {
      const bytes = Buffer.from(data, "utf8");
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENXIO")
      throw new InputError(`cannot write ${what}: it is a FIFO that no process is reading (ENXIO)`);
    throw fail(what, err);
  }
}

/** Make a rename durable: fsync the directory that holds it (some file systems refuse; then there is nothing to do). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY);
    fsyncSync(fd);
  } catch {
    // EINVAL/EISDIR on file systems without directory fsync
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
