// The one seam between where bytes come from and the pipeline (src/scan/). A
// source either yields chunks for the pipeline's engine, or, when it can do
// better than one chunk at a time (history: blobs searched in worker threads,
// each reading its own blobs), searches with the engine the pipeline gives it.
import type { HeldBack, Match } from "../engine/detect.js";
import type { Rule } from "../engine/rule.js";
import type { Progress } from "../progress.js";
import type { Chunk, ScanSummary } from "./chunk.js";

/** A key the engine found, and the place it is reported at. */
export interface Hit {
  match: Match;
  chunk: Chunk;
  /** Whether HEAD still holds the key, when the source can tell (history); null: cannot tell. */
  inHead?: boolean | null;
}

/** The engine as this scan runs it: a function for one chunk, and the rules it was built from (for worker threads). */
export interface Engine {
  detect(chunk: Chunk): Match[];
  /** The same matches, a piece of a large chunk at a time (engine/pieces.ts), so memory is bounded per piece. */
  detectEach(chunk: Chunk): Iterable<Match[]>;
  rules: readonly Rule[];
  /** Keys the config's allowlist regexes held back; a source that searches by itself adds its counts here. */
  heldBack: HeldBack;
}

/** Most sources: chunks, each scanned by the pipeline and reported where it was found. */
export interface ChunkSource {
  /** The chunks to scan; what is read and skipped is counted in `summary`. */
  chunks(summary: ScanSummary): AsyncIterable<Chunk>;
}

/** A source that runs the engine itself and places what it finds (history: the commit that introduced each key). */
export interface SearchingSource {
  search(engine: Engine, summary: ScanSummary, progress: Progress): Promise<Hit[]>;
}

export type Source = ChunkSource | SearchingSource;

/** A ChunkSource from a function that yields chunks. */
export function chunkSource(chunks: (summary: ScanSummary) => AsyncIterable<Chunk>): ChunkSource {
  return { chunks };
}
