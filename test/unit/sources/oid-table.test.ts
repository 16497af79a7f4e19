import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OidTable } from "../../../src/sources/oid-table.js";

const id = (i: number, algo = "sha1") => createHash(algo).update(String(i)).digest("hex");
const bytes = (hex: string) => Buffer.from(`x${hex}y`, "latin1");

describe("OidTable", () => {
  it("gives each id one dense index across growth, says when it added one, and gives the hex back", () => {
    const table = new OidTable(4);
    for (let i = 0; i < 5000; i++) {
      expect(table.intern(bytes(id(i)), 1, 40)).toBe(i);
      expect(table.added).toBe(true);
    }
    for (let i = 0; i < 5000; i++) {
      expect(table.intern(bytes(id(i)), 1, 40)).toBe(i);
      expect(table.added).toBe(false);
    }
    expect(table.size).toBe(5000);
    expect(table.hexAt(4321)).toBe(id(4321));
    expect(table.indexOf(id(4999))).toBe(4999);
    expect(table.has(id(5000))).toBe(false);
  });

  it("tells apart ids that share their first word, reads upper-case hex, handles SHA-256 and refuses non-ids", () => {
    const table = new OidTable(8);
    const a = `00000000${"1".repeat(32)}`;
    const b = `00000000${"2".repeat(32)}`;
    expect(table.intern(bytes(a), 1, 40)).toBe(0);
    expect(table.has(b)).toBe(false);
    expect(table.intern(bytes(b.toUpperCase()), 1, 40)).toBe(1);
    expect(table.indexOf(b)).toBe(1);
    expect(() => table.intern(bytes("g".repeat(40)), 1, 40)).toThrow(/not an object id/);
    const wide = new OidTable();
    for (let i = 0; i < 100; i++) wide.intern(bytes(id(i, "sha256")), 1, 64);
    expect(wide.hexAt(7)).toBe(id(7, "sha256"));
    expect(wide.has(id(7))).toBe(false);
  });
});
