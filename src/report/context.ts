// Everything a reporter gets: the findings, what was scanned, and the rules
// (for remediation text and SARIF rule metadata).
import type { Rule } from "../engine/rule.js";
import type { KeyExposure } from "../triage/exposure.js";
import type { Finding, ScanSummary } from "./finding.js";

export interface ReportContext {
  version: string;
  /** The command that produced the findings: scan, staged, diff, history. */
  mode: string;
  findings: Finding[];
  summary: ScanSummary;
  rules: readonly Rule[];
  color: boolean;
  /** One entry per unique key (triage, --verify); reporters fall back to summarizeKeys(findings) when absent. */
  keys?: KeyExposure[];
  /** When the scan started and ended (reports that carry times: GitLab, JUnit); absent means now. */
  timing?: { start: Date; end: Date };
}

/** Findings grouped by key (fingerprint), in first-seen order: one key to revoke, many places. */
export function groupByKey(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.fingerprint);
    if (group) group.push(f);
    else groups.set(f.fingerprint, [f]);
  }
  return [...groups.values()];
}
