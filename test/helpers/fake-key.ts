// Fake Tavily-shaped keys made at run time from a seeded generator, so the
// repository never holds a key-shaped literal and every run is reproducible.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** mulberry32: tiny, deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type KeyPrefix = "tvly-" | "tvly-dev-" | "tvly-prod-";

/** A generator of distinct fake keys: `next()` gives a new one each call. */
export function fakeKeys(seed = 42) {
  const rand = seededRandom(seed);
  const body = (length = 32) => Array.from({ length }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join("");
  return {
    body,
    next: (prefix: KeyPrefix = "tvly-dev-", length = 32) => `${prefix}${body(length)}`,
  };
}
