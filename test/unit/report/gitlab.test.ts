import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { renderGitlab, vulnerabilityId } from "../../../src/report/gitlab.js";
import { fakeKeys, redacted } from "../../helpers/fake-key.js";
import { findingsIn, reportContext } from "../../helpers/findings.js";

// GitLab's published schema (draft-07), shipped as a fixture: see test/fixtures/gitlab/README.md.
const schema = JSON.parse(
  readFileSync(new URL("../../fixtures/gitlab/secret-detection-report-format.json", import.meta.url), "utf8"),
);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function validReport(text: string) {
  const report = JSON.parse(text);
  expect(validate(report) ? [] : validate.errors).toEqual([]);
  return report;
}

const keys = fakeKeys(1515);
const commit = { sha: "c".repeat(40), author: "Ada <ada@example.com>", date: "2026-01-02T03:04:05Z" };

describe("renderGitlab", () => {
  it("validates against GitLab's 15.2.1 schema, with findings from the working tree, a commit and a binary", () => {
    const [a, b, c] = [keys.next("tvly-dev-"), keys.next(), keys.next("tvly-prod-")];
    const findings = [
      ...findingsIn("config/my settings.env", `X=1\nTAVILY_API_KEY=${a}\n`),
      ...findingsIn("src/é/app.py", `k = "${b}"\n`, commit),
      ...findingsIn("assets/blob.bin", `\u0000\u0001${c}\u0000`),
    ];
    expect(findings).toHaveLength(3);
    const ctx = reportContext(findings, "history");
    ctx.summary.warnings.push("the clone is shallow");
    ctx.timing = { start: new Date("2026-03-04T05:06:07.890Z"), end: new Date("2026-03-04T05:06:09.001Z") };
    const text = renderGitlab(ctx);
    const report = validReport(text);
    for (const key of [a, b, c]) expect(text).not.toContain(key);
    expect(report.scan).toMatchObject({
      type: "secret_detection",
      status: "success",
      start_time: "2026-03-04T05:06:07",
      end_time: "2026-03-04T05:06:09",
      messages: [{ level: "warn", value: "the clone is shallow" }],
    });
    const [v0, v1, v2] = report.vulnerabilities;
    expect(v0.location).toEqual({
      file: "config/my settings.env",
      commit: { sha: "0000000" },
      start_line: 2,
      end_line: 2,
    });
    expect(v0.severity).toBe("High");
    expect(v0.identifiers).toEqual([
      { type: "tvly_guard_rule_id", name: "tvly-guard rule tavily-api-key", value: "tavily-api-key" },
    ]);
    expect(v0.details.secret.value).toBe(redacted(a));
    expect(v0.solution).toMatch(/^1\. /);
    expect(v1.location.commit).toEqual({ sha: commit.sha, author: commit.author, date: commit.date });
    expect(v1.location.file).toBe("src/é/app.py");
    expect(v2.details.offset).toEqual({ type: "value", name: "Byte offset", value: 2 });
    expect(new Set(report.vulnerabilities.map((v: { id: string }) => v.id)).size).toBe(3);
  });

  it("gives the same key at the same place the same id across runs, and another place another id", () => {
    const key = keys.next();
    const once = findingsIn("a.env", `K=${key}\n`)[0]!;
    const again = findingsIn("a.env", `K=${key}\n`)[0]!;
    const moved = findingsIn("b.env", `K=${key}\n`)[0]!;
    expect(vulnerabilityId(once)).toBe(vulnerabilityId(again));
    expect(vulnerabilityId(once)).not.toBe(vulnerabilityId(moved));
    expect(vulnerabilityId(once)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("writes a valid report with no vulnerabilities for a clean scan, and a test-file key as Medium", () => {
    const clean = validReport(renderGitlab(reportContext([], "diff")));
    expect(clean.vulnerabilities).toEqual([]);
    const inTest = validReport(renderGitlab(reportContext(findingsIn("test/fixtures/a.env", `K=${keys.next()}\n`))));
    expect(inTest.vulnerabilities[0].severity).toBe("Medium");
  });
});
