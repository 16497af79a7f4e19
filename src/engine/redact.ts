// The only shapes of a key that may leave the engine: a redacted form and a hash.
import { createHash } from "node:crypto";

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
