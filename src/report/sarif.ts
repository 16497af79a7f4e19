// The SARIF 2.1.0 report, shaped for GitHub code scanning: rules with help
// text from the rule file, one result per finding, keys redacted.
// Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
import { createHash } from "node:crypto";
import type { Rule } from "../engine/rule.js";
import type { ReportContext } from "./context.js";
import { type Finding, placeOf } from "./finding.js";
import { describePlace } from "./location.js";
import { describeFinding } from "./message.js";
import { fillStep } from "./remediation.js";

const SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/tvly-guard/tvly-guard";

/**
 * GitHub's `security-severity` (0.0-10.0; 9+ critical, 7-8.9 high, 4-6.9 medium).
 * A committed API key is usable by anyone who can read the repository, so an
 * error-level rule is "high"; it stays below critical because a Tavily key
 * spends credit, it does not open data.
 */
const SECURITY_SEVERITY: Record<Rule["severity"], string> = { error: "8.5", warning: "5.5", note: "2.0" };

/** The name of the partialFingerprints entry; bump the version if its recipe changes. */
export const SARIF_FINGERPRINT_NAME = "tvlyGuardKeyInFile/v1";

/** `tavily-api-key` -> `TavilyApiKey`: SARIF's reportingDescriptor.name is an identifier. */
function toRuleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function describeRule(rule: Rule) {
  const r = rule.remediation;
  const steps = r.steps.map((step) => fillStep(step, r));
  const text = [
    rule.description,
    ...(r.notice ? ["", r.notice] : []),
    "",
    `${r.title}:`,
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    ...(r.docsUrl ? ["", `Guide: ${r.docsUrl}`] : []),
  ].join("\n");
  const markdown = [
    rule.description,
    ...(r.notice ? ["", r.notice] : []),
    "",
    `**${r.title}:**`,
    "",
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    "",
    "To keep a documented false positive, add `tvly-guard:allow` on its line.",
    ...(r.docsUrl ? ["", `[${r.docsUrl}](${r.docsUrl})`] : []),
  ].join("\n");
  return {
    id: rule.id,
    name: toRuleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text, markdown },
    ...(r.docsUrl ? { helpUri: r.docsUrl } : {}),
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: ["security", "secret", "credential"],
      precision: rule.precision ?? "very-high",
      "security-severity": SECURITY_SEVERITY[rule.severity],
    },
  };
}

/** A repo-relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function toArtifactUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/**
 * One key in one file is one alert: the fingerprint ignores the line so that
 * an edit above the key does not open a new alert, and the key's own
 * fingerprint (already a SHA-256) is hashed again with the path.
 */
export function resultFingerprint(f: Finding): string {
  return createHash("sha256")
    .update(`${f.fingerprint}\0${placeOf(f)}`)
    .digest("hex");
}

/**
 * Where the result is: a file region, or (a commit or tag message, a note, a
 * pathless blob) a logical location, since SARIF has no file to point at.
 */
function resultLocation(f: Finding, redactName: (name: string) => string) {
  if (f.file === null) {
    return {
      logicalLocations: [{ name: describePlace(f), fullyQualifiedName: placeOf(f), kind: "resource" }],
      properties: { location: f.location, line: f.line, column: f.column },
    };
  }
  return {
    physicalLocation: {
      artifactLocation: { uri: toArtifactUri(redactName(f.file)), uriBaseId: "%SRCROOT%" },
      region: {
        startLine: f.line,
        startColumn: f.column,
        ...(f.offset !== undefined ? { byteOffset: f.offset } : {}),
      },
    },
  };
}

function describeResult(f: Finding, rule: Rule | undefined, ruleIndex: number, redactName: (name: string) => string) {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    // The finding's own level: a key in a test fixture is a warning, not an error.
    level: f.severity,
    message: { text: describeFinding(f, rule) },
    locations: [resultLocation(f, redactName)],
    partialFingerprints: { [SARIF_FINGERPRINT_NAME]: resultFingerprint(f) },
    properties: {
      secret: f.secret,
      keyFingerprint: f.fingerprint,
      ...(f.commit ? { commit: f.commit, author: f.author, date: f.date } : {}),
      ...(!f.commit && f.author ? { tagger: f.author, date: f.date } : {}), // a tag message: who tagged, when
      ...(f.verified !== null ? { verified: f.verified } : {}),
      ...(f.encoding ? { encoding: f.encoding } : {}),
      ...(f.ref ? { ref: f.ref } : {}),
      ...(f.object ? { object: f.object } : {}),
      ...(f.reachable === false ? { reachable: false } : {}),
    },
  };
}

/** Render the findings as one SARIF log with one run. */
export function renderSarif(ctx: ReportContext): string {
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const { commits, messages, files, bytes, ruledOut, skipped } = ctx.summary;
  const log = {
    $schema: SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "tvly-guard",
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: INFORMATION_URI,
            rules: ctx.rules.map(describeRule),
          },
        },
        // The engine counts columns in code points, not SARIF's default UTF-16 units.
        columnKind: "unicodeCodePoints",
        originalUriBaseIds: {
          "%SRCROOT%": { description: { text: "The root of the scanned repository or directory." } },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: ctx.summary.warnings.map((text) => ({ level: "warning", message: { text } })),
          },
        ],
        results: ctx.findings.map((f) =>
          describeResult(
            f,
            rulesById.get(f.ruleId),
            ctx.rules.findIndex((r) => r.id === f.ruleId),
            ctx.redactName ?? ((name) => name),
          ),
        ),
        properties: {
          mode: ctx.mode,
          scanned: { commits, messages, files, bytes, ...(ruledOut > 0 ? { ruledOut } : {}), skipped },
          ...(ctx.summary.notReported ? { notReported: ctx.summary.notReported } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
