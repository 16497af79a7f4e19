// A large text chunk searched piece by piece, so what the engine holds at once
// (keyword hits, matches) is bounded by the piece, not by the file: a file of
// 400,000 keys is searched in about 1 MiB at a time. Pieces are whole lines
// (no key spans a newline) with context on either side: every search the
// engine does looks at most a few hundred bytes around a hint (a rule's
// maxMatchLength, a decoder's window), so with more context than that each
// piece finds exactly what the whole chunk would, and reports only what
// starts in its own lines.
import type { Chunk } from "../sources/chunk.js";
import { looksBinary } from "./binary.js";
import { type DetectOptions, detectSecrets, type Match } from "./detect.js";
import type { Rule } from "./rule.js";

/** Bytes of lines a piece reports on. */
export const PIECE_BYTES = 1 << 20;
/** Bytes of context before and after a piece: far more than any rule or decoder looks around a hint. */
const CONTEXT_BYTES = 16 << 10;
const NEWLINE = 0x0a;

/** Where the line holding `at` starts. */
const lineStart = (data: Buffer, at: number) => (at <= 0 ? 0 : data.lastIndexOf(NEWLINE, at - 1) + 1);
/** Just after the newline that ends the line holding `at` (or the end of the data). */
function lineEnd(data: Buffer, at: number): number {
  if (at >= data.length) return data.length;
  const nl = data.indexOf(NEWLINE, at);
  return nl === -1 ? data.length : nl + 1;
}

function countNewlines(data: Buffer, from: number, to: number): number {
  let n = 0;
  for (let at = data.indexOf(NEWLINE, from); at !== -1 && at < to; at = data.indexOf(NEWLINE, at + 1)) n++;
  return n;
}

/**
 * The matches of `chunk`, a piece at a time, in offset order: the same
 * matches detectSecrets gives for the whole chunk. Binary chunks (no lines
 * to cut at) and chunks up to two pieces long are searched whole.
 */
export function* detectInPieces(chunk: Chunk, rules: readonly Rule[], options: DetectOptions = {}): Generator<Match[]> {
  const { data } = chunk;
  if (data.length <= 2 * PIECE_BYTES || (chunk.binary ?? looksBinary(data))) {
    yield detectSecrets(chunk, rules, options);
    return;
  }
  let line = chunk.startLine; // the line number at `context`
  let context = 0; // where the current piece's bytes (context included) start
  for (let own = 0; own < data.length; ) {
    const ownEnd = lineEnd(data, own + PIECE_BYTES);
    const start = lineStart(data, Math.max(0, own - CONTEXT_BYTES));
    line += countNewlines(data, context, start);
    context = start;
    const end = lineEnd(data, ownEnd + CONTEXT_BYTES);
    const piece: Chunk = { ...chunk, data: data.subarray(start, end), startLine: line, binary: false };
    const found = detectSecrets(piece, rules, { ...options, range: [own - start, ownEnd - start] });
    for (const m of found) m.offset += start;
    yield found;
    own = ownEnd;
  }
}
