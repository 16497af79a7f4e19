// Decides when a pattern match is not a key: placeholders, fakes and
// annotated lines. The thresholds and word lists live in the rule file.
import { sequentialRatio, shannonEntropy } from "./entropy.js";
import type { Rule } from "./rule.js";

/** Inline markers that allow a whole line (ours, and gitleaks' so migrating teams keep theirs). */
export const INLINE_ALLOW_MARKERS = ["tvly-guard:allow", "gitleaks:allow"].map((m) => Buffer.from(m));

/** Why `body` looks like a placeholder rather than a key, or undefined if it looks real. */
export function placeholderReason(rule: Rule, body: string): string | undefined {
  for (const p of rule.allowPatterns) if (p.regex.test(body)) return p.reason;
  const lower = body.toLowerCase();
  const word = rule.allowWords.find((w) => lower.includes(w));
  if (word) return `contains the placeholder word "${word}"`;
  const maxSeq = rule.allow?.maxSequentialRatio;
  if (maxSeq !== undefined && sequentialRatio(body) > maxSeq) return rule.allow?.reasonSequential ?? "sequential characters";
  if (rule.minEntropy !== undefined && shannonEntropy(body) < rule.minEntropy) return "too little randomness to be a real key";
  return undefined;
}

/** True when the line holds an inline allow marker. */
export function hasInlineAllow(line: Buffer): boolean {
  return INLINE_ALLOW_MARKERS.some((m) => line.indexOf(m) !== -1);
}
