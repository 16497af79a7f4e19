import { describe, expect, it } from "vitest";
import {
  type FilePatch,
  parseGitHeaderPath,
  parseUnifiedDiff,
  unquoteGitPath,
} from "../../../src/sources/unified-diff.js";

async function parse(text: string | Buffer, pieceSize = Infinity) {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const pieces: Buffer[] = [];
  for (let i = 0; i < data.length; i += Math.min(pieceSize, data.length)) pieces.push(data.subarray(i, i + pieceSize));
  const files: FilePatch[] = [];
  const lines: string[] = [];
  for await (const r of parseUnifiedDiff(pieces)) {
    if (r.kind === "file") files.push(r.file);
    else lines.push(r.line.toString());
  }
  const added = (f: FilePatch) => f.added.map((a) => [a.startLine, a.data.toString()]);
  return { files, lines, added };
}

const PATCH = [
  "diff --git a/sp ace.txt b/sp ace2.txt",
  "similarity index 66%",
  "rename from sp ace.txt",
  "rename to sp ace2.txt",
  "index 422c2b7ab3b3c668038da977e4e93a5fc623169c..82e3355bb30acb53f32e4d7b06c9098bb23c4dae 100644",
  "--- a/sp ace.txt\t",
  "+++ b/sp ace2.txt\t",
  "@@ -2,0 +3,2 @@ b",
  "+z",
  "+y",
  "@@ -9 +10,0 @@",
  "-gone",
  "@@ -12 +12 @@",
  "-old",
  "\\ No newline at end of file",
  "+new",
  "\\ No newline at end of file",
  'diff --git "a/new\\nline \\"q\\"\\303\\251" "b/new\\nline \\"q\\"\\303\\251"',
  "new file mode 100644",
  "index 0000000000000000000000000000000000000000..587be6b0000000000000000000000000000000000",
  "--- /dev/null",
  '+++ "b/new\\nline \\"q\\"\\303\\251"\t',
  "@@ -0,0 +1 @@",
  "+x",
  "diff --git a/img.png b/img.png",
  "new file mode 100644",
  "index 0000000..1111111",
  "Binary files /dev/null and b/img.png differ",
  "diff --git a/sub b/sub",
  "index 1111111..2222222 160000",
  "--- a/sub",
  "+++ b/sub",
  "@@ -1 +1 @@",
  "-Subproject commit 1111111",
  "+Subproject commit 2222222",
  "",
].join("\n");

describe("parseUnifiedDiff", () => {
  it.each([Infinity, 7, 1])(
    "reads paths, added runs with new-file line numbers, binary and gitlink files (pieces of %s bytes)",
    async (size) => {
      const { files, added } = await parse(PATCH, size);
      expect(files.map((f) => f.path)).toEqual(["sp ace2.txt", 'new\nline "q"é', "img.png", "sub"]);
      expect(added(files[0]!)).toEqual([
        [3, "z\ny"],
        [12, "new"],
      ]);
      expect(files[0]!.newOid).toBe("82e3355bb30acb53f32e4d7b06c9098bb23c4dae");
      expect(added(files[1]!)).toEqual([[1, "x"]]);
      expect(files[2]).toMatchObject({ binary: true, deleted: false });
      expect(files[3]).toMatchObject({ gitlink: true });
    },
  );

  it("splits runs around context lines and keeps CR bytes", async () => {
    const { files, added } = await parse(
      "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n+b\r\n c\n+d\n-e\n",
    );
    expect(added(files[0]!)).toEqual([
      [2, "b\r"],
      [4, "d"],
    ]);
  });

  it.each([Infinity, 5, 1])(
    "keeps every byte of an added run, invalid UTF-8 too (pieces of %s bytes)",
    async (size) => {
      const bytes = Buffer.concat([
        Buffer.from(
          "diff --git a/caf\u00e9 b/caf\u00e9\n--- a/caf\u00e9\n+++ b/caf\u00e9\n@@ -1,2 +1,3 @@\n-old\n-\n+\u00e9\u00e8 ",
        ),
        Buffer.from([0xff, 0xfe, 0x00, 0x80]),
        Buffer.from("\n+\n++plus\n\\ No newline at end of file\n"),
      ]);
      const { files } = await parse(bytes, size);
      expect(files.map((f) => f.path)).toEqual(["caf\u00e9"]);
      expect(files[0]!.added.map((a) => [a.startLine, a.data])).toEqual([
        [
          1,
          Buffer.concat([
            Buffer.from("\u00e9\u00e8 "),
            Buffer.from([0xff, 0xfe, 0x00, 0x80]),
            Buffer.from("\n\n+plus"),
          ]),
        ],
      ]);
    },
  );

  it("keeps only lines a merge added to every parent, numbered in the result", async () => {
    const text = [
      "\x01commit abc",
      "",
      "diff --cc conf",
      "index 242aec1,37c997e..a09724d",
      "--- a/conf",
      "+++ b/conf",
      "@@@ -1,1 -1,1 +1,3 @@@",
      "- K=main",
      " -K=side",
      "++K=resolved",
      " +from-main",
      "++other",
      "\x01commit def",
      "",
    ].join("\n");
    const { files, lines, added } = await parse(text);
    expect(lines.filter(Boolean)).toEqual(["\x01commit abc", "\x01commit def"]);
    expect(files[0]).toMatchObject({ path: "conf", combined: true });
    expect(added(files[0]!)).toEqual([
      [1, "K=resolved"],
      [3, "other"],
    ]);
  });

  it.each([Infinity, 1])("takes no line past the hunk's counts (pieces of %s bytes)", async (size) => {
    // Counts are what say where a hunk ends: a "-" or "+" line after them is not the hunk's.
    const minus = await parse("diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n-b\n", size);
    expect(minus.lines).toEqual(["-b"]);
    const plus = await parse("diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+c\n+d\n", size);
    expect(plus.added(plus.files[0]!)).toEqual([[1, "c"]]);
    expect(plus.lines).toEqual(["+d"]);
  });

  it("passes a deletion and a rename without content through with no lines", async () => {
    const { files } = await parse(
      "diff --git a/x b/x\ndeleted file mode 100644\nindex 1..0\n--- a/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\ndiff --git a/a b b/c d\nsimilarity index 100%\nrename from a b\nrename to c d\n",
    );
    expect(files).toMatchObject([
      { path: "x", deleted: true, added: [] },
      { path: "c d", added: [] },
    ]);
  });
});

describe("path helpers", () => {
  it("unquotes C-style paths and leaves plain ones", () => {
    expect(unquoteGitPath('"a\\tb\\\\c\\"d\\303\\251"')).toBe('a\tb\\c"dé');
    expect(unquoteGitPath("plain name")).toBe("plain name");
  });
  it("reads the new path from a diff --git header", () => {
    expect(parseGitHeaderPath("a/x b/y b/x b/y")).toBe("x b/y");
    expect(parseGitHeaderPath('"a/q\\"" "b/q\\""')).toBe('q"');
    expect(parseGitHeaderPath('a/p "b/q\\n"')).toBe("q\n");
  });
});

/** A small seeded PRNG (mulberry32), so a failing shape can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * A patch of several files, each with hunks of removed, added and context lines in random
 * order and lengths (long runs, single lines, empty and CR lines, "\ No newline" markers, hunk
 * counts that run past the lines git wrote), with the added runs it must yield, worked out as
 * the patch is written: one [line number, text] per run of consecutive added lines.
 */
function randomPatch(seed: number): { text: string; expected: [number, string][][] } {
  const pick = random(seed);
  const out: string[] = [];
  const expected: [number, string][][] = [];
  const content = () => ["x", "", "a b\r", "+plus", "-minus", " sp", "\\bs", `v${pick(1000)}`][pick(8)]!;
  for (let f = 0; f < 4; f++) {
    out.push(`diff --git a/f${f} b/f${f}`, `--- a/f${f}`, `+++ b/f${f}`);
    const runs: [number, string][] = [];
    let line = 1 + pick(5);
    for (let h = 0; h < 3; h++) {
      const ops: string[] = [];
      for (let k = 1 + pick(6); k > 0; k--) {
        const kind = ["-", "+", " "][pick(3)]!;
        for (let n = kind === " " ? 1 : 1 + pick(pick(2) ? 3 : 40); n > 0; n--) ops.push(kind);
      }
      const removed = ops.filter((o) => o !== "+").length;
      const added = ops.filter((o) => o !== "-").length;
      const short = h === 2 && pick(3) === 0 ? 1 + pick(3) : 0; // the header counts more lines than follow
      out.push(`@@ -${line},${removed + short} +${line},${added + short} @@`);
      let run: string[] = [];
      let runStart = 0;
      const flush = () => {
        if (run.length > 0) runs.push([runStart, run.join("\n")]);
        run = [];
      };
      for (const op of ops) {
        const text = op === " " && pick(4) === 0 ? "" : content();
        out.push(op === " " && text === "" ? "" : `${op}${text}`);
        if (op === "+") {
          if (run.length === 0) runStart = line;
          run.push(text);
        } else flush();
        if (op !== "-") line++;
      }
      if (pick(4) === 0) out.push("\\ No newline at end of file");
      flush();
      line += 5 + pick(20);
    }
    expected.push(runs);
  }
  out.push("");
  return { text: out.join("\n"), expected };
}

describe("parseUnifiedDiff on random hunk shapes", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    "yields each run of added lines with its line number, whatever the piece size (seed %s)",
    async (seed) => {
      const { text, expected } = randomPatch(seed);
      for (const size of [Infinity, 1, 2, 3, 17, 64, 1000]) {
        const { files, added } = await parse(text, size);
        expect(files.map((f) => f.path)).toEqual(["f0", "f1", "f2", "f3"]);
        expect(files.map(added)).toEqual(expected);
      }
    },
  );
});
