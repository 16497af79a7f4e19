// The reused read buffer of the cat-file reader: whatever sizes the reads come in, an object kept
// across wraps reads back as the bytes the stream held, in one piece, larger than the buffer too.
import { describe, expect, it } from "vitest";
import { ReadRing } from "../../../src/git/read-ring.js";

/** A stream of `length` bytes that differ from their neighbours, so a misplaced copy shows. */
function stream(length: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Read `source` into `ring` in reads of `sizes()` bytes, keeping objects of `objects` lengths; check each. */
function readThrough(source: Buffer, objects: number[], sizes: () => number): number {
  const ring = new ReadRing();
  let read = 0;
  let checked = 0;
  let start = 0; // stream offset of the object being read
  let objectIndex = 0;
  while (read < source.length) {
    const into = ring.next();
    expect(into.length).toBeGreaterThanOrEqual(64 * 1024);
    const n = Math.min(sizes(), into.length, source.length - read);
    source.copy(into, 0, read, read + n);
    read = ring.landed(n);
    // Every object that ends in what was read so far comes out whole; the next one is kept.
    for (;;) {
      const length = objects[objectIndex % objects.length]!;
      if (start + length > read) break;
      expect(ring.bytes(start, start + length).equals(source.subarray(start, start + length))).toBe(true);
      checked++;
      start += length;
      objectIndex++;
    }
    ring.keep(start, objects[objectIndex % objects.length]!);
  }
  return checked;
}

describe("ReadRing", () => {
  it("hands each object back whole across wraps, for reads of every size", () => {
    const source = stream(6 * 1024 * 1024, 7);
    let x = 1;
    const random = () => {
      x = (x * 48271) % 2147483647;
      return x;
    };
    expect(readThrough(source, [12_000, 25_000, 1, 3, 70_000], () => 1 + (random() % 200_000))).toBeGreaterThan(100);
    expect(readThrough(source, [16_384], () => 16_384)).toBe(384);
    expect(readThrough(source.subarray(0, 200_000), [333], () => 1)).toBe(600); // a byte a read
  });

  it("grows for an object larger than its buffer and shrinks back once it is read", () => {
    const source = stream(9 * 1024 * 1024, 3);
    // 3 MB objects around small ones: each large one is held whole in a grown buffer.
    expect(readThrough(source, [3 * 1024 * 1024, 100, 2_500_000], () => 64 * 1024)).toBeGreaterThanOrEqual(4);
    const ring = new ReadRing();
    const big = 3 * 1024 * 1024;
    let read = 0;
    while (read < big) read = ring.landed(Math.min(ring.next().length, big - read));
    ring.keep(0, big);
    expect(ring.bytes(0, big).length).toBe(big);
    ring.keep(big); // read: nothing kept, so the next wrap goes back to the usual size
    for (let i = 0; i < 4 && ring.next().length > 1024 * 1024; i++) ring.landed(ring.next().length);
    expect(ring.next().length).toBeLessThanOrEqual(1024 * 1024);
  });

  it("finds a byte only within the range asked for", () => {
    const ring = new ReadRing();
    const into = ring.next();
    into.fill(0x61, 0, 100);
    into[50] = 0x0a;
    into[150] = 0x0a; // beyond what was read: stale bytes never count
    ring.landed(100);
    expect(ring.indexOf(0x0a, 0, 100)).toBe(50);
    expect(ring.indexOf(0x0a, 51, 100)).toBe(-1);
  });
});
