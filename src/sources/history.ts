// Every commit reachable from the given refs, as a SearchingSource for the
// pipeline: one `git log --raw` pass lists
// the blobs each commit introduces (and carries its message, searched as it
// goes by), each distinct blob is read once through
// `cat-file --batch` and searched as raw bytes, and only blobs that hold a key
// are attributed: to the earliest commit that put the key at that path.
import { detectSecrets, type Match } from "../engine/detect.js";
import { GitError } from "../errors.js";
import { readBlobs } from "../git/cat-file.js";
import type { GitContext } from "../git/exec.js";
import { countCommits, type PendingLog, startHistoryLog } from "../git/log.js";
import { listBlobsAt, listMissingBlobs } from "../git/objects.js";
import { FETCH_ALL_HINT, type RepositoryFacts } from "../git/repository.js";
import type { Progress } from "../progress.js";
import { formatBytes, plural } from "../report/summary.js";
import { defaultWorkers, defaultWorkersAfterBytes, startBlobScanner } from "./blob-scan.js";
import { type Chunk, countMessage, type ScanSummary } from "./chunk.js";
import { HistoryIndex } from "./history-index.js";
import type { OidTable } from "./oid-table.js";
import type { Engine, Hit, SearchingSource } from "./source.js";

/** The history `options.revs` reach, searched with the pipeline's engine (its rules go to the worker threads). */
export function historySource(options: HistoryOptions): SearchingSource {
  return {
    search: (engine, summary, progress) => scanHistory({ ...options, engine, progress }, summary),
  };
}

export interface HistoryOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Revisions and ranges handed to git (`--all`, `main`, `v1..v2`). */
  revs: readonly string[];
  /** The repository's facts, being read (started by the caller, side by side with its own git questions). */
  facts: Promise<RepositoryFacts>;
  maxFileSize: number;
  /** Count the commits up front, for an ETA (only worth it when progress is shown). */
  countCommits: boolean;
  /**
   * Worker threads searching blobs; 1 searches on the main thread. Given: they start at once.
   * Default: one per core, started once the main thread has read `workersAfterBytes` (default 64 MiB;
   * never on two cores: defaultWorkersAfterBytes).
   */
  workers?: number;
  workersAfterBytes?: number;
  /** Search each commit's message too, in the same log pass; `skip` drops the findings of a message it names. */
  messages?: { skip?: (chunk: Chunk) => boolean };
  /**
   * The log, started by the caller before its other git questions (startHistoryLog): used when it
   * walks `revs` with the messages asked for, else stopped and started again. The caller cancels
   * it once the scan is over (a no-op when it was read), so an error before it was read leaves no git waiting.
   */
  started?: PendingLog;
}

/** A (key, file) pair, where it was introduced and whether HEAD still holds it (null: HEAD cannot be read). */
type HistoryHit = Hit & { inHead: boolean | null };

const MAX_LISTED_MISSING = 5;

/** Scan the history `options.revs` reach; `summary` gets commits, blobs, bytes, skips and warnings. */
async function scanHistory(
  options: HistoryOptions & { engine: Engine; progress: Progress },
  summary: ScanSummary,
): Promise<Hit[]> {
  const { revs, engine, progress } = options;
  const { rules } = engine;
  const ctx: GitContext = { cwd: options.cwd, env: options.env };
  const messages = options.messages !== undefined;
  const facts = await options.facts;
  const missing = facts.partial ? await listMissingBlobs(ctx, revs) : new Set<string>();
  // The count is for the progress line's ETA only: it arrives while the scan runs, never before it.
  let totalCommits = 0;
  if (options.countCommits) void countCommits(ctx, revs).then((n) => (totalCommits = n));
  if (facts.shallow) summary.warnings.push(shallowWarning(facts.shallowBoundary));
  const pending = logFor(ctx, revs, messages, options.started);

  const index = new HistoryIndex();
  const scanner = startBlobScanner({
    ctx,
    maxSize: options.maxFileSize,
    rules,
    workers: options.workers ?? defaultWorkers(),
    workersAfterBytes: options.workers === undefined ? (options.workersAfterBytes ?? defaultWorkersAfterBytes()) : 0,
  });
  let missingSeen = 0;
  const missingListed: string[] = [];
  const started = Date.now();
  let commit = -1;
  let paused = false;
  const messageHits: Hit[] = [];
  const log = pending.read({
    onCommit(bytes, start, end) {
      commit = index.addCommit(bytes, start, end);
      progress.update(() => progressLine(summary.commits + index.commits, scanner.progress(), totalCommits, started));
    },
    onChange(bytes, oid, oidLength, pathStart, pathEnd, gitlink) {
      if (gitlink) return; // a submodule bump names a commit in another repository
      const blob = index.blobs.intern(bytes, oid, oidLength);
      const path = index.pathId(bytes, pathStart, pathEnd);
      index.addAppearance(blob, path, commit);
      if (!index.blobs.added) return;
      const hex = bytes.toString("latin1", oid, oid + oidLength);
      if (missing.size > 0 && missing.has(hex)) {
        if (missingSeen++ < MAX_LISTED_MISSING) missingListed.push(`${hex} (${index.pathName(path)})`);
        return;
      }
      // Versions of one path go to the same reader, so its delta-base cache keeps working.
      if (!scanner.request(hex, path) && !paused) {
        // Backpressure: stop reading the log until git has taken what we sent.
        paused = true;
        log.pause();
        scanner.onDrain(() => {
          paused = false;
          log.resume();
        });
      }
    },
    onMessage(bytes, email, emailEnd, body, bodyEnd) {
      // Searched in place; a copy and the commit's strings only for a message that holds a key.
      const data = bytes.subarray(body, bodyEnd);
      const chunk: Chunk = {
        path: "",
        location: "commit-message",
        data,
        startLine: 1,
        binary: countMessage(summary, data),
      };
      const found = engine.detect(chunk);
      if (found.length === 0) return;
      const { sha, author, date } = index.commit(commit);
      const kept: Chunk = {
        ...chunk,
        data: Buffer.from(data),
        commit: { sha, author: `${author} <${bytes.toString("utf8", email, emailEnd)}>`, date },
      };
      if (options.messages?.skip?.(kept)) return;
      for (const match of found) messageHits.push({ match, chunk: kept });
    },
  });
  let result: Awaited<ReturnType<typeof scanner.finish>>;
  try {
    await log.done;
  } finally {
    // Always collect the lanes (their processes and threads end here), even when the log failed.
    result = await scanner.finish();
  }
  progress.done();

  const { totals, hits } = result;
  summary.commits += index.commits;
  summary.files += totals.files;
  summary.bytes += totals.bytes;
  summary.binary += totals.binary;
  summary.skipped.tooLarge += totals.tooLarge;
  engine.heldBack.keyRegexes += totals.heldBack.keyRegexes;
  engine.heldBack.lineRegexes += totals.heldBack.lineRegexes;
  engine.heldBack.stopwords += totals.heldBack.stopwords;
  if (totals.unreadable.length > 0) throw unreadableError(totals.unreadable, index);
  if (missingSeen > 0) summary.warnings.push(missingWarning(missingSeen, missingListed));
  const introduced = attribute(hits, index);
  await markInHead(introduced, {
    ctx,
    head: facts.head,
    seen: index.blobs,
    hits,
    missing,
    maxFileSize: options.maxFileSize,
    // Not engine.detect: these blobs were searched (and their held-back keys counted) already.
    detect: (chunk) => detectSecrets(chunk, engine.rules),
  });
  // Blob findings first, then message findings, as when messages came after the blobs.
  return [...introduced, ...messageHits];
}

/** The caller's early log when it walks what this scan needs; else a new one (the early one stopped). */
function logFor(ctx: GitContext, revs: readonly string[], messages: boolean, started?: PendingLog): PendingLog {
  const same = started?.messages === messages && started.revs.join("\0") === revs.join("\0");
  if (started && same) return started;
  started?.cancel();
  return startHistoryLog(ctx, revs, { messages });
}

/** A blob git cannot read (its loose object deleted or corrupt, a pack damaged) fails the scan: nothing is passed unread. */
function unreadableError(oids: string[], index: HistoryIndex): GitError {
  const [first = ""] = oids;
  const path = index.firstPathOf(index.blobs.indexOf(first));
  const more = oids.length > 1 ? ` and ${oids.length - 1} more` : "";
  return new GitError(
    `cannot read blob ${first} (${path})${more}: the object is missing or corrupt in this repository (run git fsck)`,
  );
}

/** The earliest commit that put each (key, path) in place, from the appearances of the blobs that hold keys. */
function attribute(hits: Map<string, Match[]>, index: HistoryIndex): HistoryHit[] {
  const blobs = new Map<number, Match[]>();
  for (const [oid, matches] of hits) blobs.set(index.blobs.indexOf(oid), matches);
  const appearances = index.appearancesOf(new Set(blobs.keys()));
  const best = new Map<string, { match: Match; path: string; commit: number }>();
  for (const [blob, matches] of blobs) {
    for (const match of matches) {
      for (const { path, commit } of appearances.get(blob) ?? []) {
        const id = `${match.secret}\0${path}`;
        const known = best.get(id);
        if (!known || commit > known.commit) best.set(id, { match, path, commit });
      }
    }
  }
  return [...best.values()].map(({ match, path, commit }) => {
    const { sha, author, date } = index.commit(commit);
    return {
      match,
      chunk: { path, data: Buffer.alloc(0), startLine: 1, commit: { sha, author, date } },
      inHead: null,
    };
  });
}

interface HeadContext {
  ctx: GitContext;
  head: string | null;
  seen: OidTable;
  hits: Map<string, Match[]>;
  missing: Set<string>;
  maxFileSize: number;
  detect: Engine["detect"];
}

/** Does HEAD's version of each reported file still hold the key? Unknown (null) without HEAD or its blob. */
async function markInHead(found: HistoryHit[], ctx: HeadContext): Promise<void> {
  if (found.length === 0 || ctx.head === null) return;
  const paths = [...new Set(found.map((f) => f.chunk.path))];
  const atHead = await listBlobsAt(ctx.ctx, ctx.head, paths);
  // HEAD's blobs that this scan did not read (a --branch that excludes HEAD): read them now.
  const unread = [...new Set(atHead.values())].filter((sha) => !ctx.seen.has(sha) && !ctx.missing.has(sha));
  const extra = await readBlobs(ctx.ctx, unread, ctx.maxFileSize);
  const keysIn = new Map<string, Set<string> | null>();
  for (const sha of new Set(atHead.values())) {
    const hit = ctx.hits.get(sha);
    if (hit) keysIn.set(sha, new Set(hit.map((m) => m.secret)));
    else if (ctx.missing.has(sha)) keysIn.set(sha, null);
    else if (extra.has(sha)) {
      const data = extra.get(sha);
      keysIn.set(sha, data ? new Set(ctx.detect({ path: "", data, startLine: 1 }).map((m) => m.secret)) : null);
    } else keysIn.set(sha, new Set());
  }
  for (const f of found) {
    const sha = atHead.get(f.chunk.path);
    if (sha === undefined) f.inHead = false;
    else {
      const keys = keysIn.get(sha);
      f.inHead = keys === null || keys === undefined ? null : keys.has(f.match.secret);
    }
  }
}

function shallowWarning(boundary: string[]): string {
  const shown = boundary
    .slice(0, 3)
    .map((s) => s.slice(0, 12))
    .join(", ");
  const more = boundary.length > 3 ? ` and ${boundary.length - 3} more` : "";
  return (
    `SHALLOW CLONE: the history behind ${boundary.length} boundary commit(s) (${shown}${more}) is not in this repository and was NOT scanned; ` +
    `keys found in a boundary commit may have been introduced earlier: ${FETCH_ALL_HINT} for a complete audit.`
  );
}

function missingWarning(count: number, listed: string[]): string {
  const more = count > listed.length ? `, and ${count - listed.length} more` : "";
  return (
    `PARTIAL CLONE: ${count} blob(s) are not in this repository and were NOT scanned (nothing was fetched): ${listed.join(", ")}${more}. ` +
    `Clone without --filter (or run git fetch --refetch without a filter) for a complete audit.`
  );
}

function progressLine(
  commitsSeen: number,
  read: { files: number; bytes: number },
  totalCommits: number,
  started: number,
): string {
  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
  const rate = read.bytes / seconds;
  const commits = totalCommits > 0 ? `${commitsSeen}/${plural(totalCommits, "commit")}` : plural(commitsSeen, "commit");
  const fraction = totalCommits > 0 ? commitsSeen / totalCommits : 0;
  const eta = fraction > 0.01 && fraction < 1 ? `, ETA ${Math.ceil(seconds * (1 / fraction - 1))}s` : "";
  return `tvly-guard history: ${commits}, ${plural(read.files, "blob")}, ${formatBytes(read.bytes)}, ${formatBytes(rate)}/s${eta}`;
}
