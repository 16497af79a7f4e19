// What the next commit would add: the lines staged in the index against HEAD
// (the empty tree before the first commit), read from the index git names in
// GIT_INDEX_FILE, as chunks numbered like the staged file.

import { looksBinary } from "../engine/binary.js";
import { readBlobs } from "../git/cat-file.js";
import { type GitContext, isMissingObjectFailure } from "../git/exec.js";
import { type IndexedFile, listStagedFilesWithout } from "../git/grep.js";
import { GITLINK_MODE } from "../git/log.js";
import { listMissingHeadObjects } from "../git/objects.js";
import {
  listStagedEntries,
  type RawEntry,
  readStagedPatchAgainst,
  type StagedPatch,
  streamStagedPatch,
  streamStagedPatchOf,
} from "../git/patch.js";
import { literalPathspecBatches } from "../git/pathspec.js";
import { readRepositoryFacts } from "../git/repository.js";
import { findWorkTreeRoot, readMergeHeads } from "../git/work-tree.js";
import { visitStagedCopies } from "../git/work-tree-copies.js";
import { plural } from "../report/summary.js";
import type { ScanSummary } from "./chunk.js";
import { type Chunk, countScanned } from "./chunk.js";
import { type BinaryFile, chunksFromFile, readBinaryBlobs } from "./patch-chunks.js";
import { type AddedRun, parseUnifiedDiff, unquoteGitPath } from "./unified-diff.js";

/** How readStagedChunks may narrow a large change; without `hints`, it reads the one patch whole. */
export interface NarrowOptions {
  /** The engine's prefilter hints (prefilterHints): a file whose staged blob holds none has no finding. */
  hints?: readonly string[];
  /** The same as bytes (hintAnchors), to search the files read here rather than by git grep. */
  anchors?: readonly Buffer[];
  /** Staged files from which a change is narrowed (default NARROW_FROM). */
  from?: number;
}

/**
 * The one patch costs git two blob reads and a diff per file, and the parser
 * every line; narrowing reads only the staged content (ruleOut). From this many
 * files what narrowing adds (reading that content, the facts, a limited diff)
 * costs less than it saves (docs/performance.md has the figures); a usual commit
 * has fewer and starts one git process, as before.
 */
const NARROW_FROM = 150;

/**
 * Yield the staged added lines, one chunk per run of consecutive lines, as
 * git writes the patch: detection works while git still diffs.
 * One git process in the usual case. With `narrow.hints`, a change of at least
 * `narrow.from` files is narrowed as soon as the patch's listing shows it
 * (narrowable, ruleOut, chunksOfNarrowed): the files whose staged content
 * holds no hint are ruled out, and only the others are diffed.
 * In a partial clone whose HEAD version of a staged file is absent, git would
 * fetch it to diff: we never fetch, so git fails there; the files it had
 * finished stay scanned, the others are diffed again without those, and the
 * absent ones scanned whole (a warning says so).
 */
export async function* readStagedChunks(
  ctx: GitContext,
  summary: ScanSummary,
  started: StagedPatch = streamStagedPatch(ctx),
  narrow: NarrowOptions = {},
): AsyncGenerator<Chunk> {
  const mergeHeads = readMergeHeads(ctx.cwd, ctx.env);
  if (mergeHeads.length === 0) {
    const done = new Set<string>();
    try {
      const hints = narrow.hints;
      const rest =
        hints && hints.length > 0 ? narrowable(await started.listing(), narrow.from ?? NARROW_FROM) : undefined;
      let patch = started;
      if (rest && hints) {
        started.cancel(); // git wrote the listing first: it has diffed little yet
        const facts = readRepositoryFacts(ctx); // asked now: git answers while the copies are read
        const ruledOut = await ruleOut(ctx, regularFiles(rest), hints, narrow.anchors ?? []);
        if (!(await facts).partial) {
          yield* chunksOfNarrowed(ctx, summary, rest, ruledOut, done);
          return;
        }
        // A partial clone's fallback names what it scanned whole: the one patch after all (ruleOut's answer unused).
        patch = streamStagedPatch(ctx);
      }
      yield* chunksFromPatch(ctx, patch.pieces, summary, undefined, done);
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
 * The staged text `files` that hold none of the engine's `anchors` (bytes) or
 * `hints` (their texts, for git grep): those whose work-tree copy is their
 * staged blob are searched here, the others by git grep (none when it fails).
 * A binary file is never ruled out (git grep -I leaves it out too): it is
 * diffed, and read whole, as without narrowing.
 */
async function ruleOut(
  ctx: GitContext,
  files: readonly IndexedFile[],
  hints: readonly string[],
  anchors: readonly Buffer[],
): Promise<Set<string>> {
  const without = new Set<string>();
  const root = findWorkTreeRoot(ctx.cwd, ctx.env) ?? ctx.cwd; // GIT_DIR alone: git takes the cwd as the top
  const left =
    anchors.length === 0
      ? files
      : visitStagedCopies(root, files, (file, bytes) => {
          if (!looksBinary(bytes) && !anchors.some((anchor) => bytes.includes(anchor))) without.add(file.path);
        });
  if (left.length > 0)
    for (const path of await listStagedFilesWithout(ctx, hints, left).catch(() => [])) without.add(path);
  return without;
}

/** A regular file's mode in the index: what git grep searches. */
const REGULAR_MODES = new Set(["100644", "100755"]);

const regularFiles = (entries: readonly RawEntry[]): IndexedFile[] =>
  entries.filter((e) => REGULAR_MODES.has(e.newMode)).map((e) => ({ mode: e.newMode, oid: e.newOid, path: e.path }));

/** A conflict, a rename, a copy: statuses that keep the one patch. */
const ONE_PATCH_STATUSES = new Set(["U", "R", "C"]);

/**
 * The staged files of the patch's `listing` when the change is worth
 * narrowing, else undefined (read the one patch). It is not when fewer than
 * `from` files are staged, nor where narrowing could change what the run
 * shows: an unresolved conflict (status U), a path git could not give as
 * UTF-8 (no pathspec would name it), or a rename or copy (the one patch pairs
 * those; a pathspec-limited diff would show the new file whole). Without one,
 * each file diffed on its own with --no-renames shows the lines the one patch
 * shows for it. (A partial clone, the other case, takes a git call to tell.)
 */
function narrowable(listing: readonly RawEntry[], from: number): readonly RawEntry[] | undefined {
  if (listing.length < from) return undefined;
  const onePatchOnly = (e: RawEntry) => ONE_PATCH_STATUSES.has(e.status) || e.path.includes("\uFFFD");
  return listing.some(onePatchOnly) ? undefined : listing;
}

/**
 * The chunks of a narrowed change. Of its regular files, ruleOut ruled out
 * (`ruledOut`) those whose staged blob holds no hint: every chunk of a file is
 * a run of its blob's lines, and the engine finds nothing in bytes holding no
 * hint. The others (binary files, symlinks, submodules, hinted files, and those
 * git grep had to read when it could not run) are diffed, a pathspec-limited
 * patch per batch. `done` gains them all.
 */
async function* chunksOfNarrowed(
  ctx: GitContext,
  summary: ScanSummary,
  entries: readonly RawEntry[],
  ruledOut: ReadonlySet<string>,
  done: Set<string>,
): AsyncGenerator<Chunk> {
  const toDiff = entries.filter((e) => !ruledOut.has(e.path)).map((e) => e.path);
  summary.ruledOut += ruledOut.size;
  for (const path of ruledOut) done.add(path);
  for (const batch of literalPathspecBatches(toDiff))
    yield* chunksFromPatch(ctx, streamStagedPatchOf(ctx, batch).pieces, summary, undefined, done);
  // Every file asked for has its record (a mode change or removed lines too): one missing would pass unread.
  const missing = toDiff.filter((path) => !done.has(path));
  if (missing.length > 0)
    throw new Error(`git diff showed no patch for ${plural(missing.length, "staged file")}: ${missing.join(", ")}`);
}

/**
 * Chunks of one patch text; binary files are read whole afterwards (but
 * counted as skipped when concluding a merge: a whole blob cannot tell the
 * resolution from what the other side brought), submodules passed over.
 * `done` collects the paths of the files whose patch was complete (all
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
  if (binaries) {
    yield* readBinaryBlobs(ctx, binaries, summary);
    for (const { file } of binaries) done?.add(file.path);
  }
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
  yield* chunksFromPatch(ctx, streamStagedPatchOf(ctx, [":/", ...excluded]).pieces, summary);
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
