// The one cat-file reader: answers in request order for every kind of name,
// sizes without contents, and the same reader inside a worker thread (the
// speed work runs one per worker).
import { execFileSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { type CatFileObject, CatFileReader, readBlobSizes, readBlobs } from "../../../src/git/cat-file.js";
import { type GitProcess, readStdoutInto, startGit } from "../../../src/git/exec.js";
import { git, gitRepo } from "../../helpers/git-repo.js";

function repo() {
  const dir = gitRepo({ "a.txt": "alpha\n", "big.bin": Buffer.alloc(5000, 7), "dir/b.txt": "" });
  const oid = (path: string) => git(dir, ["rev-parse", `HEAD:${path}`]).trim();
  return { dir, ctx: { cwd: dir, env: process.env }, oid };
}

describe("CatFileReader", () => {
  it("answers each name in order: blobs, empty blobs, too large, trees, missing, rev:path names", async () => {
    const { ctx, oid } = repo();
    const seen: CatFileObject[] = [];
    const reader = new CatFileReader(ctx, { maxSize: 100, onObject: (o) => seen.push(o) });
    const names = [oid("a.txt"), "HEAD:dir/b.txt", oid("big.bin"), "HEAD:dir", "0".repeat(40), "HEAD:nope"];
    for (const name of names) reader.request(name);
    reader.end();
    await reader.done;
    expect(seen.map((o) => [o.name, o.kind])).toEqual([
      [names[0], "blob"],
      [names[1], "blob"],
      [names[2], "too-large"],
      [names[3], "not-blob"],
      [names[4], "missing"],
      [names[5], "missing"],
    ]);
    expect(seen[0]).toMatchObject({ oid: names[0], size: 6 });
    expect(seen[2]).toMatchObject({ size: 5000 });
  });

  it("gives every blob's bytes as git has them: around read sizes, larger than its buffer, skimmed heads", async () => {
    const noise = (n: number, seed: number) => {
      const out = Buffer.allocUnsafe(n);
      for (let i = 0, x = seed; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      return out;
    };
    const files: Record<string, Buffer> = {};
    for (const size of [0, 1, 7999, 8000, 65535, 65536, 65537, 1_048_576, 3_000_000])
      files[`f${size}`] = noise(size, size);
    for (let i = 0; i < 300; i++) files[`small/${i}`] = noise(3000 + i * 7, i);
    const dir = gitRepo(files);
    const ctx = { cwd: dir, env: process.env };
    const names = Object.keys(files).map((path) => `HEAD:${path}`);
    // Twice over, so the reader's buffer wraps and grows mid-stream; the first half whole, the rest skimmed.
    const asked = [...names, ...names];
    let answered = 0;
    const seen: [string, Buffer][] = [];
    const reader = new CatFileReader(ctx, {
      maxSize: Number.POSITIVE_INFINITY,
      sieve: { see: () => {}, wants: () => answered < names.length, headBytes: 8000 },
      onObject: (o) => {
        answered++;
        if (o.kind === "blob") seen.push([o.name, Buffer.from(o.data)]);
        else if (o.kind === "skimmed") seen.push([o.name, Buffer.from(o.head)]);
        else seen.push([o.name, Buffer.alloc(0)]);
      },
    });
    for (const name of asked) reader.request(name);
    reader.end();
    await reader.done;
    expect(seen.map(([name]) => name)).toEqual(asked);
    seen.forEach(([name, bytes], i) => {
      const whole = execFileSync("git", ["cat-file", "blob", name], { cwd: dir, maxBuffer: 1 << 26 });
      const want = i < names.length ? whole : whole.subarray(0, 8000);
      expect(bytes.equals(want), name).toBe(true);
    });
  });

  it("readBlobs and readBlobSizes give bytes and sizes by name", async () => {
    const { ctx, oid } = repo();
    const blobs = await readBlobs(ctx, [oid("a.txt"), "HEAD:big.bin", "line\nbreak"]);
    expect(blobs.get(oid("a.txt"))?.toString()).toBe("alpha\n");
    expect(blobs.get("HEAD:big.bin")?.length).toBe(5000);
    expect(blobs.get("line\nbreak")).toBe(null);
    const sizes = await readBlobSizes(ctx, [oid("big.bin"), "f".repeat(40)]);
    expect([...sizes]).toEqual([[oid("big.bin"), 5000]]);
  });

  it("works from a worker thread", async () => {
    const { dir, oid } = repo();
    const module = fileURLToPath(new URL("../../../dist/git/cat-file.js", import.meta.url));
    const source = `
      const { parentPort, workerData } = require("node:worker_threads");
      import(workerData.module).then(async ({ readBlobs }) => {
        const blobs = await readBlobs({ cwd: workerData.dir, env: process.env }, [workerData.oid]);
        parentPort.postMessage(blobs.get(workerData.oid).toString());
      });`;
    const worker = new Worker(source, { eval: true, workerData: { module, dir, oid: oid("a.txt") } });
    const answer = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(answer).toBe("alpha\n");
  });
});

describe("readStdoutInto", () => {
  it("reads git's stdout straight into the caller's buffers", async () => {
    const { ctx, oid } = repo();
    const proc = startGit(ctx, ["cat-file", "--batch"]);
    const given: Buffer[] = [];
    const pieces: Buffer[] = [];
    readStdoutInto(proc, {
      next: () => {
        const b = Buffer.alloc(64 * 1024);
        given.push(b);
        return b;
      },
      onRead: (piece) => {
        expect(piece.buffer).toBe(given.at(-1)!.buffer); // the buffer `next` gave last, not one of node's
        pieces.push(Buffer.from(piece));
      },
    });
    proc.child.stdin.end(`${oid("big.bin")}\n`);
    await proc.done;
    expect(Buffer.concat(pieces).length).toBe(`${oid("big.bin")} blob 5000\n`.length + 5001);
  });

  it("copies 'data' pieces into the caller's buffers where the socket has no onread hook", () => {
    const stdout = new PassThrough();
    const pieces: Buffer[] = [];
    let handedOut = 0;
    readStdoutInto({ child: { stdout } } as unknown as GitProcess, {
      next: () => {
        handedOut++;
        return Buffer.alloc(1000);
      },
      onRead: (piece) => pieces.push(Buffer.from(piece)),
    });
    const sent = Buffer.from("x".repeat(2500));
    stdout.write(sent);
    expect(pieces.map((p) => p.length)).toEqual([1000, 1000, 500]);
    expect(Buffer.concat(pieces).equals(sent)).toBe(true);
    expect(handedOut).toBe(4);
  });
});
