// The shape of .tvly-guard.json, as a small table the validator walks. It
// mirrors schema/tvly-guard.schema.json (a test checks the two agree), and
// names the bad field and the file on the first problem it finds.

import { ConfigError } from "../errors.js";
import { parseSize, sizeLimitProblem } from "../size.js";

export interface ConfigAllowlist {
  /** Globs matched against paths relative to the repository root. */
  paths: string[];
  /** Commit hashes (7 to 64 hex digits, matched as a prefix). */
  commits: string[];
  /** Regexes tested against the whole matched key. */
  keyRegexes: string[];
  /** Regexes tested against the line around the key. */
  lineRegexes: string[];
  /** Words that mark a key body as a placeholder (case-insensitive). */
  stopwords: string[];
}

export interface Config {
  allowlist: ConfigAllowlist;
  /** Extra rules, each in the format of rules/*.json (checked by compileRule). */
  rules: unknown[];
  disabledRules: string[];
  maxFileSize: number | undefined;
}

/** Returns what is wrong with `value` (a phrase after the field name), or undefined. */
type Check = (value: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const string: Check = (v) => (typeof v === "string" ? undefined : "must be a string");

function listOf(item: Check, itemName: string): Check {
  return (v) => {
    if (!Array.isArray(v)) return `must be a list of ${itemName}`;
    for (const [i, x] of v.entries()) {
      const problem = item(x);
      if (problem) return `[${i}] ${problem}`;
    }
    return undefined;
  };
}

const nonEmptyString: Check = (v) => (typeof v === "string" && v.length > 0 ? undefined : "must be a non-empty string");
const commitHash: Check = (v) =>
  typeof v === "string" && /^[0-9a-f]{7,64}$/i.test(v) ? undefined : "must be a commit hash (7 to 64 hex digits)";
const ruleObject: Check = (v) => (isObject(v) ? undefined : "must be a rule object (the format of rules/*.json)");
const size: Check = (v) => {
  if (typeof v === "number")
    return Number.isInteger(v)
      ? sizeLimitProblem(v)
      : 'must be a whole number of bytes above 0, or a size such as "10MiB"';
  if (typeof v !== "string") return 'must be a number of bytes or a size such as "10MiB"';
  let bytes: number;
  try {
    bytes = parseSize(v, "");
  } catch {
    return 'must be a number of bytes or a size such as "10MiB", "512k"';
  }
  return sizeLimitProblem(bytes);
};

interface ObjectSpec {
  fields: Record<string, Check | ObjectSpec>;
}

const ALLOWLIST: ObjectSpec = {
  fields: {
    paths: listOf(nonEmptyString, "glob strings"),
    commits: listOf(commitHash, "commit hashes"),
    keyRegexes: listOf(nonEmptyString, "regex strings"),
    lineRegexes: listOf(nonEmptyString, "regex strings"),
    stopwords: listOf(nonEmptyString, "words"),
  },
};

/** Every key a config file may hold. */
export const CONFIG_SPEC: ObjectSpec = {
  fields: {
    $schema: string,
    allowlist: ALLOWLIST,
    rules: listOf(ruleObject, "rule objects"),
    disabledRules: listOf(nonEmptyString, "rule ids"),
    maxFileSize: size,
  },
};

/** Check `value` against `spec`; the first problem becomes a ConfigError naming `file` and the key. */
function checkObject(value: unknown, spec: ObjectSpec, file: string, at: string): void {
  if (!isObject(value)) throw new ConfigError(`${file}: ${at ? `"${at}"` : "the top level"} must be a JSON object`);
  for (const [key, v] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    const field = spec.fields[key];
    if (field === undefined) {
      throw new ConfigError(`${file}: unknown key "${path}" (expected one of: ${Object.keys(spec.fields).join(", ")})`);
    }
    if (typeof field === "function") {
      const problem = field(v);
      if (problem) {
        // A list check reports "[i] must be ...": glue the index to the key name.
        const item = /^(\[\d+\]) (.*)$/.exec(problem);
        throw new ConfigError(`${file}: "${path}${item ? item[1] : ""}" ${item ? item[2] : problem}`);
      }
    } else {
      checkObject(v, field, file, path);
    }
  }
}

/** Validate a parsed config file and fill in defaults. `file` is how errors name it. */
export function validateConfig(raw: unknown, file: string): Config {
  checkObject(raw, CONFIG_SPEC, file, "");
  const c = raw as Partial<Record<string, unknown>>;
  const a = (c.allowlist ?? {}) as Partial<ConfigAllowlist>;
  const maxFileSize =
    typeof c.maxFileSize === "string" ? parseSize(c.maxFileSize, "maxFileSize") : (c.maxFileSize as number | undefined);
  return {
    allowlist: {
      paths: a.paths ?? [],
      commits: a.commits ?? [],
      keyRegexes: a.keyRegexes ?? [],
      lineRegexes: a.lineRegexes ?? [],
      stopwords: a.stopwords ?? [],
    },
    rules: (c.rules as unknown[] | undefined) ?? [],
    disabledRules: (c.disabledRules as string[] | undefined) ?? [],
    maxFileSize,
  };
}

/** An empty config: what applies when the repository has no .tvly-guard.json. */
export function emptyConfig(): Config {
  return validateConfig({}, "");
}
