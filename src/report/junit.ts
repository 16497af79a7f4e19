// JUnit XML, the test-report format Jenkins, Azure DevOps, CircleCI and
// GitLab read: one failed test case per finding, so each leaked key shows up
// in the CI's test view; a clean scan is one passing case saying what was covered.
// Shape: the Ant/Surefire schema most CI systems follow (testsuites > testsuite > testcase > failure).
import type { Rule } from "../engine/rule.js";
import type { ReportContext } from "./context.js";
import type { Finding } from "./finding.js";
import { describePlace, formatLocation } from "./location.js";
import { describeFinding, ruleLabel } from "./message.js";
import { fillStep } from "./remediation.js";
import { formatSummary } from "./summary.js";

// Characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF):
// a file name may contain them, so they become U+FFFD rather than break the parser.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values also escape quotes, and keep line breaks and tabs (which parsers would turn into spaces). */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join("");
}

/** What a CI's test list shows for a finding: where it is (file:line:column, or the message, note or blob). */
function caseName(f: Finding): string {
  const commit = f.commit ? ` (commit ${f.commit.slice(0, 12)})` : "";
  return f.file ? `${f.file}:${f.line}:${f.column}${commit}` : `${describePlace(f)} line ${f.line}:${f.column}`;
}

function failureBody(f: Finding, rule: Rule | undefined): string {
  const r = rule?.remediation;
  const lines = [
    `${ruleLabel(rule, f.ruleId)} ${f.secret} at ${formatLocation(f)}`,
    ...(f.commit ? [`Commit: ${f.commit}${f.author ? ` by ${f.author}` : ""}${f.date ? ` on ${f.date}` : ""}`] : []),
    `Key fingerprint: ${f.fingerprint}`,
    ...(r ? ["", `${r.title}:`, ...r.steps.map((step, i) => `${i + 1}. ${fillStep(step, r)}`)] : []),
  ];
  return lines.join("\n");
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** Render the findings as one JUnit XML document with one suite. */
export function renderJunit(ctx: ReportContext): string {
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const end = ctx.timing?.end ?? new Date();
  const start = ctx.timing?.start ?? end;
  const time = seconds(end.getTime() - start.getTime());
  const failures = ctx.findings.length;
  const tests = Math.max(1, failures);
  const summary = formatSummary(ctx.summary, failures, new Set(ctx.findings.map((f) => f.fingerprint)).size, ctx.mode);
  const { commits, files, bytes, binary } = ctx.summary;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: "tvly-guard", tests, failures, errors: 0, time })}>`,
    `  <testsuite${attributes({ name: `tvly-guard ${ctx.mode}`, tests, failures, errors: 0, skipped: 0, time, timestamp: start.toISOString().slice(0, 19) })}>`,
    "    <properties>",
    ...Object.entries({ version: ctx.version, mode: ctx.mode, commits, files, bytes, binary }).map(
      ([name, value]) => `      <property${attributes({ name: `tvly-guard.${name}`, value })}/>`,
    ),
    "    </properties>",
  ];
  for (const f of ctx.findings) {
    const rule = rulesById.get(f.ruleId);
    out.push(
      `    <testcase${attributes({ classname: `tvly-guard.${f.ruleId}`, name: caseName(f), file: f.file || undefined, line: f.file ? f.line : undefined, time: "0" })}>`,
      `      <failure${attributes({ type: f.ruleId, message: describeFinding(f, rule) })}>${escapeXmlText(failureBody(f, rule))}</failure>`,
      "    </testcase>",
    );
  }
  if (failures === 0)
    out.push(`    <testcase${attributes({ classname: `tvly-guard.${ctx.mode}`, name: "no keys found", time })}/>`);
  out.push(`    <system-out>${escapeXmlText(summary)}</system-out>`);
  if (ctx.summary.warnings.length)
    out.push(
      `    <system-err>${escapeXmlText(ctx.summary.warnings.map((w) => `warning: ${w}`).join("\n"))}</system-err>`,
    );
  out.push("  </testsuite>", "</testsuites>", "");
  return out.join("\n");
}
