// GitLab's secret-detection report (`artifacts: reports: secret_detection`),
// schema 15.2.1: one vulnerability per finding, keys redacted. GitLab shows
// these in the merge request widget and the vulnerability report.
// Schema: https://gitlab.com/gitlab-org/security-products/security-report-schemas (dist/secret-detection-report-format.json)
import { createHash } from "node:crypto";
import type { Rule } from "../engine/rule.js";
import type { ReportContext } from "./context.js";
import { type Finding, placeOf } from "./finding.js";
import { describeFinding, ruleLabel } from "./message.js";
import { fillStep } from "./remediation.js";

export const GITLAB_SCHEMA_VERSION = "15.2.1";
const SCHEMA_URI = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/secret-detection-report-format.json`;
const INFORMATION_URI = "https://github.com/tvly-guard/tvly-guard";

/** Same reasoning as SARIF's security-severity: a key spends credit, it does not open data, so "High". */
const SEVERITY: Record<Rule["severity"], string> = { error: "High", warning: "Medium", note: "Low" };

/**
 * GitLab requires a commit for every location. A working-tree or staged scan
 * has none yet; GitLab's own analyzer writes this placeholder in that case.
 */
const NO_COMMIT = "0000000";

/** `yyyy-mm-ddThh:mm:ss` in UTC: the only time shape the schema accepts. */
function gitlabTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** A UUID-shaped id that stays the same for the same key at the same place, so GitLab does not see a new vulnerability each run. */
export function vulnerabilityId(f: Finding): string {
  const hex = createHash("sha256")
    .update(`${f.fingerprint}\0${placeOf(f)}\0${f.line}\0${f.column}\0${f.commit ?? ""}`)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function describeVulnerability(f: Finding, rule: Rule | undefined) {
  const r = rule?.remediation;
  const text = (name: string, value: string) => ({ type: "text", name, value });
  return {
    id: vulnerabilityId(f),
    name: `${ruleLabel(rule, f.ruleId)} in source code`,
    description: describeFinding(f, rule),
    severity: SEVERITY[f.severity],
    ...(r ? { solution: r.steps.map((step, i) => `${i + 1}. ${fillStep(step, r)}`).join("\n") } : {}),
    identifiers: [{ type: "tvly_guard_rule_id", name: `tvly-guard rule ${f.ruleId}`, value: f.ruleId }],
    ...(r?.docsUrl || r?.revokeUrl
      ? {
          links: [
            ...(r.revokeUrl ? [{ name: "Revoke the key", url: r.revokeUrl }] : []),
            ...(r.docsUrl ? [{ name: "Key management guide", url: r.docsUrl }] : []),
          ],
        }
      : {}),
    location: {
      ...(f.file ? { file: f.file } : {}),
      commit: {
        sha: f.commit ?? NO_COMMIT,
        ...(f.author ? { author: f.author } : {}),
        ...(f.date ? { date: f.date } : {}),
      },
      start_line: f.line,
      end_line: f.line,
    },
    details: {
      secret: text("Key (redacted)", f.secret),
      fingerprint: text("Key fingerprint (SHA-256)", f.fingerprint),
      ...(f.encoding ? { encoding: text("Encoding", f.encoding) } : {}),
      ...(f.offset !== undefined ? { offset: { type: "value", name: "Byte offset", value: f.offset } } : {}),
      ...(f.verified !== null ? { verified: { type: "value", name: "Live", value: f.verified } } : {}),
    },
  };
}

/** Render the findings as one GitLab secret-detection report. */
export function renderGitlab(ctx: ReportContext): string {
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const end = ctx.timing?.end ?? new Date();
  const tool = {
    id: "tvly-guard",
    name: "tvly-guard",
    version: ctx.version,
    vendor: { name: "tvly-guard" },
    url: INFORMATION_URI,
  };
  const report = {
    version: GITLAB_SCHEMA_VERSION,
    schema: SCHEMA_URI,
    scan: {
      analyzer: tool,
      scanner: tool,
      type: "secret_detection",
      start_time: gitlabTime(ctx.timing?.start ?? end),
      end_time: gitlabTime(end),
      status: "success",
      messages: ctx.summary.warnings.map((value) => ({ level: "warn", value })),
    },
    vulnerabilities: ctx.findings.map((f) => describeVulnerability(f, rulesById.get(f.ruleId))),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
