// The unit the engine scans: some bytes and where they came from.

/** The commit a chunk belongs to, for git sources. */
export interface CommitInfo {
  sha: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

export interface Chunk {
  /** Path relative to the scanned root or the repository root, with forward slashes. */
  path: string;
  /** Raw bytes: the engine searches bytes and decodes only around a hit. */
  data: Buffer;
  /** 1-based line number of the first line in `data` (a diff hunk starts mid-file). */
  startLine: number;
  commit?: CommitInfo;
}
