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
  /** The last bytes seen (up to one fewer than the longest anchor): an anchor may start there and end in the next piece. */
  private readonly tail: Buffer;
  private tailLength = 0;

  /** Anchors without a NUL, and those with one (UTF-16's): a piece with no NUL cannot hold the latter. */
  private readonly textAnchors: readonly Buffer[];
  private readonly nulAnchors: readonly Buffer[];

  constructor(private readonly anchors: readonly Buffer[]) {
    this.tail = Buffer.alloc(Math.max(0, ...anchors.map((a) => a.length - 1)));
    this.textAnchors = anchors.filter((a) => !a.includes(0));
    this.nulAnchors = anchors.filter((a) => a.includes(0));
  }

  see(piece: Buffer): void {
    const before = this.starts.length;
    if (this.tailLength > 0) this.seeSeam(piece);
    for (const anchor of this.textAnchors) this.find(piece, anchor);
    // One memchr for a NUL instead of a search that stops at every `v` of a text (eslint-like blobs: 7,000 a MB).
    if (this.nulAnchors.length > 0 && piece.indexOf(0) !== -1)
      for (const anchor of this.nulAnchors) this.find(piece, anchor);
    // Found anchor by anchor (and a seam hit may start before a hit of the last piece): put them in order.
    if (this.starts.length - before > 1 || (before > 0 && this.starts[before]! < this.starts[before - 1]!)) this.sort();
    this.seen += piece.length;
    this.keepTail(piece);
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

  private find(piece: Buffer, anchor: Buffer): void {
    for (let i = piece.indexOf(anchor); i !== -1; i = piece.indexOf(anchor, i + 1)) this.add(this.seen + i, anchor);
  }

  /** Anchors that start in the tail of the last piece and end in this one (byte by byte: a few bytes, no copy). */
  private seeSeam(piece: Buffer): void {
    const { tail, tailLength } = this;
    for (const anchor of this.anchors)
      for (let start = Math.max(0, tailLength - anchor.length + 1); start < tailLength; start++) {
        let k = 0;
        for (; k < anchor.length; k++) {
          const at = start + k;
          const byte = at < tailLength ? tail[at] : piece[at - tailLength];
          if (byte !== anchor[k]) break;
        }
        if (k === anchor.length) this.add(this.seen - tailLength + start, anchor);
      }
  }

  /** Copies the last bytes of the stream into `tail` (the piece's memory is the reader's to drop). */
  private keepTail(piece: Buffer): void {
    const { tail } = this;
    const keep = Math.min(tail.length - piece.length, this.tailLength); // old tail bytes still among the last
    if (keep > 0) tail.copyWithin(0, this.tailLength - keep, this.tailLength);
    const from = Math.max(0, piece.length - (tail.length - Math.max(0, keep)));
    let at = Math.max(0, keep);
    for (let i = from; i < piece.length; i++) tail[at++] = piece[i]!;
    this.tailLength = at;
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
