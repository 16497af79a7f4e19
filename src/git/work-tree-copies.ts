// Staged blobs read from the work tree instead of from git. Right after
// `git add`, a staged file's work-tree copy holds the very bytes of its blob,
// and hashing the copy as git hashes a blob ("blob <size>\0" then the bytes)
// proves it. A few system calls per file cost node less than git inflating
// 2,000 loose objects (docs/performance.md). A copy that is not the blob
// (edited since it was staged, changed by a clean filter or line-ending
// conversion, not a plain file, too large) is left to git.
import { closeSync, constants, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { nodeCrypto } from "../lazy-builtins.js";
import type { IndexedFile } from "./grep.js";

/** Larger copies are left to git: one file must not make the hook hold its whole size in memory. */
const MAX_COPY_BYTES = 8 * 1024 * 1024;

/** Never follow a symlink where the index has a file; never wait on a FIFO or a device. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Call `visit` with the bytes of each of `files` (paths relative to
 * `workTree`) whose work-tree copy is its staged blob, byte for byte; the
 * bytes are valid only during the call (one buffer is reused). Returns the
 * files whose copy is not their blob or could not be read.
 * https://git-scm.com/book/en/v2/Git-Internals-Git-Objects#_object_storage
 */
export function visitStagedCopies(
  workTree: string,
  files: readonly IndexedFile[],
  visit: (file: IndexedFile, bytes: Buffer) => void,
): IndexedFile[] {
  const crypto = nodeCrypto();
  const unverified: IndexedFile[] = [];
  let buffer: Buffer = Buffer.allocUnsafe(64 * 1024);
  for (const file of files) {
    let bytes: Buffer | undefined;
    try {
      [bytes, buffer] = readCopy(join(workTree, file.path), buffer);
    } catch {
      // absent, unreadable, a directory, a symlink (O_NOFOLLOW): git reads this one
    }
    const algorithm = file.oid.length === 64 ? "sha256" : "sha1"; // the repository's object format
    if (bytes !== undefined && blobId(crypto, algorithm, bytes) === file.oid) visit(file, bytes);
    else unverified.push(file);
  }
  return unverified;
}

/** The id git gives a blob of these bytes. */
const blobId = (crypto: typeof import("node:crypto"), algorithm: string, data: Buffer) =>
  crypto.createHash(algorithm).update(`blob ${data.length}\0`).update(data).digest("hex");

/**
 * The bytes of the file at `path` (a view of `buffer`, or of a larger buffer
 * returned with it), or undefined past MAX_COPY_BYTES. Read to the end without
 * asking its size first: one system call fewer per file, and what is not a
 * plain file (a FIFO reads as empty, a device as endless bytes) cannot match
 * the blob's id. A file written to meanwhile is caught by the id too.
 */
function readCopy(path: string, buffer: Buffer): [Buffer | undefined, Buffer] {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length >= MAX_COPY_BYTES) return [undefined, buffer];
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 4, MAX_COPY_BYTES));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return [buffer.subarray(0, length), buffer];
      length += n;
      // A short read of a regular file is its end: the id check below catches a file system where it is not.
      if (length < buffer.length) return [buffer.subarray(0, length), buffer];
    }
  } finally {
    closeSync(fd);
  }
}
