// The job summary ($GITHUB_STEP_SUMMARY) for one action run, in Markdown:
// what was scanned, each key (redacted) with the places it was found, linked
// to the file at that commit, and what to do. Built from the run's JSON report,
// the same public shape `--format json` prints.
import type { Rule } from "../engine/rule.js";
import type { Finding } from "../report/finding.js";
import { describePlace } from "../report/location.js";
import { fillStep } from "../report/remediation.js";
import { formatBytes } from "../report/summary.js";

/** The parts of the JSON report the summary reads. */
export interface JsonReport {
  mode: string;
  scanned: { commits: number; files: number; bytes: number };
  warnings: string[];
  findings: Finding[];
  keys: { fingerprint: string; secret: string; ruleId: string; pushed: boolean | null; verified: boolean | null }[];
}

export interface SummaryInput {
  /** What the plan scanned, in words ("the pull request's commits, 1a2b..3c4d"). */
  scanned: string;
  /** null when the scan failed before writing its report (exit 2). */
  report: JsonReport | null;
  exitCode: number;
  rules: readonly Rule[];
  /** GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA: links to files and commits; absent means no links. */
  env: NodeJS.ProcessEnv;
  /** Where the SARIF file was written, if it was. */
  sarifFile?: string;
}

/** Text for a Markdown table cell or line: no markup, no line breaks, no HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

/** Text as an inline code span: escapes mean nothing inside one, so backticks and line breaks are dropped instead. */
const codeSpan = (text: string) => `\`${text.replace(/[`\r\n]/g, "")}\``;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function linkBase(env: NodeJS.ProcessEnv): string | undefined {
  const server = env.GITHUB_SERVER_URL || "https://github.com";
  return env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined;
}

/** The place as Markdown: the file at the finding's commit (else the scanned commit), line anchored. */
function placeCell(f: Finding, env: NodeJS.ProcessEnv): string {
  const base = linkBase(env);
  const text = escapeMarkdown(f.file !== null ? `${f.file}:${f.line}` : describePlace(f));
  const sha = f.commit ?? env.GITHUB_SHA;
  if (!base || f.file === null || !sha) return text;
  const path = f.file.split("/").map(encodeURIComponent).join("/");
  return `[${text}](${base}/blob/${sha}/${path}#L${f.line})`;
}

function commitCell(f: Finding, env: NodeJS.ProcessEnv): string {
  if (!f.commit) return "not committed";
  const base = linkBase(env);
  const short = codeSpan(f.commit.slice(0, 12));
  const who = f.author ? ` ${escapeMarkdown(f.author.replace(/\s*<[^>]*>$/, ""))}` : "";
  const when = f.date ? ` ${f.date.slice(0, 10)}` : "";
  return `${base ? `[${short}](${base}/commit/${f.commit})` : short}${who}${when}`;
}

export function renderJobSummary(input: SummaryInput): string {
  const { report, env } = input;
  const out: string[] = [];
  if (!report) {
    out.push(
      "## tvly-guard: the scan failed",
      "",
      `Scanned: ${escapeMarkdown(input.scanned)}.`,
      "",
      `Exit code ${input.exitCode}: the reason is in the job log. Nothing was reported, and this is not a clean result.`,
    );
    return `${out.join("\n")}\n`;
  }
  const keyCount = report.keys.length;
  const s = report.scanned;
  const covered = [
    ...(report.mode === "scan" || report.mode === "staged" ? [] : [plural(s.commits, "commit")]),
    plural(s.files, report.mode === "scan" ? "file" : "blob"),
    formatBytes(s.bytes),
  ].join(", ");
  out.push(
    keyCount === 0
      ? "## tvly-guard: no keys found"
      : `## tvly-guard: ${plural(keyCount, "key")} found in ${plural(report.findings.length, "place")}`,
    "",
    `Scanned ${escapeMarkdown(input.scanned)}: ${covered}.`,
  );
  if (report.warnings.length) out.push("", ...report.warnings.map((w) => `> **Warning:** ${escapeMarkdown(w)}`));
  if (keyCount > 0) {
    out.push("", "| Key | Where | Commit | Rule |", "| --- | --- | --- | --- |");
    const byKey = new Map(report.keys.map((k) => [k.fingerprint, k]));
    const ordered = [...report.findings].sort(
      (a, b) => [...byKey.keys()].indexOf(a.fingerprint) - [...byKey.keys()].indexOf(b.fingerprint),
    );
    for (const f of ordered) {
      const key = byKey.get(f.fingerprint);
      const tags = [key?.verified === true ? "**live**" : "", key?.pushed === true ? "pushed" : ""].filter(Boolean);
      out.push(
        `| ${codeSpan(f.secret)}${tags.length ? ` (${tags.join(", ")})` : ""} | ${placeCell(f, env)} | ${commitCell(f, env)} | ${escapeMarkdown(f.ruleId)} |`,
      );
    }
    // The steps come from the rule file, as in every other report.
    for (const rule of input.rules.filter((r) => report.findings.some((f) => f.ruleId === r.id))) {
      const r = rule.remediation;
      out.push(
        "",
        `**${escapeMarkdown(r.title)}:**`,
        "",
        ...r.steps.map((step, i) => `${i + 1}. ${fillStep(step, r)}`),
      );
      if (r.docsUrl) out.push("", `Guide: ${r.docsUrl}`);
    }
  }
  if (input.sarifFile)
    out.push("", `SARIF written to ${codeSpan(input.sarifFile)} (upload it with github/codeql-action/upload-sarif).`);
  return `${out.join("\n")}\n`;
}
