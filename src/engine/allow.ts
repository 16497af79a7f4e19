// Decides when a pattern match is not a key: placeholders, fakes and
// annotated lines. The thresholds and word lists live in the rule file.
import { repeatRatio, sequentialRatio, shannonEntropy } from "./entropy.js";
import type { Rule } from "./rule.js";

/** Inline markers that allow a whole line (ours, and gitleaks' so migrating teams keep theirs). */
export const INLINE_ALLOW_MARKERS = ["tvly-guard:allow", "gitleaks:allow"].map((m) => Buffer.from(m));

/** Why `body` looks like a placeholder rather than a key, or undefined if it looks real. */
export function placeholderReason(rule: Rule, body: string): string | undefined {
  for (const p of rule.allowPatterns) if (p.regex.test(body)) return p.reason;
  const lower = body.toLowerCase();
  // One short word turns up in random bodies now and then ("your" in about 1 of 30,000);
  // placeholders spell several, so the words found must cover minWordChars letters.
  const words = rule.allowWords.filter((w) => lower.includes(w));
  const letters = words.reduce((n, w) => n + w.length, 0);
  if (words.length > 0 && letters >= (rule.allow?.minWordChars ?? 1))
    return `contains the placeholder word${words.length > 1 ? "s" : ""} "${words.join('", "')}"`;
  const maxSeq = rule.allow?.maxSequentialRatio;
  if (maxSeq !== undefined && sequentialRatio(body, rule.allow?.sequences) > maxSeq)
    return rule.allow?.reasonSequential ?? "sequential characters";
  const maxRepeat = rule.allow?.maxRepeatRatio;
  if (maxRepeat !== undefined && repeatRatio(body) > maxRepeat)
    return rule.allow?.reasonRepeat ?? "runs of one character";
  if (rule.minEntropy !== undefined && shannonEntropy(body) < rule.minEntropy)
    return "too little randomness to be a real key";
  return undefined;
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
