// Fake Tavily-shaped keys made at run time from a seeded generator, so the
// repository never holds a key-shaped literal and every run is reproducible.
// Plain JavaScript so the standalone scripts (npm run score, bench/) share it with the tests.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** mulberry32: tiny, deterministic PRNG. @param {number} seed @returns {() => number} */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator of distinct fake keys: `next()` gives a new one each call. @param {number} [seed] */
export function fakeKeys(seed = 42) {
  const rand = seededRandom(seed);
  /** @param {number} [length] */
  const body = (length = 32) => Array.from({ length }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join("");
  return {
    body,
    /** @param {"tvly-" | "tvly-dev-" | "tvly-prod-"} [prefix] @param {number} [length] */
    next: (prefix = "tvly-dev-", length = 32) => `${prefix}${body(length)}`,
    rand,
  };
}
