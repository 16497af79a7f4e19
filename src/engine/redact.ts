// The only shapes of a key that may leave the engine: a redacted form and a hash.
import { createHash } from "node:crypto";
import { placeholderReason } from "./allow.js";
import type { Rule } from "./rule.js";

/** How many body characters a redacted key shows. */
export const REDACT_KEEP = 4;

/** `tvly-dev-Ab12…`: the prefix plus at most four body characters. */
export function redact(secret: string, prefix = ""): string {
  const body = secret.slice(prefix.length);
  const keep = prefix ? REDACT_KEEP : Math.min(REDACT_KEEP, Math.floor(secret.length / 4));
  return `${prefix}${body.slice(0, keep)}…`;
}

/** Stable fingerprint of a key: SHA-256, so a random body of 32 or more characters cannot be recovered from it. */
export function fingerprint(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * Redact every key in text we did not write ourselves (git's stderr,
 * exception text), so even an error line cannot re-leak one. Known formats are
 * redacted placeholder or not, whatever stands before or after them (the rules'
 * loose patterns); a token caught only by a fallback rule is redacted unless its
 * own checks call it a name or a placeholder, so paths such as tvly-guard-... stay readable.
 */
export function scrubSecrets(text: string, rules: readonly Rule[]): string {
  const ordered = [...rules.filter((r) => !r.fallback), ...rules.filter((r) => r.fallback)];
  return ordered.reduce(
    (out, rule) =>
      out.replace(new RegExp(rule.looseRegex.source, "g"), (...args: unknown[]) => {
        const whole = args[0] as string;
        const groups = args.at(-1) as Record<string, string | undefined> | undefined;
        const secret = groups?.secret ?? whole;
        const prefix = groups?.prefix ?? "";
        if (rule.fallback && placeholderReason(rule, groups?.body ?? secret.slice(prefix.length)) !== undefined)
          return whole;
        return whole.replace(secret, redact(secret, prefix));
      }),
    text,
  );
}
