// Every commit reachable from the given refs, as a Source: one `git log --raw`
// pass lists the blobs each commit introduces, each distinct blob is read once
// through `cat-file --batch` and handed to the pipeline as one chunk, and only
// blobs that hold a key are attributed (place): to the earliest commit that
// put the key at that path.
import type { Match } from "../engine/detect.js";
import { type CatFileObject, CatFileReader, readBlobs } from "../git/cat-file.js";
import type { GitContext } from "../git/exec.js";
import { countCommits, GITLINK_MODE, type LoggedChange, type LoggedCommit, streamHistoryLog } from "../git/log.js";
import { listBlobsAt, listMissingBlobs } from "../git/objects.js";
import { readRepositoryFacts } from "../git/repository.js";
import { formatBytes } from "../report/summary.js";
import { BlobSet } from "./blob-set.js";
import { type Chunk, countScanned, type ScanSummary } from "./chunk.js";
import type { Detect, Hit, Source } from "./source.js";

export interface HistoryOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Revisions and ranges handed to git (`--all`, `main`, `v1..v2`). */
  revs: readonly string[];
  maxFileSize: number;
  /** Count the commits up front, for an ETA (only worth it when progress is shown). */
  countCommits: boolean;
  /** cat-file processes reading blobs side by side (one per core is the sweet spot). */
  readers?: number;
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

const MAX_LISTED_MISSING = 5;

/** What one history scan remembers between reading blobs and placing their hits. */
interface HistoryState {
  ctx: GitContext;
  head: string | null;
  seen: BlobSet;
  missing: Set<string>;
  /** Blobs read and not yet scanned by the engine, with every (path, commit) seen for them so far. */
  inFlight: Map<string, Appearance[]>;
  /** Blobs the engine found keys in, with every (path, commit) that holds them. */
  hitBlobs: Map<string, Appearance[]>;
  /** The blob each chunk holds. */
  blobOf: WeakMap<Chunk, string>;
  maxFileSize: number;
  totalCommits: number;
  started: number;
}

/** The history `options.revs` reach, as a Source for the pipeline. */
export function historySource(options: HistoryOptions): Source {
  let state: HistoryState | undefined;
  return {
    async *chunks(summary) {
      const reading = startReading(options, summary);
      state = reading.state;
      yield* reading.chunks;
    },
    scanned(chunk, matches) {
      const sha = state!.blobOf.get(chunk);
      if (sha === undefined) return;
      const appearances = state!.inFlight.get(sha) ?? [];
      state!.inFlight.delete(sha);
      if (matches.length > 0) state!.hitBlobs.set(sha, appearances);
    },
    place: (hits, detect) => placeHits(state!, hits, detect),
    progressLine: (summary) => progressLine(summary, state?.totalCommits ?? 0, state?.started ?? Date.now()),
  };
}

/** Start git (facts, the log, the readers) and hand back the blobs as they arrive, as chunks. */
function startReading(options: HistoryOptions, summary: ScanSummary) {
  const ctx: GitContext = { cwd: options.cwd, env: options.env };
  const { revs } = options;
  const queue: Chunk[] = [];
  let taken = 0;
  let wake: (() => void) | undefined;
  let finished = false;
  let failure: unknown;
  const state: HistoryState = {
    ctx,
    head: null,
    seen: new BlobSet(),
    missing: new Set(),
    inFlight: new Map(),
    hitBlobs: new Map(),
    blobOf: new WeakMap(),
    maxFileSize: options.maxFileSize,
    totalCommits: 0,
    started: Date.now(),
  };

  const onObject = (o: CatFileObject) => {
    if (o.kind !== "blob") {
      state.inFlight.delete(o.name);
      if (o.kind === "too-large") summary.skipped.tooLarge++;
      else summary.skipped.unreadable++;
      return;
    }
    // Binary blobs are scanned too (the engine locates their keys by byte offset); counted apart.
    const binary = countScanned(summary, o.data);
    const path = state.inFlight.get(o.name)?.[0]?.path ?? "";
    const chunk: Chunk = { path, data: o.data, startLine: 1, binary };
    state.blobOf.set(chunk, o.name);
    queue.push(chunk);
    wake?.();
  };

  const read = async () => {
    const facts = await readRepositoryFacts(ctx);
    state.head = facts.head;
    if (facts.shallow) summary.warnings.push(shallowWarning(facts.shallowBoundary));
    if (facts.partial) state.missing = await listMissingBlobs(ctx, revs);
    if (options.countCommits) state.totalCommits = await countCommits(ctx, revs);
    const { seen, missing, inFlight, hitBlobs } = state;
    let missingSeen = 0;
    const missingListed: string[] = [];
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
        if (change.mode === GITLINK_MODE) return; // a submodule bump names a commit in another repository
        const appearance = { path: change.path, commit: current! };
        const sha = change.blob;
        const hit = hitBlobs.get(sha);
        if (hit) return void hit.push(appearance);
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
    if (missingSeen > 0) summary.warnings.push(missingWarning(missingSeen, missingListed));
  };
  read().then(
    () => {
      finished = true;
      wake?.();
    },
    (err: unknown) => {
      failure = err;
      finished = true;
      wake?.();
    },
  );

  async function* chunks(): AsyncGenerator<Chunk> {
    for (;;) {
      // A chunk's bytes are a view into git's output: the engine scans it before the next read arrives.
      while (taken < queue.length) {
        const chunk = queue[taken]!;
        queue[taken++] = undefined as unknown as Chunk;
        yield chunk;
      }
      queue.length = 0;
      taken = 0;
      if (finished) break;
      await new Promise<void>((resolveWake) => {
        wake = resolveWake;
      });
      wake = undefined;
    }
    if (failure !== undefined) throw failure;
  }
  return { state, chunks: chunks() };
}

/** Group the hits by blob, attribute each key to the commit that introduced it at each path, and check HEAD. */
async function placeHits(state: HistoryState, hits: Hit[], detect: Detect): Promise<Hit[]> {
  const byBlob = new Map<string, HitBlob>();
  for (const hit of hits) {
    const sha = state.blobOf.get(hit.chunk);
    if (sha === undefined) continue;
    const blob = byBlob.get(sha) ?? { matches: [], appearances: state.hitBlobs.get(sha) ?? [] };
    if (!blob.matches.some((m) => m.secret === hit.match.secret)) blob.matches.push(hit.match);
    byBlob.set(sha, blob);
  }
  const introduced = attribute(byBlob);
  await markInHead(introduced, state, byBlob, detect);
  return introduced;
}

/** The earliest commit that put each (key, path) in place, from the appearances of the blobs that hold keys. */
function attribute(hits: Map<string, HitBlob>): Hit[] {
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

/** Does HEAD's version of each reported file still hold the key? Unknown (null) without HEAD or its blob. */
async function markInHead(
  found: Hit[],
  state: HistoryState,
  hits: Map<string, HitBlob>,
  detect: Detect,
): Promise<void> {
  if (found.length === 0 || state.head === null) return;
  const paths = [...new Set(found.map((f) => f.chunk.path))];
  const atHead = await listBlobsAt(state.ctx, state.head, paths);
  // HEAD's blobs that this scan did not read (a --branch that excludes HEAD): read them now.
  const unread = [...new Set(atHead.values())].filter((sha) => !state.seen.has(sha) && !state.missing.has(sha));
  const extra = await readBlobs(state.ctx, unread, state.maxFileSize);
  const keysIn = new Map<string, Set<string> | null>();
  for (const sha of new Set(atHead.values())) {
    const hit = hits.get(sha);
    if (hit) keysIn.set(sha, new Set(hit.matches.map((m) => m.secret)));
    else if (state.missing.has(sha)) keysIn.set(sha, null);
    else if (extra.has(sha)) {
      const data = extra.get(sha);
      keysIn.set(sha, data ? new Set(detect({ path: "", data, startLine: 1 }).map((m) => m.secret)) : null);
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
