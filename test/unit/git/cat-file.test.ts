// The one cat-file reader: answers in request order for every kind of name,
// sizes without contents, and the same reader inside a worker thread (the
// speed work runs one per worker).
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { type CatFileObject, CatFileReader, readBlobSizes, readBlobs } from "../../../src/git/cat-file.js";
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
