import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BlobSet } from "../../../src/sources/blob-set.js";

const id = (i: number, algo = "sha1") => createHash(algo).update(String(i)).digest("hex");

describe("BlobSet", () => {
  it("remembers every id across growth and rejects repeats", () => {
    const set = new BlobSet(4);
    for (let i = 0; i < 5000; i++) expect(set.add(id(i))).toBe(true);
    for (let i = 0; i < 5000; i++) expect(set.add(id(i))).toBe(false);
    expect(set.size).toBe(5000);
    expect(set.has(id(4999))).toBe(true);
    expect(set.has(id(5000))).toBe(false);
  });

  it("tells apart ids that share their first word, and handles SHA-256 ids and the zero word", () => {
    const set = new BlobSet(8);
    const a = `00000000${"1".repeat(32)}`;
    const b = `00000000${"2".repeat(32)}`;
    expect(set.add(a)).toBe(true);
    expect(set.has(b)).toBe(false);
    expect(set.add(b)).toBe(true);
    expect(set.has(a) && set.has(b)).toBe(true);
    const wide = new BlobSet();
    for (let i = 0; i < 100; i++) wide.add(id(i, "sha256"));
    expect(wide.has(id(7, "sha256"))).toBe(true);
    expect(wide.has(id(7))).toBe(false);
  });
});
