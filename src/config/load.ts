// Find and read .tvly-guard.json (the repository root, or --config FILE),
// and turn it into what a scan runs with: rules, path and commit matchers.
import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { compileRule, type Rule } from "../engine/rule.js";
import { ConfigError } from "../errors.js";
import { OpenError, readRegularFile } from "../fs/open-file.js";
import { findWorkTreeRoot } from "../git/work-tree.js";
import { compileAllowRegex, compileRulePattern } from "./safe-regex.js";
import { type Config, emptyConfig, validateConfig } from "./schema.js";

export const CONFIG_FILE_NAME = ".tvly-guard.json";

type IgnoreFactory = typeof import("ignore");

/** A config ready to apply. */
export interface LoadedConfig {
  /** How messages name the config file (relative to the cwd when inside it), or undefined when there is none. */
  file: string | undefined;
  /** The directory allowlisted paths and baseline paths are relative to: the work tree root, else the cwd. */
  root: string;
  config: Config;
  /** True when a repository-relative path is allowlisted. */
  allowsPath: (path: string) => boolean;
  /** True when a commit is allowlisted. */
  allowsCommit: (sha: string) => boolean;
  /** Builtin rules minus disabled ones, plus extra ones, each carrying the allowlist regexes and stopwords. */
  applyToRules: (builtin: readonly Rule[]) => Rule[];
}

/** How a message names `abs`: relative to the cwd when inside it. */
export function displayFile(cwd: string, abs: string): string {
  // Most runs name a file under the cwd: a prefix, where path.relative is 2 KB of node's own code
  // that a clean hook run would compile on its first call for this one name.
  if (abs.startsWith(cwd) && abs[cwd.length] === sep && abs.length > cwd.length + 1) return abs.slice(cwd.length + 1);
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : abs;
}

/**
 * The work tree root as seen from `cwd`'s own spelling: git reports a path
 * with symlinks resolved (/private/tmp on macOS), and paths we compare it
 * with are built from the cwd as given.
 */
async function findRoot(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const top = findWorkTreeRoot(cwd, env);
  if (top === undefined) return cwd;
  try {
    const real = realpathSync(cwd);
    if (real === top) return resolve(cwd); // run at the top, as hooks are: no path.relative to compile
    return resolve(cwd, relative(real, top));
  } catch {
    return top;
  }
}

/** Read the config: `explicit` (--config, relative to the cwd) must exist; the default one may be absent. */
export async function loadConfig(
  cwd: string,
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LoadedConfig> {
  const root = await findRoot(cwd, env);
  const abs = explicit === undefined ? resolve(root, CONFIG_FILE_NAME) : resolve(cwd, explicit);
  const file = displayFile(cwd, abs);
  let text: string;
  try {
    // Never blocks (a FIFO is refused at once) and never follows a symlink.
    text = readRegularFile(abs, `config ${file}`).toString("utf8");
  } catch (err) {
    if (explicit === undefined && err instanceof OpenError && err.failure === "missing")
      return buildConfig(emptyConfig(), undefined, root);
    throw new ConfigError((err as Error).message);
  }
  const config = validateConfig(parseJson(text, file), file);
  // The ignore package (the .gitignore matcher eslint and prettier use) is loaded only
  // for a config that lists paths, so most runs never pay for it.
  const ignore = config.allowlist.paths.length > 0 ? (await import("ignore")).default : undefined;
  return buildConfig(config, file, root, ignore);
}

/** JSON.parse with a one-line error that gives the line and column, and never echoes the text (it may hold a key). */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    const message = (err as Error).message;
    // Drop the quoted excerpt and the raw offset Node adds; the line and column follow instead.
    const what = message
      .replace(/, ".*$/s, "")
      .replace(/\s+(in JSON )?at position \d+.*$/s, "")
      .trim();
    const at = /at position (\d+)/.exec(message);
    let where = "";
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split("\n").length;
      where = `, line ${line} column ${before.length - before.lastIndexOf("\n")}`;
    }
    throw new ConfigError(`${file}: not valid JSON (${what}${where})`);
  }
}

/**
 * `allowlist.paths` are .gitignore lines, with git's own semantics (git-scm.com/docs/gitignore):
 * later lines win, `!` re-includes, a slash at the start or in the middle anchors
 * at the root, a trailing slash matches a directory and so everything below it,
 * `**` spans directories, and a file below an excluded directory cannot be
 * re-included. Case-sensitive, as git is on Linux. One addition: `./x` means `/x`.
 */
export function compilePathGlobs(
  globs: readonly string[],
  ignore: IgnoreFactory | undefined,
): (path: string) => boolean {
  if (globs.length === 0 || ignore === undefined) return () => false;
  let matcher: import("ignore").Ignore | undefined;
  return (path) => {
    matcher ??= ignore({ ignorecase: false }).add(globs.map((g) => g.replace(/^(!?)\.\//, "$1/")));
    try {
      return matcher.ignores(path);
    } catch {
      return false; // not a relative path (outside the root): no allowlist line can name it
    }
  };
}

function buildConfig(config: Config, file: string | undefined, root: string, ignore?: IgnoreFactory): LoadedConfig {
  const where = (field: string) => `${file}: "${field}"`;
  const { allowlist } = config;
  const keyRegexes = allowlist.keyRegexes.map((r, i) => compileAllowRegex(r, where(`allowlist.keyRegexes[${i}]`)));
  const lineRegexes = allowlist.lineRegexes.map((r, i) => compileAllowRegex(r, where(`allowlist.lineRegexes[${i}]`)));
  const stopwords = allowlist.stopwords.map((w) => w.toLowerCase());
  const extra = config.rules.map((spec, i) => {
    const at = `rules[${i}]`;
    const s = spec as { pattern?: unknown; allow?: { bodyPatterns?: { pattern?: unknown; flags?: unknown }[] } };
    // Anyone who can edit the config in a pull request writes these regexes: they run in linear time or not at all.
    const regex = compileRulePattern(s.pattern, where(`${at}.pattern`));
    const bodyPatterns = Array.isArray(s.allow?.bodyPatterns) ? s.allow.bodyPatterns : [];
    const linearBodies = bodyPatterns.map((p, j) =>
      compileRulePattern(
        p?.pattern,
        where(`${at}.allow.bodyPatterns[${j}].pattern`),
        typeof p?.flags === "string" ? p.flags.replace(/[gl]/g, "") : "",
      ),
    );
    const rule = compileRule(spec, `${file} ${at}`);
    return {
      ...rule,
      regex,
      allowPatterns: rule.allowPatterns.map((p, j) => ({ ...p, regex: linearBodies[j] ?? p.regex })),
    };
  });
  const commits = allowlist.commits.map((c) => c.toLowerCase());
  return {
    file,
    root,
    config,
    allowsPath: compilePathGlobs(allowlist.paths, ignore),
    allowsCommit: (sha) => commits.some((c) => sha.toLowerCase().startsWith(c)),
    applyToRules(builtin) {
      const ids = new Set(builtin.map((r) => r.id));
      for (const [i, id] of config.disabledRules.entries()) {
        if (!ids.has(id) && !extra.some((r) => r.id === id))
          throw new ConfigError(
            `${where(`disabledRules[${i}]`)} names no rule (rules: ${[...ids, ...extra.map((r) => r.id)].join(", ")})`,
          );
      }
      const disabled = new Set(config.disabledRules);
      const kept = builtin.filter((r) => !disabled.has(r.id));
      for (const [i, rule] of extra.entries()) {
        if (kept.some((r) => r.id === rule.id) || extra.findIndex((r) => r.id === rule.id) !== i) {
          throw new ConfigError(
            `${where(`rules[${i}].id`)} "${rule.id}" is already a rule (list it in disabledRules to replace it)`,
          );
        }
      }
      const rules = [...kept, ...extra];
      if (rules.length === 0)
        throw new ConfigError(`${file}: "disabledRules" disables every rule, so nothing would be found`);
      if (keyRegexes.length === 0 && lineRegexes.length === 0 && stopwords.length === 0) return rules;
      return rules.map((r) => ({
        ...r,
        allowStopwords: stopwords,
        allowKeyRegexes: keyRegexes,
        allowLineRegexes: lineRegexes,
      }));
    },
  };
}
