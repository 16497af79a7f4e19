// What a history walk remembers about every commit and change, kept small
// for 50k+ commits: blobs interned by their id's bytes (OidTable), each
// (blob, path, commit) appearance as three 32-bit numbers, each path once,
// and commit headers as raw bytes in one arena, decoded only for the few
// commits a finding names. No object or string per blob or per change.
import type { LoggedCommit } from "../git/log.js";
import { OidTable } from "./oid-table.js";

/** One place a blob appeared: the path and the commit (by position in log order: larger is older). */
export interface Appearance {
  path: string;
  commit: number;
}

export class HistoryIndex {
  readonly blobs = new OidTable();
  private appearances = new Uint32Array(3 * 4096);
  private appearanceCount = 0;
  /** Paths by their bytes read as latin1 (1:1, so distinct byte strings stay distinct); decoded as UTF-8 on the way out. */
  private readonly pathIds = new Map<string, number>();
  private readonly pathNames: string[] = [];
  private arena = Buffer.allocUnsafe(1 << 16);
  private arenaUsed = 0;
  private commitEnds = new Uint32Array(4096);
  private commitCount = 0;

  get commits(): number {
    return this.commitCount;
  }

  /** Remember a commit header (`<sha>\0<date>\0<author>` bytes); returns its position. */
  addCommit(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + length));
      this.arena.copy(bigger, 0, 0, this.arenaUsed);
      this.arena = bigger;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.arenaUsed += length;
    if (this.commitCount === this.commitEnds.length) this.commitEnds = grow(this.commitEnds);
    this.commitEnds[this.commitCount] = this.arenaUsed;
    return this.commitCount++;
  }

  /** The path's id (the same path always gets the same one, in order of first sight). */
  pathId(bytes: Buffer, start: number, end: number): number {
    const key = bytes.toString("latin1", start, end);
    let id = this.pathIds.get(key);
    if (id === undefined) {
      id = this.pathNames.length;
      this.pathIds.set(key, id);
      this.pathNames.push(key);
    }
    return id;
  }

  addAppearance(blob: number, path: number, commit: number): void {
    if ((this.appearanceCount + 1) * 3 > this.appearances.length) this.appearances = grow(this.appearances);
    const at = this.appearanceCount++ * 3;
    this.appearances[at] = blob;
    this.appearances[at + 1] = path;
    this.appearances[at + 2] = commit;
  }

  /** Every appearance of the blobs in `blobs` (by index), one pass over the whole record. */
  appearancesOf(blobs: ReadonlySet<number>): Map<number, Appearance[]> {
    const out = new Map<number, Appearance[]>();
    if (blobs.size === 0) return out;
    const a = this.appearances;
    for (let at = 0; at < this.appearanceCount * 3; at += 3) {
      const blob = a[at]!;
      if (!blobs.has(blob)) continue;
      let list = out.get(blob);
      if (list === undefined) out.set(blob, (list = []));
      list.push({ path: this.pathName(a[at + 1]!), commit: a[at + 2]! });
    }
    return out;
  }

  /** The path a blob was first seen at (for messages). */
  firstPathOf(blob: number): string {
    const a = this.appearances;
    for (let at = 0; at < this.appearanceCount * 3; at += 3) if (a[at] === blob) return this.pathName(a[at + 1]!);
    return "";
  }

  pathName(id: number): string {
    return Buffer.from(this.pathNames[id]!, "latin1").toString("utf8");
  }

  /** The commit at position `seq`, decoded. */
  commit(seq: number): LoggedCommit {
    const start = seq === 0 ? 0 : this.commitEnds[seq - 1]!;
    const [sha = "", date = "", author = ""] = this.arena.toString("utf8", start, this.commitEnds[seq]).split("\0");
    return { sha, date, author };
  }
}

function grow(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
