// Rules are data (rules/*.json). This module owns their shape, validates them
// and compiles their regexes once, so detection never parses a pattern twice.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../errors.js";

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

/** A rule as written in a rules/*.json file. */
export interface RuleSpec {
  id: string;
  description: string;
  severity?: "error" | "warning" | "note";
  keywords: string[];
  /** JS regex; named groups `secret` (else the whole match), optional `prefix` and `body`. */
  pattern: string;
  minEntropy?: number;
  allow?: {
    bodyPatterns?: { pattern: string; flags?: string; reason: string }[];
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
  };
  remediation: RuleRemediation;
  verify?: RuleVerify;
  samples?: {
    mustNotMatch?: string[];
    fakeBodies?: string[];
    keyShapes?: { prefix: string; length: number; alphabet: string }[];
  };
}

/** A rule ready to run: regexes compiled, keywords as bytes. */
export interface Rule extends RuleSpec {
  severity: "error" | "warning" | "note";
  regex: RegExp;
  keywordBytes: Buffer[];
  /** Longest text a match can span, bounding the window decoded around a keyword hit. */
  maxMatchLength: number;
  allowPatterns: { regex: RegExp; reason: string }[];
  allowWords: string[];
  /** Config allowlist regexes (.tvly-guard.json) tested on the whole key. */
  allowKeyRegexes?: readonly RegExp[];
  /** Config allowlist regexes tested on a bounded window of the key's line. */
  allowLineRegexes?: readonly RegExp[];
}

/** The rules shipped with the package: every *.json under rules/. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));

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
    };
  });
  return {
    ...s,
    severity: s.severity ?? "error",
    regex: compile(s.pattern, "g", source, "pattern"),
    keywordBytes: s.keywords.map((k) => Buffer.from(k, "utf8")),
    maxMatchLength: 256,
    allowPatterns,
    allowWords: (allow.bodyWords ?? []).map((w) => w.toLowerCase()),
  };
}

/** Load and compile every rule file in `dir` (sorted, so order is stable). */
export function loadRulesFrom(dir: string): Rule[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  return files.map((f) => {
    const path = join(dir, f);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, "utf8"));
    } catch (err) {
      throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
    }
    return compileRule(parsed, path);
  });
}

let builtin: Rule[] | undefined;
/** The package's own rules, loaded once per process. */
export function builtinRules(): Rule[] {
  builtin ??= loadRulesFrom(BUILTIN_RULES_DIR);
  return builtin;
}
