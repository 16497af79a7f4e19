// The one way tvly-guard opens a path to read it: never through a symlink,
// never blocking (a FIFO or a device named by accident cannot hang a hook),
// regular files only, and errors that say what is wrong in words.
import { constants as bufferConstants } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { InputError } from "../errors.js";

/** Why a path could not be read, as a short code and the words a user sees. */
export type OpenFailure = "symlink" | "denied" | "missing" | "not-regular" | "directory" | "other";

/** A path that cannot be read; `failure` says why, `message` says it in one line. */
export class OpenError extends InputError {
  constructor(
    readonly failure: OpenFailure,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The largest file tvly-guard reads into memory (Node's Buffer limit is near it; the engine works on Buffers). */
export const MAX_READ_SIZE = Math.min(bufferConstants.MAX_LENGTH, 1024 ** 3);

/** One read call at most this big: a single readSync of 2 GiB or more throws ERR_OUT_OF_RANGE. */
const READ_PIECE = 64 * 1024 * 1024;

function kindOf(info: Stats): string {
  if (info.isFIFO()) return "a FIFO";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

/** The one-line reason for an errno from open(2) with O_NOFOLLOW. */
export function openFailure(err: unknown, what: string): OpenError {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ELOOP":
      return new OpenError("symlink", `${what} is a symbolic link (ELOOP: tvly-guard never follows them)`, code);
    case "EACCES":
    case "EPERM":
      return new OpenError("denied", `cannot read ${what}: permission denied (${code})`, code);
    case "ENOENT":
    case "ENOTDIR":
      return new OpenError("missing", `cannot read ${what}: ${code} (no such file or directory)`, code);
    case "EISDIR":
      return new OpenError("directory", `${what} is a directory`, code);
    default:
      return new OpenError("other", `cannot read ${what}: ${code ?? (err as Error).message}`, code);
  }
}

export interface OpenedFile {
  fd: number;
  info: Stats;
}

/**
 * Open `path` for reading: O_NOFOLLOW (a symlink fails with ELOOP), O_NONBLOCK
 * (opening a FIFO returns at once instead of waiting for a writer), then fstat
 * on the descriptor itself, so what is checked is what is read. Anything but a
 * regular file is closed and refused. `what` names the path in messages.
 */
export function openRegularFile(path: string | Buffer, what: string): OpenedFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    throw openFailure(err, what);
  }
  const info = fstatSync(fd);
  if (info.isFile()) return { fd, info };
  closeSync(fd);
  if (info.isDirectory()) throw new OpenError("directory", `${what} is a directory`);
  throw new OpenError("not-regular", `${what} is ${kindOf(info)}, not a regular file: not read`);
}

/**
 * Read an open regular file whole, in pieces, refusing more than `limit`
 * bytes. A size of 0 may be a lie (procfs, some FUSE mounts), so then read
 * until EOF; a file that shrank yields what is there. Returns undefined
 * when the file is larger than `limit`.
 */
export function readOpened(opened: OpenedFile, limit: number): Buffer | undefined {
  const { fd, info } = opened;
  if (info.size > limit) return undefined;
  if (info.size === 0) {
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const part = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, part, 0, part.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) return undefined;
      parts.push(part.subarray(0, n));
    }
    return Buffer.concat(parts);
  }
  const data = Buffer.allocUnsafe(info.size);
  let filled = 0;
  while (filled < info.size) {
    const n = readSync(fd, data, filled, Math.min(READ_PIECE, info.size - filled), filled);
    if (n === 0) break;
    filled += n;
  }
  return filled === info.size ? data : data.subarray(0, filled);
}

/**
 * Read a regular file (config, baseline, .env, .gitignore) whole. `missing`
 * says what an absent file means: "error" throws, "undefined" returns undefined.
 * Any other failure (a FIFO, a directory, a symlink, EACCES) is an OpenError.
 */
export function readRegularFile(path: string, what: string, limit?: number): Buffer;
export function readRegularFile(path: string, what: string, limit: number, missing: "undefined"): Buffer | undefined;
export function readRegularFile(
  path: string,
  what: string,
  limit = MAX_READ_SIZE,
  missing: "error" | "undefined" = "error",
): Buffer | undefined {
  let opened: OpenedFile;
  try {
    opened = openRegularFile(path, what);
  } catch (err) {
    if (missing === "undefined" && err instanceof OpenError && err.failure === "missing") return undefined;
    throw err;
  }
  try {
    const data = readOpened(opened, limit);
    if (data === undefined) throw new OpenError("other", `${what} is larger than ${limit} bytes: not read`);
    return data;
  } catch (err) {
    if (err instanceof OpenError) throw err;
    throw openFailure(err, what);
  } finally {
    closeSync(opened.fd);
  }
}
