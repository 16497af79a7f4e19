// Typed face of fake-key.mjs (the implementation is plain JavaScript so
// standalone scripts such as `npm run score` can share it).
import { fakeKeys as fakeKeysJs, seededRandom as seededRandomJs } from "./fake-key.mjs";

export type KeyPrefix = "tvly-" | "tvly-dev-" | "tvly-prod-";

/** mulberry32: tiny, deterministic PRNG. */
export const seededRandom: (seed: number) => () => number = seededRandomJs;

/** A generator of distinct fake keys: `next()` gives a new one each call. */
export const fakeKeys: (seed?: number) => {
  body: (length?: number) => string;
  next: (prefix?: KeyPrefix, length?: number) => string;
  rand: () => number;
} = fakeKeysJs;

/** How every report shows a fake key: its prefix and four body characters, then an ellipsis. */
export const redacted = (key: string) => `${key.slice(0, key.lastIndexOf("-") + 5)}…`;
