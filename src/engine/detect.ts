// detectSecrets(chunk, rules): keyword prefilter on raw bytes -> pattern on a
// small decoded window -> placeholder and inline-allow checks -> matches with
// line and column. Then the decoders (decode/), each behind its own byte
// prefilter, so a chunk without any hint costs a few indexOf calls per rule.
import type { Chunk } from "../sources/chunk.js";
import { configAllowlistOf, hasInlineAllow, placeholderReason } from "./allow.js";
import { looksBinary, utf16Bom } from "./binary.js";
import { DECODERS, type DecodeInput } from "./decode/index.js";
import { type ByteCounts, sampleBytes } from "./decode/needle.js";
import type { Rule } from "./rule.js";

/** A raw match. It holds the key itself, so it never leaves the engine layer as is. */
export interface Match {
  rule: Rule;
  secret: string;
  prefix: string;
  /** Byte offset of the key in `chunk.data`. */
  offset: number;
  line: number;
  /** 1-based, in characters (UTF-8 code points) of the line; in a binary chunk, offset + 1. */
  column: number;
  /** How the key was encoded ("base64", "percent", "utf16le"...); absent for a plain key. */
  encoding?: string;
  /** The chunk is binary: `line` is 1 and `column` is offset + 1. */
  binary?: boolean;
}

export interface DetectOptions {
  /** Counts of keys the config's allowlist regexes held back, so the run can say so (never silently). */
  heldBack?: { keyRegexes: number; lineRegexes: number };
  /** Run the decoders (default true); TVLY_GUARD_NO_DECODE=1 turns them off for benchmarks. */
  decode?: boolean;
}

type RawMatch = Omit<Match, "line" | "column">;

const NEWLINE = 0x0a;

/** Find every key in a chunk, plain or encoded, that is not a placeholder and not on an allowed line. */
export function detectSecrets(chunk: Chunk, rules: readonly Rule[], options: DetectOptions = {}): Match[] {
  const data = chunk.data;
  const binary = chunk.binary ?? looksBinary(data);
  const raw: RawMatch[] = [];
  let counts: ByteCounts | undefined; // sampled once per chunk, only when decoders run
  for (const rule of rules) {
    const hits: number[] = [];
    const plain = matchPlain(data, rule, hits);
    // Loops, not push(...spread): a file with 400,000 keys would pass 400,000 arguments and overflow the stack.
    for (const m of plain) raw.push(m);
    if (options.decode !== false)
      for (const m of matchDecoded(
        { data, rule, plainHits: hits, binary, counts: (counts ??= sampleBytes(data)) },
        plain,
      ))
        raw.push(m);
  }
  if (raw.length === 0) return [];
  raw.sort((a, b) => a.offset - b.offset);
  const bom = binary ? utf16Bom(data) : undefined;
  const position = bom ? utf16Position(data, chunk.startLine, bom) : positionTracker(data, chunk.startLine);
  const located = binary && !bom; // a binary has no real lines: the byte offset is the location
  const matches: Match[] = [];
  for (const m of raw) {
    const held = configAllowlistOf(m.rule, data, m.offset, m.secret);
    if (held !== undefined) {
      if (options.heldBack) options.heldBack[held]++;
      continue;
    }
    const pos = position(m.offset);
    if (pos.allowed) continue;
    if (located) matches.push({ ...m, line: 1, column: m.offset + 1, binary: true });
    else matches.push({ ...m, line: pos.line, column: pos.column });
  }
  return matches;
}

/** Plain keys: every keyword hit (recorded in `hits` for the decoders' context checks), then the pattern. */
function matchPlain(data: Buffer, rule: Rule, hits?: number[]): RawMatch[] {
  const out: RawMatch[] = [];
  const seen = new Set<number>();
  for (const keyword of rule.keywordBytes) {
    for (let at = data.indexOf(keyword); at !== -1; at = data.indexOf(keyword, at + keyword.length)) {
      hits?.push(at);
      collectAround(data, at, rule, seen, out);
    }
  }
  return out;
}

/** Keys in decoded windows, placed at their encoded text; a key the plain pass found is not reported again. */
function matchDecoded(input: DecodeInput, plain: RawMatch[]): RawMatch[] {
  const taken = new Set(plain.map((m) => m.offset));
  const out: RawMatch[] = [];
  for (const decoder of DECODERS) {
    if (input.binary && !decoder.inBinary) continue;
    for (const span of decoder.decode(input)) {
      for (const m of matchPlain(span.data, input.rule)) {
        const offset = span.origin(m.offset);
        if (taken.has(offset)) continue;
        taken.add(offset);
        out.push({ ...m, offset, encoding: span.encoding });
      }
    }
  }
  return out;
}

// Decode only a window around the keyword (latin1 maps bytes 1:1, so offsets
// stay byte offsets; key characters are ASCII and non-ASCII bytes never look
// like key characters, so token boundaries hold).
function collectAround(data: Buffer, at: number, rule: Rule, seen: Set<number>, out: RawMatch[]): void {
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
  let pending = 0; // continuation bytes the last lead byte still expects
  let allowedLineStart = -1;
  let allowed = false;
  return (offset: number): { line: number; column: number; allowed: boolean } => {
    const head = data.subarray(0, offset); // bounds the newline search to what lies before the hit
    for (let nl = head.indexOf(NEWLINE, cursor); nl !== -1; nl = head.indexOf(NEWLINE, nl + 1)) {
      line++;
      lineStart = nl + 1;
      cursor = lineStart;
      column = 1;
      pending = 0;
    }
    // Count characters as a UTF-8 decoder shows them: a continuation byte that a lead byte expects
    // adds nothing, and every byte of an invalid sequence shows as one U+FFFD (so columns stay right
    // on Latin-1 or broken text).
    for (; cursor < offset; cursor++) {
      const byte = data[cursor]!;
      if (byte >= 0x80 && byte < 0xc0 && pending > 0) {
        pending--;
        continue;
      }
      column++;
      pending =
        byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : 0;
    }
    if (allowedLineStart !== lineStart) {
      allowedLineStart = lineStart;
      const lineEnd = data.indexOf(NEWLINE, offset);
      allowed = hasInlineAllow(data.subarray(lineStart, lineEnd === -1 ? data.length : lineEnd));
    }
    return { line, column, allowed };
  };
}

// Lines and columns in UTF-16 text (a BOM says so): a newline is the code unit
// 0x000A, a column counts code units. Findings are few, so each is located by
// its own indexOf scan rather than a running tracker.
function utf16Position(data: Buffer, startLine: number, encoding: "utf16le" | "utf16be") {
  const le = encoding === "utf16le";
  return (offset: number): { line: number; column: number; allowed: boolean } => {
    let line = startLine;
    let lineStart = 2; // after the BOM
    for (let nl = data.indexOf(NEWLINE); nl !== -1 && nl < offset; nl = data.indexOf(NEWLINE, nl + 1)) {
      const unit = le ? nl : nl - 1;
      if (unit % 2 !== 0 || data[le ? nl + 1 : nl - 1] !== 0) continue;
      line++;
      lineStart = unit + 2;
    }
    let lineEnd = offset;
    while (
      lineEnd + 1 < data.length &&
      !(le
        ? data[lineEnd] === NEWLINE && data[lineEnd + 1] === 0
        : data[lineEnd] === 0 && data[lineEnd + 1] === NEWLINE)
    )
      lineEnd += 2;
    const slice = Buffer.from(data.subarray(lineStart, lineStart + ((lineEnd - lineStart) & ~1)));
    const text = le ? slice : slice.swap16();
    const allowed = hasInlineAllow(Buffer.from(text.toString("utf16le"), "latin1"));
    return { line, column: Math.floor((offset - lineStart) / 2) + 1, allowed };
  };
}
