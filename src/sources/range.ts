// The lines added by each commit of a revision range (`A..B`, `A...B`, `C^!`,
// or a pre-push hook's refs), and each commit's message, as chunks that carry
// their commit, author and date; a pushed annotated tag's message too.
import { GitError, InputError, UsageError } from "../errors.js";
import { type GitContext, gitStderr } from "../git/exec.js";
import { COMMIT_MARKER, readRangePatches } from "../git/patch.js";
import { filterKnownCommits, listRangeCommits } from "../git/refs.js";
import { FETCH_ALL_HINT, type RepositoryFacts, readRepositoryFacts } from "../git/repository.js";
import type { Chunk, CommitInfo, ScanSummary } from "./chunk.js";
import { type NamedTag, readCommitMessageChunks, readTagMessageChunks, shortTagName } from "./messages.js";
import { type BinaryFile, chunksFromFile, readBinaryBlobs } from "./patch-chunks.js";
import { parseUnifiedDiff } from "./unified-diff.js";

/**
 * Revision arguments for one `git log` each; the commits of all of them are
 * scanned (a pre-push with new and updated branches needs two).
 */
export type RangePasses = string[][];

/** The user's range arguments as one pass; option-like arguments never reach git. */
export function passesFromRange(args: readonly string[]): RangePasses {
  if (args.length === 0)
    throw new UsageError(
      "diff: give a revision range (for example origin/main..HEAD, A...B or C^!) or --stdin-refs (see tvly-guard diff --help)",
    );
  for (const arg of args) {
    if (arg.startsWith("-") || arg.trim() === "")
      throw new UsageError(`diff: "${arg}" is not a revision range (see tvly-guard diff --help)`);
  }
  return [[...args]];
}

const ZERO = /^0+$/;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** A pre-push hook's stdin, read: what each pushed ref asks of the remote. */
export interface PushLines {
  /** Branches the remote has: local sha, and the sha the remote has now. */
  updated: { local: string; remote: string }[];
  /** Branches new to the remote (its sha is all zeros). */
  created: string[];
  /** Tag refs pushed (their sha may be an annotated tag object, whose message is scanned). */
  tags: NamedTag[];
}

/**
 * Read git's pre-push lines (`<local ref> <local sha> <remote ref> <remote sha>`).
 * A deletion (local sha all zeros) pushes no commit and is left out.
 * https://git-scm.com/docs/githooks#_pre_push
 */
export function parsePushLines(text: string): PushLines {
  const pushed: PushLines = { updated: [], created: [], tags: [] };
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [localRef, localSha, , remoteSha, extra] = line.split(/\s+/);
    if (!localSha || !remoteSha || extra !== undefined || !SHA.test(localSha) || !SHA.test(remoteSha)) {
      throw new InputError(
        `--stdin-refs: line ${i + 1} is not "<local ref> <local sha> <remote ref> <remote sha>", as git gives a pre-push hook`,
      );
    }
    if (ZERO.test(localSha)) continue;
    if (localRef!.startsWith("refs/tags/")) pushed.tags.push({ oid: localSha, ref: shortTagName(localRef!) });
    if (ZERO.test(remoteSha)) pushed.created.push(localSha);
    else pushed.updated.push({ local: localSha, remote: remoteSha });
  }
  return pushed;
}

/**
 * Passes for a push: an updated branch scans what is not on `remote` yet
 * (`<local> --not --remotes=<remote>`, and not the remote's current sha when
 * this repository has it, which bounds the scan when no remote-tracking ref
 * exists, e.g. a push to a URL); a new branch scans what is on no remote at
 * all. Without `remote`, every remote counts.
 */
export async function passesFromPush(
  ctx: GitContext,
  pushed: PushLines,
  remote: string | undefined,
): Promise<RangePasses> {
  const locals = pushed.updated.map((u) => u.local);
  const remoteShas = await filterKnownCommits(ctx, [...new Set(pushed.updated.map((u) => u.remote))]);
  if (remote === undefined) {
    const all = [...locals, ...pushed.created];
    return all.length > 0 ? [[...all, "--not", "--remotes", ...remoteShas]] : [];
  }
  const passes: RangePasses = [];
  if (locals.length > 0) passes.push([...locals, "--not", `--remotes=${remote}`, ...remoteShas]);
  // New branches: on no remote at all, and not already scanned by the pass above.
  if (pushed.created.length > 0) passes.push([...pushed.created, "--not", "--remotes", ...locals]);
  return passes;
}

/** Turn git's refusal of a revision into our one line, with the shallow-clone fix when it applies. */
function explainRevisionFailure(err: unknown, shape: RepositoryFacts): never {
  const stderr = gitStderr(err);
  const m = /(?:bad revision|ambiguous argument) '([^'\n]*)'|Invalid revision range (\S+)/.exec(stderr);
  if (m) {
    const what = m[1] ?? m[2]!;
    throw new GitError(
      shape.shallow
        ? `unknown revision ${what}: this is a shallow clone, so the base may not have been fetched; ${FETCH_ALL_HINT}`
        : `unknown revision ${what}: no such commit, branch or tag here (a range needs both ends, and HEAD~N needs N commits)`,
      { cause: err },
    );
  }
  if (/promisor remote|transport '[^']*' not allowed/.test(stderr)) {
    throw new GitError(
      "this partial clone does not hold the content of every commit in the range, and tvly-guard never fetches: run it in a full clone (or fetch the blobs first)",
      { cause: err },
    );
  }
  throw err;
}

/** Refuse a range that runs into a shallow clone's boundary: part of it cannot be read. */
async function checkShallowBoundary(ctx: GitContext, passes: RangePasses, shape: RepositoryFacts): Promise<void> {
  if (!shape.shallow) return;
  const boundary = new Set(shape.shallowBoundary);
  for (const revs of passes) {
    const commits = await listRangeCommits(ctx, revs).catch((err: unknown) => explainRevisionFailure(err, shape));
    const hit = commits.find((c) => boundary.has(c));
    if (hit) {
      throw new GitError(
        `the range reaches the shallow boundary of this clone at ${hit.slice(0, 12)}: the commits before it were never fetched, so part of the range cannot be read; ${FETCH_ALL_HINT}`,
      );
    }
  }
}

/** Parse our commit line: marker, sha, "Name <email>", ISO date. */
function parseCommitLine(line: Buffer): CommitInfo | undefined {
  const text = line.toString("utf8");
  if (!text.startsWith(COMMIT_MARKER)) return undefined;
  const [sha, author, date] = text.slice(COMMIT_MARKER.length).split("\0");
  return { sha: sha!, author: author!, date: date! };
}

/**
 * Yield the added lines of every commit the passes select. Checks first that
 * the range is readable (shallow boundary); unknown revisions fail with one line.
 */
export async function* readRangeChunks(
  ctx: GitContext,
  passes: RangePasses,
  summary: ScanSummary,
  tags: readonly NamedTag[] = [],
): AsyncGenerator<Chunk> {
  const shape = await readRepositoryFacts(ctx);
  await checkShallowBoundary(ctx, passes, shape);
  const seen = new Set<string>();
  const seenMessages = new Set<string>();
  for (const revs of passes) {
    let commit: CommitInfo | undefined;
    let skip = false;
    const binaries: BinaryFile[] = []; // read whole after the pass: git's patch has no lines for them
    try {
      for await (const record of parseUnifiedDiff(readRangePatches(ctx, revs))) {
        if (record.kind === "line") {
          const next = parseCommitLine(record.line);
          if (!next) continue;
          commit = next;
          skip = seen.has(next.sha);
          if (!skip) {
            seen.add(next.sha);
            summary.commits++;
          }
        } else if (commit && !skip) {
          yield* chunksFromFile(record.file, summary, commit, binaries);
        }
      }
      yield* readBinaryBlobs(ctx, binaries, summary);
      yield* readCommitMessageChunks(ctx, [...revs, "--"], summary, seenMessages);
    } catch (err) {
      if (err instanceof GitError) explainRevisionFailure(err, shape);
      throw err;
    }
  }
  // A pushed annotated tag: its message (a tag pointing at a blob or tree is server-side's job, see receive).
  yield* readTagMessageChunks(ctx, tags, summary);
}
