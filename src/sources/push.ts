// What a push makes new to the server, for a pre-receive hook: the commits no
// existing ref reaches (a new branch, an update, a force push's rewritten
// commits), new annotated tags and what they point at, and blobs or trees a
// pushed ref names directly. A deletion brings nothing. Runs inside git's
// quarantine, where the pushed objects are visible only to this hook's git calls.
import { InputError } from "../errors.js";
import type { GitContext } from "../git/exec.js";
import { readObjectTypes } from "../git/receive.js";
import type { Chunk, ScanSummary } from "./chunk.js";
import { readTagMessageChunks, shortTagName, type TagTarget } from "./messages.js";
import { readRangeChunks } from "./range.js";
import { readPointedChunks } from "./refs.js";

/** One line of a pre-receive hook's stdin. */
export interface RefUpdate {
  old: string;
  new: string;
  ref: string;
}

const ZERO = /^0+$/;
const OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * Read git's `<old> <new> <ref>` lines. https://git-scm.com/docs/githooks#pre-receive
 *
 *   0000000000000000000000000000000000000000 1a2b...40 refs/heads/feature
 */
export function parseReceiveLines(text: string): RefUpdate[] {
  const updates: RefUpdate[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [old = "", now = "", ref = "", extra] = line.split(/\s+/);
    if (!OID.test(old) || !OID.test(now) || !ref || extra !== undefined)
      throw new InputError(
        `receive: line ${i + 1} is not "<old sha> <new sha> <ref>", as git gives a pre-receive hook`,
      );
    updates.push({ old, new: now, ref });
  }
  return updates;
}

/** The chunks a push adds: tag messages, then blobs and trees named by refs or tags, then the new commits. */
export async function* readPushChunks(
  ctx: GitContext,
  updates: readonly RefUpdate[],
  summary: ScanSummary,
  maxSize: number,
): AsyncGenerator<Chunk> {
  const pushed = updates.filter((u) => !ZERO.test(u.new)); // a deletion pushes nothing
  const types = await readObjectTypes(ctx, [...new Set(pushed.map((u) => u.new))]);
  const commits: string[] = [];
  const targets: TagTarget[] = [];
  const tags: { oid: string; ref: string }[] = [];
  for (const u of pushed) {
    const type = types.get(u.new);
    if (type === "commit") commits.push(u.new);
    else if (type === "tag") tags.push({ oid: u.new, ref: shortTagName(u.ref) });
    else if (type === "blob" || type === "tree") targets.push({ oid: u.new, type, ref: shortTagName(u.ref) });
    else throw new InputError(`receive: the pushed object for ${u.ref} is not in the repository`);
  }
  yield* readTagMessageChunks(ctx, tags, summary, targets);
  for (const t of targets) if (t.type === "commit") commits.push(t.oid);
  yield* readPointedChunks(
    ctx,
    targets.filter((t) => t.type === "blob" || t.type === "tree"),
    summary,
    maxSize,
  );
  // Only what no existing ref reaches: the refs are not updated yet while this hook runs.
  if (commits.length > 0) yield* readRangeChunks(ctx, [[...new Set(commits), "--not", "--all"]], summary);
}
