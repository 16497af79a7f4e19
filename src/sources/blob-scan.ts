// Reading and searching the blobs of a history scan, on every core: each lane
// owns one `cat-file --batch` reader and runs detection on what it reads.
// With workers > 1 each lane runs in a worker thread of its own (detection
// off the main thread, which only walks the log); with 1, two lanes run on
// the main thread (the path history had before workers; kept as the switch
// for comparing results and for one-core machines). By default the threads
// start only once a history proves big (64 MiB read): below that a worker
// costs more than the search it takes over.
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { looksBinary } from "../engine/binary.js";
import { detectSecrets, type HeldBack, hintAnchors, type Match } from "../engine/detect.js";
import { HintSieve } from "../engine/hint-sieve.js";
import type { Rule } from "../engine/rule.js";
import { GitError } from "../errors.js";
import { type CatFileObject, CatFileReader } from "../git/cat-file.js";
import type { GitContext } from "../git/exec.js";
import { nodeOs, nodeWorkerThreads } from "../lazy-builtins.js";

export interface BlobScanOptions {
  ctx: GitContext;
  maxSize: number;
  rules: readonly Rule[];
  /** Worker threads; 1: detection on the main thread. */
  workers: number;
  /** Search on the main thread until this many bytes are read, then start the workers (0: at once; Infinity: never). */
  workersAfterBytes: number;
}

/** What the lanes read, added up. */
export interface BlobTotals {
  files: number;
  bytes: number;
  binary: number;
  tooLarge: number;
  /** Ids git answered "missing" for (absent or corrupt objects). */
  unreadable: string[];
  /** Keys the config's allowlist regexes held back. */
  heldBack: HeldBack;
}

export interface BlobScanResult {
  totals: BlobTotals;
  /** Blob id -> the first match of each distinct key in it. */
  hits: Map<string, Match[]>;
}

export interface BlobScanner {
  /** Ask for a blob; `lane` keeps versions of one path on one reader (its delta-base cache). false: back off until onDrain. */
  request(oid: string, lane: number): boolean;
  onDrain(listener: () => void): void;
  /** Blobs read so far (for progress; lags behind in worker lanes). */
  progress(): { files: number; bytes: number };
  /** No more requests: resolves when every lane has answered all of them. */
  finish(): Promise<BlobScanResult>;
}

/** Worker threads by default: one per core, at most 4 (git's readers and the log walk need cores too). */
export function defaultWorkers(): number {
  return Math.min(4, nodeOs().availableParallelism());
}

/**
 * Bytes searched on the main thread before the default workers start: the threads pay off only when
 * there is a lot to search (perf, 10k small commits, 60 MB: 1.32 s CPU with workers after 16 MiB,
 * 1.16 s without). On two cores, never: git's readers and log walk already keep the second core
 * busy, and the hand-over (two more readers, two cold isolates compiling the same code) cost more
 * than it saved on every bench history large enough for it. CPU of the whole run, hand-over at
 * 64 MiB against none: 300 large commits 1.07 -> 0.82 s, eslint-like 1.48 -> 1.26 s, 50k commits
 * 4.20 -> 3.57 s, and the wall times fell with it (0.61 -> 0.52 s, 0.84 -> 0.81 s, 2.33 -> 2.08 s).
 */
export function defaultWorkersAfterBytes(): number {
  return nodeOs().availableParallelism() <= 2 ? Number.POSITIVE_INFINITY : 64 * 1024 * 1024;
}

export function startBlobScanner(options: BlobScanOptions): BlobScanner {
  if (options.workers <= 1 || options.workersAfterBytes === Number.POSITIVE_INFINITY) return new InlineScanner(options);
  if (options.workersAfterBytes <= 0) return new WorkerScanner(options);
  return new GrowingScanner(options);
}

const emptyTotals = (): BlobTotals => ({
  files: 0,
  bytes: 0,
  binary: 0,
  tooLarge: 0,
  unreadable: [],
  heldBack: { keyRegexes: 0, lineRegexes: 0, stopwords: 0 },
});

/** One reader and the detection of what it reads. Used on the main thread and inside each worker. */
export class BlobLane {
  readonly reader: CatFileReader;
  readonly totals = emptyTotals();
  readonly hits = new Map<string, Match[]>();

  constructor(ctx: GitContext, maxSize: number, rules: readonly Rule[], onRead?: () => void) {
    this.reader = new CatFileReader(ctx, {
      maxSize,
      // Blobs that hold no prefilter anchor are counted, never gathered or searched again.
      sieve: new HintSieve(hintAnchors(rules)),
      onObject: (o) => {
        this.take(o, rules);
        onRead?.();
      },
    });
  }

  private take(o: CatFileObject, rules: readonly Rule[]): void {
    const totals = this.totals;
    if (o.kind === "skimmed") {
      this.count(o.size, looksBinary(o.head));
      return;
    }
    if (o.kind !== "blob") {
      if (o.kind === "too-large") totals.tooLarge++;
      else totals.unreadable.push(o.name);
      return;
    }
    // Binary blobs are scanned too (the engine locates their keys by byte offset); counted apart.
    const binary = looksBinary(o.data);
    this.count(o.data.length, binary);
    const found = detectSecrets({ path: "", data: o.data, startLine: 1, binary }, rules, { heldBack: totals.heldBack });
    if (found.length > 0) this.hits.set(o.name, firstOfEachKey(found));
  }

  private count(bytes: number, binary: boolean): void {
    this.totals.files++;
    this.totals.bytes += bytes;
    if (binary) this.totals.binary++;
  }
}

function firstOfEachKey(matches: Match[]): Match[] {
  const byKey = new Map<string, Match>();
  for (const m of matches) if (!byKey.has(m.secret)) byKey.set(m.secret, m);
  return [...byKey.values()];
}

function addTotals(into: BlobTotals, from: BlobTotals): void {
  into.files += from.files;
  into.bytes += from.bytes;
  into.binary += from.binary;
  into.tooLarge += from.tooLarge;
  for (const id of from.unreadable) into.unreadable.push(id);
  into.heldBack.keyRegexes += from.heldBack.keyRegexes;
  into.heldBack.lineRegexes += from.heldBack.lineRegexes;
  into.heldBack.stopwords += from.heldBack.stopwords;
}

/**
 * Requests a main-thread lane may have unanswered. The log runs far ahead of the readers (a pipe
 * holds thousands of ids), so without a bound the main thread would take on everything asked before
 * the workers start: 44% of the eslint-like history's bytes instead of its first 64 MiB. A few hundred
 * keep each reader busy while the main thread searches.
 */
const MAX_IN_FLIGHT = 256;

/** Two lanes on the main thread. */
class InlineScanner implements BlobScanner {
  private readonly lanes: BlobLane[];
  private readonly waiting = new Set<BlobLane>();
  private readonly drainListeners: (() => void)[] = [];

  constructor(options: BlobScanOptions) {
    const { ctx, maxSize, rules } = options;
    this.lanes = [0, 1].map(() => {
      const lane: BlobLane = new BlobLane(ctx, maxSize, rules, () => this.answered(lane));
      return lane;
    });
  }

  request(oid: string, lane: number): boolean {
    const chosen = this.lanes[lane % this.lanes.length]!;
    const roomy = chosen.reader.request(oid) && chosen.reader.inFlight < MAX_IN_FLIGHT;
    if (roomy || this.waiting.has(chosen)) return this.waiting.size === 0;
    this.waiting.add(chosen);
    if (chosen.reader.inFlight < MAX_IN_FLIGHT) this.release(chosen);
    return false;
  }

  /** A waiting lane asks for more once half its requests are answered (and its pipe has room). */
  private answered(lane: BlobLane): void {
    if (this.waiting.has(lane) && lane.reader.inFlight === MAX_IN_FLIGHT / 2) this.release(lane);
  }

  private release(lane: BlobLane): void {
    lane.reader.onDrain(() => {
      if (!this.waiting.delete(lane)) return;
      if (this.waiting.size === 0) for (const listener of this.drainListeners.splice(0)) listener();
    });
  }

  onDrain(listener: () => void): void {
    if (this.waiting.size === 0) setImmediate(listener);
    else this.drainListeners.push(listener);
  }

  progress(): { files: number; bytes: number } {
    let files = 0;
    let bytes = 0;
    for (const lane of this.lanes) {
      files += lane.totals.files;
      bytes += lane.totals.bytes;
    }
    return { files, bytes };
  }

  async finish(): Promise<BlobScanResult> {
    for (const lane of this.lanes) lane.reader.end();
    await Promise.all(this.lanes.map((l) => l.reader.done));
    const totals = emptyTotals();
    const hits = new Map<string, Match[]>();
    for (const lane of this.lanes) {
      addTotals(totals, lane.totals);
      for (const [oid, matches] of lane.hits) hits.set(oid, matches);
    }
    return { totals, hits };
  }
}

/** Main-thread lanes first; worker lanes for every blob once they have read `workersAfterBytes`. */
class GrowingScanner implements BlobScanner {
  private readonly inline: InlineScanner;
  private workers: WorkerScanner | undefined;

  constructor(private readonly options: BlobScanOptions) {
    // Two readers, as with TVLY_GUARD_WORKERS=1: one cat-file alone holds the main thread back.
    this.inline = new InlineScanner(options);
  }

  request(oid: string, lane: number): boolean {
    if (this.workers === undefined && this.inline.progress().bytes >= this.options.workersAfterBytes)
      this.workers = new WorkerScanner(this.options);
    return (this.workers ?? this.inline).request(oid, lane);
  }

  onDrain(listener: () => void): void {
    this.inline.onDrain(listener);
  }

  progress(): { files: number; bytes: number } {
    const a = this.inline.progress();
    const b = this.workers?.progress() ?? { files: 0, bytes: 0 };
    return { files: a.files + b.files, bytes: a.bytes + b.bytes };
  }

  async finish(): Promise<BlobScanResult> {
    const [first, second] = await Promise.all([this.inline.finish(), this.workers?.finish()]);
    if (second === undefined) return first;
    addTotals(first.totals, second.totals);
    for (const [oid, matches] of second.hits) first.hits.set(oid, matches);
    return first;
  }
}

/** Messages between the main thread and a lane's worker (see blob-scan-worker.ts). */
export type ToWorker = { oids: string } | { end: true };
export type FromWorker =
  | { progress: { files: number; bytes: number } }
  | { done: { totals: BlobTotals; hits: [string, PortableMatch[]][] } }
  | { error: string };
/** A Match without its rule object (a worker names the rule by its index in the rules it was given). */
export type PortableMatch = Omit<Match, "rule"> & { rule: number };

export interface WorkerData {
  ctx: GitContext;
  maxSize: number;
  rules: readonly Rule[];
}

const BATCH = 512;

/** One lane per worker thread; ids go to the workers in batches. */
class WorkerScanner implements BlobScanner {
  private readonly workers: Worker[];
  private readonly queued: string[][];
  private readonly seen: { files: number; bytes: number }[];
  private readonly results: Promise<BlobScanResult>[];
  private flushScheduled = false;

  constructor(private readonly options: BlobScanOptions) {
    const data: WorkerData = { ctx: options.ctx, maxSize: options.maxSize, rules: options.rules };
    // The bundled worker (scripts/bundle.mjs: CommonJS, next to the bundle that starts it).
    const script = join(import.meta.dirname, "blob-scan-worker.cjs");
    const threads = nodeWorkerThreads(); // loaded only when a history is big enough for workers
    this.workers = Array.from({ length: options.workers }, () => new threads.Worker(script, { workerData: data }));
    this.queued = this.workers.map(() => []);
    this.seen = this.workers.map(() => ({ files: 0, bytes: 0 }));
    this.results = this.workers.map((worker, i) => this.resultOf(worker, i));
    // Awaited in finish(); until then a failure must not count as unhandled.
    for (const result of this.results) result.catch(() => {});
  }

  private resultOf(worker: Worker, i: number): Promise<BlobScanResult> {
    return new Promise((resolve, reject) => {
      worker.on("message", (m: FromWorker) => {
        if ("progress" in m) this.seen[i] = m.progress;
        else if ("error" in m) reject(new GitError(m.error));
        else {
          const hits = new Map<string, Match[]>();
          for (const [oid, matches] of m.done.hits)
            hits.set(
              oid,
              matches.map((p) => ({ ...p, rule: this.options.rules[p.rule]! })),
            );
          resolve({ totals: m.done.totals, hits });
        }
      });
      worker.on("error", reject);
      worker.on("exit", (code) => reject(new Error(`blob scan worker stopped (exit ${code})`)));
    });
  }

  request(oid: string, lane: number): boolean {
    const i = lane % this.workers.length;
    const queue = this.queued[i]!;
    queue.push(oid);
    if (queue.length >= BATCH) this.flush(i);
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flushAll());
    }
    return true;
  }

  onDrain(listener: () => void): void {
    setImmediate(listener);
  }

  private flush(i: number): void {
    const queue = this.queued[i]!;
    if (queue.length === 0) return;
    this.workers[i]!.postMessage({ oids: queue.join("\n") } satisfies ToWorker);
    this.queued[i] = [];
  }

  private flushAll(): void {
    this.flushScheduled = false;
    for (let i = 0; i < this.workers.length; i++) this.flush(i);
  }

  progress(): { files: number; bytes: number } {
    return this.seen.reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes }), { files: 0, bytes: 0 });
  }

  async finish(): Promise<BlobScanResult> {
    this.flushAll();
    for (const worker of this.workers) worker.postMessage({ end: true } satisfies ToWorker);
    try {
      const parts = await Promise.all(this.results);
      const totals = emptyTotals();
      const hits = new Map<string, Match[]>();
      for (const part of parts) {
        addTotals(totals, part.totals);
        for (const [oid, matches] of part.hits) hits.set(oid, matches);
      }
      return { totals, hits };
    } finally {
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
  }
}
