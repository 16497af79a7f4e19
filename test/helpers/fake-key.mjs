// Fake Tavily-shaped keys made at run time from a seeded generator, so the
// repository never holds a key-shaped literal and every run is reproducible.
// The shapes come from the rule files (samples.keyShapes): adding a format to
// rules/ gives every test that loops over keyFormats() its keys.
// Plain JavaScript so the standalone scripts (npm run score, bench/) share it with the tests.
import { readdirSync, readFileSync } from "node:fs";

const RULES_DIR = new URL("../../rules/", import.meta.url);
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * @typedef {{ prefix: string, segments: number[], alphabet: string }} KeyShape
 * @typedef {{ name: string, ruleId: string, fallback: boolean, shape: KeyShape }} KeyFormat
 */

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

/** "A-Za-z0-9" -> the characters it names. @param {string} ranges */
export function expandAlphabet(ranges) {
  return ranges.replace(/(.)-(.)/g, (_, from, to) => {
    let out = "";
    for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out += String.fromCharCode(c);
    return out;
  });
}

/**
 * A rule file's sample as text: each `{{N:chars}}` becomes `chars` repeated
 * and cut to N characters (`{{42:x}}` is 42 x's; `{{32:dGhp…}}` with 32
 * characters is those characters). Samples that look like keys (placeholders
 * of the key's own length) are committed in this form, so the repository
 * holds no key-shaped literal and the rule file stays plain data.
 * @param {string} sample
 */
export function expandSample(sample) {
  return sample.replace(/\{\{(\d+):([^{}]+)\}\}/g, (_, n, chars) =>
    chars.repeat(Math.ceil(Number(n) / chars.length)).slice(0, Number(n)),
  );
}

/** @type {KeyFormat[] | undefined} */
let formats;
/**
 * Every key shape of every rule file, named `<rule id>:<prefix><segment lengths>`
 * (`tavily-api-key-segmented:tvly-dev-5-42`). Fallback rules (the unknown-format
 * net) are marked: their keys are reported as warnings.
 * @returns {KeyFormat[]}
 */
export function keyFormats() {
  formats ??= readdirSync(RULES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => {
      const rule = JSON.parse(readFileSync(new URL(f, RULES_DIR), "utf8"));
      return (rule.samples?.keyShapes ?? []).map((shape) => ({
        name: `${rule.id}:${shape.prefix}${shape.segments.join("-")}`,
        ruleId: rule.id,
        fallback: rule.fallback === true,
        shape,
      }));
    });
  return formats;
}

/** The formats of the known (not fallback) rules: the keys reported as errors. */
export const knownFormats = () => keyFormats().filter((f) => !f.fallback);

/** A generator of distinct fake keys: `next()` gives a new one each call. @param {number} [seed] */
export function fakeKeys(seed = 42) {
  const rand = seededRandom(seed);
  /** @param {number} [length] @param {string} [alphabet] */
  const body = (length = 32, alphabet = ALPHABET) =>
    Array.from({ length }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
  return {
    body,
    /** A classic key. @param {"tvly-" | "tvly-dev-" | "tvly-prod-"} [prefix] @param {number} [length] */
    next: (prefix = "tvly-dev-", length = 32) => `${prefix}${body(length)}`,
    /** A key of any shape (a KeyFormat's `shape`). @param {KeyShape} shape */
    shaped: (shape) => {
      const alphabet = expandAlphabet(shape.alphabet);
      return shape.prefix + shape.segments.map((n) => body(n, alphabet)).join("-");
    },
    rand,
  };
}

/**
 * How every report shows a fake key: its prefix and four body characters, then
 * an ellipsis. The prefix is the longest known-format prefix the key starts
 * with; for a key of a fallback format (pass its KeyFormat), the prefix all
 * that rule's shapes share (`tvly-`: the unknown-format rule knows no more).
 * @param {string} key @param {KeyFormat} [format]
 */
export function redacted(key, format) {
  const prefixes = (format?.fallback ? keyFormats().filter((f) => f.ruleId === format.ruleId) : knownFormats()).map(
    (f) => f.shape.prefix,
  );
  const prefix = format?.fallback
    ? prefixes.reduce((a, b) => {
        let i = 0;
        while (i < a.length && a[i] === b[i]) i++;
        return a.slice(0, i);
      })
    : prefixes.filter((p) => key.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) throw new Error("redacted(): not a key of a known format");
  return `${key.slice(0, prefix.length + 4)}…`;
}
