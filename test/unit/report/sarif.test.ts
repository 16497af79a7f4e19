import { readFileSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../../src/engine/rule.js";
import { renderSarif, resultFingerprint, SARIF_FINGERPRINT_NAME, toArtifactUri } from "../../../src/report/sarif.js";
import { fakeKeys } from "../../helpers/fake-key.js";
import { findingsIn, findingsInMessage, reportContext } from "../../helpers/findings.js";

// The official OASIS schema (draft-04), shipped as a fixture: see test/fixtures/sarif/README.md.
const schema = JSON.parse(
  readFileSync(new URL("../../fixtures/sarif/sarif-schema-2.1.0.json", import.meta.url), "utf8"),
);
// The schema is draft-04, which plain Ajv 8 no longer reads: ajv-draft-04 does.
const ajv = new AjvDraft04({ allErrors: true, strict: false });
(addFormats as unknown as (a: AjvDraft04) => void)(ajv);
const validate = ajv.compile(schema);

function validSarif(text: string) {
  const log = JSON.parse(text);
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
  return log;
}

const keys = fakeKeys(404);

describe("renderSarif", () => {
  it("puts a key in a commit message, tag message or note at a logical location (there is no file), still valid", () => {
    const commit = { sha: "c".repeat(40), author: "Ada <ada@example.com>", date: "2026-01-02T03:04:05Z" };
    const key = keys.next();
    const findings = [
      ...findingsInMessage(`subject\n\nusing ${key} for now\n`, { location: "commit-message", commit }),
      ...findingsInMessage(`release notes ${key}\n`, { location: "tag-message", ref: "v1.0", object: "d".repeat(40) }),
      ...findingsInMessage(`${key}\n`, { location: "note", ref: "refs/notes/commits", commit, reachable: false }),
    ];
    const log = validSarif(renderSarif(reportContext(findings, "history")));
    const results = log.runs[0].results;
    expect(results.map((r: { locations: unknown[] }) => r.locations[0])).toEqual([
      {
        logicalLocations: [
          {
            name: "commit cccccccccccc (message)",
            fullyQualifiedName: `commit-message:${"c".repeat(40)}`,
            kind: "resource",
          },
        ],
        properties: { location: "commit-message", line: 3, column: 7 },
      },
      {
        logicalLocations: [{ name: "tag v1.0 (message)", fullyQualifiedName: "tag-message:v1.0", kind: "resource" }],
        properties: { location: "tag-message", line: 1, column: 15 },
      },
      {
        logicalLocations: [
          {
            name: "note on commit cccccccccccc (refs/notes/commits)",
            fullyQualifiedName: `note:${"c".repeat(40)}`,
            kind: "resource",
          },
        ],
        properties: { location: "note", line: 1, column: 1 },
      },
    ]);
    expect(results[0].message.text).toContain("in commit cccccccccccc (message)");
    expect(results[0].message.text).toContain("git rebase -i");
    expect(results[2].properties).toMatchObject({ ref: "refs/notes/commits", reachable: false });
    expect(
      new Set(results.map((r: { partialFingerprints: object }) => JSON.stringify(r.partialFingerprints))).size,
    ).toBe(3);
  });

  it("validates against the SARIF 2.1.0 schema with findings from a working tree and from commits", () => {
    const [a, b] = [keys.next("tvly-dev-"), keys.next("tvly-")];
    const findings = [
      ...findingsIn("config/my settings.env", `X=1\nTAVILY_API_KEY=${a}\n`),
      ...findingsIn("src/é/app.py", `k = "${b}"  # comma, colon: 100%\n`, {
        sha: "a".repeat(40),
        author: "Ada <ada@example.com>",
        date: "2026-01-02T03:04:05Z",
      }),
    ];
    expect(findings).toHaveLength(2);
    const text = renderSarif(reportContext(findings, "history"));
    const log = validSarif(text);
    expect(text).not.toContain(a);
    expect(text).not.toContain(b);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(builtinRules().map((r) => r.id));
    const [r0, r1] = run.results;
    expect(r0.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "config/my%20settings.env", uriBaseId: "%SRCROOT%" },
      region: { startLine: 2, startColumn: 16 },
    });
    expect(r0.message.text).toContain(`${a.slice(0, 13)}…`);
    expect(r0.properties).toEqual({ secret: `${a.slice(0, 13)}…`, keyFingerprint: findings[0]!.fingerprint });
    expect(r1.locations[0].physicalLocation.artifactLocation.uri).toBe("src/%C3%A9/app.py");
    expect(r1.properties).toMatchObject({
      commit: "a".repeat(40),
      author: "Ada <ada@example.com>",
      date: "2026-01-02T03:04:05Z",
    });
    expect(r1.message.text).toContain(`in commit ${"a".repeat(12)}`);
    expect(run.properties).toEqual({
      mode: "history",
      scanned: {
        commits: 2,
        messages: 0,
        files: 3,
        bytes: 1234,
        skipped: { binary: 0, tooLarge: 0, symlinks: 0, unreadable: 0, unreadableDirectories: 0, special: 0 },
      },
    });
  });

  it("validates with no findings and lists the rule with help, helpUri and security-severity from the rule file", () => {
    const log = validSarif(renderSarif(reportContext([])));
    expect(log.runs[0].results).toEqual([]);
    const rule = builtinRules()[0]!;
    const d = log.runs[0].tool.driver.rules[0];
    expect(d).toMatchObject({
      id: rule.id,
      helpUri: rule.remediation.docsUrl,
      defaultConfiguration: { level: rule.severity },
    });
    expect(d.help.text).toContain(rule.remediation.title);
    expect(d.help.markdown).toContain(rule.remediation.revokeUrl);
    expect(Number(d.properties["security-severity"])).toBeGreaterThanOrEqual(7);
  });

  it("fingerprints one key in one file the same wherever its line moves, and apart across files and keys", () => {
    const key = keys.next();
    const other = keys.next();
    const [x] = findingsIn("a.env", `K=${key}\n`);
    const [moved] = findingsIn("a.env", `\n\n# note\nK=${key}\n`);
    const [elsewhere] = findingsIn("b.env", `K=${key}\n`);
    const [otherKey] = findingsIn("a.env", `K=${other}\n`);
    const fp = (f: typeof x) =>
      JSON.parse(renderSarif(reportContext([f!]))).runs[0].results[0].partialFingerprints[SARIF_FINGERPRINT_NAME];
    expect(fp(x)).toBe(resultFingerprint(x!));
    expect(fp(moved)).toBe(fp(x));
    expect(fp(elsewhere)).not.toBe(fp(x));
    expect(fp(otherKey)).not.toBe(fp(x));
    expect(fp(x)).not.toContain(key.slice(9));
  });

  it("carries scan warnings as tool notifications, still valid", () => {
    const ctx = reportContext([]);
    ctx.summary.warnings.push("shallow clone: history before abc123 was not scanned");
    const log = validSarif(renderSarif(ctx));
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain("shallow clone");
  });

  it("gives each result its finding's level, a byte offset in binary files and the encoding it was found through, still valid", () => {
    const key = keys.next();
    const findings = [
      ...findingsIn("test/fixtures/app.env", `K=${key}\n`),
      ...findingsIn("assets/blob.bin", `\0\0\x01header ${key}\0trailer`),
      ...findingsIn(
        "config/k8s.yaml",
        `data:\n  key: ${Buffer.from(`TAVILY_API_KEY=${keys.next()}`).toString("base64")}\n`,
      ),
    ];
    const log = validSarif(renderSarif(reportContext(findings)));
    const byUri = Object.fromEntries(
      log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
        r.locations[0]!.physicalLocation.artifactLocation.uri,
        r,
      ]),
    );
    expect(byUri["test/fixtures/app.env"].level).toBe("warning");
    expect(byUri["assets/blob.bin"].level).toBe("error");
    expect(byUri["assets/blob.bin"].locations[0].physicalLocation.region.byteOffset).toBe(10);
    expect(byUri["assets/blob.bin"].message.text).toContain("in a binary file at byte 10");
    expect(byUri["config/k8s.yaml"].properties.encoding).toBe("base64");
    expect(byUri["config/k8s.yaml"].message.text).toContain("base64-encoded");
  });

  it("writes paths as URI references", () => {
    expect(toArtifactUri("a b/c#d?.txt")).toBe("a%20b/c%23d%3F.txt");
    expect(toArtifactUri("dir/100%.env")).toBe("dir/100%25.env");
  });

  it("is rejected by the schema when broken, so the validation itself can fail", () => {
    const log = JSON.parse(renderSarif(reportContext(findingsIn("a.env", `K=${keys.next()}\n`))));
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
  });
});
