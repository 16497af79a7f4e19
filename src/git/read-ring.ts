// One buffer that a long-lived git's output is read into, reused for the whole
// run: each read lands right after the last, and when room runs out the bytes
// still needed (an object not yet whole) move to the front. So an object's
// bytes sit in one piece wherever the reads cut them, a read allocates nothing,
// and the only copying is of the unfinished object at each wrap (about 1% of
// the bytes with 12-25 KB blobs). Positions are offsets in the output stream,
// counted from its first byte, so they stay valid across wraps.

/** The least room a read is given; a wrap makes at least this much. */
const MIN_READ_BYTES = 64 * 1024;
/** The buffer's usual size; it grows to hold an object larger than this, and shrinks back after. */
const RING_BYTES = 1024 * 1024;

export class ReadRing {
  private buffer = Buffer.allocUnsafeSlow(RING_BYTES);
  /** Stream offset of buffer[0]. */
  private base = 0;
  /** Stream offset where the next read lands: everything before it has been read. */
  private end = 0;
  /** The first byte a wrap must keep (the start of an unfinished object), as a stream offset. */
  private keepFrom = 0;
  /** How many bytes from `keepFrom` on the unfinished object spans in all, where known (0: not known). */
  private keepLength = 0;

  /** Where the next read lands: a view of the free room, at least 64 KB. */
  next(): Buffer {
    if (this.buffer.length - (this.end - this.base) < MIN_READ_BYTES) this.wrap();
    return this.buffer.subarray(this.end - this.base);
  }

  /** `length` bytes were read into the view `next` gave. Returns the stream offset after them. */
  landed(length: number): number {
    this.end += length;
    return this.end;
  }

  /** Keep the bytes from stream offset `from` on across wraps, `length` of them in all if known. */
  keep(from: number, length = 0): void {
    this.keepFrom = from;
    this.keepLength = length;
  }

  /** The bytes [from, to) of the stream, as a view: valid until the next call of `next`. */
  bytes(from: number, to: number): Buffer {
    return this.buffer.subarray(from - this.base, to - this.base);
  }

  /** Stream offset of the first `byte` in [from, to), or -1. */
  indexOf(byte: number, from: number, to: number): number {
    const i = this.bytes(from, to).indexOf(byte);
    return i === -1 ? -1 : from + i;
  }

  /** Move the kept bytes to the front, into a bigger buffer if the object they start needs it. */
  private wrap(): void {
    const from = this.keepFrom - this.base;
    const kept = this.end - this.keepFrom;
    const needed = Math.max(kept, this.keepLength) + MIN_READ_BYTES;
    if (needed > this.buffer.length || (this.buffer.length > RING_BYTES && needed <= RING_BYTES)) {
      const next = Buffer.allocUnsafeSlow(Math.max(needed, RING_BYTES));
      this.buffer.copy(next, 0, from, from + kept);
      this.buffer = next;
    } else this.buffer.copyWithin(0, from, from + kept);
    this.base = this.keepFrom;
  }
}
