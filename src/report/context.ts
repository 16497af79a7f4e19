// Everything a reporter gets: the findings, what was scanned, and the rules
// (for remediation text and SARIF rule metadata).
import type { Rule } from "../engine/rule.js";
import type { ScanSummary } from "../sources/chunk.js";
import type { Finding } from "./finding.js";
import type { KeyExposure } from "./keys.js";

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
  /** staged: the full report (every step, triage) instead of the short one a refused commit shows. */
  verbose?: boolean;
  /** When the scan started and ended (reports that carry times: GitLab, JUnit); absent means now. */
  timing?: { start: Date; end: Date };
  /**
   * The output redaction pass, for a name a reporter encodes (a SARIF URI): redacted before
   * it is percent-encoded, the pass's "…" becomes %E2%80%A6 instead of landing raw in a URI.
   * Absent with --no-redact (and in unit tests): the name is encoded as it is.
   */
  redactName?: (name: string) => string;
}
