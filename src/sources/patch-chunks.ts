// One file's patch -> the chunks the engine scans, and what the summary counts
// (files with added lines, their bytes; binary files read whole). Shared by staged and diff.

import { readBlobSizes, readBlobs } from "../git/cat-file.js";
import type { GitContext } from "../git/exec.js";
import type { ScanSummary } from "./chunk.js";
import { type Chunk, countScanned, DEFAULT_MAX_FILE_SIZE } from "./chunk.js";
import type { FilePatch } from "./unified-diff.js";

/** A binary file of a patch ("Binary files ... differ": git shows no lines), to read whole. */
export interface BinaryFile {
  file: FilePatch;
  commit?: Chunk["commit"];
}

/**
 * The chunks of one file's patch: one per run of added lines, counted in
 * `summary`. A binary file has no lines in the patch: with `binaries` it is
 * collected there for readBinaryBlobs, without it counted as skipped (never silently passed).
 */
export function* chunksFromFile(
  file: FilePatch,
  summary: ScanSummary,
  commit?: Chunk["commit"],
  binaries?: BinaryFile[],
): Generator<Chunk> {
  if (file.gitlink || file.deleted) return; // a submodule bump is a commit id; a deletion adds nothing
  if (file.binary) {
    if (binaries && file.newOid) binaries.push(commit ? { file, commit } : { file });
    else summary.skipped.binary++;
    return;
  }
  if (file.added.length === 0) return; // pure rename, mode change, or only removed lines
  summary.files++;
  for (const run of file.added) {
    summary.bytes += run.data.length;
    yield { path: file.path, data: run.data, startLine: run.startLine, ...(commit ? { commit } : {}) };
  }
}

/** Bytes of blobs held at once: a range with many binaries is read in batches, not in one buffer. */
const BATCH_BYTES = 64 * 1024 * 1024;

/**
 * The whole new blob of each binary file, up to `maxSize` (sizes asked first,
 * so an oversized blob is never read): keys sit verbatim in binaries, and the
 * engine locates them by byte offset. A blob is the file's whole content, so a
 * key it already held before this change is reported too.
 */
export async function* readBinaryBlobs(
  ctx: GitContext,
  binaries: readonly BinaryFile[],
  summary: ScanSummary,
  maxSize = DEFAULT_MAX_FILE_SIZE,
): AsyncGenerator<Chunk> {
  if (binaries.length === 0) return;
  const sizes = await readBlobSizes(ctx, [...new Set(binaries.map((b) => b.file.newOid!))]);
  let batch: BinaryFile[] = [];
  let bytes = 0;
  const flush = async function* (): AsyncGenerator<Chunk> {
    const blobs = await readBlobs(ctx, [...new Set(batch.map((b) => b.file.newOid!))]);
    for (const { file, commit } of batch) {
      const data = blobs.get(file.newOid!);
      if (!data) {
        summary.skipped.unreadable++;
        continue;
      }
      yield { path: file.path, data, startLine: 1, binary: countScanned(summary, data), ...(commit ? { commit } : {}) };
    }
    batch = [];
    bytes = 0;
  };
  for (const binary of binaries) {
    const size = sizes.get(binary.file.newOid!);
    if (size === undefined) summary.skipped.unreadable++;
    else if (size > maxSize) summary.skipped.tooLarge++;
    else {
      if (bytes + size > BATCH_BYTES && batch.length > 0) yield* flush();
      batch.push(binary);
      bytes += size;
    }
  }
  if (batch.length > 0) yield* flush();
}
