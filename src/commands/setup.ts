// What every scanning command (scan, staged, diff, history) shares: the
// options, the rules and filters a scan runs with, and the end of a scan
// (report, stderr summary, exit code). Commands differ only in their source.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { builtinRules, type Rule } from "../engine/rule.js";
import { ExitCode, InputError } from "../errors.js";
import type { Io } from "../io.js";
import { createProgress, type Progress } from "../progress.js";
import { groupByKey } from "../report/context.js";
import type { Finding, ScanSummary } from "../report/finding.js";
import { FORMATS, reporterFor } from "../report/index.js";
import { formatSummary } from "../report/summary.js";
import { isCommitPushed, readHeadFiles } from "../sources/git.js";
import { summarizeKeys, triageKeys } from "../triage/exposure.js";
import { checkVerifyUrls, verifyFindings } from "../verify/tavily.js";
import { VERSION } from "../version.js";
import { booleanOption, stringOption, type OptionSpec, type ParsedArgs } from "./args.js";

/** Options every scanning command takes. */
export const SCAN_OPTIONS: readonly OptionSpec[] = [
  { name: "format", type: "string", short: "f", value: "FORMAT", description: `report format: ${FORMATS.join(", ")} (default text)` },
  { name: "output", type: "string", short: "o", value: "FILE", description: "write the report to FILE instead of stdout" },
  { name: "no-redact", type: "boolean", description: "show whole keys in the report (they are redacted by default)" },
  { name: "no-color", type: "boolean", description: "no colours (NO_COLOR and FORCE_COLOR are honoured too)" },
  { name: "verify", type: "boolean", description: "ask Tavily whether each key found is live (sends each key once, over HTTPS, to the rule's endpoint)" },
];

export interface ReportOptions {
  format: string;
  output: string | undefined;
  color: boolean;
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
  /** --verify: check each unique key against the rule's endpoint before reporting. Never implicit. */
  verify: boolean;
}

/** Read the shared options; bad values (unknown format...) fail here, before any scanning. */
export async function prepareScan(args: ParsedArgs, io: Io): Promise<ScanSetup> {
  const format = stringOption(args, "format") ?? "text";
  reporterFor(format);
  const output = stringOption(args, "output");
  const env = io.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  const color = !booleanOption(args, "no-color") && !env.NO_COLOR && output === undefined && (forced || io.stdoutIsTTY);
  const verify = booleanOption(args, "verify");
  const rules = builtinRules();
  if (verify) checkVerifyUrls(rules, env); // a bad TVLY_GUARD_VERIFY_URL fails before any scanning
  return {
    io,
    rules,
    report: { format, output, color },
    showSecret: booleanOption(args, "no-redact"),
    progress: createProgress(io.stderr, io.stderrIsTTY),
    keep: () => true,
    verify,
  };
}

/** Write the report and the summary line; return the exit code the findings call for. */
export async function finishScan(setup: ScanSetup, mode: string, all: Finding[], summary: ScanSummary): Promise<number> {
  const { io, rules, report: options } = setup;
  const findings = all.filter(setup.keep);
  if (setup.verify && findings.length > 0) summary.warnings.push(...(await verifyFindings(findings, rules, { env: io.env })));
  const keys = await triageKeys(findings, { isPushed: (commit) => isCommitPushed(io.cwd, commit), readHeadFiles: (paths) => readHeadFiles(io.cwd, paths) }).catch((err: unknown) => {
    // Triage adds context; a git hiccup there must not hide the findings themselves.
    summary.warnings.push(`could not tell which keys were pushed or are still in HEAD: ${(err as Error).message}`);
    return summarizeKeys(findings);
  });
  const report = reporterFor(options.format)({ version: VERSION, mode, findings, summary, rules, color: options.color, keys });
  if (options.output !== undefined) {
    try {
      writeFileSync(resolve(io.cwd, options.output), report);
    } catch (err) {
      throw new InputError(`cannot write ${options.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  } else if (report) {
    io.stdout(report);
  }
  for (const warning of summary.warnings) io.stderr(`tvly-guard: warning: ${warning}\n`);
  io.stderr(formatSummary(summary, findings.length, groupByKey(findings).length, mode) + "\n");
  return findings.length > 0 ? ExitCode.findings : ExitCode.clean;
}
