// detectSecrets(chunk, rules): one prefilter pass over the raw bytes finds
// every hint of every rule (plain keywords and the decoders' encoded forms of
// them) -> each rule's pattern on a small window around a keyword -> placeholder
// and inline-allow checks -> matches with line and column. Decoders (decode/)
// turn their hits into small decoded windows that go through the same matching.
// A pure function of its arguments: safe to run in a worker thread.
import type { Chunk } from "../sources/chunk.js";
import { configAllowlistOf, hasInlineAllow, heldByStopwords, placeholderReason } from "./allow.js";
import { looksBinary, utf16Bom } from "./binary.js";
import { DECODERS } from "./decode/index.js";
import { buildPrefilter, type Hint, type Prefilter } from "./prefilter.js";
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

/** Keys held back by the config's allowlists (its regexes and stopwords), per list. */
export interface HeldBack {
  keyRegexes: number;
  lineRegexes: number;
  stopwords: number;
}

export interface DetectOptions {
  /** Counts of keys the config's allowlist regexes held back, so the run can say so (never silently). */
  heldBack?: HeldBack;
  /** Run the decoders (default true); TVLY_GUARD_NO_DECODE=1 turns them off for benchmarks. */
  decode?: boolean;
  /**
   * Report (and count as held back) only matches that start in [from, to): the chunk is a piece
   * of a larger one whose bytes on either side are there for context only (pieces.ts).
   */
  range?: readonly [number, number];
}

/** A match before it is located; `stopword`: only the config's stopwords make it a placeholder. */
type RawMatch = Omit<Match, "line" | "column"> & { stopword?: true };

interface KeywordHit {
  keyword: string;
  at: number;
}

/** What detection needs from one list of rules, built once per list. */
interface RuleSet {
  /** Rules that claim their matches first, then the fallback rules (which report only unclaimed tokens). */
  ordered: readonly Rule[];
  keywords: readonly string[];
  /** Prefilters over the keywords alone (decoders off, TVLY_GUARD_NO_DECODE: built on first use, most runs never ask) and over the keywords plus every decoder's hints. */
  plainOnly: () => Prefilter;
  withDecoders: Prefilter;
  /** The texts `withDecoders` looks for (latin1, one char per byte). */
  hintTexts: readonly string[];
  /** Decoded bytes a window needs after its hint: the longest match any rule allows. */
  window: number;
}

const PLAIN = "plain";
const NEWLINE = 0x0a;
const ruleSets = new WeakMap<readonly Rule[], RuleSet>();
/**
 * The rules of the last set built (a copy: a caller may add to its list later) and the set, so
 * another list of the same rules shares it: the output's redaction holds its own copy of the
 * scan's list, and building the prefilters again cost a clean pre-commit run ~0.4 ms at its end.
 */
let lastBuilt: { rules: readonly Rule[]; set: RuleSet } | undefined;

const sameRules = (a: readonly Rule[], b: readonly Rule[]) => a.length === b.length && a.every((r, i) => r === b[i]);

/** `make`'s value, computed on the first call. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

function ruleSetOf(rules: readonly Rule[]): RuleSet {
  let set = ruleSets.get(rules) ?? (lastBuilt && sameRules(lastBuilt.rules, rules) ? lastBuilt.set : undefined);
  if (set) return set;
  const keywords = [...new Set(rules.flatMap((r) => r.keywords))];
  const plain: Hint[] = keywords.map((text) => ({ text: Buffer.from(text).toString("latin1"), owner: PLAIN }));
  const encoded: Hint[] = DECODERS.flatMap((d) =>
    keywords.flatMap((k) => d.hints(k).map((h) => ({ ...h, owner: d.encoding }))),
  );
  set = {
    ordered: [...rules.filter((r) => !r.fallback), ...rules.filter((r) => r.fallback)],
    keywords,
    plainOnly: once(() => buildPrefilter(plain)),
    withDecoders: buildPrefilter([...plain, ...encoded]),
    hintTexts: [...new Set([...plain, ...encoded].map((h) => h.text))],
    window: Math.max(...rules.map((r) => r.maxMatchLength)),
  };
  ruleSets.set(rules, set);
  lastBuilt = { rules: [...rules], set };
  return set;
}

/**
 * Every byte string whose presence the engine checks before anything else
 * (latin1 text, one char per byte): the rules' keywords and each decoder's
 * encoded forms of them. Bytes holding none of them yield no match, whatever
 * the options (decoders off look for a subset), so a source may leave them out.
 */
export function prefilterHints(rules: readonly Rule[]): readonly string[] {
  return rules.length === 0 ? [] : ruleSetOf(rules).hintTexts;
}

/**
 * The prefilter's anchors (raw bytes; see prefilter.ts): every hint the engine looks for holds one,
 * so bytes holding none of them yield no match, whatever the options, and need not be searched.
 */
export function hintAnchors(rules: readonly Rule[]): readonly Buffer[] {
  return rules.length === 0 ? [] : ruleSetOf(rules).withDecoders.anchors;
}

/** Find every key in a chunk, plain or encoded, that is not a placeholder and not on an allowed line. */
export function detectSecrets(chunk: Chunk, rules: readonly Rule[], options: DetectOptions = {}): Match[] {
  if (rules.length === 0) return [];
  const set = ruleSetOf(rules);
  const data = chunk.data;
  const binary = chunk.binary ?? looksBinary(data);
  const decode = options.decode !== false;
  const hits = (decode ? set.withDecoders : set.plainOnly()).find(data);
  // No keyword and no encoded form of one: nothing below can match (most blobs and messages end here).
  if (hits.size === 0) return [];
  const plainHits = (hits.get(PLAIN) ?? []).map((h) => ({ keyword: h.hint.text, at: h.at }));
  // Binary data packs records edge to edge: there the keys' text word boundaries would hide them.
  const raw = matchText(data, plainHits, set, binary);
  // Loops, not push(...spread): a file with 400,000 keys would pass 400,000 arguments and overflow the stack.
  if (decode && hits.size > 0) for (const m of matchDecoded(data, hits, plainHits, binary, set, raw)) raw.push(m);
  if (raw.length === 0) return [];
  raw.sort((a, b) => a.offset - b.offset);
  const bom = binary ? utf16Bom(data) : undefined;
  const position = bom ? utf16Position(data, chunk.startLine, bom) : positionTracker(data, chunk.startLine);
  const located = binary && !bom; // a binary has no real lines: the byte offset is the location
  const matches: Match[] = [];
  const [from, to] = options.range ?? [0, Number.POSITIVE_INFINITY];
  for (const m of raw) {
    if (m.offset < from || m.offset >= to) continue; // another piece reports it
    const held = m.stopword ? "stopwords" : configAllowlistOf(m.rule, data, m.offset, m.secret);
    if (held !== undefined) {
      if (options.heldBack) options.heldBack[held]++;
      continue;
    }
    const pos = position(m.offset);
    if (pos.allowed) continue;
    // Field by field, not a spread copy: a spread object is several times larger (400,000 keys: 172 MB against 71 MB).
    const { rule, secret, prefix, offset } = m;
    const match: Match = located
      ? { rule, secret, prefix, offset, line: 1, column: offset + 1, binary: true }
      : { rule, secret, prefix, offset, line: pos.line, column: pos.column };
    if (m.encoding !== undefined) match.encoding = m.encoding;
    matches.push(match);
  }
  return matches;
}

/**
 * Every rule's pattern around the keyword hits of `data`. A fallback rule
 * (the unknown-format net) reports a token only where no other rule's pattern
 * matched, placeholders included: a known placeholder is not an unknown key.
 */
function matchText(data: Buffer, hits: readonly KeywordHit[], set: RuleSet, loose: boolean): RawMatch[] {
  const out: RawMatch[] = [];
  const claims = new Claims();
  for (const rule of set.ordered) {
    const seen = new Set<number>();
    for (const hit of hits) {
      if (!rule.keywords.includes(hit.keyword)) continue;
      // Any token through a claimed keyword overlaps that claim: skip the fallback's regex there.
      if (rule.fallback && claims.overlaps(hit.at, hit.at + 1)) continue;
      for (const m of matchAround(data, hit.at, rule, loose, seen)) {
        const end = m.offset + m.secret.length;
        if (!rule.fallback) claims.add(m.offset, end);
        else if (claims.overlaps(m.offset, end)) continue;
        if (m.placeholder === "config")
          out.push({ rule, secret: m.secret, prefix: m.prefix, offset: m.offset, stopword: true });
        else if (!m.placeholder) out.push({ rule, secret: m.secret, prefix: m.prefix, offset: m.offset });
      }
    }
  }
  return out;
}

/**
 * Byte ranges the known rules matched. Added while they run, then asked by the
 * fallback rules (which run last) in O(log n), so a file of 400,000 keys stays linear-ish.
 */
class Claims {
  private readonly ranges: [number, number][] = [];
  private sorted = true;
  private maxEnd: number[] = [];

  add(from: number, to: number): void {
    this.ranges.push([from, to]);
    this.sorted = false;
  }

  /** True when [from, to) overlaps a claimed range. */
  overlaps(from: number, to: number): boolean {
    if (this.ranges.length === 0) return false;
    if (!this.sorted) {
      this.ranges.sort((a, b) => a[0] - b[0]);
      let max = -1;
      this.maxEnd = this.ranges.map(([, end]) => (max = Math.max(max, end)));
      this.sorted = true;
    }
    let lo = 0;
    let hi = this.ranges.length - 1;
    let last = -1; // the last range that starts before `to`
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.ranges[mid]![0] < to) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && this.maxEnd[last]! > from;
  }
}

/** Keys in decoded windows, placed at their encoded text; a key the plain pass found is not reported again. */
function matchDecoded(
  data: Buffer,
  hits: ReadonlyMap<string, readonly { at: number; hint: Hint }[]>,
  plainHits: readonly KeywordHit[],
  binary: boolean,
  set: RuleSet,
  plain: readonly RawMatch[],
): RawMatch[] {
  const taken = new Set(plain.map((m) => m.offset));
  const out: RawMatch[] = [];
  const plainOffsets = plainHits.map((h) => h.at);
  for (const decoder of DECODERS) {
    if (binary && !decoder.inBinary) continue;
    const own = hits.get(decoder.encoding) ?? [];
    if (own.length === 0 && plainOffsets.length === 0) continue;
    const input = { data, hits: own, plainHits: plainOffsets, binary, window: set.window };
    for (const span of decoder.decode(input)) {
      for (const m of matchText(span.data, keywordHits(span.data, set.keywords), set, false)) {
        if (span.cut && m.offset + m.secret.length >= span.data.length) continue; // cut short: another window has it whole
        const offset = span.origin(m.offset);
        if (taken.has(offset)) continue;
        taken.add(offset);
        out.push({ ...m, offset, encoding: span.encoding });
      }
    }
  }
  return out;
}

/** Keyword offsets in a small decoded window (the chunk itself goes through the prefilter instead). */
function keywordHits(data: Buffer, keywords: readonly string[]): KeywordHit[] {
  const hits: KeywordHit[] = [];
  for (const keyword of keywords)
    for (let at = data.indexOf(keyword, 0, "latin1"); at !== -1; at = data.indexOf(keyword, at + 1, "latin1"))
      hits.push({ keyword, at });
  return hits;
}

interface PatternMatch {
  secret: string;
  prefix: string;
  offset: number;
  /** The body is a placeholder or a fake by the rule's own checks (true), or only by the config's stopwords ("config"). */
  placeholder: boolean | "config";
}

// Decode only a window around the keyword (latin1 maps bytes 1:1, so offsets
// stay byte offsets; key characters are ASCII and non-ASCII bytes never look
// like key characters, so token boundaries hold).
function matchAround(data: Buffer, at: number, rule: Rule, loose: boolean, seen: Set<number>): PatternMatch[] {
  const start = Math.max(0, at - rule.maxMatchLength);
  const end = Math.min(data.length, at + rule.maxMatchLength);
  const window = data.toString("latin1", start, end);
  const regex = loose ? rule.looseRegex : rule.regex;
  const out: PatternMatch[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(window); m !== null; m = regex.exec(window)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const groups = m.groups ?? {};
    const found = groups.secret ?? m[0];
    const offset = start + m.index + m[0].indexOf(found);
    if (offset > at || offset + found.length <= at || seen.has(offset)) continue;
    seen.add(offset);
    // A copy from the bytes, not the regex's slice of `window`: a slice keeps the whole window alive
    // for as long as the match lives (V8 sliced strings), about 10x the key for a file of many keys.
    const secret = data.toString("latin1", offset, offset + found.length);
    const prefix = groups.prefix ?? "";
    const body = groups.body ?? secret.slice(prefix.length);
    const placeholder = placeholderReason(rule, body) !== undefined || (heldByStopwords(rule, body) && "config");
    out.push({ secret, prefix, offset, placeholder });
  }
  return out;
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
