// What the next commit would add: the lines staged in the index against HEAD
// (the empty tree before the first commit), read from the index git names in
// GIT_INDEX_FILE, as chunks numbered like the staged file.
import type { ScanSummary } from "../report/finding.js";
import { countScanned, DEFAULT_MAX_FILE_SIZE, type Chunk } from "./chunk.js";
import { isMissingObjectFailure, listBlobSizes, listMissingHeadObjects, listStagedEntries, readBlobs, readStagedPatch, type GitContext } from "./git.js";
import { parseUnifiedDiff, type FilePatch } from "./unified-diff.js";

/**
 * Yield the staged added lines, one chunk per run of consecutive lines.
 * One git process in the usual case. In a partial clone whose HEAD version of
 * a staged file is absent, git would fetch it to diff: we never fetch, so
 * those files are scanned whole (a warning says so) and the rest as a diff.
 */
export async function* readStagedChunks(ctx: GitContext, summary: ScanSummary): AsyncGenerator<Chunk> {
  let patch: Buffer;
  try {
    patch = await readStagedPatch(ctx);
  } catch (err) {
    if (!isMissingObjectFailure(err)) throw err;
    yield* readStagedWithoutFetching(ctx, summary, err);
    return;
  }
  yield* chunksFromPatch(ctx, patch, summary);
}

/** Chunks of one patch text; binary files are read whole afterwards, submodules passed over. */
async function* chunksFromPatch(ctx: GitContext, patch: Buffer, summary: ScanSummary): AsyncGenerator<Chunk> {
  const binaries: FilePatch[] = [];
  for await (const record of parseUnifiedDiff([patch])) {
    if (record.kind === "file") yield* chunksFromFile(record.file, summary, undefined, binaries);
  }
  yield* readBinaryBlobs(ctx, binaries, summary);
}

/**
 * The chunks of one file's patch. Exported for the range source. A binary
 * file has no lines in the patch: with `binaries` it is collected there for
 * readBinaryBlobs, without it counted as skipped (never silently passed).
 */
export function* chunksFromFile(file: FilePatch, summary: ScanSummary, commit?: Chunk["commit"], binaries?: FilePatch[]): Generator<Chunk> {
  if (file.gitlink || file.deleted) return; // a submodule bump is a commit id; a deletion adds nothing
  if (file.binary) {
    if (binaries && file.newOid) binaries.push(file);
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

/**
 * The partial-clone path: list the staged entries from object ids alone, find
 * which HEAD versions are absent, diff the others, and scan the staged blob of
 * the rest whole (its every line counts as added: never a false pass).
 */
async function* readStagedWithoutFetching(ctx: GitContext, summary: ScanSummary, original: unknown): AsyncGenerator<Chunk> {
  const entries = (await listStagedEntries(ctx)).filter((e) => e.newMode !== "160000" && e.status !== "U");
  const missing = await listMissingHeadObjects(ctx);
  const whole = entries.filter((e) => missing.has(e.oldOid));
  if (whole.length === 0) throw original; // the diff failed for another reason: report git's own
  const excluded = whole.map((e) => `:(top,exclude,literal)${e.path}`);
  yield* chunksFromPatch(ctx, await readStagedPatch(ctx, [":/", ...excluded]), summary);
  const blobs = await readBlobs(ctx, whole.map((e) => e.newOid));
  for (const entry of whole) {
    const data = blobs.get(entry.newOid)!;
    countScanned(summary, data); // binary or text: the engine decides how to locate a key in it
    yield { path: entry.path, data, startLine: 1 };
  }
  summary.warnings.push(`partial clone: the committed version of ${plural(whole.length, "staged file")} is not in this repository and tvly-guard never fetches, so ${whole.length === 1 ? "it was" : "they were"} scanned whole: ${whole.map((e) => e.path).join(", ")}`);
}

/**
 * The whole new blob of each binary file ("Binary files ... differ" in the
 * patch), up to the size limit: keys sit verbatim in binaries, and the engine
 * locates them by byte offset. Exported for the range source.
 */
export async function* readBinaryBlobs(ctx: GitContext, files: readonly FilePatch[], summary: ScanSummary, commit?: Chunk["commit"], maxSize = DEFAULT_MAX_FILE_SIZE): AsyncGenerator<Chunk> {
  if (files.length === 0) return;
  const sizes = await listBlobSizes(ctx, files.map((f) => f.newOid!));
  const wanted = files.filter((f) => {
    const size = sizes.get(f.newOid!);
    if (size === undefined) summary.skipped.unreadable++;
    else if (size > maxSize) summary.skipped.tooLarge++;
    return size !== undefined && size <= maxSize;
  });
  const blobs = await readBlobs(ctx, [...new Set(wanted.map((f) => f.newOid!))]);
  for (const file of wanted) {
    const data = blobs.get(file.newOid!);
    if (!data) {
      summary.skipped.unreadable++;
      continue;
    }
    countScanned(summary, data);
    yield { path: file.path, data, startLine: 1, ...(commit ? { commit } : {}) };
  }
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
