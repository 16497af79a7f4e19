// Rules are data (rules/*.json). This module owns their shape, validates them
// and compiles their regexes once, so detection never parses a pattern twice.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../errors.js";
import { packagePath } from "../paths.js";

export type RemediationCase =
  | "live"
  | "revoked"
  | "pushed"
  | "unpushed"
  | "inHead"
  | "old"
  | "commitMessage"
  | "tagMessage"
  | "note"
  | "unreachable";

export interface RuleRemediation {
  title: string;
  envVar?: string;
  revokeUrl?: string;
  docsUrl?: string;
  supportEmail?: string;
  steps: string[];
  rotation?: string;
  /** Keys exposed longer than this many days get the `rotation` reminder. */
  rotationDays?: number;
  /** What docs and examples should show instead of a real key. */
  placeholder?: string;
  /** A line shown before the steps (the unknown-format rule says it does not recognise the token). */
  notice?: string;
  /**
   * One line per triage case (live, revoked, pushed, unpushed, inHead, old) and per kind of place
   * that needs its own clean-up (commitMessage, tagMessage, note, unreachable); `{slot}`s filled at render time.
   */
  cases?: Partial<Record<RemediationCase, string>>;
}

export interface RuleVerify {
  method: string;
  path: string;
  baseUrl: string;
  baseUrlEnv?: string;
  header: string;
  headerValue: string;
  liveStatuses: number[];
  revokedStatuses: number[];
}

/** How a key of a rule looks, for tests: a prefix, then random segments joined by "-". */
export interface KeyShape {
  prefix: string;
  /** Lengths of the random segments (one for `tvly-` + 32, two for `tvly-dev-` + 5 + `-` + 42). */
  segments: number[];
  /** Character ranges of the random part, such as "A-Za-z0-9". */
  alphabet: string;
}

/** A rule as written in a rules/*.json file. */
export interface RuleSpec {
  id: string;
  /** Id of a rule in the same folder whose fields this one takes where it has none (remediation and allow merged). */
  extends?: string;
  description: string;
  severity?: "error" | "warning" | "note";
  /** How often a match is a real key (SARIF's precision property): very-high, high, medium or low. */
  precision?: "very-high" | "high" | "medium" | "low";
  keywords: string[];
  /** JS regex; named groups `secret` (else the whole match), optional `prefix` and `body`. */
  pattern: string;
  /**
   * The same key without the word boundaries: used on binary chunks, where records are packed
   * edge to edge (`...tavilyprodtvly-prod-<body>` in an SQLite page), and by the output scrubber.
   */
  loosePattern?: string;
  /** Report only tokens that no other rule's pattern matches, placeholders included (the unknown-format net). */
  fallback?: boolean;
  minEntropy?: number;
  allow?: {
    /** Tested on the body with the separators removed, or on the raw body when `raw` is set. */
    bodyPatterns?: { pattern: string; flags?: string; reason: string; raw?: boolean }[];
    bodyWords?: string[];
    /** Placeholder words found in a body must cover at least this many letters together. */
    minWordChars?: number;
    maxSequentialRatio?: number;
    /** Typed sequences (alphabet, digits, keyboard rows) that sequentialRatio walks. */
    sequences?: string[];
    reasonSequential?: string;
    /** Highest share of characters equal to their predecessor. */
    maxRepeatRatio?: number;
    reasonRepeat?: string;
    /** Characters between a body's segments ("-"): removed before the randomness checks. */
    separators?: string;
    /** A body that is base64 of readable text (at least minLength characters) is not a key. */
    base64Text?: { minLength: number; reason: string };
    /**
     * A key has a long random run: at least minRunLength characters without a separator, in which
     * the character class (upper, lower, digit) changes from one character to the next often enough.
     */
    keyLike?: { minRunLength: number; minClassChangeRatio: number; reason: string };
  };
  remediation: RuleRemediation;
  verify?: RuleVerify;
  samples?: {
    mustNotMatch?: string[];
    fakeBodies?: string[];
    keyShapes?: KeyShape[];
  };
}

/** A rule ready to run: regexes compiled, keywords as bytes. */
export interface Rule extends RuleSpec {
  severity: "error" | "warning" | "note";
  regex: RegExp;
  /** `loosePattern` compiled (else `regex`): binary chunks and the scrubber. */
  looseRegex: RegExp;
  keywordBytes: Buffer[];
  /** Longest text a match can span, bounding the window decoded around a keyword hit. */
  maxMatchLength: number;
  allowPatterns: { regex: RegExp; reason: string; raw: boolean }[];
  allowWords: string[];
  /** Config stopwords (.tvly-guard.json, lowercase): placeholder words whose drops are counted (allow.ts heldByStopwords). */
  allowStopwords?: readonly string[];
  /** Config allowlist regexes (.tvly-guard.json) tested on the whole key. */
  allowKeyRegexes?: readonly RegExp[];
  /** Config allowlist regexes tested on a bounded window of the key's line. */
  allowLineRegexes?: readonly RegExp[];
}

/** The rules shipped with the package: every *.json under rules/. */
export const BUILTIN_RULES_DIR = packagePath("rules");

const SEVERITIES = new Set(["error", "warning", "note"]);

function need(cond: unknown, source: string, field: string, what: string): asserts cond {
  if (!cond) throw new ConfigError(`${source}: "${field}" ${what}`);
}

function compile(pattern: string, flags: string, source: string, field: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    throw new ConfigError(`${source}: "${field}" is not a valid regular expression (${(err as Error).message})`);
  }
}

/** Check a parsed rule object and compile it; `source` names the file in errors. */
export function compileRule(spec: unknown, source: string): Rule {
  const s = spec as RuleSpec;
  need(s && typeof s === "object" && !Array.isArray(s), source, "rule", "must be an object");
  need(typeof s.id === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.id), source, "id", "must be a kebab-case string");
  need(typeof s.description === "string", source, "description", "must be a string");
  need(
    Array.isArray(s.keywords) &&
      s.keywords.length > 0 &&
      s.keywords.every((k) => typeof k === "string" && k.length > 0),
    source,
    "keywords",
    "must be a non-empty list of non-empty strings",
  );
  need(typeof s.pattern === "string", source, "pattern", "must be a string");
  need(s.severity === undefined || SEVERITIES.has(s.severity), source, "severity", "must be error, warning or note");
  need(s.minEntropy === undefined || typeof s.minEntropy === "number", source, "minEntropy", "must be a number");
  need(
    s.remediation && typeof s.remediation.title === "string" && Array.isArray(s.remediation.steps),
    source,
    "remediation",
    "needs a title and a list of steps",
  );
  const allow = s.allow ?? {};
  need(
    allow.bodyWords === undefined ||
      (Array.isArray(allow.bodyWords) && allow.bodyWords.every((w) => typeof w === "string")),
    source,
    "allow.bodyWords",
    "must be a list of strings",
  );
  const allowPatterns = (allow.bodyPatterns ?? []).map((p, i) => {
    need(p && typeof p.pattern === "string", source, `allow.bodyPatterns[${i}].pattern`, "must be a string");
    return {
      regex: compile(p.pattern, p.flags ?? "", source, `allow.bodyPatterns[${i}].pattern`),
      reason: p.reason ?? "placeholder",
      raw: p.raw === true,
    };
  });
  need(s.loosePattern === undefined || typeof s.loosePattern === "string", source, "loosePattern", "must be a string");
  need(s.extends === undefined, source, "extends", `names no rule in the same folder ("${s.extends}")`);
  const regex = compile(s.pattern, "g", source, "pattern");
  return {
    ...s,
    severity: s.severity ?? "error",
    regex,
    looseRegex: s.loosePattern === undefined ? regex : compile(s.loosePattern, "g", source, "loosePattern"),
    keywordBytes: s.keywords.map((k) => Buffer.from(k, "utf8")),
    maxMatchLength: 256,
    allowPatterns,
    allowWords: (allow.bodyWords ?? []).map((w) => w.toLowerCase()),
  };
}

/** Fields a rule never takes from the one it extends: what makes it a rule of its own. */
const OWN_FIELDS = new Set([
  "$schema",
  "id",
  "extends",
  "description",
  "pattern",
  "loosePattern",
  "fallback",
  "samples",
]);

/** `spec` with the fields it lacks taken from the rule it extends (remediation and allow merged one level deep). */
function resolveExtends(spec: RuleSpec, specs: ReadonlyMap<string, RuleSpec>, source: string): RuleSpec {
  if (spec.extends === undefined) return spec;
  const base = specs.get(spec.extends);
  need(base && base.extends === undefined, source, "extends", `names no rule in the same folder ("${spec.extends}")`);
  const merged: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(base)) if (!OWN_FIELDS.has(field)) merged[field] = value;
  Object.assign(merged, spec, {
    remediation: { ...base.remediation, ...spec.remediation },
    allow: { ...base.allow, ...spec.allow },
  });
  delete merged.extends;
  return merged as unknown as RuleSpec;
}

/** Load and compile every rule file in `dir` (sorted, so order is stable); `extends` resolved within the folder. */
export function loadRulesFrom(dir: string): Rule[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort() // by name without the extension: a rule comes before the rules named after it
    .map((name) => `${name}.json`);
  const parsed = files.map((f) => {
    const path = join(dir, f);
    try {
      return { path, spec: JSON.parse(readFileSync(path, "utf8")) as RuleSpec };
    } catch (err) {
      throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
    }
  });
  const byId = new Map(parsed.map(({ spec }) => [spec?.id, spec]));
  return parsed.map(({ path, spec }) => compileRule(resolveExtends(spec, byId, path), path));
}

let builtin: Rule[] | undefined;
/** The package's own rules, loaded once per process. */
export function builtinRules(): Rule[] {
  builtin ??= loadRulesFrom(BUILTIN_RULES_DIR);
  return builtin;
}
