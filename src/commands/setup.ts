// What every scanning command (scan, staged, diff, history) shares: the
// options, the rules and filters a scan runs with, and the end of a scan
// (report, stderr summary, exit code). Commands differ only in their source.
import { relative, resolve, sep } from "node:path";
import { type Baseline, type BaselineEntry, readBaseline, writeBaseline } from "../config/baseline.js";
import { displayFile, type LoadedConfig, loadConfig } from "../config/load.js";
import { builtinRules, type Rule } from "../engine/rule.js";
import { ExitCode, UsageError } from "../errors.js";
import { writeOutputFile } from "../fs/atomic-write.js";
import type { GitContext } from "../git/exec.js";
import type { Io } from "../io.js";
import { createProgress, type Progress } from "../progress.js";
import type { ReportContext } from "../report/context.js";
import { type Finding, placeOf } from "../report/finding.js";
import { checkFormat, FORMATS, loadReporter } from "../report/index.js";
import { groupByKey } from "../report/keys.js";
import { formatSummary } from "../report/summary.js";
import { parseSizeLimit } from "../size.js";
import type { ScanSummary } from "../sources/chunk.js";
import { DEFAULT_MAX_FILE_SIZE } from "../sources/chunk.js";
import { VERSION } from "../version.js";
import { booleanOption, type OptionSpec, type ParsedArgs, stringListOption, stringOption } from "./args.js";

/** Options every scanning command takes. */
export const SCAN_OPTIONS: readonly OptionSpec[] = [
  {
    name: "format",
    type: "string",
    short: "f",
    value: "FORMAT",
    description: `report format: ${FORMATS.join(", ")} (default text)`,
  },
  {
    name: "output",
    type: "string",
    short: "o",
    value: "FILE",
    description: "write the report to FILE instead of stdout",
  },
  {
    name: "report",
    type: "string",
    multiple: true,
    value: "FORMAT:FILE",
    description: "also write a FORMAT report to FILE, from the same scan (repeatable: --report sarif:out.sarif)",
  },
  { name: "no-redact", type: "boolean", description: "show whole keys in the report (they are redacted by default)" },
  { name: "no-color", type: "boolean", description: "no colours (NO_COLOR and FORCE_COLOR are honoured too)" },
  {
    name: "config",
    type: "string",
    value: "FILE",
    description: "config file (default: .tvly-guard.json at the repository root)",
  },
  {
    name: "baseline",
    type: "string",
    value: "FILE",
    description: "do not report findings recorded in FILE (see --write-baseline)",
  },
  {
    name: "write-baseline",
    type: "string",
    value: "FILE",
    description: "record the current findings in FILE and exit 0 (still prints the report)",
  },
  {
    name: "verify",
    type: "boolean",
    description: "ask Tavily whether each key found is live (sends each key once, over HTTPS, to the rule's endpoint)",
  },
];

export interface ReportOptions {
  format: string;
  output: string | undefined;
  color: boolean;
  /** --verbose (staged): the full text report instead of the short one. */
  verbose: boolean;
  /** --report FORMAT:FILE: more reports written from the same findings, never coloured. */
  extra: { format: string; file: string }[];
}

/** `sarif:out/results.sarif` -> format and file; the first colon splits, so `C:\x` stays a file. */
export function parseReportTarget(text: string): { format: string; file: string } {
  const at = text.indexOf(":");
  const format = at < 0 ? "" : text.slice(0, at);
  const file = at < 0 ? "" : text.slice(at + 1);
  if (!format || !file)
    throw new UsageError(`--report expects FORMAT:FILE (for example sarif:results.sarif), not "${text}"`);
  checkFormat(format);
  return { format, file };
}

/** Everything a scan runs with, decided before the first byte is read. */
export interface ScanSetup {
  io: Io;
  rules: readonly Rule[];
  report: ReportOptions;
  /** --no-redact: findings carry the whole key in `secret`. */
  showSecret: boolean;
  progress: Progress;
  /** Drops findings the user has accepted (config allowlists, baseline); true keeps. */
  keep: (finding: Finding) => boolean;
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
  suppressed: { files: number };
  /** --verify: check each unique key against the rule's endpoint before reporting. Never implicit. */
  verify: boolean;
  /** When the scan started (reports that carry times: GitLab, JUnit). */
  startedAt: Date;
}

export interface PrepareOptions {
  /**
   * What finding paths are relative to: "root" (the repository root: git
   * sources) or "cwd" (the working-tree scan, which shows paths from the cwd).
   */
  paths?: "root" | "cwd";
}

const toPosix = (p: string) => (sep === "/" ? p : p.split(sep).join("/"));

/** `--max-file-size`, for the commands that read whole files or blobs (`what` names them in --help). */
export function maxFileSizeOption(what: string): OptionSpec {
  return {
    name: "max-file-size",
    type: "string",
    value: "SIZE",
    description: `skip ${what} larger than SIZE (default: the config's maxFileSize, else 10MiB)`,
  };
}

/** The size limit: --max-file-size, else the config's maxFileSize, else 10 MiB. */
export function readMaxFileSize(args: ParsedArgs, setup: ScanSetup): number {
  const text = stringOption(args, "max-file-size");
  return text === undefined ? (setup.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) : parseSizeLimit(text, "--max-file-size");
}

/** Read the shared options; bad values (unknown format...) fail here, before any scanning. */
export async function prepareScan(args: ParsedArgs, io: Io, options: PrepareOptions = {}): Promise<ScanSetup> {
  const format = stringOption(args, "format") ?? "text";
  checkFormat(format);
  const output = stringOption(args, "output");
  const extra = stringListOption(args, "report").map(parseReportTarget);
  const env = io.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  const color = !booleanOption(args, "no-color") && !env.NO_COLOR && output === undefined && (forced || io.stdoutIsTTY);
  const config = await loadConfig(io.cwd, stringOption(args, "config"), io.env);
  const rules = config.applyToRules(builtinRules());
  io.redaction?.addRules(rules); // the config's extra rules redact their keys in every output too
  const verify = booleanOption(args, "verify");
  if (verify) (await import("../verify/tavily.js")).checkVerifyUrls(rules, env); // a bad TVLY_GUARD_VERIFY_URL fails before any scanning
  const rootPath =
    options.paths === "cwd"
      ? (file: string) => (file === STDIN_PATH ? file : toPosix(relative(config.root, resolve(io.cwd, file))))
      : (file: string) => file;
  const baselineFile = stringOption(args, "baseline");
  const writeFile = stringOption(args, "write-baseline");
  const baseline = {
    read: baselineFile === undefined ? undefined : readBaseline(resolve(io.cwd, baselineFile), baselineFile),
    readFile: baselineFile,
    writeAbs: writeFile === undefined ? undefined : resolve(io.cwd, writeFile),
    writeFile,
  };
  const suppressed = { files: 0 };
  const setup: ScanSetup = {
    io,
    rules,
    report: { format, output, color, extra, verbose: booleanOption(args, "verbose") },
    showSecret: booleanOption(args, "no-redact"),
    progress: createProgress(io.stderr, io.stderrIsTTY, () => io.stderrColumns),
    keep: (f) => keepByConfig(setup, f) && !inBaseline(setup, f),
    config,
    maxFileSize: config.config.maxFileSize,
    skipsFile(abs) {
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

/** False when the config allowlists the finding's path or commit. */
function keepByConfig(setup: ScanSetup, f: Finding): boolean {
  return !(
    (f.file !== null && setup.config.allowsPath(setup.rootPath(f.file))) ||
    (f.commit !== null && setup.config.allowsCommit(f.commit))
  );
}

/** A baseline names files as every output does: a key in a path is redacted (on both sides of the comparison). */
function baselineEntry(setup: ScanSetup, f: Finding): BaselineEntry {
  // A message or note has no file: its place (`commit-message:<sha>`) stands in for the path.
  const file = f.file === null ? placeOf(f) : setup.rootPath(f.file);
  return { fingerprint: f.fingerprint, file: setup.io.redaction?.scrub(file) ?? file, ruleId: f.ruleId };
}

function inBaseline(setup: ScanSetup, f: Finding): boolean {
  return setup.baseline.read?.has(baselineEntry(setup, f)) ?? false;
}

/** Write the report and the summary line; return the exit code the findings call for. */
export async function finishScan(
  setup: ScanSetup,
  mode: string,
  all: Finding[],
  summary: ScanSummary,
): Promise<number> {
  const { io, rules, report: options, baseline } = setup;
  const allowed = all.filter((f) => keepByConfig(setup, f));
  const findings = allowed.filter((f) => !inBaseline(setup, f));
  // The written baseline holds every finding the config does not allow, including ones
  // the old baseline held back, so `--baseline b --write-baseline b` refreshes it.
  const written =
    baseline.writeAbs === undefined
      ? undefined
      : writeBaseline(
          baseline.writeAbs,
          baseline.writeFile!,
          allowed.map((f) => baselineEntry(setup, f)),
        );
  // Verification and triage are loaded only when there is something to check: a clean run skips them.
  if (setup.verify && findings.length > 0)
    summary.warnings.push(
      ...(await (await import("../verify/tavily.js")).verifyFindings(findings, rules, { env: io.env })),
    );
  const keys = findings.length === 0 ? [] : await triageFindings(findings, { cwd: io.cwd, env: io.env }, summary);
  const context: ReportContext = {
    version: VERSION,
    mode,
    findings,
    summary,
    rules,
    color: options.color,
    verbose: options.verbose,
    keys,
    timing: { start: setup.startedAt, end: new Date() },
  };
  const report = (await loadReporter(options.format))(context);
  if (options.output !== undefined) writeReportFile(setup, options.output, report);
  else if (report) (setup.showSecret ? (io.unredactedStdout ?? io.stdout) : io.stdout)(report);
  for (const { format, file } of options.extra)
    writeReportFile(setup, file, (await loadReporter(format))({ ...context, color: false }));
  for (const warning of summary.warnings) io.stderr(`tvly-guard: warning: ${warning}\n`);
  io.stderr(`${formatSummary(summary, findings.length, groupByKey(findings).length, mode)}\n`);
  const held = describeSuppressed(
    setup,
    setup.suppressed.files,
    all.length - allowed.length,
    allowed.length - findings.length,
  );
  if (held) io.stderr(`tvly-guard: not reported: ${held}.\n`);
  if (written !== undefined) {
    const keyCount = new Set(allowed.map((f) => f.fingerprint)).size;
    io.stderr(
      `tvly-guard: wrote ${written} baseline ${written === 1 ? "entry" : "entries"} (${keyCount} ${keyCount === 1 ? "key" : "keys"}) to ${displayFile(io.cwd, baseline.writeAbs!)}; exit 0. Pass --baseline ${baseline.writeFile} to stop reporting them (still revoke any key that was real).\n`,
    );
    return ExitCode.clean;
  }
  return findings.length > 0 ? ExitCode.findings : ExitCode.clean;
}

/** A report file is output too: through the redaction pass, unless --no-redact asked for the keys. */
function writeReportFile(setup: ScanSetup, file: string, report: string): void {
  const { io } = setup;
  const text = setup.showSecret ? report : (io.redaction?.scrub(report) ?? report);
  writeOutputFile(resolve(io.cwd, file), text, file);
}

/** Exposure per key (pushed, still in HEAD); a git hiccup here must not hide the findings themselves. */
async function triageFindings(findings: Finding[], ctx: GitContext, summary: ScanSummary) {
  const { triageKeys } = await import("../triage/exposure.js");
  const { summarizeKeys } = await import("../report/keys.js");
  const { openExposureQueries } = await import("../git/exposure.js");
  return triageKeys(findings, await openExposureQueries(ctx)).catch((err: unknown) => {
    summary.warnings.push(`could not tell which keys were pushed or are still in HEAD: ${(err as Error).message}`);
    return summarizeKeys(findings);
  });
}

function describeSuppressed(setup: ScanSetup, files: number, byConfig: number, byBaseline: number): string {
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;
  const parts: string[] = [];
  if (files > 0) parts.push(`${n(files, "file")} allowlisted by ${setup.config.file}`);
  if (byConfig > 0) parts.push(`${n(byConfig, "finding")} allowlisted by ${setup.config.file}`);
  if (byBaseline > 0) parts.push(`${n(byBaseline, "finding")} in the baseline ${setup.baseline.readFile}`);
  return parts.join(", ");
}
