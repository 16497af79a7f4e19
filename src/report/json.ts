// The JSON report: stable field order, keys redacted (Finding never holds the raw key).

import type { ReportContext } from "./context.js";
import { sortByUrgency, summarizeKeys } from "./keys.js";

export function renderJson(ctx: ReportContext): string {
  const { commits, messages, files, bytes, binary, ruledOut, skipped } = ctx.summary;
  const report = {
    tool: "tvly-guard",
    version: ctx.version,
    mode: ctx.mode,
    // ruledOut only when files were ruled out (a large staged change): other reports keep their shape.
    scanned: { commits, messages, files, bytes, binary, ...(ruledOut > 0 ? { ruledOut } : {}), skipped },
    warnings: ctx.summary.warnings,
    ...(ctx.summary.notReported ? { notReported: ctx.summary.notReported } : {}),
    findings: ctx.findings,
    // One entry per unique key, most urgent first (see triage/exposure.ts).
    keys: sortByUrgency(ctx.keys ?? summarizeKeys(ctx.findings)),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
