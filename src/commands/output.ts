// Options and output shared by every scanning command: --format, --output,
// --no-redact, --no-color; the report, the stderr summary and the exit code.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Rule } from "../engine/rule.js";
import { ExitCode, InputError } from "../errors.js";
import type { Io } from "../io.js";
import { groupByKey } from "../report/context.js";
import type { Finding, ScanSummary } from "../report/finding.js";
import { FORMATS, reporterFor } from "../report/index.js";
import { formatSummary } from "../report/summary.js";
import { VERSION } from "../version.js";
import { booleanOption, stringOption, type OptionSpec, type ParsedArgs } from "./args.js";

export const REPORT_OPTIONS: readonly OptionSpec[] = [
  { name: "format", type: "string", short: "f", value: "FORMAT", description: `report format: ${FORMATS.join(", ")} (default text)` },
  { name: "output", type: "string", short: "o", value: "FILE", description: "write the report to FILE instead of stdout" },
  { name: "no-redact", type: "boolean", description: "show whole keys in the report (they are redacted by default)" },
  { name: "no-color", type: "boolean", description: "no colours (NO_COLOR and FORCE_COLOR are honoured too)" },
];

export interface ReportOptions {
  format: string;
  output: string | undefined;
  showSecret: boolean;
  color: boolean;
}

/** Read the shared report options; an unknown format fails here, before any scanning. */
export function readReportOptions(args: ParsedArgs, io: Io): ReportOptions {
  const format = stringOption(args, "format") ?? "text";
  reporterFor(format);
  const output = stringOption(args, "output");
  const env = io.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  const color = !booleanOption(args, "no-color") && !env.NO_COLOR && output === undefined && (forced || io.stdoutIsTTY);
  return { format, output, showSecret: booleanOption(args, "no-redact"), color };
}

export interface ScanResult {
  mode: string;
  findings: Finding[];
  summary: ScanSummary;
  rules: readonly Rule[];
}

/** Write the report and the summary line; return the exit code the findings call for. */
export function finishScan(result: ScanResult, options: ReportOptions, io: Io): number {
  const { mode, findings, summary, rules } = result;
  const report = reporterFor(options.format)({ version: VERSION, mode, findings, summary, rules, color: options.color });
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
