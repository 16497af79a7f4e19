// Objects by name, through `git cat-file`: the one reader and the one parser
// of its output, for every caller (history's blob stream, staged and diff
// binaries, triage's HEAD files). No module-level state: each reader owns its
// process, so one can run per worker thread.
//
//   request:  <name>\n                     (an object id, or <rev>:<path>)
//   answer:   <oid> <type> <size>\n<size bytes>\n      or      <name> missing\n
// https://git-scm.com/docs/git-cat-file#_batch_output
import { type GitContext, type GitProcess, readStdoutInto, runGit, startGit } from "./exec.js";
import { ReadRing } from "./read-ring.js";

/** One answer of cat-file, for the name it was asked for. */
export type CatFileObject =
  | { name: string; oid: string; kind: "blob"; size: number; data: Buffer }
  /** A blob whose bytes the reader's sieve does not want: only its first `sieve.headBytes`, as a view. */
  | { name: string; oid: string; kind: "skimmed"; size: number; head: Buffer }
  | { name: string; oid: string; kind: "too-large" | "not-blob"; size: number }
  | { name: string; oid: ""; kind: "missing"; size: 0 };

/** An object header: `<oid> <type> <size>`, or `<name> missing` / `<name> ambiguous` (null). */
export function parseObjectHeader(line: string): { oid: string; type: string; size: number } | null {
  if (line.endsWith(" missing") || line.endsWith(" ambiguous")) return null;
  const [oid = "", type = "", size = ""] = line.split(" ");
  return { oid, type, size: Number(size) };
}

/** Names go one per line: a name holding a newline cannot be asked for. */
export const canAskFor = (name: string): boolean => !name.includes("\n");

export interface CatFileOptions {
  /** Blobs larger than this are skipped as they stream by (kind "too-large"), never held whole. */
  maxSize: number;
  /** Called once per request, in request order. `data` is a view: copy it to keep it past the call. */
  onObject(object: CatFileObject): void;
  /** Sees git's output as it arrives and tells which blobs are wanted whole (the others come "skimmed"). */
  sieve?: CatFileSieve;
}

/**
 * A look at the raw output before it is parsed, so that a caller that wants only some blobs whole
 * (those holding a byte pattern, say) can say so without each blob being gathered into one buffer.
 */
export interface CatFileSieve {
  /** Each piece of git's output, in order, before the reader parses it. */
  see(piece: Buffer): void;
  /** Are the output's bytes [from, to) (offsets from its first byte), a blob's, wanted whole? Asked in output order. */
  wants(from: number, to: number): boolean;
  /** How many first bytes of a blob not wanted whole still come with it. */
  readonly headBytes: number;
}

/**
 * A long-lived `git cat-file --batch --buffer`: write names in, get objects
 * back in the same order. --buffer lets git fill its output buffer instead of
 * flushing after every object (much faster on many small blobs).
 */
export class CatFileReader {
  private readonly git: GitProcess;
  readonly done: Promise<void>;
  /** Names asked for and not answered yet, oldest at `next`. */
  private readonly asked: string[] = [];
  private next = 0;
  /** Bytes still to drop for an object that is too large. */
  private skip = 0;
  /** The object whose bytes are being read; `from`: its first byte's stream offset. */
  private body: { name: string; oid: string; size: number; from: number } | undefined;
  /** Stream offset of a header line not yet ended by its newline. */
  private lineStart: number | undefined;
  /** git's output, read into one reused buffer: each object's bytes in one piece. */
  private readonly ring = new ReadRing();
  private queued: string[] = [];
  private flushScheduled = false;
  private full = false;
  private readonly drainListeners: (() => void)[] = [];

  constructor(
    ctx: GitContext,
    private readonly options: CatFileOptions,
  ) {
    this.git = startGit(ctx, ["cat-file", "--batch", "--buffer"]);
    this.git.child.stdin.on("error", () => {}); // git died (EPIPE): `done` rejects with its exit code and stderr
    readStdoutInto(this.git, { next: () => this.ring.next(), onRead: (piece) => this.consume(piece) });
    this.done = this.git.done;
  }

  /**
   * Ask for an object (see canAskFor). Names are written in batches (one pipe
   * write per batch, not per object). false: the pipe is full; wait for `onDrain`.
   */
  request(name: string): boolean {
    this.asked.push(name);
    this.queued.push(name);
    if (this.queued.length >= 256) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return !this.full;
  }

  /** Requests not answered yet. */
  get inFlight(): number {
    return this.asked.length - this.next;
  }

  /** Call `listener` once the pipe has room again. */
  onDrain(listener: () => void): void {
    if (this.full) this.drainListeners.push(listener);
    else setImmediate(listener);
  }

  /** No more requests: git answers what is queued, then exits. */
  end(): void {
    this.flush();
    this.git.child.stdin.end();
  }

  private flush(): boolean {
    this.flushScheduled = false;
    if (this.queued.length === 0) return !this.full;
    const ok = this.git.child.stdin.write(`${this.queued.join("\n")}\n`);
    this.queued = [];
    if (!ok && !this.full) {
      this.full = true;
      this.git.child.stdin.once("drain", () => {
        this.full = false;
        for (const listener of this.drainListeners.splice(0)) listener();
      });
    }
    return ok;
  }

  private takeName(): string {
    const name = this.asked[this.next++] ?? "";
    if (this.next > 4096 && this.next * 2 > this.asked.length) {
      this.asked.splice(0, this.next);
      this.next = 0;
    }
    return name;
  }

  /** One read of git's output, landed in the ring: parse the headers and objects it ends. */
  private consume(piece: Buffer): void {
    this.options.sieve?.see(piece);
    const ring = this.ring;
    const end = ring.landed(piece.length);
    let at = end - piece.length;
    while (at < end) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, end - at);
        this.skip -= n;
        at += n;
        continue;
      }
      if (this.body === undefined) {
        const nl = ring.indexOf(0x0a, at, end);
        if (nl === -1) {
          this.lineStart ??= at;
          at = end;
          break;
        }
        const line = ring.bytes(this.lineStart ?? at, nl).toString("utf8");
        this.lineStart = undefined;
        at = nl + 1;
        this.startObject(line, at);
        continue;
      }
      const last = this.body.from + this.body.size + 1; // the object, then git's "\n"
      if (last > end) break;
      at = last;
      this.finishObject();
    }
    // What the next wrap of the ring keeps: the unfinished object, or the unfinished header line.
    if (this.body !== undefined) ring.keep(this.body.from, this.body.size + 1);
    else ring.keep(this.lineStart ?? end);
  }

  private startObject(line: string, from: number): void {
    const name = this.takeName();
    const header = parseObjectHeader(line);
    if (header === null) {
      this.options.onObject({ name, oid: "", kind: "missing", size: 0 });
      return;
    }
    const { oid, type, size } = header;
    if (type !== "blob" || size > this.options.maxSize) {
      this.skip = size + 1;
      this.options.onObject({ name, oid, kind: type === "blob" ? "too-large" : "not-blob", size });
      return;
    }
    this.body = { name, oid, size, from };
  }

  private finishObject(): void {
    const { name, oid, size, from } = this.body!;
    this.body = undefined;
    const sieve = this.options.sieve;
    if (sieve && !sieve.wants(from, from + size)) {
      const head = this.ring.bytes(from, from + Math.min(size, sieve.headBytes));
      this.options.onObject({ name, oid, kind: "skimmed", size, head });
      return;
    }
    this.options.onObject({ name, oid, kind: "blob", size, data: this.ring.bytes(from, from + size) });
  }
}

/**
 * The bytes of each named blob up to `maxSize` (null: missing, not a blob or
 * too large), through one reader. Names that cannot be asked for map to null.
 */
export async function readBlobs(
  ctx: GitContext,
  names: readonly string[],
  maxSize = Number.POSITIVE_INFINITY,
): Promise<Map<string, Buffer | null>> {
  const out = new Map<string, Buffer | null>(names.map((n) => [n, null]));
  const asked = [...new Set(names)].filter(canAskFor);
  if (asked.length === 0) return out;
  const reader = new CatFileReader(ctx, {
    maxSize,
    onObject: (o) => out.set(o.name, o.kind === "blob" ? Buffer.from(o.data) : null),
  });
  for (const name of asked) reader.request(name);
  reader.end();
  await reader.done;
  return out;
}

/**
 * Sizes of blobs by id, without reading them: `cat-file --batch-check`, whose
 * answers are the same headers as above. Absent or not a blob: not in the map.
 */
export async function readBlobSizes(ctx: GitContext, oids: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (oids.length === 0) return sizes;
  const out = (await runGit(ctx, ["cat-file", "--batch-check"], `${oids.join("\n")}\n`)).toString("utf8");
  for (const line of out.split("\n")) {
    const header = parseObjectHeader(line);
    if (header?.type === "blob") sizes.set(header.oid, header.size);
  }
  return sizes;
}
