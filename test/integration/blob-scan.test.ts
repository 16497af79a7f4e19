// A history's blob lane against the plain way of reading blobs: every blob read whole and handed to
// detectSecrets, as the lanes did before they sifted git's output. The lane's totals (files, bytes,
// binaries, held-back keys) and its hits must be the same, on make-repo histories and on blobs built
// to sit awkwardly in the stream (keys across 64 KB reads, at blob edges, encoded, in binaries).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { looksBinary } from "../../src/engine/binary.js";
import { detectSecrets, type HeldBack, type Match } from "../../src/engine/detect.js";
import { builtinRules } from "../../src/engine/rule.js";
import { readBlobs } from "../../src/git/cat-file.js";
import { BlobLane } from "../../src/sources/blob-scan.js";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, git, gitRepo, tempDir } from "../helpers/git-repo.js";

const rules = builtinRules();
const keys = fakeKeys(5151);

/** Every blob reachable from any ref. */
function blobsOf(dir: string): string[] {
  const objects = git(dir, ["rev-list", "--objects", "--all", "--no-object-names"]);
  return git(dir, ["cat-file", "--batch-check=%(objecttype) %(objectname)"], {}, objects)
    .split("\n")
    .filter((l) => l.startsWith("blob "))
    .map((l) => l.slice(5));
}

/** The lane of a history scan, over `oids`. */
async function throughLane(dir: string, oids: string[], maxSize: number) {
  const lane = new BlobLane({ cwd: dir, env: process.env }, maxSize, rules);
  for (const oid of oids) lane.reader.request(oid);
  lane.reader.end();
  await lane.reader.done;
  return { totals: lane.totals, hits: lane.hits };
}

/** The same, the plain way: each blob whole, detectSecrets on every one. */
async function oneByOne(dir: string, oids: string[], maxSize: number) {
  const blobs = await readBlobs({ cwd: dir, env: process.env }, oids, maxSize);
  const heldBack: HeldBack = { keyRegexes: 0, lineRegexes: 0, stopwords: 0 };
  const totals = { files: 0, bytes: 0, binary: 0, tooLarge: 0, unreadable: [] as string[], heldBack };
  const hits = new Map<string, Match[]>();
  for (const oid of oids) {
    const data = blobs.get(oid);
    if (data === null || data === undefined) {
      totals.tooLarge++;
      continue;
    }
    const binary = looksBinary(data);
    totals.files++;
    totals.bytes += data.length;
    if (binary) totals.binary++;
    const found = detectSecrets({ path: "", data, startLine: 1, binary }, rules, { heldBack });
    const byKey = new Map<string, Match>();
    for (const m of found) if (!byKey.has(m.secret)) byKey.set(m.secret, m);
    if (byKey.size > 0) hits.set(oid, [...byKey.values()]);
  }
  return { totals, hits };
}

async function expectSame(dir: string, maxSize = Number.POSITIVE_INFINITY) {
  const oids = blobsOf(dir);
  const lane = await throughLane(dir, oids, maxSize);
  const plain = await oneByOne(dir, oids, maxSize);
  expect(lane.totals).toEqual(plain.totals);
  expect([...lane.hits].sort()).toEqual([...plain.hits].sort());
  return plain;
}

describe("a history's blob lane", () => {
  it.each([
    ["small commits", "--commits 300 --keys 8 --seed 31"],
    ["larger blobs", "--commits 60 --keys 6 --seed 32 --files 40 --lines 900 --touch 6"],
  ])(
    "counts and finds what detectSecrets finds in every blob read whole: %s",
    async (_, shape) => {
      const makeRepo = fileURLToPath(new URL("../../bench/make-repo.mjs", import.meta.url));
      const dir = join(tempDir(), "made");
      execFileSync(process.execPath, [makeRepo, dir, ...shape.split(" "), "--no-repack"], { stdio: "pipe" });
      const plain = await expectSame(dir);
      expect(plain.hits.size).toBeGreaterThan(0);
      expect(plain.totals.binary).toBeGreaterThan(0);
    },
    120_000,
  );

  it("the same for keys across 64 KB reads, at blob edges, encoded and in binaries", async () => {
    const key = () => keys.next();
    const filler = (n: number) => "x = 1; // filler line of text\n".repeat(Math.ceil(n / 31)).slice(0, n);
    const files: Record<string, string | Buffer> = {};
    // A key at every offset around the 64 KB read size, and at the very start and end of blobs.
    for (let shift = -40; shift <= 40; shift += 3) files[`edge/${shift + 40}.txt`] = `${filler(65536 + shift)}${key()}`;
    files["start.txt"] = key();
    files["end.txt"] = `${filler(3000)}\n${key()}`;
    files["b64.txt"] = `${filler(70000)}\n${Buffer.from(`k=${key()}`).toString("base64")}\n`;
    files["utf16.txt"] = Buffer.from(`\ufeff${filler(40000)}${key()}\n`, "utf16le");
    files["asset.bin"] = Buffer.concat([Buffer.alloc(9000, 0), Buffer.from(key()), Buffer.alloc(80000, 1)]);
    files["late-nul.txt"] = Buffer.concat([Buffer.from(filler(8100)), Buffer.alloc(1), Buffer.from(key())]);
    files["tiny.txt"] = "t";
    files["empty.txt"] = "";
    files["almost.txt"] = `${filler(100000)}tvl`;
    const dir = gitRepo(files);
    commitFiles(dir, { "start.txt": `${key()}\n${key()}` }, "two");
    await expectSame(dir);
    await expectSame(dir, 65536); // the larger blobs skipped as too large
  }, 120_000);
});
