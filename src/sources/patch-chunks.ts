// One file's patch -> the chunks the engine scans, and what the summary counts
// (files with added lines, their bytes, binary files skipped). Shared by staged and diff.
import type { ScanSummary } from "../report/finding.js";
import type { Chunk } from "./chunk.js";
import type { FilePatch } from "./unified-diff.js";

/** The chunks of one file's patch: one per run of added lines, counted in `summary`. */
export function* chunksFromFile(file: FilePatch, summary: ScanSummary, commit?: Chunk["commit"]): Generator<Chunk> {
  if (file.gitlink || file.deleted) return; // a submodule bump is a commit id; a deletion adds nothing
  if (file.binary) {
    // TODO(#6): scan binary blobs (file.newOid); until then they are counted, never silently passed.
    summary.skipped.binary++;
    return;
  }
  if (file.added.length === 0) return; // pure rename, mode change, or only removed lines
  summary.files++;
  for (const run of file.added) {
    summary.bytes += run.data.length;
    yield { path: file.path, data: run.data, startLine: run.startLine, ...(commit ? { commit } : {}) };
  }
}
