// history --all-objects: what the object store holds that no ref reaches
// (commits left by a reset, a rebase or a force push, reflog-only commits,
// deleted tags, blobs nothing names). One pass over git's own object listing;
// each unreachable blob is read once, and a finding names the unreachable
// commit that put it at a path when there is one.
import { readBlobs } from "../git/cat-file.js";
import type { GitContext } from "../git/exec.js";
import { listAllObjects, listCommitBlobs, listReachableObjects } from "../git/objects.js";
import { type Chunk, countScanned, type ScanSummary } from "./chunk.js";
import { readCommitMessageChunks, readTagMessageChunks } from "./messages.js";
import type { RefPlan } from "./refs.js";

/** Blobs read per cat-file call: bounds memory on a store with many unreachable blobs. */
const BATCH = 256;

/** The unreachable objects as chunks, each marked `reachable: false`. */
export async function* readUnreachableChunks(
  ctx: GitContext,
  plan: RefPlan,
  summary: ScanSummary,
  maxSize: number,
): AsyncGenerator<Chunk> {
  const all = await listAllObjects(ctx);
  const reachable = await listReachableObjects(ctx, [...plan.stash.keys()]);
  const of = (type: string) =>
    [...all].filter(([oid, o]) => o.type === type && !reachable.has(oid)).map(([oid]) => oid);
  const commits = of("commit");
  const blobs = of("blob");
  summary.commits += commits.length;
  const infoOf = new Map<string, { author: string; date: string }>();
  if (commits.length > 0)
    for await (const chunk of readCommitMessageChunks(ctx, ["--no-walk", ...commits, "--"], summary)) {
      if (chunk.commit) infoOf.set(chunk.commit.sha, chunk.commit);
      yield { ...chunk, reachable: false };
    }
  for await (const chunk of readTagMessageChunks(
    ctx,
    of("tag").map((oid) => ({ oid, ref: "" })),
    summary,
  ))
    yield { ...chunk, ref: undefined, reachable: false };
  // Where each unreachable blob was put: the (oldest) unreachable commit that introduced it.
  const placed = new Map<string, { commit: string; path: string }>();
  for (const c of (await listCommitBlobs(ctx, commits)).reverse()) placed.set(c.blob, c);
  for (let i = 0; i < blobs.length; i += BATCH) {
    const batch = blobs.slice(i, i + BATCH);
    const read = await readBlobs(ctx, batch, maxSize);
    for (const oid of batch) {
      const data = read.get(oid);
      if (!data) {
        summary.skipped.tooLarge++;
        continue;
      }
      const binary = countScanned(summary, data);
      const where = placed.get(oid);
      yield where
        ? {
            path: where.path,
            data,
            startLine: 1,
            binary,
            reachable: false,
            commit: { sha: where.commit, author: "", date: "", ...infoOf.get(where.commit) },
          }
        : { path: "", location: "blob", object: oid, data, startLine: 1, binary, reachable: false };
    }
  }
}
