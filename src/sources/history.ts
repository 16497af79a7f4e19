// Every commit reachable from the given refs: one `git log --raw` pass lists
// the blobs each commit introduces, each distinct blob is read once through
// `cat-file --batch` and searched as raw bytes, and only blobs that hold a key
// are attributed: to the earliest commit that put the key at that path.
import type { Match } from "../engine/detect.js";
import { detectSecrets } from "../engine/detect.js";
import type { Rule } from "../engine/rule.js";
import { type CatFileObject, CatFileReader, readBlobs } from "../git/cat-file.js";
import type { GitContext } from "../git/exec.js";
import { countCommits, type LoggedChange, type LoggedCommit, streamHistoryLog } from "../git/log.js";
import { listBlobsAt, listMissingBlobs } from "../git/objects.js";
import { readRepositoryFacts } from "../git/repository.js";
import type { Progress } from "../progress.js";
import { formatBytes } from "../report/summary.js";
import { BlobSet } from "./blob-set.js";
import type { ScanSummary } from "./chunk.js";
import { type Chunk, countScanned } from "./chunk.js";

export interface HistoryOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Revisions and ranges handed to git (`--all`, `main`, `v1..v2`). */
  revs: readonly string[];
  maxFileSize: number;
  rules: readonly Rule[];
  progress: Progress;
  /** Count the commits up front, for an ETA (only worth it when progress is shown). */
  countCommits: boolean;
  /** cat-file processes reading blobs side by side (one per core is the sweet spot). */
  readers?: number;
}

/** A (key, file) pair, where it was introduced and whether HEAD still holds it. */
export interface HistoryHit {
  match: Match;
  chunk: Chunk;
  /** null: HEAD cannot be read (no commits, or its version of the file is missing). */
  inHead: boolean | null;
}

interface Appearance {
  path: string;
  commit: SeenCommit;
}

interface SeenCommit extends LoggedCommit {
  /** Position in log order (newest first): larger is older. */
  seq: number;
}

interface HitBlob {
  /** The first match of each distinct key in this blob. */
  matches: Match[];
  appearances: Appearance[];
}

const GITLINK = "160000";
const MAX_LISTED_MISSING = 5;

/** Scan the history `options.revs` reach; `summary` gets commits, blobs, bytes, skips and warnings. */
export async function scanHistory(options: HistoryOptions, summary: ScanSummary): Promise<HistoryHit[]> {
  const { revs, rules, progress } = options;
  const ctx: GitContext = { cwd: options.cwd, env: options.env };
  const facts = await readRepositoryFacts(ctx);
  if (facts.shallow) summary.warnings.push(shallowWarning(facts.shallowBoundary));
  const missing = facts.partial ? await listMissingBlobs(ctx, revs) : new Set<string>();
  const totalCommits = options.countCommits ? await countCommits(ctx, revs) : 0;

  const seen = new BlobSet();
  const inFlight = new Map<string, Appearance[]>();
  const hits = new Map<string, HitBlob>();
  let missingSeen = 0;
  const missingListed: string[] = [];
  const started = Date.now();

  const onObject = (o: CatFileObject) => {
    const appearances = inFlight.get(o.name) ?? [];
    inFlight.delete(o.name);
    if (o.kind !== "blob") {
      if (o.kind === "too-large") summary.skipped.tooLarge++;
      else summary.skipped.unreadable++;
      return;
    }
    // Binary blobs are scanned too (the engine locates their keys by byte offset); counted apart.
    const binary = countScanned(summary, o.data);
    const found = detectSecrets({ path: appearances[0]?.path ?? "", data: o.data, startLine: 1, binary }, rules);
    if (found.length > 0) hits.set(o.name, { matches: firstOfEachKey(found), appearances });
    progress.update(() => progressLine(summary, totalCommits, started));
  };

  const readerCount = Math.max(1, options.readers ?? 2);
  const readers = Array.from(
    { length: readerCount },
    () => new CatFileReader(ctx, { maxSize: options.maxFileSize, onObject }),
  );
  let commitSeq = 0;
  let current: SeenCommit | undefined;
  const waiting = new Set<CatFileReader>();
  const log = streamHistoryLog(ctx, revs, {
    onCommit(commit) {
      current = { ...commit, seq: commitSeq++ };
      summary.commits++;
    },
    onChange(change: LoggedChange) {
      if (change.mode === GITLINK) return; // a submodule bump names a commit in another repository
      const appearance = { path: change.path, commit: current! };
      const sha = change.blob;
      const hit = hits.get(sha);
      if (hit) return void hit.appearances.push(appearance);
      const pending = inFlight.get(sha);
      if (pending) return void pending.push(appearance);
      if (!seen.add(sha)) return;
      if (missing.has(sha)) {
        if (missingSeen++ < MAX_LISTED_MISSING) missingListed.push(`${sha} (${change.path})`);
        return;
      }
      inFlight.set(sha, [appearance]);
      // Versions of one path go to the same reader, so its delta-base cache keeps working.
      const reader = readers[readerCount === 1 ? 0 : hashPath(change.path) % readerCount]!;
      if (!reader.request(sha) && !waiting.has(reader)) {
        // Backpressure: stop reading the log until git has taken what we sent.
        waiting.add(reader);
        log.pause();
        reader.onDrain(() => {
          waiting.delete(reader);
          if (waiting.size === 0) log.resume();
        });
      }
    },
  });
  try {
    await log.done;
  } finally {
    for (const reader of readers) reader.end();
  }
  await Promise.all(readers.map((r) => r.done));
  progress.done();

  if (missingSeen > 0) summary.warnings.push(missingWarning(missingSeen, missingListed));
  const introduced = attribute(hits);
  await markInHead(introduced, {
    ctx,
    head: facts.head,
    seen,
    hits,
    missing,
    maxFileSize: options.maxFileSize,
    rules,
  });
  return introduced;
}

/** The earliest commit that put each (key, path) in place, from the appearances of the blobs that hold keys. */
function attribute(hits: Map<string, HitBlob>): HistoryHit[] {
  const best = new Map<string, { match: Match; appearance: Appearance }>();
  for (const hit of hits.values()) {
    for (const match of hit.matches) {
      for (const appearance of hit.appearances) {
        const id = `${match.secret}\0${appearance.path}`;
        const known = best.get(id);
        if (!known || appearance.commit.seq > known.appearance.commit.seq) best.set(id, { match, appearance });
      }
    }
  }
  return [...best.values()].map(({ match, appearance: { path, commit } }) => ({
    match,
    chunk: {
      path,
      data: Buffer.alloc(0),
      startLine: 1,
      commit: { sha: commit.sha, author: commit.author, date: commit.date },
    },
    inHead: null,
  }));
}

interface HeadContext {
  ctx: GitContext;
  head: string | null;
  seen: BlobSet;
  hits: Map<string, HitBlob>;
  missing: Set<string>;
  maxFileSize: number;
  rules: readonly Rule[];
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
    if (hit) keysIn.set(sha, new Set(hit.matches.map((m) => m.secret)));
    else if (ctx.missing.has(sha)) keysIn.set(sha, null);
    else if (extra.has(sha)) {
      const data = extra.get(sha);
      keysIn.set(
        sha,
        data ? new Set(detectSecrets({ path: "", data, startLine: 1 }, ctx.rules).map((m) => m.secret)) : null,
      );
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

function firstOfEachKey(matches: Match[]): Match[] {
  const byKey = new Map<string, Match>();
  for (const m of matches) if (!byKey.has(m.secret)) byKey.set(m.secret, m);
  return [...byKey.values()];
}

/** FNV-1a over the path's UTF-16 units: cheap and stable. */
function hashPath(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shallowWarning(boundary: string[]): string {
  const shown = boundary
    .slice(0, 3)
    .map((s) => s.slice(0, 12))
    .join(", ");
  const more = boundary.length > 3 ? ` and ${boundary.length - 3} more` : "";
  return (
    `SHALLOW CLONE: the history behind ${boundary.length} boundary commit(s) (${shown}${more}) is not in this repository and was NOT scanned; ` +
    `keys found in a boundary commit may have been introduced earlier. Fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI) for a complete audit.`
  );
}

function missingWarning(count: number, listed: string[]): string {
  const more = count > listed.length ? `, and ${count - listed.length} more` : "";
  return (
    `PARTIAL CLONE: ${count} blob(s) are not in this repository and were NOT scanned (nothing was fetched): ${listed.join(", ")}${more}. ` +
    `Clone without --filter (or run git fetch --refetch without a filter) for a complete audit.`
  );
}

function progressLine(summary: ScanSummary, totalCommits: number, started: number): string {
  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
  const rate = summary.bytes / seconds;
  const commits = totalCommits > 0 ? `${summary.commits}/${totalCommits}` : `${summary.commits}`;
  const fraction = totalCommits > 0 ? summary.commits / totalCommits : 0;
  const eta = fraction > 0.01 && fraction < 1 ? `, ETA ${Math.ceil(seconds * (1 / fraction - 1))}s` : "";
  return `tvly-guard history: ${commits} commits, ${summary.files} blobs, ${formatBytes(summary.bytes)}, ${formatBytes(rate)}/s${eta}`;
}
