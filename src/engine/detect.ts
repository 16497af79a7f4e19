// detectSecrets(chunk, rules): keyword prefilter on raw bytes -> pattern on a
// small decoded window -> placeholder and inline-allow checks -> matches with
// line and column. A chunk without any keyword costs one indexOf per keyword.
import type { Chunk } from "../sources/chunk.js";
import { allowlistedByConfig, hasInlineAllow, placeholderReason } from "./allow.js";
import type { Rule } from "./rule.js";

/** A raw match. It holds the key itself, so it never leaves the engine layer as is. */
export interface Match {
  rule: Rule;
  secret: string;
  prefix: string;
  /** Byte offset of the key in `chunk.data`. */
  offset: number;
  line: number;
  /** 1-based, in characters (UTF-8 code points) of the line. */
  column: number;
}

const NEWLINE = 0x0a;

/** Find every key in a chunk that is not a placeholder and not on an allowed line. */
export function detectSecrets(chunk: Chunk, rules: readonly Rule[]): Match[] {
  const data = chunk.data;
  const raw: Omit<Match, "line" | "column">[] = [];
  for (const rule of rules) {
    const seen = new Set<number>();
    for (const keyword of rule.keywordBytes) {
      for (let at = data.indexOf(keyword); at !== -1; at = data.indexOf(keyword, at + keyword.length)) {
        collectAround(data, at, rule, seen, raw);
      }
    }
  }
  if (raw.length === 0) return [];
  raw.sort((a, b) => a.offset - b.offset);
  const position = positionTracker(data, chunk.startLine);
  const matches: Match[] = [];
  for (const m of raw) {
    if (allowlistedByConfig(m.rule, data, m.offset, m.secret)) continue;
    const pos = position(m.offset);
    if (pos.allowed) continue;
    matches.push({ ...m, line: pos.line, column: pos.column });
  }
  return matches;
}

// Decode only a window around the keyword (latin1 maps bytes 1:1, so offsets
// stay byte offsets; key characters are ASCII and non-ASCII bytes never look
// like key characters, so token boundaries hold).
function collectAround(data: Buffer, at: number, rule: Rule, seen: Set<number>, out: Omit<Match, "line" | "column">[]): void {
  const start = Math.max(0, at - rule.maxMatchLength);
  const end = Math.min(data.length, at + rule.maxMatchLength);
  const window = data.toString("latin1", start, end);
  const regex = rule.regex;
  regex.lastIndex = 0;
  for (let m = regex.exec(window); m !== null; m = regex.exec(window)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const groups = m.groups ?? {};
    const secret = groups.secret ?? m[0];
    const offset = start + m.index + m[0].indexOf(secret);
    if (offset > at || offset + secret.length <= at || seen.has(offset)) continue;
    seen.add(offset);
    const prefix = groups.prefix ?? "";
    const body = groups.body ?? secret.slice(prefix.length);
    if (placeholderReason(rule, body) !== undefined) continue;
    out.push({ rule, secret, prefix, offset });
  }
}

// Turns ascending byte offsets into line/column, scanning each byte at most
// once in total, so many hits on one 2 MB minified line stay linear.
function positionTracker(data: Buffer, startLine: number) {
  let line = startLine;
  let lineStart = 0;
  let cursor = 0;
  let column = 1;
  let allowedLineStart = -1;
  let allowed = false;
  return (offset: number): { line: number; column: number; allowed: boolean } => {
    const head = data.subarray(0, offset); // bounds the newline search to what lies before the hit
    for (let nl = head.indexOf(NEWLINE, cursor); nl !== -1; nl = head.indexOf(NEWLINE, nl + 1)) {
      line++;
      lineStart = nl + 1;
      cursor = lineStart;
      column = 1;
    }
    for (; cursor < offset; cursor++) {
      const byte = data[cursor]!;
      if ((byte & 0xc0) !== 0x80) column++; // count code points, not UTF-8 continuation bytes
    }
    if (allowedLineStart !== lineStart) {
      allowedLineStart = lineStart;
      const lineEnd = data.indexOf(NEWLINE, offset);
      allowed = hasInlineAllow(data.subarray(lineStart, lineEnd === -1 ? data.length : lineEnd));
    }
    return { line, column, allowed };
  };
}
