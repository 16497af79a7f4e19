// The unit the engine scans: some bytes and where they came from.
import { looksBinary } from "../engine/binary.js";

/** Files and blobs larger than this are skipped (and counted) unless the user says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** The commit a chunk belongs to, for git sources. */
export interface CommitInfo {
  sha: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

/**
 * What kind of place a chunk's bytes come from: a file's content (the usual
 * case), a commit or annotated-tag message, a git note, or a blob no commit
 * or path names (history --all-objects).
 */
export type LocationKind = "file" | "commit-message" | "tag-message" | "note" | "blob";

export interface Chunk {
  /** Path relative to the scanned root or the repository root, with forward slashes ("" when `location` is not "file"). */
  path: string;
  /** Absent means "file". */
  location?: LocationKind;
  /** The ref that names the place: a tag message's tag, a note's notes ref. */
  ref?: string;
  /** The object holding the bytes when neither a path nor a ref names it (an unreferenced blob, a deleted tag). */
  object?: string;
  /** false: only objects no ref reaches hold these bytes (history --all-objects). */
  reachable?: boolean;
  /** Raw bytes: the engine searches bytes and decodes only around a hit. */
  data: Buffer;
  /** 1-based line number of the first line in `data` (a diff hunk starts mid-file). */
  startLine: number;
  /** Set by the source that counted the chunk (countScanned), so the engine need not test it again. */
  binary?: boolean;
  commit?: CommitInfo;
  /** Who wrote an annotated tag's message, and when (its tagger line): a tag message has no commit. */
  tagger?: { name: string; date: string };
}

/** What a scan covered, as sources count it and reporters show it. */
export interface ScanSummary {
  /** What allowlists and the baseline held back, in words ("2 findings held back by allowlist.keyRegexes in ..."); set at the end of a scan. */
  notReported?: string;
  commits: number;
  /** Commit messages, tag messages and notes scanned (git sources; not counted in `files`). */
  messages: number;
  files: number;
  bytes: number;
  /** How many of `files` were binary (searched byte by byte, located by offset). */
  binary: number;
  /**
   * Files not in `files` or `bytes`: git grep read their content and found no
   * keyword of any rule, plain or encoded, so the engine had nothing to look
   * at in them (staged, for a large change).
   */
  ruledOut: number;
  /**
   * Not read, by reason; `special`: FIFOs, devices and sockets (never opened for reading);
   * `unreadableDirectories`: directories a walk could not list (what they hold is not counted in the others).
   */
  skipped: {
    binary: number;
    tooLarge: number;
    symlinks: number;
    unreadable: number;
    unreadableDirectories: number;
    special: number;
  };
  /** Things the user must know about coverage (shallow clone, missing objects...). */
  warnings: string[];
}

export function emptySummary(): ScanSummary {
  return {
    commits: 0,
    messages: 0,
    files: 0,
    bytes: 0,
    binary: 0,
    ruledOut: 0,
    skipped: { binary: 0, tooLarge: 0, symlinks: 0, unreadable: 0, unreadableDirectories: 0, special: 0 },
    warnings: [],
  };
}

/**
 * Count a file or blob a source hands to the engine. Binary content is
 * scanned too (keys are ASCII and sit verbatim in bundles, databases and
 * archives); it is counted apart because its findings carry byte offsets.
 * Returns whether it is binary, for the chunk, so the engine does not test it twice.
 */
export function countScanned(summary: ScanSummary, data: Buffer): boolean {
  summary.files++;
  summary.bytes += data.length;
  const binary = looksBinary(data);
  if (binary) summary.binary++;
  return binary;
}

/** Count a commit message, tag message or note a source hands to the engine (apart from files and blobs). */
export function countMessage(summary: ScanSummary, data: Buffer): boolean {
  summary.messages++;
  summary.bytes += data.length;
  return looksBinary(data);
}
