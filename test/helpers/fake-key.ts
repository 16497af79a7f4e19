// Typed face of fake-key.mjs (the implementation is plain JavaScript so
// standalone scripts such as `npm run score` can share it).
import {
  expandSample as expandSampleJs,
  fakeKeys as fakeKeysJs,
  keyFormats as keyFormatsJs,
  knownFormats as knownFormatsJs,
  redacted as redactedJs,
  seededRandom as seededRandomJs,
} from "./fake-key.mjs";

export type KeyPrefix = "tvly-" | "tvly-dev-" | "tvly-prod-";

export interface KeyShape {
  prefix: string;
  segments: number[];
  alphabet: string;
}

/** One key shape of one rule file, named `<rule id>:<prefix><segment lengths>`. */
export interface KeyFormat {
  name: string;
  ruleId: string;
  /** The rule only reports tokens no other rule matches (the unknown-format net, severity warning). */
  fallback: boolean;
  shape: KeyShape;
}

/** mulberry32: tiny, deterministic PRNG. */
export const seededRandom: (seed: number) => () => number = seededRandomJs;

/** A generator of distinct fake keys: `next()` gives a new classic key each call, `shaped()` one of any format. */
export const fakeKeys: (seed?: number) => {
  body: (length?: number, alphabet?: string) => string;
  next: (prefix?: KeyPrefix, length?: number) => string;
  shaped: (shape: KeyShape) => string;
  rand: () => number;
} = fakeKeysJs;

/** A rule file's sample with its `{{N:chars}}` runs expanded (how key-length placeholders are committed). */
export const expandSample: (sample: string) => string = expandSampleJs;

/** Every key shape of every rule file under rules/. */
export const keyFormats: () => KeyFormat[] = keyFormatsJs;

/** The shapes of the known formats (not the unknown-format net). */
export const knownFormats: () => KeyFormat[] = knownFormatsJs;

/** How every report shows a fake key: its prefix and four body characters, then an ellipsis (pass the format of an unknown-format key). */
export const redacted: (key: string, format?: KeyFormat) => string = redactedJs;
