// The only shapes of a key that may leave the engine: a redacted form and a hash.
import { nodeCrypto } from "../lazy-builtins.js";

/** How many body characters a redacted key shows. */
export const REDACT_KEEP = 4;

/** `tvly-dev-Ab12…`: the prefix plus at most four body characters. */
export function redact(secret: string, prefix = ""): string {
  const body = secret.slice(prefix.length);
  const keep = prefix ? REDACT_KEEP : Math.min(REDACT_KEEP, Math.floor(secret.length / 4));
  return `${prefix}${body.slice(0, keep)}…`;
}

/** Stable fingerprint of a key: SHA-256, so a 32-character random body cannot be recovered from it. */
export function fingerprint(secret: string): string {
  return nodeCrypto().createHash("sha256").update(secret).digest("hex");
}

/**
 * Redact every key in text we did not write ourselves (git's stderr,
 * exception text), placeholder or not, so even an error line cannot re-leak one.
 */
export function scrubSecrets(text: string, patterns: readonly RegExp[]): string {
  return patterns.reduce(
    (out, pattern) =>
      out.replace(new RegExp(pattern.source, "g"), (...args: unknown[]) => {
        const whole = args[0] as string;
        const groups = args.at(-1) as Record<string, string | undefined> | undefined;
        const secret = groups?.secret ?? whole;
        return whole.replace(secret, redact(secret, groups?.prefix ?? ""));
      }),
    text,
  );
}
