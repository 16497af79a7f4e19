// What the next commit would add: the lines staged in the index against HEAD
// (the empty tree before the first commit), read from the index git names in
// GIT_INDEX_FILE, as chunks numbered like the staged file.
import type { ScanSummary } from "../report/finding.js";
import type { Chunk } from "./chunk.js";
import { isMissingObjectFailure, listMissingHeadObjects, listStagedEntries, readBlobs, readStagedPatch, type GitContext } from "./git.js";
import { chunksFromFile } from "./patch-chunks.js";
import { parseUnifiedDiff } from "./unified-diff.js";

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
  yield* chunksFromPatch(patch, summary);
}

/** Chunks of one patch text; binary files and submodules are counted or passed over. */
async function* chunksFromPatch(patch: Buffer, summary: ScanSummary): AsyncGenerator<Chunk> {
  for await (const record of parseUnifiedDiff([patch])) {
    if (record.kind === "file") yield* chunksFromFile(record.file, summary);
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
  yield* chunksFromPatch(await readStagedPatch(ctx, [":/", ...excluded]), summary);
  const { looksBinary } = await import("./files.js"); // not on the usual path: files.js loads fast-glob
  const blobs = await readBlobs(ctx, whole.map((e) => e.newOid));
  for (const entry of whole) {
    const data = blobs.get(entry.newOid)!;
    if (looksBinary(data)) {
      summary.skipped.binary++;
      continue;
    }
    summary.files++;
    summary.bytes += data.length;
    yield { path: entry.path, data, startLine: 1 };
  }
  summary.warnings.push(`partial clone: the committed version of ${plural(whole.length, "staged file")} is not in this repository and tvly-guard never fetches, so ${whole.length === 1 ? "it was" : "they were"} scanned whole: ${whole.map((e) => e.path).join(", ")}`);
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
