// What the next commit would add: the lines staged in the index against HEAD
// (the empty tree before the first commit), read from the index git names in
// GIT_INDEX_FILE, as chunks numbered like the staged file.

import { readBlobs } from "../git/cat-file.js";
import { type GitContext, type GitOutput, isMissingObjectFailure } from "../git/exec.js";
import { GITLINK_MODE } from "../git/log.js";
import { listMissingHeadObjects } from "../git/objects.js";
import { listStagedEntries, readStagedPatchAgainst, streamStagedPatch } from "../git/patch.js";
import { readMergeHeads } from "../git/work-tree.js";
import { plural } from "../report/summary.js";
import type { ScanSummary } from "./chunk.js";
import { type Chunk, countScanned } from "./chunk.js";
import { type BinaryFile, chunksFromFile, readBinaryBlobs } from "./patch-chunks.js";
import { type AddedRun, parseUnifiedDiff, unquoteGitPath } from "./unified-diff.js";

/**
 * Yield the staged added lines, one chunk per run of consecutive lines, as
 * git writes the patch: detection works while git still diffs.
 * One git process in the usual case. In a partial clone whose HEAD version of
 * a staged file is absent, git would fetch it to diff: we never fetch, so git
 * fails there; the files it had finished stay scanned, the others are diffed
 * again without those, and the absent ones scanned whole (a warning says so).
 */
export async function* readStagedChunks(
  ctx: GitContext,
  summary: ScanSummary,
  started: GitOutput = streamStagedPatch(ctx),
): AsyncGenerator<Chunk> {
  const mergeHeads = readMergeHeads(ctx.cwd, ctx.env);
  if (mergeHeads.length === 0) {
    const done = new Set<string>();
    try {
      yield* chunksFromPatch(ctx, started.pieces, summary, undefined, done);
    } catch (err) {
      if (!isMissingObjectFailure(err)) throw err;
      yield* readStagedWithoutFetching(ctx, summary, err, done);
    }
    return;
  }
  // Concluding a merge: like `diff` does for merge commits, count only the
  // lines new to every parent (a conflict resolution), not all that the other
  // side brings in, whose own commits are where its keys belong.
  let others: Map<string, Set<number>>[];
  try {
    others = await Promise.all(mergeHeads.map(async (head) => addedLineSets(await readStagedPatchAgainst(ctx, head))));
  } catch (err) {
    started.cancel();
    throw err;
  }
  yield* chunksFromPatch(ctx, started.pieces, summary, (path, line) =>
    others.every((added) => added.get(path)?.has(line) === true),
  );
}

/**
 * Chunks of one patch text; binary files are read whole afterwards (but
 * counted as skipped when concluding a merge: a whole blob cannot tell the
 * resolution from what the other side brought), submodules passed over.
 * `done` collects the paths of the text files whose patch was complete (all
 * their chunks yielded), for a caller that has to diff the rest again.
 */
async function* chunksFromPatch(
  ctx: GitContext,
  patch: AsyncIterable<Buffer> | Iterable<Buffer>,
  summary: ScanSummary,
  keepLine?: (path: string, line: number) => boolean,
  done?: Set<string>,
): AsyncGenerator<Chunk> {
  const unmerged: string[] = [];
  const binaries: BinaryFile[] | undefined = keepLine ? undefined : [];
  for await (const record of parseUnifiedDiff(patch)) {
    if (record.kind === "line") {
      // "* Unmerged path <path>": a conflict not resolved yet; git will not commit until it is.
      const m = /^\* Unmerged path (.*)$/s.exec(record.line.toString("utf8"));
      if (m) unmerged.push(unquoteGitPath(m[1]!));
      continue;
    }
    const file = record.file;
    if (keepLine) file.added = file.added.flatMap((run) => filterRun(run, (line) => keepLine(file.path, line)));
    yield* chunksFromFile(file, summary, undefined, binaries);
    if (!file.binary) done?.add(file.path); // a binary is read after the patch: not done yet
  }
  if (binaries) yield* readBinaryBlobs(ctx, binaries, summary);
  if (unmerged.length > 0)
    summary.warnings.push(
      `${plural(unmerged.length, "path")} with an unresolved conflict not scanned (git add it once resolved): ${unmerged.join(", ")}`,
    );
}

/** path -> the new-file line numbers a patch adds. */
async function addedLineSets(patch: Buffer): Promise<Map<string, Set<number>>> {
  const sets = new Map<string, Set<number>>();
  for await (const record of parseUnifiedDiff([patch])) {
    if (record.kind !== "file") continue;
    const set = sets.get(record.file.path) ?? new Set<number>();
    for (const run of record.file.added)
      for (let i = 0, n = countLines(run.data); i < n; i++) set.add(run.startLine + i);
    sets.set(record.file.path, set);
  }
  return sets;
}

const countLines = (data: Buffer) => {
  let n = 1;
  for (let at = data.indexOf(0x0a); at !== -1; at = data.indexOf(0x0a, at + 1)) n++;
  return n;
};

/** Split a run into the runs of lines `keep` accepts. */
function filterRun(run: AddedRun, keep: (line: number) => boolean): AddedRun[] {
  const out: AddedRun[] = [];
  let start = 0;
  let current: { startLine: number; from: number; to: number } | undefined;
  for (let line = run.startLine; start <= run.data.length; line++) {
    const nl = run.data.indexOf(0x0a, start);
    const end = nl === -1 ? run.data.length : nl;
    if (keep(line)) {
      if (current) current.to = end;
      else current = { startLine: line, from: start, to: end };
    } else if (current) {
      out.push({ startLine: current.startLine, data: run.data.subarray(current.from, current.to) });
      current = undefined;
    }
    start = end + 1;
  }
  if (current) out.push({ startLine: current.startLine, data: run.data.subarray(current.from, current.to) });
  return out;
}

/**
 * The partial-clone path: list the staged entries from object ids alone (but
 * the files `done` already scanned), find which HEAD versions are absent, diff
 * the others, and scan the staged blob of the rest whole (its every line
 * counts as added: never a false pass).
 */
async function* readStagedWithoutFetching(
  ctx: GitContext,
  summary: ScanSummary,
  original: unknown,
  done: ReadonlySet<string>,
): AsyncGenerator<Chunk> {
  const entries = (await listStagedEntries(ctx)).filter(
    (e) => e.newMode !== GITLINK_MODE && e.status !== "U" && !done.has(e.path),
  );
  const missing = await listMissingHeadObjects(ctx);
  const whole = entries.filter((e) => missing.has(e.oldOid));
  if (whole.length === 0) throw original; // the diff failed for another reason: report git's own
  const excluded = [...whole.map((e) => e.path), ...done].map((path) => `:(top,exclude,literal)${path}`);
  yield* chunksFromPatch(ctx, streamStagedPatch(ctx, [":/", ...excluded]).pieces, summary);
  const blobs = await readBlobs(
    ctx,
    whole.map((e) => e.newOid),
  );
  for (const entry of whole) {
    const data = blobs.get(entry.newOid)!;
    // binary or text: the engine decides how to locate a key in it
    yield { path: entry.path, data, startLine: 1, binary: countScanned(summary, data) };
  }
  summary.warnings.push(
    `partial clone: the committed version of ${plural(whole.length, "staged file")} is not in this repository and tvly-guard never fetches, so ${whole.length === 1 ? "it was" : "they were"} scanned whole: ${whole.map((e) => e.path).join(", ")}`,
  );
}
