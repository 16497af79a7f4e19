// Which stretches of a stream of bytes may hold a hint, found as the stream
// arrives: each piece read (64 KB from git's pipe) is searched once per
// prefilter anchor, instead of every blob in it once per anchor. Every hint
// holds an anchor, so a blob whose bytes hold none has no match: it is
// counted without being gathered into one buffer or handed to detectSecrets.
// Most blobs of a history are such blobs; the few others go through
// detectSecrets whole, as before, so the findings are the same.
import type { CatFileSieve } from "../git/cat-file.js";
import { BINARY_SNIFF_BYTES } from "./binary.js";

export class HintSieve implements CatFileSieve {
  /** Enough of a blob to tell whether it is binary (looksBinary reads no further). */
  readonly headBytes = BINARY_SNIFF_BYTES;
  /** Each anchor found: where it starts and ends, as offsets in the stream, ascending by start. */
  private starts: number[] = [];
  private ends: number[] = [];
  /** Hits before this index start before the last `wants` asked about: no later question needs them. */
  private first = 0;
  /** Bytes of the stream seen so far. */
  private seen = 0;
  /** The last bytes seen, one fewer than the longest anchor: an anchor may start there and end in the next piece. */
  private tail: Buffer = Buffer.alloc(0);
  private readonly overlap: number;

  constructor(private readonly anchors: readonly Buffer[]) {
    this.overlap = Math.max(0, ...anchors.map((a) => a.length - 1));
  }

  see(piece: Buffer): void {
    const before = this.starts.length;
    if (this.tail.length > 0) this.seeSeam(piece);
    for (const anchor of this.anchors)
      for (let i = piece.indexOf(anchor); i !== -1; i = piece.indexOf(anchor, i + 1)) this.add(this.seen + i, anchor);
    // Found anchor by anchor (and a seam hit may start before a hit of the last piece): put them in order.
    if (this.starts.length - before > 1 || (before > 0 && this.starts[before]! < this.starts[before - 1]!)) this.sort();
    this.seen += piece.length;
    const joined = piece.length >= this.overlap ? piece : Buffer.concat([this.tail, piece]);
    // A copy: the piece's memory is the reader's to drop.
    this.tail = Buffer.from(joined.subarray(Math.max(0, joined.length - this.overlap)));
  }

  wants(from: number, to: number): boolean {
    const { starts, ends } = this;
    while (this.first < starts.length && starts[this.first]! < from) this.first++;
    if (this.first > 1024 && this.first * 2 > starts.length) {
      starts.splice(0, this.first);
      ends.splice(0, this.first);
      this.first = 0;
    }
    for (let i = this.first; i < starts.length && starts[i]! < to; i++) if (ends[i]! <= to) return true;
    return false;
  }

  /** Anchors that start in the tail of the last piece and end in this one. */
  private seeSeam(piece: Buffer): void {
    const seam = Buffer.concat([this.tail, piece.subarray(0, this.overlap)]);
    const at = this.seen - this.tail.length;
    for (const anchor of this.anchors)
      for (let i = seam.indexOf(anchor); i !== -1 && i < this.tail.length; i = seam.indexOf(anchor, i + 1))
        if (i + anchor.length > this.tail.length) this.add(at + i, anchor);
  }

  private add(start: number, anchor: Buffer): void {
    this.starts.push(start);
    this.ends.push(start + anchor.length);
  }

  private sort(): void {
    const hits = this.starts.map((start, i) => ({ start, end: this.ends[i]! }));
    hits.sort((a, b) => a.start - b.start);
    this.starts = hits.map((h) => h.start);
    this.ends = hits.map((h) => h.end);
  }
}
