// The end of every scan: the post-steps in order, the report, the stderr
// summary, and the exit code.
import { resolve } from "node:path";
import { displayFile } from "../config/load.js";
import { ExitCode } from "../errors.js";
import { writeOutputFile } from "../fs/atomic-write.js";
import type { ReportContext } from "../report/context.js";
import { renderReport } from "../report/index.js";
import { formatSummary } from "../report/summary.js";
import type { ScanSummary } from "../sources/chunk.js";
import type { Source } from "../sources/source.js";
import { packageVersion } from "../version.js";
import { type Collected, collectFindings, DETAIL_PER_PLACE } from "./collect.js";
import type { ScanSetup } from "./setup.js";
import { describeSuppressed, triageStep, verifyStep, writeBaselineStep } from "./steps.js";

/** The whole pipeline: scan `source`, then finishScan. */
export async function runScan(setup: ScanSetup, mode: string, source: Source, summary: ScanSummary): Promise<number> {
  return finishScan(setup, mode, await collectFindings(source, setup, summary), summary);
}

/** Write the report and the summary line; return the exit code the findings call for. */
export async function finishScan(
  setup: ScanSetup,
  mode: string,
  collected: Collected,
  summary: ScanSummary,
): Promise<number> {
  const { io, rules, report: options, baseline } = setup;
  const { findings, allowed } = collected;
  // The written baseline holds every finding the config does not allow, including ones
  // the old baseline held back, so `--baseline b --write-baseline b` refreshes it.
  const written = allowed && writeBaselineStep(setup, allowed);
  for (const [place, count] of collected.unlisted)
    summary.warnings.push(
      `${place} holds ${DETAIL_PER_PLACE + count} findings: the first ${DETAIL_PER_PLACE} are listed (and verified or triaged when asked), the other ${count} are counted in the summary line only; every key there needs revoking`,
    );
  await verifyStep(setup, findings, summary);
  const keys = await triageStep(findings, { cwd: io.cwd, env: io.env }, summary, setup.facts);
  const held = describeSuppressed(setup, setup.suppressed.files, collected.heldByConfig, collected.heldByBaseline);
  if (held) summary.notReported = held; // JSON and SARIF carry it too, not only the stderr line
  const context: ReportContext = {
    get version() {
      return packageVersion();
    },
    mode,
    findings,
    summary,
    rules,
    color: options.color,
    verbose: options.verbose,
    keys,
    timing: { start: setup.startedAt, end: new Date() },
    ...(setup.showSecret || !io.redaction ? {} : { redactName: (name: string) => io.redaction!.scrub(name) }),
  };
  const report = await renderReport(options.format, context);
  if (options.output !== undefined) writeReportFile(setup, options.output, report);
  else if (report) (setup.showSecret ? (io.unredactedStdout ?? io.stdout) : io.stdout)(report);
  for (const { format, file } of options.extra)
    writeReportFile(setup, file, await renderReport(format, { ...context, color: false }));
  for (const warning of summary.warnings) io.stderr(`tvly-guard: warning: ${warning}\n`);
  io.stderr(`${formatSummary(summary, collected.places, collected.keys, mode)}\n`);
  if (held) io.stderr(`tvly-guard: not reported: ${held}.\n`);
  if (allowed && written !== undefined) {
    const keyCount = new Set(allowed.map((f) => f.fingerprint)).size;
    io.stderr(
      `tvly-guard: wrote ${written} baseline ${written === 1 ? "entry" : "entries"} (${keyCount} ${keyCount === 1 ? "key" : "keys"}) to ${displayFile(io.cwd, baseline.writeAbs!)}; exit 0. Pass --baseline ${baseline.writeFile} to stop reporting them (still revoke any key that was real).\n`,
    );
    return ExitCode.clean;
  }
  return collected.places > 0 ? ExitCode.findings : ExitCode.clean;
}

/** A report file is output too: through the redaction pass, unless --no-redact asked for the keys. */
function writeReportFile(setup: ScanSetup, file: string, report: string): void {
  const { io } = setup;
  const text = setup.showSecret ? report : (io.redaction?.scrub(report) ?? report);
  writeOutputFile(resolve(io.cwd, file), text, file);
}
