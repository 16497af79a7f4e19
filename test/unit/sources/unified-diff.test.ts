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
