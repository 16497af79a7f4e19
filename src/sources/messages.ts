// Commit and annotated-tag messages as chunks: the engine scans them like file
// content, and the findings say "commit 1a2b3c4 (message)" or "tag v1.0 (message)".

import type { GitContext } from "../git/exec.js";
import { readCommitMessages, readTagObjects, type TagObject } from "../git/messages.js";
import { type Chunk, countMessage, type ScanSummary } from "./chunk.js";

/**
 * The message of each commit `args` selects (git log arguments, ending in
 * "--"), once per commit across calls that share `seen`.
 */
export async function* readCommitMessageChunks(
  ctx: GitContext,
  args: readonly string[],
  summary: ScanSummary,
  seen: Set<string> = new Set(),
): AsyncGenerator<Chunk> {
  for await (const m of readCommitMessages(ctx, args)) {
    if (seen.has(m.oid)) continue;
    seen.add(m.oid);
    yield {
      path: "",
      location: "commit-message",
      data: m.message,
      startLine: 1,
      binary: countMessage(summary, m.message),
      commit: { sha: m.oid, author: m.author, date: m.date },
    };
  }
}

/** An annotated tag to read, and the ref that names it (refs/tags/v1.0 -> "v1.0"). */
export interface NamedTag {
  oid: string;
  ref: string;
  /** The tag object, when the ref listing read it already (history's for-each-ref): not read again. */
  object?: TagObject;
}

/** What a chain of tags finally points at, for the caller to scan when it is a blob or a tree. */
export interface TagTarget {
  oid: string;
  type: string;
  ref: string;
}

const MAX_TAG_CHAIN = 16;

/**
 * The message of each tag object (and of the tags it points at, for a tag of
 * a tag), each tag object once. `targets` receives what each chain ends at.
 */
export async function* readTagMessageChunks(
  ctx: GitContext,
  tags: readonly NamedTag[],
  summary: ScanSummary,
  targets: TagTarget[] = [],
): AsyncGenerator<Chunk> {
  const seen = new Set<string>();
  let wave = tags.filter((t) => !seen.has(t.oid));
  for (let depth = 0; wave.length > 0 && depth < MAX_TAG_CHAIN; depth++) {
    const refOf = new Map(wave.map((t) => [t.oid, t.ref]));
    wave.forEach((t) => seen.add(t.oid));
    const next: NamedTag[] = [];
    const known = new Map(wave.flatMap((t) => (t.object ? [[t.oid, t.object] as const] : [])));
    const unread = [...refOf.keys()].filter((oid) => !known.has(oid));
    const read = new Map((await readTagObjects(ctx, unread)).map((t) => [t.oid, t]));
    for (const [oid, ref] of refOf) {
      const tag = known.get(oid) ?? read.get(oid);
      if (!tag) continue; // not a tag object, or missing

      yield tagChunk(tag, ref, summary);
      if (tag.type === "tag") {
        if (!seen.has(tag.object)) next.push({ oid: tag.object, ref });
      } else targets.push({ oid: tag.object, type: tag.type, ref });
    }
    wave = next;
  }
}

function tagChunk(tag: TagObject, ref: string, summary: ScanSummary): Chunk {
  return {
    path: "",
    location: "tag-message",
    ref,
    object: tag.oid,
    data: tag.message,
    startLine: 1,
    binary: countMessage(summary, tag.message),
    ...(tag.author ? { tagger: { name: tag.author, date: tag.date } } : {}),
  };
}

/** refs/tags/v1.0 -> v1.0; other refs stay whole. */
export const shortTagName = (ref: string) => ref.replace(/^refs\/tags\//, "");
