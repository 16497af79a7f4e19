// What a full-history audit (`history`, every ref) reaches besides the commits
// `git log --all` walks: every stash entry (the stash reflog), annotated tag
// messages, tags that point at a blob or a tree, and notes. Each becomes chunks
// for the engine; the commit walk itself stays with sources/history.ts.
import { readBlobs } from "../git/cat-file.js";
import type { GitContext } from "../git/exec.js";
import { streamHistoryLog } from "../git/log.js";
import { listTreeBlobs } from "../git/objects.js";
import { listRefs, listStashEntries } from "../git/refs.js";
import { type Chunk, countMessage, countScanned, type ScanSummary } from "./chunk.js";
import { type NamedTag, readTagMessageChunks, shortTagName, type TagTarget } from "./messages.js";

const NOTES = "refs/notes/";
const REMOTES = "refs/remotes/";
const GITLINK = "160000";

/** Everything a history run reaches, decided up front from the refs. */
export interface RefPlan {
  /** Revisions for the commit walk (and for the commit messages). */
  revs: string[];
  /** Annotated tags by ref, each with its object as the ref listing read it. */
  tags: NamedTag[];
  /** Refs that name a blob or a tree directly. */
  pointed: TagTarget[];
  /** Notes refs, walked on their own: their "files" are named after the objects they annotate. */
  notes: string[];
  /** Commit -> "stash@{n}", for the stash entries and their index and untracked commits. */
  stash: Map<string, string>;
  /** Whether any ref sits under refs/remotes/, when the refs were listed (with every ref); else unknown. */
  remoteTracking?: boolean;
}

/**
 * With every ref (`--all`): the walk leaves notes to their own pass and adds
 * the older stash entries; tags and blob/tree refs are listed. With explicit
 * revisions: just those, as given.
 */
export async function planRefs(ctx: GitContext, revs: readonly string[]): Promise<RefPlan> {
  const plan: RefPlan = { revs: walkedRevs(revs), tags: [], pointed: [], notes: [], stash: new Map() };
  if (!isEveryRef(revs)) return plan;
  const refs = await listRefs(ctx);
  plan.remoteTracking = refs.some((r) => r.name.startsWith(REMOTES));
  for (const ref of refs) {
    if (ref.name.startsWith(NOTES)) plan.notes.push(ref.name);
    else if (ref.type === "tag") plan.tags.push({ oid: ref.oid, ref: shortTagName(ref.name), object: ref.tag });
    else if (ref.type === "blob" || ref.type === "tree")
      plan.pointed.push({ oid: ref.oid, type: ref.type, ref: shortTagName(ref.name) });
  }
  const entries = refs.some((r) => r.name === "refs/stash") ? await listStashEntries(ctx) : [];
  entries.forEach(({ sha, parents }, n) => {
    // The entry itself, its index commit and its untracked-files commit; not HEAD at the time.
    for (const commit of [sha, ...parents.slice(1)]) plan.stash.set(commit, `stash@{${n}}`);
  });
  plan.revs.push(...entries.slice(1).map((e) => e.sha));
  return plan;
}

const isEveryRef = (revs: readonly string[]) => revs.length === 1 && revs[0] === "--all";

/**
 * The revisions planRefs gives the commit walk before it looks at the refs: with every
 * ref, all but notes (the older stash entries, if any, come on top). The walk can start
 * with these while the refs are listed.
 */
export function walkedRevs(revs: readonly string[]): string[] {
  return isEveryRef(revs) ? [`--exclude=${NOTES}*`, "--all"] : [...revs];
}

/**
 * `git stash` names its commits after HEAD's subject ("WIP on main: 1a2b3c4 <subject>"),
 * which is scanned as that commit's message already; a `stash push -m` message ("On main: ...") is not skipped.
 */
export function isGeneratedStashMessage(chunk: Chunk, plan: RefPlan): boolean {
  return (
    chunk.commit !== undefined &&
    plan.stash.has(chunk.commit.sha) &&
    /^(WIP on|index on|untracked files on) [^\n]*?: [0-9a-f]{7,} /.test(chunk.data.toString("latin1", 0, 512))
  );
}

/** What the commit walk of a history run does not read: tag messages, then the blobs and trees that refs (or tags) point at, then notes. */
export async function* readRefChunks(
  ctx: GitContext,
  plan: RefPlan,
  summary: ScanSummary,
  maxSize: number,
): AsyncGenerator<Chunk> {
  const targets: TagTarget[] = [...plan.pointed];
  yield* readTagMessageChunks(ctx, plan.tags, summary, targets);
  yield* readPointedChunks(ctx, targets, summary, maxSize);
  for (const ref of plan.notes) yield* readNoteChunks(ctx, ref, summary, maxSize);
}

/** A blob a ref names is a chunk of its own; a tree's blobs are files under that ref. */
export async function* readPointedChunks(
  ctx: GitContext,
  targets: readonly TagTarget[],
  summary: ScanSummary,
  maxSize: number,
): AsyncGenerator<Chunk> {
  const wanted: { oid: string; ref: string; path: string | null }[] = [];
  for (const t of targets) {
    if (t.type === "blob") wanted.push({ oid: t.oid, ref: t.ref, path: null });
    if (t.type === "tree")
      for (const b of await listTreeBlobs(ctx, t.oid))
        if (b.mode !== GITLINK) wanted.push({ oid: b.oid, ref: t.ref, path: b.path });
  }
  const blobs = await readBlobs(
    ctx,
    wanted.map((w) => w.oid),
    maxSize,
  );
  for (const w of wanted) {
    const data = blobs.get(w.oid);
    if (!data) {
      summary.skipped.tooLarge++;
      continue;
    }
    const binary = countScanned(summary, data);
    yield w.path === null
      ? { path: "", location: "blob", object: w.oid, ref: w.ref, data, startLine: 1, binary }
      : { path: w.path, ref: w.ref, data, startLine: 1, binary };
  }
}

/**
 * Every version of every note under a notes ref: the notes ref is a commit
 * history whose paths are the annotated objects' ids (fanned out as ab/cdef...).
 * https://git-scm.com/docs/git-notes#_notes
 */
async function* readNoteChunks(
  ctx: GitContext,
  ref: string,
  summary: ScanSummary,
  maxSize: number,
): AsyncGenerator<Chunk> {
  const notes = new Map<string, { annotated: string; author: string; date: string }>();
  let author = "";
  let date = "";
  await streamHistoryLog(ctx, [ref], {
    onCommit(bytes, start, end) {
      [, date = "", author = ""] = bytes.toString("utf8", start, end).split("\0");
    },
    onChange(bytes, oid, oidLength, path, pathEnd) {
      // Oldest version last in log order: keep overwriting, so the first writer wins.
      notes.set(bytes.toString("latin1", oid, oid + oidLength), {
        annotated: bytes.toString("latin1", path, pathEnd).replace(/\//g, ""),
        author,
        date,
      });
    },
  }).done;
  const blobs = await readBlobs(ctx, [...notes.keys()], maxSize);
  for (const [oid, note] of notes) {
    const data = blobs.get(oid);
    if (!data) {
      summary.skipped.tooLarge++;
      continue;
    }
    yield {
      path: "",
      location: "note",
      ref,
      object: oid,
      data,
      startLine: 1,
      binary: countMessage(summary, data),
      commit: { sha: note.annotated, author: note.author, date: note.date },
    };
  }
}
