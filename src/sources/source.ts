// The one seam between where bytes come from and the pipeline (src/scan/):
// a Source yields chunks, and may decide afterwards where each hit is reported.
import type { Match } from "../engine/detect.js";
import type { Chunk, ScanSummary } from "./chunk.js";

/** A key the engine found, and the chunk it was found in (until a source places it elsewhere). */
export interface Hit {
  match: Match;
  chunk: Chunk;
  /** Whether HEAD still holds the key, when the source can tell (history); null: cannot tell. */
  inHead?: boolean | null;
}

/** The engine as a source may call it for bytes it reads while placing hits (history's HEAD blobs). */
export type Detect = (chunk: Chunk) => Match[];

export interface Source {
  /** The chunks to scan; what is read and skipped is counted in `summary`. */
  chunks(summary: ScanSummary): AsyncIterable<Chunk>;
  /** Told what the engine found in each chunk once it is scanned (history keeps the commits of blobs with keys). */
  scanned?(chunk: Chunk, matches: readonly Match[]): void;
  /**
   * Where each hit is reported, once every chunk is scanned. Without it, a hit
   * is reported where it was found. History uses it to name, for each key and
   * path, the commit that introduced it (a blob is read once, whatever commits hold it).
   */
  place?(hits: Hit[], detect: Detect): Promise<Hit[]>;
  /** The progress line while scanning (default: files, bytes, findings). */
  progressLine?(summary: ScanSummary, findings: number): string;
}

/** A Source from a function that yields chunks (most sources). */
export function chunkSource(chunks: (summary: ScanSummary) => AsyncIterable<Chunk>): Source {
  return { chunks };
}
