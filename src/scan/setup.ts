// What a scan runs with, decided before the first byte is read: rules with
// the config applied, report options, baseline, progress, and how a finding's
// path is seen from the repository root.
import { relative, resolve } from "node:path";
import { type Baseline, readBaseline } from "../config/baseline.js";
import { type LoadedConfig, loadConfig } from "../config/load.js";
import { builtinRules, type Rule } from "../engine/rule.js";
import type { RepositoryFacts } from "../git/repository.js";
import type { Io } from "../io.js";
import { toPosix } from "../paths.js";
import { createProgress, type Progress } from "../progress.js";
import { checkFormat } from "../report/index.js";

export interface ReportOptions {
  format: string;
  output: string | undefined;
  color: boolean;
  /** --verbose (staged): the full text report instead of the short one a refused commit shows. */
  verbose: boolean;
  /** --report FORMAT:FILE: more reports written from the same findings, never coloured. */
  extra: { format: string; file: string }[];
}

/** Everything a scan runs with, decided before the first byte is read. */
export interface ScanSetup {
  io: Io;
  rules: readonly Rule[];
  report: ReportOptions;
  /** --no-redact: findings carry the whole key in `secret`. */
  showSecret: boolean;
  progress: Progress;
  /** .tvly-guard.json (or --config), already applied to `rules`. */
  config: LoadedConfig;
  /** The config's maxFileSize, for sources that can skip big files before reading them. */
  maxFileSize: number | undefined;
  /** For sources that can skip a file before reading it: true when its path is allowlisted (counted). */
  skipsFile: (absolutePath: string) => boolean;
  /** The path a finding's file has relative to the repository root (what allowlists and baselines use). */
  rootPath: (file: string) => string;
  /** --baseline, --write-baseline, and what each filter held back. */
  baseline: {
    read: Baseline | undefined;
    readFile: string | undefined;
    writeAbs: string | undefined;
    writeFile: string | undefined;
  };
  /** What each filter held back: allowlisted files left unread, findings the allowlist regexes dropped. */
  suppressed: { files: number; keyRegexes: number; lineRegexes: number; stopwords: number };
  /** --verify: check each unique key against the rule's endpoint before reporting. Never implicit. */
  verify: boolean;
  /** When the scan started (reports that carry times: GitLab, JUnit). */
  startedAt: Date;
  /** The repository's facts, when the command reads them anyway (history): triage then does not ask git again. */
  facts?: Promise<RepositoryFacts>;
}

export interface PrepareOptions {
  /**
   * What finding paths are relative to: "root" (the repository root: git
   * sources) or "cwd" (the working-tree scan, which shows paths from the cwd).
   */
  paths?: "root" | "cwd";
}

/** What the user asked for on the command line (the flags of SCAN_OPTIONS). */
export interface ScanFlags {
  format: string | undefined;
  output: string | undefined;
  /** --report FORMAT:FILE, parsed. */
  reports: { format: string; file: string }[];
  noRedact: boolean;
  noColor: boolean;
  /** staged --verbose: the full text report. */
  verbose: boolean;
  config: string | undefined;
  baseline: string | undefined;
  writeBaseline: string | undefined;
  verify: boolean;
}

/** Everything a scan runs with; bad values (unknown format...) fail here, before any scanning. */
export async function createScanSetup(flags: ScanFlags, io: Io, options: PrepareOptions = {}): Promise<ScanSetup> {
  const format = flags.format ?? "text";
  checkFormat(format);
  const output = flags.output;
  const env = io.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  const color = !flags.noColor && !env.NO_COLOR && output === undefined && (forced || io.stdoutIsTTY);
  const config = await loadConfig(io.cwd, flags.config, io.env);
  const rules = config.applyToRules(builtinRules());
  io.redaction?.addRules(rules); // the config's extra rules redact their keys in every output too
  const verify = flags.verify;
  if (verify) (await import("../verify/tavily.js")).checkVerifyUrls(rules, env); // a bad TVLY_GUARD_VERIFY_URL fails before any scanning
  const rootPath =
    options.paths === "cwd"
      ? (file: string) => (file === STDIN_PATH ? file : toPosix(relative(config.root, resolve(io.cwd, file))))
      : (file: string) => file;
  const baselineFile = flags.baseline;
  const writeFile = flags.writeBaseline;
  const baseline = {
    read: baselineFile === undefined ? undefined : readBaseline(resolve(io.cwd, baselineFile), baselineFile),
    readFile: baselineFile,
    writeAbs: writeFile === undefined ? undefined : resolve(io.cwd, writeFile),
    writeFile,
  };
  const suppressed = { files: 0, keyRegexes: 0, lineRegexes: 0, stopwords: 0 };
  const pathAllowlist = config.config.allowlist.paths.length > 0;
  const setup: ScanSetup = {
    io,
    rules,
    report: { format, output, color, extra: flags.reports, verbose: flags.verbose },
    showSecret: flags.noRedact,
    progress: createProgress(io.stderr, io.stderrIsTTY, () => io.stderrColumns),
    config,
    maxFileSize: config.config.maxFileSize,
    skipsFile(abs) {
      if (!pathAllowlist) return false; // no relative() per file when there is nothing to match
      const path = toPosix(relative(config.root, abs));
      const skip = !path.startsWith("../") && config.allowsPath(path);
      if (skip) suppressed.files++;
      return skip;
    },
    rootPath,
    baseline,
    suppressed,
    verify,
    startedAt: new Date(),
  };
  return setup;
}

/** How the files source names stdin; it has no path to allowlist. */
const STDIN_PATH = "<stdin>";
