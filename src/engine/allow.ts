// Decides when a pattern match is not a key: placeholders, fakes and
// annotated lines. The thresholds and word lists live in the rule file.
import { repeatRatio, sequentialRatio, shannonEntropy } from "./entropy.js";
import type { Rule } from "./rule.js";

/** Inline markers that allow a whole line (ours, and gitleaks' so migrating teams keep theirs). */
export const INLINE_ALLOW_MARKERS = ["tvly-guard:allow", "gitleaks:allow"].map((m) => Buffer.from(m));

/** Why `body` looks like a placeholder rather than a key, or undefined if it looks real. */
export function placeholderReason(rule: Rule, body: string): string | undefined {
  const allow = rule.allow ?? {};
  const text = stripSeparators(body, allow.separators);
  for (const p of rule.allowPatterns) if (p.regex.test(p.raw ? body : text)) return p.reason;
  const lower = text.toLowerCase();
  const words = rule.allowWords.filter((w) => lower.includes(w));
  if (wordsCover(rule, words))
    return `contains the placeholder word${words.length > 1 ? "s" : ""} "${words.join('", "')}"`;
  const maxSeq = allow.maxSequentialRatio;
  if (maxSeq !== undefined && sequentialRatio(text, allow.sequences) > maxSeq)
    return allow.reasonSequential ?? "sequential characters";
  const maxRepeat = allow.maxRepeatRatio;
  if (maxRepeat !== undefined && repeatRatio(text) > maxRepeat) return allow.reasonRepeat ?? "runs of one character";
  if (rule.minEntropy !== undefined && shannonEntropy(text) < rule.minEntropy)
    return "too little randomness to be a real key";
  if (allow.base64Text && text.length >= allow.base64Text.minLength && decodesToText(text))
    return allow.base64Text.reason;
  const keyLike = allow.keyLike;
  if (keyLike && !hasRandomRun(body, allow.separators ?? "", keyLike.minRunLength, keyLike.minClassChangeRatio))
    return keyLike.reason;
  return undefined;
}

function stripSeparators(body: string, separators: string | undefined): string {
  if (!separators) return body;
  let out = "";
  for (const ch of body) if (!separators.includes(ch)) out += ch;
  return out;
}

/**
 * True when `text` is base64 whose every whole decoded byte is printable ASCII:
 * random key bodies decode to random bytes (24 printable bytes in a row happen
 * about once in 10^10), encoded sentences do not.
 */
export function decodesToText(text: string): boolean {
  const bytes = Buffer.from(text.slice(0, text.length - (text.length % 4)), "base64");
  return bytes.length > 0 && bytes.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x09);
}

type CharClass = 0 | 1 | 2 | 3;
const classOf = (code: number): CharClass =>
  code >= 0x30 && code <= 0x39 ? 0 : code >= 0x41 && code <= 0x5a ? 1 : code >= 0x61 && code <= 0x7a ? 2 : 3;

/**
 * True when some separator-free run of `minLength` or more characters changes
 * character class (digit, upper, lower) between neighbours at least `minRatio`
 * of the time. Random mixed-case bodies change about 62% of the time; names
 * (`searchResultsPanel`) and words almost never, so they are not key-like.
 */
export function hasRandomRun(body: string, separators: string, minLength: number, minRatio: number): boolean {
  let runStart = 0;
  let changes = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || separators.includes(body[i]!)) {
      const length = i - runStart;
      if (length >= minLength && changes / (length - 1) >= minRatio) return true;
      runStart = i + 1;
      changes = 0;
    } else if (i > runStart && classOf(body.charCodeAt(i)) !== classOf(body.charCodeAt(i - 1))) changes++;
  }
  return false;
}

/** True when the line holds an inline allow marker. */
export function hasInlineAllow(line: Buffer): boolean {
  return INLINE_ALLOW_MARKERS.some((m) => line.indexOf(m) !== -1);
}

/**
 * Bytes of the line on each side of a key that a config line regex sees: a
 * 2 MB minified line costs the same as a short one.
 */
export const LINE_WINDOW = 256;

/**
 * Do the config's stopwords make `body` a placeholder, where the rule's own
 * checks did not? They count as placeholder words (the words found, the
 * rule's and the config's, must cover minWordChars letters), but what they
 * hold back is counted and said, as for every allowlist a pull request can change.
 */
export function heldByStopwords(rule: Rule, body: string): boolean {
  if (!rule.allowStopwords?.length) return false;
  const lower = stripSeparators(body, rule.allow?.separators).toLowerCase();
  const added = rule.allowStopwords.filter((w) => lower.includes(w));
  return added.length > 0 && wordsCover(rule, [...rule.allowWords.filter((w) => lower.includes(w)), ...added]);
}

/**
 * Do the placeholder words found in a body make it a placeholder? One short
 * word turns up in random bodies now and then ("your" in about 1 of 30,000);
 * placeholders spell several, so the words found must cover minWordChars letters.
 */
function wordsCover(rule: Rule, found: readonly string[]): boolean {
  const letters = found.reduce((n, w) => n + w.length, 0);
  return found.length > 0 && letters >= (rule.allow?.minWordChars ?? 1);
}

/** Which config allowlist holds this key back (a regex on the key, or on its line), if any. */
export function configAllowlistOf(
  rule: Rule,
  data: Buffer,
  offset: number,
  secret: string,
): "keyRegexes" | "lineRegexes" | undefined {
  if (rule.allowKeyRegexes?.some((r) => r.test(secret))) return "keyRegexes";
  if (!rule.allowLineRegexes?.length) return undefined;
  const from = Math.max(0, offset - LINE_WINDOW);
  const to = Math.min(data.length, offset + secret.length + LINE_WINDOW);
  const lastNewline = data.subarray(from, offset).lastIndexOf(0x0a);
  const nextNewline = data.subarray(offset, to).indexOf(0x0a);
  const line = data
    .toString(
      "utf8",
      lastNewline === -1 ? from : from + lastNewline + 1,
      nextNewline === -1 ? to : offset + nextNewline,
    )
    .replace(/\r$/, "");
  return rule.allowLineRegexes.some((r) => r.test(line)) ? "lineRegexes" : undefined;
}
