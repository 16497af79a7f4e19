import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { commitFiles, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const schema = JSON.parse(readFileSync(new URL("../fixtures/sarif/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
const ajv = new AjvDraft04({ allErrors: true, strict: false });
(addFormats as unknown as (a: AjvDraft04) => void)(ajv);
const validate = ajv.compile(schema);
const gitlabSchema = JSON.parse(
  readFileSync(new URL("../fixtures/gitlab/secret-detection-report-format.json", import.meta.url), "utf8"),
);
const validateGitlab = new Ajv({ allErrors: true, strict: false }).compile(gitlabSchema);
const keys = fakeKeys(4242);

describe("--format sarif and --format github from the CLI", () => {
  it("writes a valid SARIF file with --output, exits 1, and never the whole key", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { ".env": `TAVILY_API_KEY=${key}\n`, "ok.txt": "clean\n" });
    const r = runCli(["scan", "--format", "sarif", "--output", "out.sarif"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/scanned 2 files/);
    const text = readFileSync(join(dir, "out.sarif"), "utf8");
    expect(text).not.toContain(key);
    const log = JSON.parse(text);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].results).toHaveLength(1);
  });

  it("a file named with a key: its URI is redacted, then percent-encoded (a valid uri-reference), on stdout and in files", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { [`${key}.env`]: `TAVILY_API_KEY=${keys.next()}\n` });
    const printed = runCli(["scan", "--format", "sarif"], { cwd: dir });
    runCli(["scan", "--report", "sarif:out.sarif"], { cwd: dir });
    for (const text of [printed.stdout, readFileSync(join(dir, "out.sarif"), "utf8")]) {
      expect(text).not.toContain(key);
      const log = JSON.parse(text);
      expect(validate(log) ? [] : validate.errors).toEqual([]);
      expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
        `${redacted(key).replace("…", "%E2%80%A6")}.env`,
      );
    }
  });

  it("prints workflow commands on stdout and exits 0 with nothing on a clean tree", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { "a.py": `KEY = "${key}"\n` });
    const r = runCli(["scan", "--format", "github"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(
      r.stdout.startsWith(`::error file=a.py,line=1,col=8,title=tvly-guard%3A Tavily API key ${key.slice(0, 13)}…::`),
    ).toBe(true);
    expect(r.stdout.split("\n")).toHaveLength(2);
    expect(r.stdout).not.toContain(key);
    const clean = tempDir();
    writeFiles(clean, { "a.py": "KEY = os.environ['TAVILY_API_KEY']\n" });
    expect(runCli(["scan", "--format", "github"], { cwd: clean })).toMatchObject({ code: 0, stdout: "" });
  });

  it("writes a GitLab secret-detection report that GitLab's schema accepts, from a real git range", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const key = keys.next("tvly-dev-");
    const sha = commitFiles(repo, { "app/settings.py": `KEY = "${key}"\n` }, "leak");
    const r = runCli(["diff", "HEAD~1..HEAD", "--format", "gitlab", "--output", "gl-secret-detection-report.json"], {
      cwd: repo,
    });
    expect(r.code).toBe(1);
    const text = readFileSync(join(repo, "gl-secret-detection-report.json"), "utf8");
    expect(text).not.toContain(key);
    const report = JSON.parse(text);
    expect(validateGitlab(report) ? [] : validateGitlab.errors).toEqual([]);
    expect(report.vulnerabilities).toHaveLength(1);
    expect(report.vulnerabilities[0].location).toMatchObject({
      file: "app/settings.py",
      commit: { sha },
      start_line: 1,
    });
  });

  it("writes a JUnit file an XML parser reads: one failing case per finding, or one passing case when clean", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { "a.env": `K=${key}\n`, "b.env": `K=${key}\n` });
    const r = runCli(["scan", "--format", "junit", "--output", "junit.xml"], { cwd: dir });
    expect(r.code).toBe(1);
    const errors: string[] = [];
    const parser = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) });
    const doc = parser.parseFromString(readFileSync(join(dir, "junit.xml"), "utf8"), "text/xml");
    expect(errors).toEqual([]);
    const cases = Array.from(doc.getElementsByTagName("testcase"));
    expect(cases.map((c) => c.getAttribute("name"))).toEqual(["a.env:1:3", "b.env:1:3"]);
    expect(doc.getElementsByTagName("failure")).toHaveLength(2);
    const clean = tempDir();
    writeFiles(clean, { "ok.txt": "nothing here\n" });
    expect(runCli(["scan", "--format", "junit"], { cwd: clean })).toMatchObject({ code: 0 });
    const cleanDoc = parser.parseFromString(runCli(["scan", "--format", "junit"], { cwd: clean }).stdout, "text/xml");
    expect(cleanDoc.getElementsByTagName("testcase")).toHaveLength(1);
    expect(cleanDoc.getElementsByTagName("failure")).toHaveLength(0);
  });

  it("--report FORMAT:FILE writes more reports from the same scan, next to the one on stdout", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { "src/a.py": `KEY = "${key}"\n`, "out/.keep": "" });
    const r = runCli(
      [
        "scan",
        "--format",
        "github",
        "--report",
        "sarif:out/r.sarif",
        "--report",
        "json:r.json",
        "--report",
        "text:r.txt",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=src\/a\.py,line=1,col=8,/);
    expect(r.stderr.match(/tvly-guard scan: scanned/g)).toHaveLength(1); // one scan
    const sarif = JSON.parse(readFileSync(join(dir, "out", "r.sarif"), "utf8"));
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).findings[0].file).toBe("src/a.py");
    const text = readFileSync(join(dir, "r.txt"), "utf8");
    expect(text).toContain("src/a.py:1:8");
    expect(text).not.toContain("\x1b["); // files are never coloured
    for (const f of ["out/r.sarif", "r.json", "r.txt"]) expect(readFileSync(join(dir, f), "utf8")).not.toContain(key);
  });

  it("--report without FORMAT:FILE, or with an unknown format, is exit 2 before scanning", () => {
    const dir = tempDir();
    writeFiles(dir, { "a.txt": "x\n" });
    const bare = runCli(["scan", "--report", "results.sarif"], { cwd: dir });
    expect(bare).toMatchObject({ code: 2, stdout: "" });
    expect(bare.stderr).toBe(
      'tvly-guard: --report expects FORMAT:FILE (for example sarif:results.sarif), not "results.sarif"\n',
    );
    const unknown = runCli(["scan", "--report", "xml:r.xml"], { cwd: dir });
    expect(unknown.code).toBe(2);
    // The flag that gave the format is named, with the formats it takes.
    expect(unknown.stderr).toBe(
      'tvly-guard: unknown --report format "xml" (expected one of: text, json, sarif, github, gitlab, junit)\n',
    );
  });
});
