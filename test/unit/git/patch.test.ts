import { describe, expect, it } from "vitest";
import { type RawEntry, withListing } from "../../../src/git/patch.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const Z = "0".repeat(40);
// `git diff --cached --raw -z -p` as it comes: the listing (an edit, a new file whose name holds a
// newline and a tab, a rename with its score, a conflict), the empty field, then the patch.
const LISTING =
  `:100644 100644 ${A} ${B} M\0src/a.ts\0` +
  `:000000 100644 ${Z} ${B} A\0new\nna\tme.md\0` +
  `:100644 100644 ${A} ${B} R086\0old/b.ts\0new/b.ts\0` +
  `:100644 000000 ${A} ${Z} U\0conflict.txt\0`;
const PATCH = `* Unmerged path conflict.txt\ndiff --git a/src/a.ts b/src/a.ts\nindex ${A}..${B} 100644\n`;

const output = (pieces: Buffer[]) => ({
  pieces: (async function* () {
    yield* pieces;
  })(),
  cancel: () => {},
});

async function split(pieces: Buffer[]): Promise<{ entries: RawEntry[]; patch: string }> {
  const staged = withListing(output(pieces));
  const entries = await staged.listing();
  const rest: Buffer[] = [];
  for await (const piece of staged.pieces) rest.push(piece);
  return { entries, patch: Buffer.concat(rest).toString("utf8") };
}

describe("withListing", () => {
  const whole = Buffer.from(`${LISTING}\0${PATCH}`, "utf8");
  const expected = [
    { oldMode: "100644", newMode: "100644", oldOid: A, newOid: B, status: "M", path: "src/a.ts" },
    { oldMode: "000000", newMode: "100644", oldOid: Z, newOid: B, status: "A", path: "new\nna\tme.md" },
    { oldMode: "100644", newMode: "100644", oldOid: A, newOid: B, status: "R", path: "new/b.ts" },
    { oldMode: "100644", newMode: "000000", oldOid: A, newOid: Z, status: "U", path: "conflict.txt" },
  ];

  it("reads the listing and hands on the patch after it, wherever git's output is cut", async () => {
    for (let cut = 0; cut <= whole.length; cut++) {
      const { entries, patch } = await split([whole.subarray(0, cut), whole.subarray(cut)]);
      expect(entries, `cut at ${cut}`).toEqual(expected);
      expect(patch, `cut at ${cut}`).toBe(PATCH);
    }
  });

  it("in one-byte pieces too", async () => {
    const bytes = [...whole].map((b) => Buffer.from([b]));
    expect(await split(bytes)).toEqual({ entries: expected, patch: PATCH });
  });

  it("yields the patch when the listing was never asked for", async () => {
    const staged = withListing(output([whole]));
    const rest: Buffer[] = [];
    for await (const piece of staged.pieces) rest.push(piece);
    expect(Buffer.concat(rest).toString("utf8")).toBe(PATCH);
  });

  it("nothing staged: no entries, no patch", async () => {
    expect(await split([])).toEqual({ entries: [], patch: "" });
  });

  it("refuses a listing it cannot read rather than pass files unread", async () => {
    await expect(split([Buffer.from("diff --git a/x b/x\n\0\0")])).rejects.toThrow(/unexpected git diff --raw record/);
  });
});
