// A set of object ids (hex SHA-1 or SHA-256) in one typed array: 20 or 32
// bytes per id instead of ~100 for a JS string in a Set, so remembering
// every blob of a long history stays small.

/** Open addressing with linear probing; ids are already uniformly random, so the first word is the hash. */
export class BlobSet {
  private words: Uint32Array;
  private capacity: number;
  private count = 0;
  private width = 0;

  constructor(initialCapacity = 1 << 14) {
    this.capacity = initialCapacity;
    this.words = new Uint32Array(0);
  }

  get size(): number {
    return this.count;
  }

  /** Add `hex`; false when it was already there. */
  add(hex: string): boolean {
    if (this.width === 0) this.init(hex.length / 8);
    const key = this.parse(hex);
    if (this.find(key) !== -1) return false;
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    this.insert(key);
    this.count++;
    return true;
  }

  has(hex: string): boolean {
    return this.width !== 0 && hex.length === this.width * 8 && this.find(this.parse(hex)) !== -1;
  }

  private init(width: number): void {
    if (!Number.isInteger(width) || width < 1) throw new Error(`not an object id: length ${width * 8}`);
    this.width = width;
    this.words = new Uint32Array(this.capacity * width);
  }

  private readonly scratch: number[] = [];
  private parse(hex: string): number[] {
    const key = this.scratch;
    for (let w = 0; w < this.width; w++) key[w] = Number.parseInt(hex.slice(w * 8, w * 8 + 8), 16) >>> 0;
    // All-zero is the empty-slot marker; the null id never names a blob we read.
    key[0] = key[0]! | 0 ? key[0]! : 1;
    return key;
  }

  private find(key: number[]): number {
    const { words, width, capacity } = this;
    for (let slot = key[0]! & (capacity - 1); ; slot = (slot + 1) & (capacity - 1)) {
      const at = slot * width;
      if (words[at] === 0) return -1;
      let same = true;
      for (let w = 0; w < width && same; w++) same = words[at + w] === key[w];
      if (same) return slot;
    }
  }

  private insert(key: number[]): void {
    const { words, width, capacity } = this;
    let slot = key[0]! & (capacity - 1);
    while (words[slot * width] !== 0) slot = (slot + 1) & (capacity - 1);
    for (let w = 0; w < width; w++) words[slot * width + w] = key[w]!;
  }

  private grow(): void {
    const old = this.words;
    const width = this.width;
    this.capacity *= 2;
    this.words = new Uint32Array(this.capacity * width);
    const key: number[] = [];
    for (let at = 0; at < old.length; at += width) {
      if (old[at] === 0) continue;
      for (let w = 0; w < width; w++) key[w] = old[at + w]!;
      this.insert(key);
    }
  }
}
