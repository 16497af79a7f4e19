// The named steps between findings and the report: config allowlists, the
// baseline (read and written), --verify, and exposure triage.
import { type BaselineEntry, writeBaseline } from "../config/baseline.js";
import type { GitContext } from "../git/exec.js";
import type { RepositoryFacts } from "../git/repository.js";
import { type Finding, placeOf } from "../report/finding.js";
import type { KeyExposure } from "../report/keys.js";
import { plural } from "../report/summary.js";
import type { ScanSummary } from "../sources/chunk.js";
import type { ScanSetup } from "./setup.js";

/** False when the config allowlists the finding's path or commit. */
export function keepByConfig(setup: ScanSetup, f: Finding): boolean {
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

export function inBaseline(setup: ScanSetup, f: Finding): boolean {
  return setup.baseline.read?.has(baselineEntry(setup, f)) ?? false;
}

/**
 * Write --write-baseline: every finding the config does not allow, including ones
 * the old baseline held back, so `--baseline b --write-baseline b` refreshes it.
 * The number of entries written, or undefined when not asked.
 */
export function writeBaselineStep(setup: ScanSetup, allowed: readonly Finding[]): number | undefined {
  const { baseline } = setup;
  if (baseline.writeAbs === undefined) return undefined;
  return writeBaseline(
    baseline.writeAbs,
    baseline.writeFile!,
    allowed.map((f) => baselineEntry(setup, f)),
  );
}

/** --verify: ask the rule's endpoint about each key; loaded only when there is something to check. */
export async function verifyStep(setup: ScanSetup, findings: Finding[], summary: ScanSummary): Promise<void> {
  if (!setup.verify || findings.length === 0) return;
  const { verifyFindings } = await import("../verify/tavily.js");
  summary.warnings.push(...(await verifyFindings(findings, setup.rules, { env: setup.io.env })));
}

/** Exposure per key (pushed, still in HEAD); a git hiccup here must not hide the findings themselves. */
export async function triageStep(
  findings: Finding[],
  ctx: GitContext,
  summary: ScanSummary,
  facts?: Promise<RepositoryFacts>,
): Promise<KeyExposure[]> {
  if (findings.length === 0) return [];
  const { triageKeys } = await import("../triage/exposure.js");
  const { summarizeKeys } = await import("../report/keys.js");
  const { openExposureQueries } = await import("../git/exposure.js");
  return triageKeys(findings, await openExposureQueries(ctx, facts)).catch((err: unknown) => {
    summary.warnings.push(`could not tell which keys were pushed or are still in HEAD: ${(err as Error).message}`);
    return summarizeKeys(findings);
  });
}

export function describeSuppressed(setup: ScanSetup, files: number, byConfig: number, byBaseline: number): string {
  const parts: string[] = [];
  if (files > 0) parts.push(`${plural(files, "file")} allowlisted by ${setup.config.file}`);
  if (byConfig > 0) parts.push(`${plural(byConfig, "finding")} allowlisted by ${setup.config.file}`);
  if (byBaseline > 0) parts.push(`${plural(byBaseline, "finding")} in the baseline ${setup.baseline.readFile}`);
  for (const list of ["keyRegexes", "lineRegexes", "stopwords"] as const) {
    const count = setup.suppressed[list];
    if (count > 0) parts.push(`${plural(count, "finding")} held back by allowlist.${list} in ${setup.config.file}`);
  }
  return parts.join(", ");
}
