// Object ids (hex SHA-1 or SHA-256) interned to dense indexes 0, 1, 2...:
// read straight from git's output bytes, stored as 32-bit words in typed
// arrays (20 or 32 bytes per id instead of a ~100-byte JS string in a Map),
// so a history of millions of blobs is a few typed arrays, not a heap of strings.

const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) HEX["0123456789abcdef".charCodeAt(i)] = i;
for (let i = 10; i < 16; i++) HEX["ABCDEF".charCodeAt(i - 10)] = i;

/** Open addressing with linear probing; ids are already uniformly random, so their first word is the hash. */
export class OidTable {
  /** Per slot: index + 1 of the id there, 0 when empty. */
  private slots: Int32Array;
  /** The ids' words, densely by index: id i is words[i * width .. (i + 1) * width). */
  private words = new Uint32Array(0);
  private count = 0;
  private width = 0;
  private readonly key = new Uint32Array(8);
  /** Whether the last `intern` call added its id (false: it was there already). */
  added = false;

  constructor(initialCapacity = 1 << 14) {
    this.slots = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  /** The index of the hex id at `bytes[start .. start + length)`, adding it when new (see `added`). */
  intern(bytes: Uint8Array, start: number, length: number): number {
    if (!this.parseBytes(bytes, start, length)) throw new Error(`not an object id at byte ${start}`);
    const found = this.find();
    if (found !== -1) {
      this.added = false;
      return found;
    }
    this.added = true;
    return this.insert();
  }

  /** Index of `hex`, or -1. */
  indexOf(hex: string): number {
    if (
      this.width === 0 ||
      hex.length !== this.width * 8 ||
      !this.parseBytes(Buffer.from(hex, "latin1"), 0, hex.length)
    )
      return -1;
    return this.find();
  }

  has(hex: string): boolean {
    return this.indexOf(hex) !== -1;
  }

  /** The id at `index`, as lowercase hex. */
  hexAt(index: number): string {
    let hex = "";
    for (let w = 0; w < this.width; w++) hex += this.words[index * this.width + w]!.toString(16).padStart(8, "0");
    return hex;
  }

  private parseBytes(bytes: Uint8Array, start: number, length: number): boolean {
    if (this.width === 0) {
      if (length !== 40 && length !== 64) return false;
      this.width = length / 8;
      this.words = new Uint32Array(this.slots.length * this.width);
    }
    if (length !== this.width * 8) return false;
    const key = this.key;
    for (let w = 0, at = start; w < this.width; w++) {
      let word = 0;
      for (const end = at + 8; at < end; at++) {
        const digit = HEX[bytes[at]!]!;
        if (digit < 0) return false;
        word = (word << 4) | digit;
      }
      key[w] = word >>> 0;
    }
    return true;
  }

  private find(): number {
    const { slots, words, width, key } = this;
    const mask = slots.length - 1;
    for (let slot = key[0]! & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      const at = (entry - 1) * width;
      let same = true;
      for (let w = 0; w < width && same; w++) same = words[at + w] === key[w];
      if (same) return entry - 1;
    }
  }

  private insert(): number {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const index = this.count++;
    if ((index + 1) * this.width > this.words.length) {
      const bigger = new Uint32Array(this.words.length * 2);
      bigger.set(this.words);
      this.words = bigger;
    }
    this.words.set(this.key.subarray(0, this.width), index * this.width);
    this.place(index);
    return index;
  }

  private place(index: number): void {
    const mask = this.slots.length - 1;
    let slot = this.words[index * this.width]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.count; i++) this.place(i);
  }
}
